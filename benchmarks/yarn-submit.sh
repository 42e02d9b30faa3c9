#!/usr/bin/env bash
# Times a tiny per-job application on the sandbox YARN (scripts/weft-sandbox): submit -> RUNNING (the detached
# 'weft run -t yarn-per-job -d' returns once the application runs, its REST endpoint answers and the job is
# known) and submit -> FINISHED (the attached run returns when the job ended), each with the distribution
# uploaded per application and with it pre-uploaded in yarn.provided.lib.dirs. Medians of RUNS runs, every run
# timed from the client command's start (client JVM included).
#
#   benchmarks/yarn-submit.sh          (from the repository root, after 'mvn -q -DskipTests package')
#
# Environment: RUNS (5), SANDBOX_DIR (a fresh temporary directory), KEEP_SANDBOX=1 to leave it running.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIST=$ROOT/dist/target/weft
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
for variant in uploaded provided; do
    for mode in running finished; do
        : > "$WORK/$variant-$mode"
        for i in $(seq 1 "$RUNS"); do
            run "$variant" "$i" "$mode" >> "$WORK/$variant-$mode"
        done
    done
done

echo "| distribution | submit -> RUNNING (ms, median of $RUNS) | runs | submit -> FINISHED (ms, median of $RUNS) | runs |"
echo "|---|---|---|---|---|"
for variant in uploaded provided; do
    label=$([ "$variant" = provided ] && echo "yarn.provided.lib.dirs" || echo "uploaded per application")
    echo "| $label | $(median < "$WORK/$variant-running") | $(paste -sd' ' "$WORK/$variant-running") |" \
        "$(median < "$WORK/$variant-finished") | $(paste -sd' ' "$WORK/$variant-finished") |"
done
