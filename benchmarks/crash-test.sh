#!/usr/bin/env bash
# Crash test: kills the Karaf JVM with kill -9 at KILLS random moments while SALES sales are being posted,
# restarts it on the same data/, resends the sales that were not acknowledged, and checks that the ledger holds
# every sale exactly once. See "Crash test" in README.md beside this script.
#
#   benchmarks/crash-test.sh [ASSEMBLY_DIR]
#
# ASSEMBLY_DIR defaults to ../karaf-assembly/target/assembly next to this script (the platform is not built; the
# benchmark module is built into benchmarks/target if missing or older than its sources).
# Environment: SALES=20000 CONCURRENCY=16 RATE=100 (sales/s of the first posting; 0 = as fast as it goes)
#   KILLS=3 SEED=(time based, printed) PAUSE_ON_ERROR_MS=3000
#   KILL_FROM_PCT=10 KILL_TO_PCT=90 (the kills fall between these shares of the sales posted)
#   ACKS_BETWEEN_KILLS=200 (a kill waits until the restarted copy has acknowledged this many sales)
#   MAX_SECONDS=1800 (first posting) RESEND_ROUNDS=5 RESEND_SECONDS=600 LEDGER_SECONDS=1500 STARTUP_SECONDS=240
#   KEEP_WORK=0  MVN="mvn -q"
#   PORT_HTTP=38181 PORT_SSH=38101 PORT_CORE=36616 PORT_AMQP=35672 PORT_STOMP=36613 PORT_MQTT=31883
#   PORT_RMI_REGISTRY=31099 PORT_RMI_SERVER=34444
# Everything listens on and talks to 127.0.0.1 only; every wait has a time limit; a trap stops the load generator
# and the copy, and removes the copy. Results stay in benchmarks/target/crash-run/. Exit 0 only on PASS.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
assembly_arg=${1:-$here/../karaf-assembly/target/assembly}
assembly=$(cd "$assembly_arg" 2>/dev/null && pwd) || {
    echo "crash-test: no assembly at $assembly_arg (build it with 'mvn install -DskipTests' at the top)" >&2
    exit 2
}
[ -x "$assembly/bin/karaf" ] || { echo "crash-test: $assembly/bin/karaf is missing" >&2; exit 2; }

SALES=${SALES:-20000}
CONCURRENCY=${CONCURRENCY:-16}
RATE=${RATE:-100}
KILLS=${KILLS:-3}
SEED=${SEED:-$(( $(date +%s) % 1000000 ))}
PAUSE_ON_ERROR_MS=${PAUSE_ON_ERROR_MS:-3000}
KILL_FROM_PCT=${KILL_FROM_PCT:-10}
KILL_TO_PCT=${KILL_TO_PCT:-90}
ACKS_BETWEEN_KILLS=${ACKS_BETWEEN_KILLS:-200}
MAX_SECONDS=${MAX_SECONDS:-1800}
RESEND_ROUNDS=${RESEND_ROUNDS:-5}
RESEND_SECONDS=${RESEND_SECONDS:-600}
LEDGER_SECONDS=${LEDGER_SECONDS:-1500}
STARTUP_SECONDS=${STARTUP_SECONDS:-240}
KEEP_WORK=${KEEP_WORK:-0}
MVN=${MVN:-mvn -q}
PORT_HTTP=${PORT_HTTP:-38181}
PORT_SSH=${PORT_SSH:-38101}
PORT_CORE=${PORT_CORE:-36616}
PORT_AMQP=${PORT_AMQP:-35672}
PORT_STOMP=${PORT_STOMP:-36613}
PORT_MQTT=${PORT_MQTT:-31883}
PORT_RMI_REGISTRY=${PORT_RMI_REGISTRY:-31099}
PORT_RMI_SERVER=${PORT_RMI_SERVER:-34444}

H2_WRITE_DELAY=${H2_WRITE_DELAY:-}

LIB_NAME=crash-test
results="$here/target/crash-run"
load_pid=""
kills=0
acked_first=""
resent=""
ledger=""
final_printed=0
# shellcheck source=lib.sh
. "$here/lib.sh"   # make_copy, start_karaf, stop_karaf, wait_ready, console, artemis; the EXIT trap (cleanup)

