#!/usr/bin/env bash
# End-to-end ingest benchmark: the pipeline (signed HTTP sale -> Camel route -> persistent AMQP publish -> 202)
# against the embedded broker's own persistent throughput (artemis perf client), on one private copy of the
# distribution. See README.md beside this script.
#
#   benchmarks/run-ingest.sh [ASSEMBLY_DIR]
#
# ASSEMBLY_DIR defaults to ../karaf-assembly/target/assembly next to this script. The platform is not built; the
# benchmark module (IngestLoad) and the Artemis CLI are built/unpacked into benchmarks/target if missing.
# Environment: SALES=20000 CONCURRENCY=32 WARMUP=2000 MAX_SECONDS=600 SIZE_SAMPLE=50
#   PERF_MAX_PENDING=$CONCURRENCY PERF_SECONDS=30 PERF_WARMUP_SECONDS=5
#   PERF_AMQP=1 (also run the perf client over AMQP, the protocol the webhook publishes with)
#   MESSAGE_SIZE (skip measuring it)  KEEP_WORK=0  STARTUP_SECONDS=240  LEDGER_SECONDS=600
#   PORT_HTTP=28181 PORT_SSH=28101 PORT_CORE=26616 PORT_AMQP=25672 PORT_STOMP=26613 PORT_MQTT=21883
#   PORT_RMI_REGISTRY=21099 PORT_RMI_SERVER=24444  MVN="mvn -q"  TEST_FORCE_RESTART=0 (tests the restart path)
# Everything listens on and talks to 127.0.0.1 only; every step has a time limit; a trap stops the copy and
# removes it. Results stay in benchmarks/target/ingest-run/ (summary.txt, tool outputs, the copy's karaf.log).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
assembly_arg=${1:-$here/../karaf-assembly/target/assembly}
assembly=$(cd "$assembly_arg" 2>/dev/null && pwd) || {
    echo "run-ingest: no assembly at $assembly_arg (build it with 'mvn install -DskipTests' at the top)" >&2
    exit 2
}
[ -x "$assembly/bin/karaf" ] || { echo "run-ingest: $assembly/bin/karaf is missing" >&2; exit 2; }

SALES=${SALES:-20000}
CONCURRENCY=${CONCURRENCY:-32}
WARMUP=${WARMUP:-2000}
MAX_SECONDS=${MAX_SECONDS:-600}
SIZE_SAMPLE=${SIZE_SAMPLE:-50}
PERF_MAX_PENDING=${PERF_MAX_PENDING:-$CONCURRENCY}
PERF_AMQP=${PERF_AMQP:-1}
PERF_SECONDS=${PERF_SECONDS:-30}
PERF_WARMUP_SECONDS=${PERF_WARMUP_SECONDS:-5}
PORT_HTTP=${PORT_HTTP:-28181}
PORT_SSH=${PORT_SSH:-28101}
PORT_CORE=${PORT_CORE:-26616}
PORT_AMQP=${PORT_AMQP:-25672}
PORT_STOMP=${PORT_STOMP:-26613}
PORT_MQTT=${PORT_MQTT:-21883}
PORT_RMI_REGISTRY=${PORT_RMI_REGISTRY:-21099}
PORT_RMI_SERVER=${PORT_RMI_SERVER:-24444}
STARTUP_SECONDS=${STARTUP_SECONDS:-240}
LEDGER_SECONDS=${LEDGER_SECONDS:-600}
MVN=${MVN:-mvn -q}
KEEP_WORK=${KEEP_WORK:-0}

LIB_NAME=run-ingest
results="$here/target/ingest-run"
# shellcheck source=lib.sh
. "$here/lib.sh"   # the copy: make_copy, start_ready, stop_karaf, console, ledger_count, artemis; the EXIT trap

setup_tools

