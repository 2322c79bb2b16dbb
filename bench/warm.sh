#!/usr/bin/env bash
# Cold against warm: what the pipeline costs an article once the JIT has compiled it.
#
# Usage: bench/warm.sh [N]      N = articles in each batch (default 3000)
#
# Starts the pipeline as a service on a fresh home and drops BATCHES batches (default 4) of
# N distinct benchmark articles into inbox/, each at once, each after the inbox has emptied:
# the first runs cold (the JIT compiles while it works), the later ones warmer and warmer.
# Prints the process's CPU time (user and system, from /proc/<pid>/stat) and wall time for
# each batch. Environment: BATCHES, and JAR, JAVA, JAVA_OPTS (default -Xmx512m),
# CORPUS_SRC as for bench/run.sh.
set -euo pipefail

N=${1:-3000}
[[ $N =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 [N]   (a positive integer; got '$N')" >&2; exit 2; }
# shellcheck source=bench/defaults.sh
source "$(dirname "${BASH_SOURCE[0]}")/defaults.sh"
BATCHES=${BATCHES:-4}
[[ $BATCHES =~ ^[1-9][0-9]*$ ]] || { echo "BATCHES must be a positive integer" >&2; exit 2; }
[[ -f $JAR ]] || { echo "jar not found: $JAR (build it, or set JAR=...)" >&2; exit 1; }

scratch_work warm
log() { echo "[warm] $*" >&2; }
figure() { printf '%s: %s\n' "$1" "$2"; }

# Batches of distinct articles (distinct names and slugs), staged on the same disk so that
# a batch is dropped with one rename per file.
log "building $BATCHES x $N articles in $WORK"
python3 "$BENCH_DIR/make_corpus.py" "$CORPUS_SRC" "$WORK/corpus" $((BATCHES * N)) >/dev/null
mkdir -p "$WORK/home/inbox"
mapfile -t articles < <(find "$WORK/corpus" -maxdepth 1 -type f -name '*.md' | sort)
for ((b = 1; b <= BATCHES; b++)); do
    mkdir -p "$WORK/batch_$b"
    mv -t "$WORK/batch_$b/" "${articles[@]:$(((b - 1) * N)):N}"
done

# shellcheck disable=SC2086  # JAVA_OPTS is a list of options
"$JAVA" $JAVA_OPTS -jar "$JAR" --home "$WORK/home" >"$WORK/service.log" 2>&1 &
PID=$!
until grep -qE 'Apache Camel .*\) started' "$WORK/service.log" 2>/dev/null; do
    kill -0 "$PID" 2>/dev/null || { tail -n 20 "$WORK/service.log" >&2; exit 1; }
    sleep 0.1
done
TICKS=$(getconf CLK_TCK)
cpu_seconds() { awk -v hz="$TICKS" '{ printf "%.2f %.2f", ($14 + $15) / hz, $15 / hz }' "/proc/$PID/stat"; }

batch() {
    local name=$1 before after t0 t1
    read -r -a before <<<"$(cpu_seconds)"
    t0=$(date +%s.%N)
    find "$WORK/$name" -maxdepth 1 -type f -exec mv -t "$WORK/home/inbox/" {} +
    while [[ -n $(find "$WORK/home/inbox" -maxdepth 1 -type f -print -quit) ]]; do sleep 0.1; done
    # The last files leave the inbox when their routes finish; let the last writes settle.
    sleep 1
    t1=$(date +%s.%N)
    read -r -a after <<<"$(cpu_seconds)"
    figure "${name}_cpu_seconds" "$(awk -v a="${before[0]}" -v b="${after[0]}" 'BEGIN { printf "%.1f", b - a }') s"
    figure "${name}_system_seconds" "$(awk -v a="${before[1]}" -v b="${after[1]}" 'BEGIN { printf "%.1f", b - a }') s"
    figure "${name}_cpu_ms_per_article" "$(awk -v a="${before[0]}" -v b="${after[0]}" -v n="$N" 'BEGIN { printf "%.1f", (b - a) * 1000 / n }') ms"
    figure "${name}_wall_seconds" "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a - 1 }') s"
}
figure articles_per_batch "$N"
for ((b = 1; b <= BATCHES; b++)); do
    log "batch $b of $BATCHES"
    batch "batch_$b"
done
