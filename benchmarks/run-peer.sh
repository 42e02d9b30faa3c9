#!/usr/bin/env bash
# Runs Weft's word-count workloads and Apache Flink's (shared/bench/flink-peer) round-robin in ONE invocation of
# the peer harness, so both engines meet the same machine load, then prints the ratios.
#
#   benchmarks/run-peer.sh            (from the repository root; builds what it needs)
#
# Environment: the harness's own knobs (RUNS, XMX, PAR, TEXT_BYTES, WORK, QUIET_WAIT, ...) pass through;
# WORKLOADS defaults to the word-count set below. The harness is copied to $WORK/harness, because shared/ may
# be read-only; nothing in shared/ is changed.
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PEER=${PEER:-$ROOT/../shared/bench/flink-peer}
WORK=${WORK:-/tmp/weft-peer}
export WORK
WORKLOADS=${WORKLOADS:-"baseline-handwritten-2t batch-wordcount stream-wordcount weft-batch-wordcount weft-stream-wordcount weft2tm-stream-wordcount"}
export WORKLOADS

if [ ! -d "$PEER" ]; then
  echo "peer harness not found at $PEER: set PEER=<path to shared/bench/flink-peer>" >&2
  exit 2
fi

echo "# building Weft's benchmarks (mvn -q -DskipTests package -pl benchmarks -am)" >&2
(cd "$ROOT" && mvn -q -B -DskipTests package -pl benchmarks -am >&2) || { echo "Weft build failed" >&2; exit 1; }
WEFT_CP="$ROOT/benchmarks/target/classes:$(cat "$ROOT/benchmarks/target/classpath.txt")"

HARNESS="$WORK/harness"
mkdir -p "$HARNESS"
# copy the harness sources (keep an earlier build in $HARNESS/target)
cp "$PEER"/*.java "$PEER"/pom.xml "$PEER"/run.sh "$HARNESS"/
# add Weft's workloads to the harness's command table: same input, same -Xmx, same parallelism
python3 - "$HARNESS/run.sh" "$WEFT_CP" <<'PY'
import sys
path, cp = sys.argv[1], sys.argv[2]
s = open(path).read()
anchor = 'cmd_for() { # workload -> command array in CMD\n  local w=$1\n  local out="$WORK/out/$w" ckpt="$WORK/ckpt/$w"\n  case "$w" in\n'
if anchor not in s:
    sys.exit("the harness's cmd_for has changed; update benchmarks/run-peer.sh")
weft = ('    weft2tm-*) CMD=($JAVA -Xmx256m -Djava.io.tmpdir=$RUN_TMP -cp "' + cp + '" io.weft.benchmarks.WeftClusterBench'
        ' "${w#weft2tm-}" input="$TEXT" out="$out" parallelism=$PAR taskmanagers=2 tm_heap=$((${XMX%g} * 512))m) ;;\n'
        '    weft-*) CMD=($JAVA -Xmx$XMX -Djava.io.tmpdir=$RUN_TMP -cp "' + cp + '" io.weft.benchmarks.WeftBench'
        ' "${w#weft-}" input="$TEXT" out="$out" parallelism=$PAR) ;;\n')
s = s.replace(anchor, anchor + weft)
open(path, 'w').write(s)
PY
chmod +x "$HARNESS/run.sh"

"$HARNESS/run.sh" | tee "$WORK/summary.txt"
rc=${PIPESTATUS[0]}

rate() { grep "^workload=$1 " "$WORK/summary.txt" | tr ' ' '\n' | awk -F= '$1=="records_per_s" {print $2}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print "n/a"; else printf "%.2f", a / b }'; }
echo "# ratios (records/s, medians of the same invocation)"
for w in batch-wordcount stream-wordcount; do
  echo "ratio workload=$w weft_vs_flink=$(ratio "$(rate weft-$w)" "$(rate $w)") weft_vs_handwritten_2t=$(ratio "$(rate weft-$w)" "$(rate baseline-handwritten-2t)")"
done
echo "ratio workload=stream-wordcount weft_2tm_vs_flink=$(ratio "$(rate weft2tm-stream-wordcount)" "$(rate stream-wordcount)") weft_2tm_vs_embedded=$(ratio "$(rate weft2tm-stream-wordcount)" "$(rate weft-stream-wordcount)")"
exit "$rc"