# CPU accounting, to read the figures on a shared 2-core machine: "KARAF_TICKS BUSY_TICKS ALL_TICKS MILLIS", where
# KARAF_TICKS is the Karaf JVM's user+system time and BUSY/ALL the whole machine's (from /proc/stat).
clk_tck=$(getconf CLK_TCK 2>/dev/null || echo 100)
cpu_snapshot() {
    local pid karaf=0
    pid=$(cat "$dist/karaf.pid" 2>/dev/null || true)
    [ -n "$pid" ] && karaf=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)
    awk -v k="$karaf" -v ms="$(date +%s%3N)" '/^cpu / { busy = $2 + $3 + $4 + $7 + $8; all = busy + $5 + $6; print k, busy, all, ms }' /proc/stat
}
# cpu_between "BEFORE" "AFTER" UNITS -> karaf_cpu_ms_per_unit=.. karaf_cores=.. machine_busy_cores=..
cpu_between() {
    awk -v b="$1" -v a="$2" -v n="$3" -v hz="$clk_tck" -v cores="$(nproc)" 'BEGIN {
        split(b, x, " "); split(a, y, " ");
        secs = (y[4] - x[4]) / 1000; if (secs <= 0) secs = 1;
        karaf = (y[1] - x[1]) / hz; busy = (y[3] - x[3]) > 0 ? cores * (y[2] - x[2]) / (y[3] - x[3]) : 0;
        printf "karaf_cpu_ms_per_unit=%.2f karaf_cores=%.2f machine_busy_cores=%.2f", (n > 0 ? 1000 * karaf / n : 0), karaf / secs, busy
    }'
}

load_at_start=$(cut -d' ' -f1-3 /proc/loadavg)
check_ports_free

# ------------------------------------------------------------------------------------------------ the copy
rm -rf "$results"
mkdir -p "$results"
make_copy "$assembly"
run_id="b$(date +%s)"

# ------------------------------------------------------------------------------------------------ start
log "starting the copy (http $PORT_HTTP, ssh $PORT_SSH, core $PORT_CORE, amqp $PORT_AMQP)"
start_ready

# ------------------------------------------------------------------------------------------------ message size
# A sample of sales, tapped with a temporary queue on storelink.sales.recorded, gives the mean size of the event the
# webhook really publishes (the canonical SaleRecorded JSON). The tap is deleted before the measured run.
probe=0
if [ -z "${MESSAGE_SIZE:-}" ]; then
    artemis queue create --name bench.size.tap --address storelink.sales.recorded --multicast --durable \
        --preserve-on-no-consumers >"$results/size-tap.txt" 2>&1 || die "could not create the tap queue; see $results/size-tap.txt"
    ingest_load --url "http://127.0.0.1:$PORT_HTTP" --stores "$etc/storelink-stores.json" --sales "$SIZE_SAMPLE" \
        --concurrency 4 --run-id "${run_id}s" --max-seconds 120 >"$results/size-sample.txt" 2>&1 \
        || die "the size sample was not accepted; see $results/size-sample.txt"
    probe=$SIZE_SAMPLE
    artemis consumer --destination 'fqqn://storelink.sales.recorded::bench.size.tap' --message-count "$SIZE_SAMPLE" \
        --receive-timeout 10000 --break-on-null --data "$results/size-sample.xml" >>"$results/size-tap.txt" 2>&1 \
        || die "could not read the tapped messages; see $results/size-tap.txt"
    artemis queue delete --name bench.size.tap --removeConsumers >>"$results/size-tap.txt" 2>&1 || true
    size_line=$(report message-size "$results/size-sample.xml") || die "could not measure $results/size-sample.xml"
    MESSAGE_SIZE=$(field "$size_line" message_size)
    log "published sale events: $size_line"
fi

# ------------------------------------------------------------------------------------------------ pipeline
log "pipeline: $WARMUP warm-up + $SALES measured sales, $CONCURRENCY virtual users"
ingest_started=$(date +%s)
cpu_before_ingest=$(cpu_snapshot)
set +e
timeout $((MAX_SECONDS + 60)) java -Xmx512m -cp "$tool_cp" org.storelink.benchmarks.IngestLoad \
    --url "http://127.0.0.1:$PORT_HTTP" --stores "$etc/storelink-stores.json" --sales "$SALES" \
    --concurrency "$CONCURRENCY" --warmup "$WARMUP" --run-id "$run_id" --max-seconds "$MAX_SECONDS" \
    2>&1 | tee "$results/ingest.txt"