# Run by the EXIT trap before the copy is stopped: stop the load generator, and say FAIL if the run died early.
cleanup_hook() {
    if [ -n "$load_pid" ] && kill -0 "$load_pid" 2>/dev/null; then
        kill "$load_pid" 2>/dev/null || true
        wait "$load_pid" 2>/dev/null || true
    fi
    if [ "$final_printed" = "0" ]; then
        mkdir -p "$results"
        echo "crash-test: sales=$SALES kills=$kills acked_first_time=${acked_first:-?} resent=${resent:-?} ledger=${ledger:-?} result=FAIL (aborted, see the log above)" \
            | tee -a "$results/summary.txt"
    fi
}

# one crash test at a time in this checkout (they would share the ports and benchmarks/target/crash-run)
mkdir -p "$here/target"
exec 9>"$here/target/crash-test.lock"
flock -n 9 || { final_printed=1; echo "crash-test: another crash-test.sh is running here (benchmarks/target/crash-test.lock)" >&2; exit 2; }

case "$SALES$CONCURRENCY$KILLS$SEED" in *[!0-9]*) die "SALES, CONCURRENCY, KILLS and SEED must be numbers" ;; esac
for port in "$PORT_HTTP" "$PORT_SSH" "$PORT_CORE" "$PORT_AMQP" "$PORT_STOMP" "$PORT_MQTT" "$PORT_RMI_REGISTRY" \
        "$PORT_RMI_SERVER"; do
    case " 8181 18181 28181 28101 26616 25672 26613 21883 21099 24444 " in
        *" $port "*) die "port $port is run-ingest.sh's or the default instance's; choose another" ;;
    esac
done

t0=$(date +%s)
elapsed() { echo $(( $(date +%s) - t0 )); }
setup_tools
check_ports_free
rm -rf "$results"
mkdir -p "$results"
make_copy "$assembly"
stores="$etc/storelink-stores.json"
# H2_WRITE_DELAY=0 (unset by default): runs the copy's embedded H2 with ;WRITE_DELAY=0 through STORELINK_DB_URL,
# to check the fix for lost commits (see README.md, "Crash test"); the summary says so when set.
if [ -n "$H2_WRITE_DELAY" ]; then
    KARAF_DB_URL="jdbc:h2:file:$dist/data/storelink/storelink;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=$H2_WRITE_DELAY"
fi

# ------------------------------------------------------------------------------------------------ helpers
# "POSTED OK" from IngestLoad's progress file (0 0 before it exists)
progress() {
    local line
    line=$(cat "$results/progress.txt" 2>/dev/null || true)
    printf '%s %s\n' "$(field "$line" posted)" "$(field "$line" ok)" | awk '{print ($1 == "" ? 0 : $1), ($2 == "" ? 0 : $2)}'
}
# MESSAGE COUNT of a queue from `artemis queue stat` ("?" when the broker does not answer). The table's header is
# on two lines (|NAME|ADDRESS|CONSUMER|MESSAGE|... over | | |COUNT|COUNT|...): the column headed MESSAGE.
queue_depth() {
    local depth
    depth=$(ARTEMIS_TIMEOUT=30 artemis queue stat --queueName "$1" 2>/dev/null | awk -F'|' -v q="$1" '
        /^\|NAME/ { for (i = 1; i <= NF; i++) { h = $i; gsub(/ /, "", h); if (h == "MESSAGE") col = i } next }
        col { name = $2; gsub(/ /, "", name); if (name == q) { v = $col; gsub(/ /, "", v); print v; exit } }') || true
    echo "${depth:-?}"
}
# trace_in_journal IDS_FILE: for each sale id, what the broker's journal (printed with `artemis data print` from a
# copy of the stopped copy's data/artemis) says: its message record, whether a consumer's acknowledgement of it was
# committed, whether the record was deleted. "ack=committed" for a sale the ledger does not hold means the ledger
# acknowledged the message without its database row surviving.
trace_in_journal() {
    local copy="$work/journal-copy"
    rm -rf "$copy" && cp -r "$dist/data/artemis" "$copy" && mkdir -p "$copy/paging" "$copy/large-messages" \
        "$copy/bindings" "$copy/journal"
    (cd "$work" && timeout 600 "$cli_home/bin/artemis" data print --f --journal "$copy/journal" \
        --bindings "$copy/bindings" --paging "$copy/paging" --large-messages "$copy/large-messages" \
        --output "$results/journal-print.txt" >/dev/null 2>&1) || log "artemis data print failed"
    awk -v ids="$1" '
        function num(key,    s) { if (match($0, key "[0-9]+")) { s = substr($0, RSTART, RLENGTH); sub(/^[^=]*=/, "", s); return s } return "" }
        BEGIN { while ((getline line < ids) > 0) want[line] = 1 }
        /^operation@AddRecord/ && /_AMQ_DUPL_ID=/ {
            if (match($0, /_AMQ_DUPL_ID=[^,}]+/)) { id = substr($0, RSTART + 13, RLENGTH - 13); if (id in want) rec[id] = num("recordID=") }
            next
        }
        /^operation@Update/ && /;ACK;/ { r = num("recordID="); t = num("txID="); if (t != "") acktx[r] = t; else acked[r] = 1; next }
        /^operation@Commit;/ { committed[num("txID=")] = 1; next }
        /^operation@Rollback;/ { rolledback[num("txID=")] = 1; next }
        /^operation@DeleteRecord;/ { deleted[num("recordID=")] = 1; next }
        END {
            for (id in want) {
                r = rec[id]
                if (r == "") { print id, "message=not_in_journal"; continue }
                ack = "none"
                if (r in acked) ack = "committed"
                else if (r in acktx) ack = (acktx[r] in committed) ? "committed(tx " acktx[r] ")" : (acktx[r] in rolledback) ? "rolled_back" : "uncommitted"
                print id, "message=" r, "ack=" ack, "deleted=" ((r in deleted) ? "yes" : "no")
            }
        }' "$results/journal-print.txt" | sort
    gzip -f "$results/journal-print.txt" 2>/dev/null || true
}
# unacknowledged sales in a sale ledger file
pending_in() { awk -F'\t' '$1 ~ /^[0-9]+$/ && $3 != "acked"' "$1" | wc -l; }

