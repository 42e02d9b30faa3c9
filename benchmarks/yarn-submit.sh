#!/usr/bin/env bash
# Times a tiny per-job application on the sandbox YARN (scripts/weft-sandbox): submit -> RUNNING (the detached
# 'weft run -t yarn-per-job -d' returns once the application runs, its REST endpoint answers and the job is
# known) and submit -> FINISHED (the attached run returns when the job ended), each with the distribution
# uploaded per application and with it pre-uploaded in yarn.provided.lib.dirs. Medians of RUNS runs, every run
# timed from the client command's start (client JVM included).
#
# In the same sandbox, interleaved with Weft's runs, the peer Apache Flink 2.3.0 (benchmarks/flink-yarn-peer) runs
# the same tiny word count in application mode (Flink 2.x has no per-job mode), uploaded and with
# yarn.provided.lib.dirs, and the table gets "vs Flink" columns: Flink's median / Weft's median (above 1: Weft is
# faster). Flink's RUNNING is the first YARN report in state RUNNING and its FINISHED the first in state FINISHED
# (polled every 100 ms), each from the start of its client JVM, so one Flink application gives both numbers.
#
#   benchmarks/yarn-submit.sh          (from the repository root, after 'mvn -q -DskipTests package')
#
# Environment: RUNS (5), SANDBOX_DIR (a fresh temporary directory), KEEP_SANDBOX=1 to leave it running,
# FLINK=0 to leave Flink out, WEFT_DIST (the Weft distribution; default: this repository's dist/target/weft).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIST=${WEFT_DIST:-$ROOT/dist/target/weft}
FLINK=${FLINK:-1}
RUNS=${RUNS:-5}
[ -x "$DIST/bin/weft" ] || { echo "Weft is not built: run 'mvn -q -DskipTests package' first" >&2; exit 2; }
SANDBOX_DIR=${SANDBOX_DIR:-$(mktemp -d /tmp/weft-yarn-bench.XXXXXX)}
WORK=$(mktemp -d /tmp/weft-yarn-bench-work.XXXXXX)

stop_sandbox() {
    if [ "${KEEP_SANDBOX:-0}" != 1 ]; then
        "$DIST/bin/weft-sandbox" stop --dir "$SANDBOX_DIR" >/dev/null 2>&1 || true
        rm -rf "$SANDBOX_DIR"
    fi
    rm -rf "$WORK"
}
trap stop_sandbox EXIT

echo "# starting the sandbox in $SANDBOX_DIR" >&2
eval "$("$DIST/bin/weft-sandbox" start --dir "$SANDBOX_DIR" | grep '^export ')"
hdfs=$DIST/bin/hdfs
weft=$DIST/bin/weft

printf 'the quick brown fox jumps over the lazy dog\nthe dog sleeps\n' > "$WORK/in.txt"
"$hdfs" dfs -mkdir -p /bench /weft/lib
"$hdfs" dfs -put -f "$WORK/in.txt" /bench/in.txt
"$hdfs" dfs -put -f "$DIST/lib/weft-dist.jar" /weft/lib/weft-dist.jar
"$hdfs" dfs -chmod -R 755 /weft

