#!/usr/bin/env bash
# End-to-end ingest benchmark: pipeline (signed HTTP sale -> Camel -> persistent AMQP publish -> 202) versus the
# embedded broker's own persistent throughput (artemis perf client), on one private copy of the distribution.
#
#   benchmarks/run-ingest.sh [ASSEMBLY_DIR]
#
# ASSEMBLY_DIR defaults to ../karaf-assembly/target/assembly next to this script; nothing of the platform is built.
# Settings (environment): SALES=20000 CONCURRENCY=32 WARMUP=2000 MAX_SECONDS=600 (IngestLoad's own limit)
#   PERF_MAX_PENDING=$CONCURRENCY PERF_PROTOCOL=CORE MESSAGE_SIZE=(measured) KEEP_WORK=0
#   PORT_HTTP=28181 PORT_SSH=28101 PORT_CORE=26616 PORT_AMQP=25672 PORT_STOMP=26613 PORT_MQTT=21883
#   PORT_RMI_REGISTRY=21099 PORT_RMI_SERVER=24444   MVN="mvn -q" (used only if the benchmark module is not built)
# Everything listens on and talks to 127.0.0.1 only; every step has a time limit; the trap stops the copy.
# Results are kept in benchmarks/target/ingest-run/ (summary.txt, the tool outputs and the copy's karaf.log).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
assembly=$(cd "${1:-$here/../karaf-assembly/target/assembly}" 2>/dev/null && pwd) || {
    echo "run-ingest: no assembly at ${1:-$here/../karaf-assembly/target/assembly}; build it with 'mvn install -DskipTests' at the top" >&2
    exit 2
}
[ -x "$assembly/bin/karaf" ] || { echo "run-ingest: $assembly/bin/karaf missing" >&2; exit 2; }

SALES=${SALES:-20000}
CONCURRENCY=${CONCURRENCY:-32}
WARMUP=${WARMUP:-2000}
MAX_SECONDS=${MAX_SECONDS:-600}
PERF_MAX_PENDING=${PERF_MAX_PENDING:-$CONCURRENCY}
PERF_PROTOCOL=${PERF_PROTOCOL:-CORE}
PORT_HTTP=${PORT_HTTP:-28181}
PORT_SSH=${PORT_SSH:-28101}
PORT_CORE=${PORT_CORE:-26616}
PORT_AMQP=${PORT_AMQP:-25672}
PORT_STOMP=${PORT_STOMP:-26613}
PORT_MQTT=${PORT_MQTT:-21883}
PORT_RMI_REGISTRY=${PORT_RMI_REGISTRY:-21099}
PORT_RMI_SERVER=${PORT_RMI_SERVER:-24444}
STARTUP_SECONDS=${STARTUP_SECONDS:-300}
LEDGER_SECONDS=${LEDGER_SECONDS:-600}
MVN=${MVN:-mvn -q}
KEEP_WORK=${KEEP_WORK:-0}

results="$here/target/ingest-run"
work=""
karaf_pid=""

