#!/usr/bin/env bash
# JobManager memory during fat-jar uploads: starts a standalone cluster (its own pid dir, conf and free REST port),
# builds a valid job jar of SIZE_MB (the examples jar plus one stored, incompressible entry), uploads it RUNS times
# with curl (POST /jars/upload, deleting each upload after), and samples the JobManager's resident set (VmRSS of
# /proc/<pid>/status; direct buffers are part of it) before, every 200 ms during, and after the uploads. Prints
# before / peak during / after in MB, the upload times, the heap after (jcmd GC.heap_info) and what is left in
# the upload directory.
#
#   benchmarks/upload-memory.sh      (from the repository root, after 'mvn -q -DskipTests package')
#
# Environment: RUNS (5), SIZE_MB (200), WEFT_DIST (default: this repository's dist/target/weft).
set -euo pipefail
export USER=${USER:-$(id -un)}

ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIST=${WEFT_DIST:-$ROOT/dist/target/weft}
RUNS=${RUNS:-5}
SIZE_MB=${SIZE_MB:-200}
[ -x "$DIST/bin/weft" ] || { echo "Weft is not built: run 'mvn -q -DskipTests package' first" >&2; exit 2; }
command -v curl >/dev/null || { echo "curl is needed" >&2; exit 2; }
WORK=$(mktemp -d /tmp/weft-upload-bench.XXXXXX)
export WEFT_PID_DIR="$WORK/pids" WEFT_CONF_DIR="$WORK/conf" WEFT_LOG_DIR="$WORK/log"
mkdir -p "$WEFT_PID_DIR" "$WEFT_CONF_DIR" "$WEFT_LOG_DIR"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cp "$DIST/conf/weft-conf.yaml" "$WEFT_CONF_DIR/" 2>/dev/null || true
printf '\nrest.port: %s\nweb.upload.dir: %s\n' "$PORT" "$WORK/uploads" >> "$WEFT_CONF_DIR/weft-conf.yaml"

cleanup() {
    "$DIST/bin/stop-cluster.sh" >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT

# the jar: the examples plus a stored entry of random bytes
python3 - "$DIST/examples/weft-examples.jar" "$WORK/fat.jar" "$SIZE_MB" <<'PY'
import os, shutil, sys, zipfile
src, dst, mb = sys.argv[1], sys.argv[2], int(sys.argv[3])
shutil.copy(src, dst)
with zipfile.ZipFile(dst, "a", compression=zipfile.ZIP_STORED) as z:
    with z.open("fat/payload.bin", "w", force_zip64=True) as out:
        for _ in range(mb):
            out.write(os.urandom(1 << 20))
PY

"$DIST/bin/start-cluster.sh" >/dev/null
JM=$(head -n1 "$WEFT_PID_DIR/weft-$USER-jobmanager.pid")
rss() { awk '/^VmRSS:/ {printf "%d", $2 / 1024}' "/proc/$JM/status"; }
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$PORT/overview" >/dev/null && break; sleep 0.2; done

before=$(rss)
peak=$before
( while kill -0 "$JM" 2>/dev/null; do rss; echo; sleep 0.2; done ) > "$WORK/samples" &
sampler=$!
times=()
for i in $(seq 1 "$RUNS"); do
    start=$(date +%s.%N)
    answer=$(curl -sS -F "jarfile=@$WORK/fat.jar" "http://127.0.0.1:$PORT/jars/upload")
    end=$(date +%s.%N)
    id=$(printf '%s' "$answer" | python3 -c 'import json,sys; print(json.load(sys.stdin)["filename"])') \
        || { echo "Upload $i failed: $answer" >&2; exit 1; }
    times+=("$(python3 -c "print(f'{$end - $start:.2f}')")")
    curl -sf -X DELETE "http://127.0.0.1:$PORT/jars/$id" >/dev/null
done
sleep 2
after=$(rss)
kill "$sampler" 2>/dev/null || true
wait "$sampler" 2>/dev/null || true
peak=$(sort -n "$WORK/samples" | tail -n1)
heap=$(jcmd "$JM" GC.heap_info 2>/dev/null | awk '/total/ {print; exit}' || true)
echo "JobManager RSS over $RUNS uploads of a $(du -m "$WORK/fat.jar" | cut -f1) MB jar:"
echo "  before ${before} MB, peak during ${peak} MB, after ${after} MB"
echo "  upload seconds: ${times[*]}"
echo "  heap after: ${heap:-n/a}"
echo "  uploads left in web.upload.dir: $(find "$WORK/uploads" -type f | wc -l)"