ingest_status=${PIPESTATUS[0]}
set -e
cpu_after_ingest=$(cpu_snapshot)
ingest_line=$(grep '^ingest:' "$results/ingest.txt" || true)
[ -n "$ingest_line" ] || die "IngestLoad printed no result (exit $ingest_status)"
pipeline_rate=$(field "$ingest_line" sales_per_s)
ok=$(field "$ingest_line" ok)
warm_ok=$(field "$(grep '^warmup:' "$results/ingest.txt" || echo 'warmup: ok=0')" ok)
expected=$((probe + ${warm_ok:-0} + ok))

# ------------------------------------------------------------------------------------------------ ledger drain
# The ledger consumes asynchronously; let it finish so that the perf client has the broker to itself.
log "waiting for the ledger to hold $expected sales"
count=""
while [ $(( $(date +%s) - ingest_started )) -lt "$LEDGER_SECONDS" ]; do
    count=$(ledger_count || true)
    [ "${count:-0}" -ge "$expected" ] && break
    sleep 3
done
drained_s=$(( $(date +%s) - ingest_started ))
cpu_after_drain=$(cpu_snapshot)
# Closed TCP connections to the AMQP acceptor linger in TIME-WAIT for a minute: a count near the number of sales
# means the routes open a connection per message.
amqp_time_wait=$(ss -tan state time-wait 2>/dev/null | grep -c ":$PORT_AMQP\b" || true)
log "ledger holds ${count:-?} sales, ${drained_s} s after the pipeline run started"

# ------------------------------------------------------------------------------------------------ broker
# The same broker with its own client: a dedicated durable anycast queue, persistent messages the size of a sale
# event, as many sends in flight as the pipeline had virtual users, one consumer; PERF_WARMUP_SECONDS of warm-up,
# then PERF_SECONDS measured (a duration rather than a count: at several thousand messages a second a count of N
# would give too few one-second samples for a steady rate).
perf() {
    local protocol=$1 name=$2 port=$PORT_CORE
    [ "$protocol" = "AMQP" ] && port=$PORT_AMQP
    artemis queue create --name "$name" --address "$name" --anycast --durable \
        --preserve-on-no-consumers --auto-create-address >>"$results/perf-queues.txt" 2>&1 \
        || { log "could not create queue $name; see $results/perf-queues.txt"; return 1; }
    local status=0 before after
    before=$(cpu_snapshot)
    ARTEMIS_PORT=$port ARTEMIS_TIMEOUT=$((PERF_SECONDS + PERF_WARMUP_SECONDS + 60)) artemis perf client --persistent \
        --message-size "$MESSAGE_SIZE" --max-pending "$PERF_MAX_PENDING" --duration "$PERF_SECONDS" \
        --warmup "$PERF_WARMUP_SECONDS" --protocol "$protocol" --json "$results/perf-$protocol.json" \
        --hdr "$results/perf-$protocol.hdr" "queue://$name" >"$results/perf-$protocol.txt" 2>&1 || status=$?
    after=$(cpu_snapshot)
    artemis queue delete --name "$name" --removeConsumers >>"$results/perf-queues.txt" 2>&1 || true
    if [ "$status" -ne 0 ]; then
        log "artemis perf client over $protocol ended with status $status (124: stalled, stopped by the time limit); see $results/perf-$protocol.txt"
        return 1
    fi
    local line
    line=$(report perf "$results/perf-$protocol.json") || return 1
    # CPU per message over the whole client run, warm-up included
    printf '%s %s\n' "$line" "$(cpu_between "$before" "$after" "$(field "$line" total_completed)" | sed 's/_per_unit=/_per_msg=/')"
}
log "broker: artemis perf client over CORE, persistent $MESSAGE_SIZE-byte messages, max-pending $PERF_MAX_PENDING, ${PERF_WARMUP_SECONDS} s warm-up + ${PERF_SECONDS} s"
perf_core=$(perf CORE bench.perf.core) || die "no CORE perf result"
log "broker (CORE): $perf_core"
broker_rate=$(field "$perf_core" broker_msgs_per_s)
[ "$broker_rate" = "NaN" ] && broker_rate=$(field "$perf_core" run_msgs_per_s)
perf_amqp=""
if [ "$PERF_AMQP" = "1" ]; then
    log "broker: the same over AMQP (the protocol the webhook publishes with)"
    perf_amqp=$(perf AMQP bench.perf.amqp) || perf_amqp="failed (see perf-AMQP.txt)"
    log "broker (AMQP): $perf_amqp"
