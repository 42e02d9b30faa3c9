#!/usr/bin/env bash
# Peer benchmark: Apache Flink 2.3.0 on the YARN of a running Weft sandbox. Times a tiny bounded word count
# (hdfs:///bench/in.txt -> HDFS) deployed in application mode (Flink 2.x has no per-job mode) through Flink's
# YarnClusterDescriptor.deployApplicationCluster, as 'flink run-application -t yarn-application' does:
#   submit -> RUNNING    client JVM start -> YARN application state RUNNING (polled every 100 ms)
#   submit -> FINISHED   client JVM start -> YARN application state FINISHED (SUCCEEDED required)
# both with Flink's jars uploaded per application and with them pre-uploaded in yarn.provided.lib.dirs, after one
# untimed warm-up of each. Prints medians of RUNS runs (runs alternate between the two variants).
#
#   eval "$(/path/to/weft/bin/weft-sandbox start --dir DIR)"    # sets HADOOP_CONF_DIR
#   benchmarks/flink-yarn-peer/run.sh
#
# Sourced (benchmarks/yarn-submit.sh does), it only defines flink_peer_setup and flink_peer_run.
#
# Environment: HADOOP_CONF_DIR (required), RUNS (5), WEFT_DIST (the Weft distribution whose bin/hdfs and Hadoop
# client jars are used; default: the repository's dist/target/weft), FLINK_TIMEOUT_S (300 per run),
# FLINK_CLIENT_JVM_ARGS (-Xmx1g, as Weft's client), FLINK_WORK (a temporary directory: logs of failed runs).
set -euo pipefail

FLINK_PEER_HOME=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
FLINK_PEER_DIST_JAR=$FLINK_PEER_HOME/target/flink-home/lib/flink-dist-2.3.0.jar
FLINK_PEER_PROVIDED=hdfs:///flink/lib

# Builds the project (when a source is newer than the last build), uploads the provided lib dir and the input
# file. Needs HADOOP_CONF_DIR and WEFT_DIST.
flink_peer_setup() {
    [ -n "${HADOOP_CONF_DIR:-}" ] || { echo "HADOOP_CONF_DIR is not set (start the sandbox first)" >&2; return 2; }
    [ -x "$WEFT_DIST/bin/hdfs" ] || { echo "no Weft distribution at $WEFT_DIST (set WEFT_DIST)" >&2; return 2; }
    FLINK_WORK=${FLINK_WORK:-$(mktemp -d /tmp/flink-yarn-peer.XXXXXX)}
    mkdir -p "$FLINK_WORK"
    local stamp=$FLINK_PEER_HOME/target/.built
    if [ ! -f "$stamp" ] || [ ! -f "$FLINK_PEER_DIST_JAR" ] \
            || [ -n "$(find "$FLINK_PEER_HOME/pom.xml" "$FLINK_PEER_HOME/src" -newer "$stamp" -type f | head -1)" ]; then
        echo "# building benchmarks/flink-yarn-peer (mvn -q -DskipTests package)" >&2
        (cd "$FLINK_PEER_HOME" && mvn -q -B -DskipTests package >&2)
        touch "$stamp"
    fi
    local hdfs=$WEFT_DIST/bin/hdfs
    printf 'the quick brown fox jumps over the lazy dog\nthe dog sleeps\n' > "$FLINK_WORK/in.txt"
    "$hdfs" dfs -mkdir -p /bench /flink/lib
    "$hdfs" dfs -put -f "$FLINK_WORK/in.txt" /bench/in.txt
    # the whole lib/ (dist jar and logging), world-readable: YARN localizes it PUBLIC, once per NodeManager
    "$hdfs" dfs -put -f "$FLINK_PEER_HOME"/target/flink-home/lib/*.jar /flink/lib/
    "$hdfs" dfs -chmod -R 755 /flink
}

# flink_peer_run VARIANT I: one application (VARIANT uploaded|provided); prints "RUNNING_MS FINISHED_MS", both
# from the client JVM's start. A failed run prints its output to stderr and returns 1.
flink_peer_run() {
    local variant=$1 i=$2 provided=() out t0
    [ "$variant" = provided ] && provided=(--provided-lib-dir "$FLINK_PEER_PROVIDED")
    out=$FLINK_WORK/flink-$variant-$i.out
    local -a jvm_args
    read -r -a jvm_args <<< "${FLINK_CLIENT_JVM_ARGS:--Xmx1g}"
    t0=$(date +%s%3N)
    # FLINK_LIB_DIR: without provided lib dirs, YarnClusterDescriptor ships that directory (as Flink's CLI does)
    if ! FLINK_LIB_DIR=$FLINK_PEER_HOME/target/flink-home/lib java "${jvm_args[@]}" -Dbench.t0="$t0" \
            -Dlog4j.configurationFile="$FLINK_PEER_HOME/conf/log4j-cli.properties" \
            -cp "$FLINK_PEER_HOME/target/classes:$FLINK_PEER_HOME/target/flink-home/lib/*:$WEFT_DIST/lib/hadoop/*:$HADOOP_CONF_DIR" \
            weftbench.flinkyarn.FlinkYarnSubmitBench \
            --conf-dir "$FLINK_PEER_HOME/conf" --dist-jar "$FLINK_PEER_DIST_JAR" \
            --job-jar "$FLINK_PEER_HOME/target/flink-yarn-peer-job.jar" --timeout-s "${FLINK_TIMEOUT_S:-300}" \
            "${provided[@]}" \
            -- --input hdfs:///bench/in.txt --output "hdfs:///bench/flink-out-$variant-$i" > "$out" 2>&1; then
        echo "# Flink run $variant $i failed:" >&2
        cat "$out" >&2
        return 1
    fi
    local running finished
    running=$(sed -n 's/^submit_to_running_ms=//p' "$out")
    finished=$(sed -n 's/^submit_to_finished_ms=//p' "$out")
    echo "$running $finished"
}

# sourced: functions only
if [ "${BASH_SOURCE[0]}" != "$0" ]; then
    return 0
fi

RUNS=${RUNS:-5}
WEFT_DIST=${WEFT_DIST:-$(cd "$FLINK_PEER_HOME/../.." && pwd)/dist/target/weft}
flink_peer_setup

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

echo "# warm-up (untimed): one run of each variant" >&2
flink_peer_run uploaded 0 >/dev/null
flink_peer_run provided 0 >/dev/null
: > "$FLINK_WORK/uploaded.times"
: > "$FLINK_WORK/provided.times"
for i in $(seq 1 "$RUNS"); do
    for variant in uploaded provided; do
        flink_peer_run "$variant" "$i" | tee -a "$FLINK_WORK/$variant.times" | sed "s/^/# $variant $i: /" >&2
    done
done

echo "| Flink 2.3.0 distribution | submit -> RUNNING (ms, median of $RUNS) | runs | submit -> FINISHED (ms, median of $RUNS) | runs |"
echo "|---|---|---|---|---|"
for variant in uploaded provided; do
    label=$([ "$variant" = provided ] && echo "yarn.provided.lib.dirs" || echo "uploaded per application")
    echo "| $label | $(cut -d' ' -f1 < "$FLINK_WORK/$variant.times" | median) | $(cut -d' ' -f1 < "$FLINK_WORK/$variant.times" | paste -sd' ') |" \
        "$(cut -d' ' -f2 < "$FLINK_WORK/$variant.times" | median) | $(cut -d' ' -f2 < "$FLINK_WORK/$variant.times" | paste -sd' ') |"
done