# ------------------------------------------------------------------------------------------------ start
log "starting the copy (http $PORT_HTTP, ssh $PORT_SSH, core $PORT_CORE, amqp $PORT_AMQP) in $dist"
start_ready
ready_first_s=$(elapsed)

# ------------------------------------------------------------------------------------------------ kill moments
# KILLS moments, as numbers of sales posted (acknowledged or not), one drawn in each of KILLS equal slices of
# [KILL_FROM_PCT %, KILL_TO_PCT %] of SALES, from bash's generator seeded with SEED: the same SEED gives the same
# moments (the load itself, and so what is in flight at each kill, is not reproducible).
RANDOM=$SEED
lo=$(( SALES * KILL_FROM_PCT / 100 ))
slice=$(( (SALES * KILL_TO_PCT / 100 - lo) / KILLS ))
[ "$slice" -gt 0 ] || die "no room for $KILLS kills between $KILL_FROM_PCT % and $KILL_TO_PCT % of $SALES sales"
thresholds=()
for k in $(seq 0 $((KILLS - 1))); do
    thresholds+=( $(( lo + k * slice + (RANDOM * 32768 + RANDOM) % slice )) )
done
log "seed $SEED: kill -9 after ${thresholds[*]} of $SALES sales posted"

# ------------------------------------------------------------------------------------------------ posting
run_id="c$(date +%s)"
log "posting $SALES sales (run $run_id), $CONCURRENCY virtual users, rate ${RATE}/s; a failed POST backs off up to $PAUSE_ON_ERROR_MS ms"
post_started=$(date +%s)
timeout $((MAX_SECONDS + 120)) java -Xmx512m -cp "$tool_cp" org.storelink.benchmarks.IngestLoad \
    --url "http://127.0.0.1:$PORT_HTTP" --stores "$stores" --sales "$SALES" --concurrency "$CONCURRENCY" \
    --run-id "$run_id" --max-seconds "$MAX_SECONDS" --ledger-file "$results/round0.tsv" \
    --pause-on-error-ms "$PAUSE_ON_ERROR_MS" --progress-file "$results/progress.txt" --rate "$RATE" \
    >"$results/posting.txt" 2>&1 &
load_pid=$!