log() { printf '[run-ingest %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }

# ---------------------------------------------------------------------------------------------------- clean-up
cleanup() {
    local status=$?
    trap - EXIT INT TERM
    if [ -n "$work" ] && [ -d "$work/dist" ]; then
        if [ -n "$karaf_pid" ] && kill -0 "$karaf_pid" 2>/dev/null; then
            log "stopping the distribution copy"
            (cd "$work/dist" && timeout 60 bin/stop >/dev/null 2>&1) || true
            for _ in $(seq 1 60); do kill -0 "$karaf_pid" 2>/dev/null || break; sleep 1; done
            local java_pid
            java_pid=$(cat "$work/dist/karaf.pid" 2>/dev/null || true)
            if [ -n "$java_pid" ] && kill -0 "$java_pid" 2>/dev/null; then
                log "karaf did not stop in 60 s; killing java $java_pid"
                kill "$java_pid" 2>/dev/null || true
                sleep 5
                kill -9 "$java_pid" 2>/dev/null || true
            fi
            kill "$karaf_pid" 2>/dev/null || true
        fi
        mkdir -p "$results"
        cp "$work/dist/data/log/karaf.log" "$results/karaf.log" 2>/dev/null || true
        cp "$work/karaf.out" "$results/karaf.out" 2>/dev/null || true
    fi
    if [ -n "$work" ] && [ "$KEEP_WORK" != "1" ]; then
        rm -rf "$work"
    elif [ -n "$work" ]; then
        log "kept $work"
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------------------------------------------- tools
# The load generator and the Artemis CLI are built into benchmarks/target once (needs the repository the first
# time; offline afterwards).
cli_home=$(ls -d "$here"/target/artemis-cli/apache-artemis-* 2>/dev/null | head -n 1 || true)
if [ ! -f "$here/target/classes/org/storelink/benchmarks/IngestLoad.class" ] || [ ! -d "$here/target/lib" ] \
        || [ -z "$cli_home" ]; then
    log "building the benchmark module and unpacking the Artemis CLI (benchmarks/target)"
    timeout 900 $MVN -f "$here/pom.xml" -Partemis-cli -DskipTests package || die "building benchmarks failed"
    cli_home=$(ls -d "$here"/target/artemis-cli/apache-artemis-* 2>/dev/null | head -n 1 || true)
fi
[ -x "$cli_home/bin/artemis" ] || die "no Artemis CLI under $here/target/artemis-cli"
load_cp="$here/target/classes:$here/target/lib/*"

for port in "$PORT_HTTP" "$PORT_SSH" "$PORT_CORE" "$PORT_AMQP" "$PORT_STOMP" "$PORT_MQTT" \
        "$PORT_RMI_REGISTRY" "$PORT_RMI_SERVER"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        die "port $port is already in use; set the PORT_* variables to free ones"
    fi
done

# ---------------------------------------------------------------------------------------------------- the copy
work=$(mktemp -d /tmp/storelink-bench.XXXXXX)
rm -rf "$results"
mkdir -p "$results" "$work/home"
log "copying $assembly to $work/dist"
cp -r "$assembly" "$work/dist"
dist="$work/dist"
etc="$dist/etc"

# key = value in a Karaf .cfg file, replaced or appended
set_cfg() {
    local file=$1 key=$2 value=$3
    if grep -Eq "^[[:space:]]*${key//./\\.}[[:space:]]*=" "$file" 2>/dev/null; then
        sed -i -E "s|^[[:space:]]*${key//./\\.}[[:space:]]*=.*|${key} = ${value}|" "$file"
    else
        printf '%s = %s\n' "$key" "$value" >>"$file"
    fi
}

cat >>"$etc/system.properties" <<EOF

# run-ingest.sh: a private copy on shifted ports, listening on loopback only
storelink.broker.host=127.0.0.1
storelink.broker.core.port=$PORT_CORE
storelink.broker.amqp.port=$PORT_AMQP
storelink.broker.stomp.port=$PORT_STOMP
storelink.broker.mqtt.port=$PORT_MQTT
EOF
# Older distributions have the acceptor ports written literally in artemis.xml.
sed -i -E \
    -e "s#tcp://0\.0\.0\.0:61616#tcp://127.0.0.1:$PORT_CORE#" \
    -e "s#tcp://0\.0\.0\.0:5672\?#tcp://127.0.0.1:$PORT_AMQP?#" \
    -e "s#tcp://0\.0\.0\.0:61613#tcp://127.0.0.1:$PORT_STOMP#" \
    -e "s#tcp://0\.0\.0\.0:1883\?#tcp://127.0.0.1:$PORT_MQTT?#" \
    "$etc/artemis.xml"
if grep -Eq 'tcp://[^"<]*:(61616|5672|61613|1883)\?' "$etc/artemis.xml"; then
    die "etc/artemis.xml still has a default acceptor port; see $etc/artemis.xml"
fi
# The routes' JMS connection factory: older distributions default to amqp://localhost:5672 whatever the broker's
# port, which would reach another instance's broker. Pin it to this copy's AMQP acceptor.
set_cfg "$etc/org.storelink.messaging.cfg" brokerUrl "amqp://localhost:$PORT_AMQP"
set_cfg "$etc/org.ops4j.pax.web.cfg" org.osgi.service.http.port "$PORT_HTTP"
set_cfg "$etc/org.ops4j.pax.web.cfg" org.ops4j.pax.web.listening.addresses "127.0.0.1"
set_cfg "$etc/org.apache.karaf.shell.cfg" sshPort "$PORT_SSH"
set_cfg "$etc/org.apache.karaf.shell.cfg" sshHost "127.0.0.1"
set_cfg "$etc/org.apache.karaf.management.cfg" rmiRegistryPort "$PORT_RMI_REGISTRY"
set_cfg "$etc/org.apache.karaf.management.cfg" rmiServerPort "$PORT_RMI_SERVER"

admin_password=$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24)
(umask 077 && printf '%s\n' "$admin_password" >"$work/admin-password")   # for KEEP_WORK=1 debugging
run_id="b$(date +%s)"

# ---------------------------------------------------------------------------------------------------- start
log "starting the copy (http $PORT_HTTP, ssh $PORT_SSH, core $PORT_CORE, amqp $PORT_AMQP)"
(cd "$dist" && STORELINK_ADMIN_PASSWORD="$admin_password" exec bin/karaf server) >"$work/karaf.out" 2>&1 </dev/null &
karaf_pid=$!
started=$(date +%s)
ready=""
while [ $(( $(date +%s) - started )) -lt "$STARTUP_SECONDS" ]; do
    kill -0 "$karaf_pid" 2>/dev/null || die "karaf exited during start-up; see $results/karaf.out"
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 \
        "http://127.0.0.1:$PORT_HTTP/storelink/api/v1/stores/readiness-probe/sales" || true)
    if [ "$code" = "405" ] && grep -q 'AMQ221007' "$dist/data/log/karaf.log" 2>/dev/null \
            && grep -q 'pos-webhook.ingest' "$dist/data/log/karaf.log" 2>/dev/null; then
        ready=yes
        break
    fi
    sleep 2
