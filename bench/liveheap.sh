#!/usr/bin/env bash
# Live heap over a batch run: does the pipeline's memory grow with the number of articles?
#
# Usage: bench/liveheap.sh [N]      N = number of articles (default 10000)
#
# Runs the pipeline with --once on N distinct benchmark articles (as bench/run.sh builds
# them) and forces a full collection every INTERVAL seconds (default 10) with
# `jcmd <pid> GC.run`; what the heap holds after each is the live data. Peak resident memory
# cannot answer the question: the collector lets the heap grow towards its cap on a longer
# run, garbage included. The forced collections slow the run down, so its time is no
# benchmark figure. Environment: INTERVAL, and JAR, JAVA, JAVA_OPTS (default -Xmx512m),
# CORPUS_SRC as for bench/run.sh.
set -euo pipefail

N=${1:-10000}
[[ $N =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 [N]   (a positive integer; got '$N')" >&2; exit 2; }
# shellcheck source=bench/defaults.sh
source "$(dirname "${BASH_SOURCE[0]}")/defaults.sh"
INTERVAL=${INTERVAL:-10}
[[ $INTERVAL =~ ^[1-9][0-9]*$ ]] || { echo "INTERVAL must be a positive integer (seconds)" >&2; exit 2; }
[[ -f $JAR ]] || { echo "jar not found: $JAR (build it, or set JAR=...)" >&2; exit 1; }
JCMD=${JCMD:-$(dirname "$(readlink -f "$(command -v "$JAVA")")")/jcmd}
[[ -x $JCMD ]] || { echo "jcmd not found next to $JAVA (set JCMD=...)" >&2; exit 1; }

scratch_work liveheap
log() { echo "[liveheap] $*" >&2; }

log "building $N articles in $WORK"
python3 "$BENCH_DIR/make_corpus.py" "$CORPUS_SRC" "$WORK/home/inbox" "$N" >/dev/null
log "pipeline --once, a full collection every $INTERVAL s"
# shellcheck disable=SC2086  # JAVA_OPTS is a list of options
"$JAVA" $JAVA_OPTS -Xlog:gc:file="$WORK/gc.log" -jar "$JAR" --home "$WORK/home" --once >"$WORK/pipeline.log" 2>&1 &
PID=$!
while kill -0 "$PID" 2>/dev/null; do
    sleep "$INTERVAL"
    "$JCMD" "$PID" GC.run >/dev/null 2>&1 || true
done
rc=0
wait "$PID" || rc=$?
PID=""
printf 'articles: %s\n' "$N"
printf 'pipeline_exit_code: %s\n' "$rc"
python3 "$BENCH_DIR/gclog.py" "$WORK/gc.log" pipeline