: >"$results/kills.txt"
acks_at_ready=0
for k in $(seq 1 "$KILLS"); do
    threshold=${thresholds[$((k - 1))]}
    while :; do
        kill -0 "$load_pid" 2>/dev/null || break
        [ $(( $(date +%s) - post_started )) -lt "$((MAX_SECONDS + 120))" ] || break
        read -r posted ok < <(progress)
        if [ "$posted" -ge "$threshold" ] && [ "$ok" -ge $((acks_at_ready + ACKS_BETWEEN_KILLS)) ]; then
            break
        fi
        sleep 0.2
    done
    if ! kill -0 "$load_pid" 2>/dev/null; then
        log "the posting ended before kill $k (threshold $threshold)"
        break
    fi
    java_pid=$(karaf_java_pid)
    [ -n "$java_pid" ] || die "kill $k: no Karaf JVM for $dist (karaf.pid: $(cat "$dist/karaf.pid" 2>/dev/null || echo none))"
    read -r posted ok < <(progress)
    kill -9 "$java_pid"
    killed_at=$(date +%s)
    kills=$k
    log "kill $k: kill -9 of the Karaf JVM $java_pid after $posted sales posted ($ok acknowledged)"
    # the bin/karaf wrapper ends with the JVM's status (137)
    for _ in $(seq 1 60); do kill -0 "$karaf_pid" 2>/dev/null || break; sleep 0.5; done
    wrapper_status=0
    wait "$karaf_pid" 2>/dev/null || wrapper_status=$?
    karaf_pid=""
    ! kill -0 "$java_pid" 2>/dev/null || die "kill $k: JVM $java_pid still alive after kill -9"
    offset=$(log_size)
    log "kill $k: restarting on the same data/ (wrapper exit status $wrapper_status)"
    restart_began=$(date +%s)
    start_karaf
    if ! wait_ready "$restart_began" "$offset"; then
        tail -c +"$((offset + 1))" "$dist/data/log/karaf.log" | grep -E '\| (ERROR|WARN) ' >"$results/restart-$k-problems.txt" || true
        die "kill $k: the copy did not accept logins after the restart; see $results/restart-$k-problems.txt"
    fi
    ready_at=$(date +%s)
    read -r _ acks_at_ready < <(progress)
    depth=$(queue_depth ledger.sales)
    tail -c +"$((offset + 1))" "$dist/data/log/karaf.log" | grep -E '\| (ERROR|WARN) ' >"$results/restart-$k-problems.txt" || true
    problems=$(wc -l <"$results/restart-$k-problems.txt")
    echo "kill=$k at_s=$((killed_at - t0)) posted=$posted acked=$ok jvm=$java_pid wrapper_status=$wrapper_status restart_to_ready_s=$((ready_at - restart_began)) down_s=$((ready_at - killed_at)) ledger_queue_after_restart=$depth warn_error_lines_in_start=$problems" \
        | tee -a "$results/kills.txt" >&2
done

log "waiting for the first posting to end"
load_status=0
wait "$load_pid" || load_status=$?
load_pid=""
post_s=$(( $(date +%s) - post_started ))
grep -E '^(ingest|failures|ledger-file):' "$results/posting.txt" >&2 || true
[ -f "$results/round0.tsv" ] || die "IngestLoad wrote no ledger file (exit $load_status); see $results/posting.txt"
acked_first=$(awk -F'\t' '$1 ~ /^[0-9]+$/ && $3 == "acked"' "$results/round0.tsv" | wc -l)
resent=$(( SALES - acked_first ))
log "first posting: $acked_first of $SALES acknowledged in ${post_s} s; $resent to resend"

# ------------------------------------------------------------------------------------------------ resend
current="$results/round0.tsv"
rounds=0
resend_started=$(date +%s)
: >"$results/resend.txt"
while [ "$(pending_in "$current")" -gt 0 ] && [ "$rounds" -lt "$RESEND_ROUNDS" ]; do
    rounds=$((rounds + 1))
    next="$results/round$rounds.tsv"
    log "resend round $rounds: $(pending_in "$current") sales"
    timeout $((RESEND_SECONDS + 60)) java -Xmx512m -cp "$tool_cp" org.storelink.benchmarks.IngestLoad \
        --url "http://127.0.0.1:$PORT_HTTP" --stores "$stores" --concurrency "$CONCURRENCY" \
        --max-seconds "$RESEND_SECONDS" --pause-on-error-ms "$PAUSE_ON_ERROR_MS" \
        --resend "$current" --ledger-file "$next" >>"$results/resend.txt" 2>&1 || true
    [ -f "$next" ] || die "resend round $rounds wrote no ledger file; see $results/resend.txt"
    current=$next
    [ "$(pending_in "$current")" -eq 0 ] || sleep 5