done
[ -n "$ready" ] || die "not ready after $STARTUP_SECONDS s (last HTTP status ${code:-none}); see $results/karaf.log"

console() {
    printf '%s\n' "$1" | KARAF_OPTS="-Duser.home=$work/home" JAVA_OPTS="-Xmx128m" \
        timeout 120 "$dist/bin/client" -u admin -p "$admin_password" -a "$PORT_SSH" -h 127.0.0.1 -r 3 -d 2 -b 2>&1
}
ledger_count() {
    console 'storelink:sales-summary' | sed -n -E 's/^Sales: ([0-9]+).*/\1/p' | head -n 1
}
artemis() {
    timeout "${ARTEMIS_TIMEOUT:-120}" "$cli_home/bin/artemis" "$@" --user admin --password "$admin_password" \
        --url "tcp://127.0.0.1:$PORT_CORE" --silent
}

# The HTTP servlet and the broker are up before the JAAS realm answers logins: wait until the console and the
# broker both accept the admin user.
ready=""
while [ $(( $(date +%s) - started )) -lt "$STARTUP_SECONDS" ]; do
    if [ -n "$(ledger_count || true)" ] \
            && ARTEMIS_TIMEOUT=60 artemis queue stat --queueName ledger.sales >"$results/ready.txt" 2>&1; then
        ready=yes
        break
    fi
    sleep 3
done
[ -n "$ready" ] || die "console or broker login not ready after $STARTUP_SECONDS s; see $results/ready.txt"
log "ready after $(( $(date +%s) - started )) s"