fi

# ------------------------------------------------------------------------------------------------ verify, report
final_count=$(ledger_count || true)
problems=$(grep -c -E '\| (ERROR|WARN) ' "$dist/data/log/karaf.log" 2>/dev/null || true)
ratio() { awk -v p="$1" -v b="$2" 'BEGIN { if (b + 0 > 0) printf "%.2f", p / b; else print "n/a" }'; }
{
    echo "assembly: $assembly"
    echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); load average at the start: $load_at_start, at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
    [ -f "$results/first-start.txt" ] && echo "note: $(cat "$results/first-start.txt")"
    [ -n "${size_line:-}" ] && echo "event: $size_line (SaleRecorded JSON as published, from $SIZE_SAMPLE tapped sales)"
    echo "$ingest_line"
    grep -E '^(latency_ms|failures):' "$results/ingest.txt" || true
    echo "broker: protocol=CORE seconds=$PERF_SECONDS message_size=$MESSAGE_SIZE max_pending=$PERF_MAX_PENDING $perf_core"
    [ -n "$perf_amqp" ] && echo "broker: protocol=AMQP seconds=$PERF_SECONDS message_size=$MESSAGE_SIZE max_pending=$PERF_MAX_PENDING $perf_amqp"
    echo "cpu_ingest: $(cpu_between "$cpu_before_ingest" "$cpu_after_ingest" "$(( ${warm_ok:-0} + ok ))" | sed 's/_per_unit=/_per_sale=/') (warm-up + measured run; the ledger consumes meanwhile)"
    echo "cpu_to_ledger: $(cpu_between "$cpu_before_ingest" "$cpu_after_drain" "$(( ${warm_ok:-0} + ok ))" | sed 's/_per_unit=/_per_sale=/') (until the ledger held every sale)"
    echo "ledger: sales=${final_count:-?} expected=$expected (size sample $probe + warm-up ${warm_ok:-0} + measured $ok) all_stored_after_s=$drained_s (from the start of the warm-up; about $(awk -v n="$(( ${warm_ok:-0} + ok ))" -v s="$drained_s" 'BEGIN { if (s > 0) printf "%.0f", n / s; else print "?" }') sales/s)"
    echo "sockets: amqp_time_wait=${amqp_time_wait:-?} (AMQP connections closed within the last minute when the ledger finished)"
    echo "karaf.log: $problems WARN/ERROR lines (copy in $results/karaf.log)"
    [ -n "$perf_amqp" ] && echo "ratio_amqp: pipeline_sales_per_s / broker_amqp_msgs_per_s = $(ratio "$pipeline_rate" "$(field "$perf_amqp" broker_msgs_per_s || true)")"
    echo "ratio: pipeline_sales_per_s / broker_msgs_per_s = $(ratio "$pipeline_rate" "$broker_rate")"
} | tee "$results/summary.txt"

[ "$ingest_status" -eq 0 ] || die "not every sale was acknowledged (IngestLoad exit $ingest_status)"
[ "${final_count:-0}" -eq "$expected" ] || die "the ledger holds ${final_count:-?} sales, expected $expected"
log "done"