done
resend_s=$(( $(date +%s) - resend_started ))
not_acked=$(pending_in "$current")
posts_of() { awk -F'\t' '$1 ~ /^[0-9]+$/ { s += $4 } END { print s + 0 }' "$1"; }
resend_posts=$(( $(posts_of "$current") - $(posts_of "$results/round0.tsv") ))
grep -E '^(ingest|failures|ledger-file):' "$results/resend.txt" >&2 || true
log "resent in $rounds round(s), ${resend_s} s: $resend_posts POSTs; not acknowledged at the end: $not_acked"
cp "$current" "$results/final.tsv"
distinct=$(awk -F'\t' '$1 ~ /^[0-9]+$/ { print $2 }' "$current" | sort -u | wc -l)

# ------------------------------------------------------------------------------------------------ ledger
# The ledger consumes ledger.sales asynchronously (and after each restart from the recovered journal): poll until
# it holds SALES sales and the count has not moved over two more polls, or LEDGER_SECONDS.
log "waiting for the ledger to hold $SALES sales (stable over 3 polls, 5 s apart)"
# A count that stays below SALES for 60 s while ledger.sales is empty will not grow any more: stop waiting then.
ledger_started=$(date +%s)
stable=0
previous=""
moved_at=$ledger_started
while [ $(( $(date +%s) - ledger_started )) -lt "$LEDGER_SECONDS" ]; do
    ledger=$(ledger_count || true)
    if [ -n "$ledger" ] && [ "$ledger" = "$previous" ]; then
        stable=$((stable + 1))
        [ "$ledger" -ge "$SALES" ] && [ "$stable" -ge 2 ] && break
        if [ $(( $(date +%s) - moved_at )) -ge 60 ] && [ "$(queue_depth ledger.sales)" = "0" ]; then
            log "the ledger has held $ledger sales for 60 s and ledger.sales is empty: it will not get more"
            break
        fi
    else
        stable=0
        moved_at=$(date +%s)
    fi
    previous=$ledger
    sleep 5
done
ledger_s=$(( $(date +%s) - ledger_started ))
ledger_queue=$(queue_depth ledger.sales)
log "ledger: ${ledger:-?} sales ${ledger_s} s after the resends (ledger.sales queue: $ledger_queue messages)"

# ------------------------------------------------------------------------------------------------ checks
console 'storelink:sales-summary --top 100' >"$results/sales-summary.txt" || true
java -cp "$tool_cp" org.storelink.benchmarks.IngestLoad --stores "$stores" --expect "$results/final.tsv" \
    --summary "$results/sales-summary.txt" >"$results/expect.txt" 2>&1 && totals_ok=1 || totals_ok=0
totals_line=$(grep '^check:' "$results/expect.txt" || echo "check: no result (see expect.txt)")
console 'storelink:dlq-list --max 1000' >"$results/dlq.txt" || true
# rows of the table: lines with a column separator that are not the header; no header: the command failed
if grep -q -E '^ID[[:space:]]*\|' "$results/dlq.txt"; then
    dlq=$(grep -F '|' "$results/dlq.txt" | grep -v -c -E '^ID[[:space:]]*\|' || true)
else
    dlq="?"
fi
errors=$(cat "$dist"/data/log/karaf.log* 2>/dev/null | grep -c -E '\| ERROR ' || true)
warns=$(cat "$dist"/data/log/karaf.log* 2>/dev/null | grep -c -E '\| WARN ' || true)
cat "$dist"/data/log/karaf.log* 2>/dev/null | grep -E '\| (ERROR|WARN) ' >"$results/karaf-problems.txt" || true

result=PASS
reasons=()
[ "$kills" -eq "$KILLS" ] || { result=FAIL; reasons+=("only $kills of $KILLS kills happened during the posting"); }
[ "$not_acked" -eq 0 ] || { result=FAIL; reasons+=("$not_acked sales never acknowledged after $rounds resend rounds"); }
[ "$distinct" -eq "$SALES" ] || { result=FAIL; reasons+=("$distinct distinct sale ids generated, expected $SALES"); }
[ "${ledger:-x}" = "$SALES" ] || { result=FAIL; reasons+=("the ledger holds ${ledger:-?} sales, expected $SALES"); }
[ "$totals_ok" = "1" ] || { result=FAIL; reasons+=("ledger totals: $totals_line"); }
[ "$dlq" = "0" ] || { result=FAIL; reasons+=("dead-letter queue: $dlq rows (see dlq.txt)"); }