# ---------------------------------------------------------------------------------------------------- message size
# One probe sale, tapped with a temporary queue on storelink.sales.recorded, gives the size of the event the
# webhook really publishes (the canonical SaleRecorded JSON); the tap is deleted before the measured run.
if [ -z "${MESSAGE_SIZE:-}" ]; then
    artemis queue create --name bench.size.tap --address storelink.sales.recorded --multicast --durable \
        --preserve-on-no-consumers >"$results/tap.txt" 2>&1 || die "could not create the tap queue; see $results/tap.txt"
    timeout 120 java -cp "$load_cp" org.storelink.benchmarks.IngestLoad --url "http://127.0.0.1:$PORT_HTTP" \
        --stores "$etc/storelink-stores.json" --sales 1 --concurrency 1 --run-id "${run_id}p" --max-seconds 60 \
        >"$results/probe.txt" 2>&1 || die "the probe sale was not accepted; see $results/probe.txt"
    artemis consumer --destination 'fqqn://storelink.sales.recorded::bench.size.tap' --message-count 1 \
        --receive-timeout 10000 --break-on-null --data "$results/probe-message.xml" >>"$results/tap.txt" 2>&1 \
        || die "could not read the probe message; see $results/tap.txt"
    artemis queue delete --name bench.size.tap --removeConsumers >>"$results/tap.txt" 2>&1 || true
    MESSAGE_SIZE=$(python3 - "$results/probe-message.xml" <<'PY' 2>/dev/null || true
import base64, re, sys
xml = open(sys.argv[1], encoding="utf-8").read()
m = re.search(r"<body[^>]*>\s*<!\[CDATA\[(.*?)\]\]>\s*</body>", xml, re.S)
if m:
    body = m.group(1).encode("utf-8")
    try:
        decoded = base64.b64decode(m.group(1), validate=True)
        if decoded.startswith(b"{"):
            body = decoded
    except Exception:
        pass
    print(len(body))
PY
)
    [ -n "$MESSAGE_SIZE" ] || die "could not measure the probe message; see $results/probe-message.xml"
    log "a published sale event is $MESSAGE_SIZE bytes (probe sale; see $results/probe-message.xml)"
    expected_base=1
else
    expected_base=0
fi

# ---------------------------------------------------------------------------------------------------- pipeline
log "pipeline: $WARMUP warm-up + $SALES sales, $CONCURRENCY virtual users"
ingest_started=$(date +%s)
set +e
timeout $((MAX_SECONDS + 120)) java -Xmx512m -cp "$load_cp" org.storelink.benchmarks.IngestLoad \
    --url "http://127.0.0.1:$PORT_HTTP" --stores "$etc/storelink-stores.json" --sales "$SALES" \
    --concurrency "$CONCURRENCY" --warmup "$WARMUP" --run-id "$run_id" --max-seconds "$MAX_SECONDS" \
    2>&1 | tee "$results/ingest.txt"
ingest_status=${PIPESTATUS[0]}
set -e
ingest_line=$(grep '^ingest:' "$results/ingest.txt" || true)
[ -n "$ingest_line" ] || die "IngestLoad printed no result (exit $ingest_status)"
field() { printf '%s\n' "$1" | tr ' ' '\n' | sed -n "s/^$2=//p" | head -n 1; }
pipeline_rate=$(field "$ingest_line" sales_per_s)
ok=$(field "$ingest_line" ok)
warm_ok=$(field "$(grep '^warmup:' "$results/ingest.txt" || echo 'warmup: ok=0')" ok)
expected=$((expected_base + ${warm_ok:-0} + ok))

# ---------------------------------------------------------------------------------------------------- ledger drain
# The ledger consumes asynchronously; let it finish so that it does not share the broker with the perf client.
log "waiting for the ledger to store $expected sales"
drain_started=$(date +%s)
count=""
while [ $(( $(date +%s) - drain_started )) -lt "$LEDGER_SECONDS" ]; do
    count=$(ledger_count || true)
    [ "${count:-0}" -ge "$expected" ] && break
    sleep 5
done
drained=$(date +%s)
log "ledger holds ${count:-?} sales, $(( drained - ingest_started )) s after the pipeline run started"