now_ms() { date +%s%3N; }

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# run VARIANT I MODE: prints elapsed ms of one client command; the output of failed runs goes to stderr
run() {
    local variant=$1 i=$2 mode=$3 extra=() detach=()
    [ "$variant" = provided ] && extra=(-D yarn.provided.lib.dirs=hdfs:///weft/lib)
    [ "$mode" = running ] && detach=(-d)
    local out=/bench/out-$variant-$mode-$i start end
    start=$(now_ms)
    if ! "$weft" run -t yarn-per-job "${detach[@]}" "${extra[@]}" -D taskmanager.memory.process.size=900mb \
            -D jobmanager.memory.process.size=768mb "$DIST/examples/weft-examples.jar" \
            --input hdfs:///bench/in.txt --output "hdfs://$out" > "$WORK/last.out" 2>&1; then
        cat "$WORK/last.out" >&2
        return 1
    fi
    end=$(now_ms)
    if [ "$mode" = running ]; then
        # let the detached application end before the next run (bounded: 120 s)
        local app
        app=$(grep -o 'application_[0-9]*_[0-9]*' "$WORK/last.out" | head -1)
        for _ in $(seq 1 240); do
            "$DIST/bin/yarn" application -status "$app" 2>/dev/null | grep -q 'State : \(FINISHED\|FAILED\|KILLED\)' && break
            sleep 0.5
        done
    fi
    echo $((end - start))
}

# a first run of each variant warms the NodeManagers' caches (localized public files, page cache), untimed
run uploaded 0 finished >/dev/null
run provided 0 finished >/dev/null
if [ "$FLINK" = 1 ]; then
    # after Weft's warm-up, so that a Weft that cannot run on YARN fails before Flink is built and uploaded
    # shellcheck source=flink-yarn-peer/run.sh
    . "$ROOT/benchmarks/flink-yarn-peer/run.sh"
    WEFT_DIST=$DIST
    FLINK_WORK=$WORK/flink
    flink_peer_setup
    flink_peer_run uploaded 0 >/dev/null
    flink_peer_run provided 0 >/dev/null
fi
for variant in uploaded provided; do
    for mode in running finished; do
        : > "$WORK/$variant-$mode"
        : > "$WORK/flink-$variant-$mode"
    done
done
# interleaved: run i of every variant and engine before run i + 1, so that both engines see the same machine load
for i in $(seq 1 "$RUNS"); do
    for variant in uploaded provided; do
        for mode in running finished; do
            run "$variant" "$i" "$mode" >> "$WORK/$variant-$mode"
        done
        if [ "$FLINK" = 1 ]; then
            # a failed Flink run is reported (its output on stderr) and left out, Weft's runs go on
            if f_times=$(flink_peer_run "$variant" "$i"); then
                echo "${f_times% *}" >> "$WORK/flink-$variant-running"
                echo "${f_times#* }" >> "$WORK/flink-$variant-finished"
            else
                echo "# Flink run $i ($variant) failed: left out of the medians" >&2
            fi
        fi
        echo "# run $i $variant: weft running $(tail -1 "$WORK/$variant-running") finished $(tail -1 "$WORK/$variant-finished")" \
            "$([ "$FLINK" = 1 ] && echo "| flink running $(tail -1 "$WORK/flink-$variant-running") finished $(tail -1 "$WORK/flink-$variant-finished")")" >&2
    done
done

# ratio A B: A / B with two decimals
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a + 0 > 0 && b + 0 > 0) printf "%.2f", a / b; else print "-" }'; }
# median of a file, "-" when it is empty (every Flink run of a variant failed)
median_of() { if [ -s "$1" ]; then median < "$1"; else echo "-"; fi; }

if [ "$FLINK" = 1 ]; then
    echo "| distribution | Weft submit -> RUNNING (ms, median of $RUNS) | runs | Flink 2.3.0 submit -> RUNNING | runs | vs Flink |" \
        "Weft submit -> FINISHED (ms, median of $RUNS) | runs | Flink 2.3.0 submit -> FINISHED | runs | vs Flink |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|"
else
    echo "| distribution | submit -> RUNNING (ms, median of $RUNS) | runs | submit -> FINISHED (ms, median of $RUNS) | runs |"
    echo "|---|---|---|---|---|"
fi
for variant in uploaded provided; do
    label=$([ "$variant" = provided ] && echo "yarn.provided.lib.dirs" || echo "uploaded per application")
    w_run=$(median < "$WORK/$variant-running")
    w_fin=$(median < "$WORK/$variant-finished")
    if [ "$FLINK" = 1 ]; then
        f_run=$(median_of "$WORK/flink-$variant-running")
        f_fin=$(median_of "$WORK/flink-$variant-finished")
        echo "| $label | $w_run | $(paste -sd' ' "$WORK/$variant-running") | $f_run | $(paste -sd' ' "$WORK/flink-$variant-running") |" \
            "$(ratio "$f_run" "$w_run") | $w_fin | $(paste -sd' ' "$WORK/$variant-finished") | $f_fin |" \
            "$(paste -sd' ' "$WORK/flink-$variant-finished") | $(ratio "$f_fin" "$w_fin") |"
    else
        echo "| $label | $w_run | $(paste -sd' ' "$WORK/$variant-running") |" \
            "$w_fin | $(paste -sd' ' "$WORK/$variant-finished") |"
    fi
done