# On a wrong count, list the missing / unexpected sale ids from the H2 file itself (the copy stopped first).
if [ "${ledger:-x}" != "$SALES" ]; then
    stop_karaf
    h2_jar=$(ls "$dist"/system/com/h2database/h2/*/h2-*.jar 2>/dev/null | head -n 1 || true)
    if [ -n "$h2_jar" ]; then
        timeout 120 java -cp "$h2_jar" org.h2.tools.Shell -url "jdbc:h2:file:$dist/data/storelink/storelink" \
            -user storelink -password "" -sql "SELECT sale_id FROM ledger_sale" 2>&1 \
            | grep -oE '[A-Za-z0-9._-]+/till-[0-9]+/[A-Za-z0-9._-]+' | sort >"$results/ledger-ids.txt" || true
        awk -F'\t' '$1 ~ /^[0-9]+$/ { print $2 }' "$results/final.tsv" | sort >"$results/expected-ids.txt"
        comm -23 "$results/expected-ids.txt" "$results/ledger-ids.txt" >"$results/missing-ids.txt"
        # each missing sale's line in the final ledger file: when it was acknowledged, after how many POSTs
        awk -F'\t' 'NR == FNR { missing[$1] = 1; next } ($2 in missing)' "$results/missing-ids.txt" \
            "$results/final.tsv" >"$results/missing-sales.tsv"
        comm -13 "$results/expected-ids.txt" "$results/ledger-ids.txt" >"$results/unexpected-ids.txt"
        reasons+=("$(wc -l <"$results/missing-ids.txt") ids missing, $(wc -l <"$results/unexpected-ids.txt") unexpected (missing-ids.txt, unexpected-ids.txt, from the H2 file)")
        if [ -s "$results/missing-ids.txt" ]; then
            trace_in_journal "$results/missing-ids.txt" >"$results/missing-in-journal.txt" || true
            reasons+=("missing sales in the broker journal: $(cut -d' ' -f2- "$results/missing-in-journal.txt" \
                | sed -E 's/message=[0-9]+/message=stored/; s/\(tx [0-9]+\)//' | sort | uniq -c \
                | awk '{c = $1; $1 = ""; printf "%s%d x%s", (NR > 1 ? "; " : ""), c, $0}') (missing-in-journal.txt)")
        fi
    fi
fi

{
    echo "assembly: $assembly"
    echo "machine: $(nproc) cores; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
    [ -f "$results/first-start.txt" ] && echo "note: $(cat "$results/first-start.txt")"
    echo "seed: $SEED kill_after_posted=${thresholds[*]} concurrency=$CONCURRENCY rate=$RATE pause_on_error_ms=$PAUSE_ON_ERROR_MS run_id=$run_id"
    [ -n "${KARAF_DB_URL:-}" ] && echo "database: STORELINK_DB_URL=$KARAF_DB_URL (not the distribution's default)"
    cat "$results/kills.txt"
    grep -E '^(ingest|failures):' "$results/posting.txt" | sed 's/^/first posting: /' || true
    echo "resend: rounds=$rounds posts=$resend_posts not_acked=$not_acked distinct_sale_ids=$distinct"
    echo "ledger: sales=${ledger:-?} queue_ledger_sales=$ledger_queue $totals_line"
    echo "dlq: rows=$dlq"
    echo "karaf.log: errors=$errors warnings=$warns (lines in $results/karaf-problems.txt)"
    echo "timings_s: first_ready=$ready_first_s posting=$post_s resend=$resend_s ledger_after_resend=$ledger_s total=$(elapsed)"
    for reason in "${reasons[@]}"; do echo "problem: $reason"; done
    echo "crash-test: sales=$SALES kills=$kills acked_first_time=$acked_first resent=$resent ledger=${ledger:-?} result=$result"
} | tee "$results/summary.txt"
final_printed=1
[ "$result" = "PASS" ]