# ---------------------------------------------------------------------------------------------------- broker
# The same broker's persistent throughput with its own client: a dedicated durable anycast queue, messages the
# size of a sale event, as many in flight as the pipeline had sales in flight.
artemis queue create --name bench.perf --address bench.perf --anycast --durable --preserve-on-no-consumers \
    --auto-create-address >"$results/perf-queue.txt" 2>&1 || die "could not create queue bench.perf; see $results/perf-queue.txt"
perf_count=$SALES
log "broker: artemis perf client, $perf_count persistent $MESSAGE_SIZE-byte messages, max-pending $PERF_MAX_PENDING, $PERF_PROTOCOL"
# a short warm-up run first (not measured), then the measured one
ARTEMIS_TIMEOUT=300 artemis perf client --persistent --message-size "$MESSAGE_SIZE" --max-pending "$PERF_MAX_PENDING" \
    --message-count "$WARMUP" --protocol "$PERF_PROTOCOL" queue://bench.perf >"$results/perf-warmup.txt" 2>&1 || true
set +e
ARTEMIS_TIMEOUT=$((MAX_SECONDS + 60)) artemis perf client --persistent --message-size "$MESSAGE_SIZE" \
    --max-pending "$PERF_MAX_PENDING" --message-count "$perf_count" --protocol "$PERF_PROTOCOL" \
    --json "$results/perf.json" --hdr "$results/perf.hdr" queue://bench.perf 2>&1 | tee "$results/perf.txt"
perf_status=${PIPESTATUS[0]}
set -e
broker_rate=$(python3 - "$results/perf.json" <<'PY' 2>/dev/null || true
import json, sys
report = json.load(open(sys.argv[1]))
def find(node, key):
    if isinstance(node, dict):
        for k, v in node.items():
            if k == key:
                return v
            found = find(v, key)
            if found is not None:
                return found
    elif isinstance(node, list):
        for v in node:
            found = find(v, key)
            if found is not None:
                return found
    return None
rate = find(report, "sent_msg_sec") or find(report, "sentMsgSec")
print(round(float(rate), 1))
PY
)
if [ -z "$broker_rate" ]; then
    broker_rate=$(sed -n -E 's/.*sent:[[:space:]]*([0-9.]+)[[:space:]]*msg\/sec.*/\1/p' "$results/perf.txt" | tail -n 1)
fi
[ -n "$broker_rate" ] || die "no broker rate in $results/perf.txt (exit $perf_status)"
artemis queue delete --name bench.perf --removeConsumers >>"$results/perf-queue.txt" 2>&1 || true

# ---------------------------------------------------------------------------------------------------- verify
final_count=$(ledger_count || true)
errors=$(grep -c -E '\| (ERROR|WARN) ' "$dist/data/log/karaf.log" 2>/dev/null || true)
ratio=$(awk -v p="$pipeline_rate" -v b="$broker_rate" 'BEGIN { if (b > 0) printf "%.2f", p / b; else print "n/a" }')
{
    echo "assembly: $assembly"
    echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), load before run: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "$ingest_line"
    grep -E '^(latency_ms|failures):' "$results/ingest.txt" || true
    echo "broker: messages=$perf_count message_size=$MESSAGE_SIZE max_pending=$PERF_MAX_PENDING protocol=$PERF_PROTOCOL msgs_per_s=$broker_rate"
    echo "ledger: sales=${final_count:-?} expected=$expected (probe $expected_base + warm-up ${warm_ok:-0} + measured $ok) drained_after_s=$(( drained - ingest_started ))"
    echo "karaf.log: $errors WARN/ERROR lines (copy in $results/karaf.log)"
    echo "ratio: pipeline_sales_per_s / broker_msgs_per_s = $ratio"
} | tee "$results/summary.txt"

[ "$ingest_status" -eq 0 ] || die "not every sale was acknowledged (IngestLoad exit $ingest_status)"
[ "${final_count:-0}" -eq "$expected" ] || die "the ledger holds ${final_count:-?} sales, expected $expected"
