#!/usr/bin/env bash
# Benchmark of the content pipeline against a copy floor and Hugo, on the same N articles.
#
# Usage: bench/run.sh [N]          N = number of articles (default 10000)
#
# Environment:
#   JAR            pipeline jar (default: target/content-pipeline.jar; copied into the work
#                  folder first, so a rebuild during the run does not change it)
#   JAVA           java command (default: java)
#   JAVA_OPTS      JVM options for both pipeline runs (default: -Xmx512m)
#   HUGO           hugo command (default: hugo; installed with apt-get when missing)
#   ROUNDS         batch runs of the pipeline and of Hugo, alternating, each on a fresh copy
#                  (default: 1); with more than one, each round and the medians are printed
#   LATENCY_DROPS  articles dropped one by one into the running service (default: 50)
#   LATENCY_WARMUP seconds to wait after the service says "started" (default: 3)
#   KEEP_WORKDIR   1 keeps the temporary work folder (logs, outputs) after the run
#   CORPUS_SRC     real articles to cycle through (default: src/test/resources/corpus)
#
# Figures go to stdout, one `key: value unit` line each, so two runs diff cleanly;
# progress messages go to stderr.
set -euo pipefail

N=${1:-10000}
if ! [[ $N =~ ^[1-9][0-9]*$ ]]; then
    echo "usage: $0 [N]   (N = number of articles, a positive integer; got '$N')" >&2
    exit 2
fi

# shellcheck source=bench/defaults.sh
source "$(dirname "${BASH_SOURCE[0]}")/defaults.sh"
HUGO=${HUGO:-hugo}
ROUNDS=${ROUNDS:-1}
LATENCY_DROPS=${LATENCY_DROPS:-50}
LATENCY_WARMUP=${LATENCY_WARMUP:-3}
KEEP_WORKDIR=${KEEP_WORKDIR:-0}
GNU_TIME=/usr/bin/time

log() { echo "[bench] $*" >&2; }
die() { echo "[bench] ERROR: $*" >&2; exit 1; }
# One figure per line: key: value unit
figure() { printf '%s: %s\n' "$1" "$2"; }

# --- Preconditions -----------------------------------------------------------------
[[ -f $JAR ]] || die "jar not found: $JAR (build it, or set JAR=...)"
[[ -d $CORPUS_SRC/pairs && -d $CORPUS_SRC/singles ]] || die "corpus not found: $CORPUS_SRC"
[[ -x $GNU_TIME ]] || die "GNU time not found at $GNU_TIME (apt-get install time)"
command -v "$JAVA" >/dev/null || die "java not found: $JAVA"
command -v python3 >/dev/null || die "python3 not found"
[[ $LATENCY_DROPS =~ ^[1-9][0-9]*$ ]] || die "LATENCY_DROPS must be a positive integer"
[[ $ROUNDS =~ ^[1-9][0-9]*$ ]] || die "ROUNDS must be a positive integer"
if ! command -v "$HUGO" >/dev/null; then
    [[ $(id -u) == 0 ]] || die "hugo is not installed and we are not root: apt-get install hugo"
    log "hugo not found: installing it with apt-get"
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hugo >&2 \
        || die "apt-get install hugo failed"
    HUGO=hugo
fi

WORK=$(mktemp -d /tmp/pipeline-bench.XXXXXX)
SERVICE_PID=""
cleanup() {
    local rc=$?
    # Never leave our background service running.
    if [[ -n $SERVICE_PID ]] && kill -0 "$SERVICE_PID" 2>/dev/null; then
        kill -TERM "$SERVICE_PID" 2>/dev/null || true
        sleep 2
        kill -KILL "$SERVICE_PID" 2>/dev/null || true
    fi
    if [[ $rc != 0 ]]; then
        log "failed (exit $rc); work folder kept for inspection: $WORK"
    elif [[ $KEEP_WORKDIR == 1 ]]; then
        log "work folder kept: $WORK"
    else
        rm -rf "$WORK"
    fi
}
trap cleanup EXIT

# Seconds since the epoch with nanoseconds, for timing plain shell steps.
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }
# Fields of `/usr/bin/time -v` output: wall time (h:mm:ss or m:ss.ss) in seconds, peak RSS
# in MB, user+system CPU seconds.
time_wall() {
    awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0
        for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.2f", s }' "$1"
}
time_rss_mb() { awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$1"; }
time_cpu() {
    awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { printf "%.2f", u + s }' "$1"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
# Median of the numbers given as arguments (the mean of the two middle ones for an even count).
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { m = int((NR + 1) / 2)
    if (NR % 2) printf "%.2f", v[m]; else printf "%.2f", (v[m] + v[m + 1]) / 2 }'; }
count_files() { find "$@" -type f 2>/dev/null | wc -l | tr -d ' '; }

log "work folder: $WORK"
cp "$JAR" "$WORK/content-pipeline.jar"
JAR_COPY=$WORK/content-pipeline.jar

# --- Machine -----------------------------------------------------------------------
figure machine_nproc "$(nproc) cpus"
figure machine_cpu "$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)"
figure machine_mem_total_mb "$(awk '/MemTotal/ { printf "%d", $2 / 1024 }' /proc/meminfo) MB"
figure java_version "$("$JAVA" -version 2>&1 | head -n 1)"
figure hugo_version "$("$HUGO" version | head -n 1)"
figure java_opts "$JAVA_OPTS"
# Other work on the machine skews every figure: compare runs only with similar loads.
figure load_avg_1m_before "$(cut -d' ' -f1 /proc/loadavg)"

# --- 1. Corpus ---------------------------------------------------------------------
# N distinct copies of the real articles; YAML ones get a unique `slug:` so each copy is
# its own bundle. corpus.tsv lists name, slug, front-matter kind and source of each copy.
CORPUS=$WORK/corpus
log "building a corpus of $N articles from $CORPUS_SRC"
corpus_stats=$(python3 "$BENCH_DIR/make_corpus.py" "$CORPUS_SRC" "$CORPUS" "$N") || die "building the corpus failed"
read -r corpus_files corpus_bytes <<<"$corpus_stats"
figure corpus_files "$corpus_files files"
figure corpus_bytes "$corpus_bytes bytes"
figure corpus_toml_files "$(awk -F'\t' '$3 == "toml"' "$CORPUS.tsv" | wc -l | tr -d ' ') files"

# --- 2. Floor: copying the files ---------------------------------------------------
# The cheapest possible "pipeline": cp -r on the same disk. The copy becomes the batch
# run's inbox.
BATCH_HOME=$WORK/batch
mkdir -p "$BATCH_HOME"
log "copy floor: cp -r corpus"
t0=$(now)
cp -r "$CORPUS" "$BATCH_HOME/inbox"
t1=$(now)
figure copy_seconds "$(elapsed "$t0" "$t1") s"

# --- 3. Pipeline, batch ------------------------------------------------------------
PIPELINE_LOG=$WORK/pipeline.log
log "pipeline --once on $N articles (log: $PIPELINE_LOG)"
pipeline_rc=0
# shellcheck disable=SC2086  # JAVA_OPTS is a list of options
"$GNU_TIME" -v -o "$WORK/pipeline.time" \
    "$JAVA" $JAVA_OPTS -jar "$JAR_COPY" --home "$BATCH_HOME" --once >"$PIPELINE_LOG" 2>&1 \
    || pipeline_rc=$?
pipeline_seconds=$(time_wall "$WORK/pipeline.time")
pipeline_rss=$(time_rss_mb "$WORK/pipeline.time")
OUTBOX=$BATCH_HOME/outbox
figure pipeline_exit_code "$pipeline_rc"
figure pipeline_seconds "$pipeline_seconds s"
figure pipeline_cpu_seconds "$(time_cpu "$WORK/pipeline.time") s"
figure pipeline_peak_rss_mb "$pipeline_rss MB"
figure pipeline_articles_per_second "$(ratio "$N" "$pipeline_seconds") articles/s"
python3 "$BENCH_DIR/logtimes.py" "$PIPELINE_LOG" pipeline
figure pipeline_bundles "$(find "$OUTBOX/published" -mindepth 2 -maxdepth 2 -name bundle.json 2>/dev/null | wc -l | tr -d ' ') bundles"
figure pipeline_drafts_en "$(find "$OUTBOX/translations/EN" -maxdepth 1 -type f -name '*.md' 2>/dev/null | wc -l | tr -d ' ') drafts"
figure pipeline_rejected "$(find "$OUTBOX/rejected" -maxdepth 1 -type f ! -name '*.errors.json' 2>/dev/null | wc -l | tr -d ' ') files"
# Anything still in the inbox after --once was not processed.
figure pipeline_inbox_left "$(find "$BATCH_HOME/inbox" -maxdepth 1 -type f | wc -l | tr -d ' ') files"
python3 "$BENCH_DIR/rejections.py" "$OUTBOX/rejected"
figure pipeline_log "$PIPELINE_LOG"
if [[ $pipeline_rc != 0 ]]; then
    log "pipeline exited with $pipeline_rc; last log lines:"
    tail -n 20 "$PIPELINE_LOG" >&2
fi

# --- 4. Hugo on the same files -----------------------------------------------------
# A minimal site, no theme: one template per kind rendering what the pipeline derives
# (title, description, summary, reading time, HTML body).
SITE=$WORK/site
mkdir -p "$SITE/content" "$SITE/layouts/_default" "$SITE/layouts/shortcodes"
cp -r "$CORPUS" "$SITE/content/posts"
cat >"$SITE/hugo.toml" <<'EOF'
baseURL = "http://localhost:1313/"
title = "bench"
# "RSS" is not disabled only because one article (otel-index/en.md) lists RSS in its own
# `outputs`, which Hugo refuses when the RSS kind is disabled; [outputs] below keeps the
# home and section pages to HTML, so no site feed is built.
disableKinds = ["taxonomy", "term", "sitemap", "robotsTXT", "404"]
# Render every article, whatever its dates or draft flag: the pipeline does.
buildFuture = true
buildExpired = true
buildDrafts = true

[outputs]
home = ["HTML"]
section = ["HTML"]
page = ["HTML"]

# Keep raw HTML in Markdown (the pipeline keeps it too, sanitised).
[markup.goldmark.renderer]
unsafe = true

# otel-index/en.md also asks for REDIRECTS (OpenTelemetry's Netlify _redirects file).
[outputFormats.REDIRECTS]
mediaType = "text/plain"
baseName = "_redirects"
isPlainText = true
notAlternative = true
EOF
cat >"$SITE/layouts/_default/single.html" <<'EOF'
<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{{ .Title }}</title>
<meta name="description" content="{{ .Params.description }}"></head>
<body>
<h1>{{ .Title }}</h1>
<p class="description">{{ .Params.description }}</p>
<p class="summary">{{ .Summary }}</p>
<p class="reading-time">{{ .ReadingTime }} min</p>
<main>{{ .Content }}</main>
</body></html>
EOF
cat >"$SITE/layouts/_default/list.html" <<'EOF'
<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><h1>{{ .Title }}</h1><p>{{ len .Pages }} pages</p></body></html>
EOF
cp "$SITE/layouts/_default/list.html" "$SITE/layouts/index.html"
echo '# redirects' >"$SITE/layouts/_default/single.redirects.txt"

# Stub every shortcode the corpus uses (OpenTelemetry's Docsy ones, plus Hugo's built-in
# param/figure, whose real versions fail on params this site lacks). Hugo decides from
# the template whether a shortcode takes inner content: a stub that mentions .Inner must
# be closed at every use, so only names the corpus closes somewhere ({{% /name %}})
# render .Inner; the others render nothing.
opened=$(grep -rhoP '\{\{[<%]\s*\K[A-Za-z0-9_][A-Za-z0-9_/.-]*' "$CORPUS" | sort -u || true)
closed=$(grep -rhoP '\{\{[<%]\s*/\s*\K[A-Za-z0-9_][A-Za-z0-9_/.-]*' "$CORPUS" | sort -u || true)
shortcodes=0
for name in $opened; do
    mkdir -p "$SITE/layouts/shortcodes/$(dirname "$name")"
    if grep -qxF "$name" <<<"$closed"; then
        echo '{{ .Inner }}'
    else
        echo '<!-- shortcode stub -->'
    fi >"$SITE/layouts/shortcodes/$name.html"
    shortcodes=$((shortcodes + 1))
done
figure hugo_shortcode_stubs "$shortcodes stubs"

HUGO_LOG=$WORK/hugo.log
log "hugo on the same $N articles (log: $HUGO_LOG)"
hugo_rc=0
# Not --quiet: Hugo's closing table gives the page count; printing it costs nothing.
(cd "$SITE" && "$GNU_TIME" -v -o "$WORK/hugo.time" \
    "$HUGO" --cacheDir "$WORK/hugo-cache" >"$HUGO_LOG" 2>&1) || hugo_rc=$?
hugo_seconds=$(time_wall "$WORK/hugo.time")
hugo_rss=$(time_rss_mb "$WORK/hugo.time")
hugo_table() { awk -F'|' -v k="$1" '$1 ~ "^ *" k " *$" { gsub(/ /, "", $2); print $2; exit }' "$HUGO_LOG"; }
figure hugo_exit_code "$hugo_rc"
figure hugo_seconds "$hugo_seconds s"
figure hugo_cpu_seconds "$(time_cpu "$WORK/hugo.time") s"
figure hugo_peak_rss_mb "$hugo_rss MB"
figure hugo_pages "$(hugo_table Pages) pages"
figure hugo_aliases "$(hugo_table Aliases) aliases"
figure hugo_html_files "$(find "$SITE/public" -type f -name '*.html' 2>/dev/null | wc -l | tr -d ' ') files"
figure hugo_log "$HUGO_LOG"
if [[ $hugo_rc != 0 ]]; then
    log "hugo exited with $hugo_rc:"
    grep -E 'ERROR|Error' "$HUGO_LOG" | head -n 20 >&2 || true
fi
figure pipeline_to_hugo_time_ratio "$(ratio "$pipeline_seconds" "$hugo_seconds")"
figure pipeline_to_hugo_rss_ratio "$(ratio "$pipeline_rss" "$hugo_rss")"

# --- 4b. More rounds ---------------------------------------------------------------
# Other work on the machine moves a single figure by 10 to 15 %. With ROUNDS > 1 the two
# batch runs are repeated, alternating, each on a fresh copy of the corpus (and Hugo with
# an empty cache and no previous output), and the medians are printed.
if ((ROUNDS > 1)); then
    pipeline_all=("$pipeline_seconds")
    hugo_all=("$hugo_seconds")
    ratio_all=("$(ratio "$pipeline_seconds" "$hugo_seconds")")
    rss_all=("$pipeline_rss")
    for ((round = 2; round <= ROUNDS; round++)); do
        log "round $round of $ROUNDS: pipeline --once, then hugo"
        round_home=$WORK/batch-$round
        mkdir -p "$round_home"
        cp -r "$CORPUS" "$round_home/inbox"
        round_rc=0
        # shellcheck disable=SC2086
        "$GNU_TIME" -v -o "$WORK/pipeline-$round.time" \
            "$JAVA" $JAVA_OPTS -jar "$JAR_COPY" --home "$round_home" --once >"$WORK/pipeline-$round.log" 2>&1 \
            || round_rc=$?
        rm -rf "$round_home"
        rm -rf "$SITE/public"
        (cd "$SITE" && "$GNU_TIME" -v -o "$WORK/hugo-$round.time" \
            "$HUGO" --cacheDir "$WORK/hugo-cache-$round" >"$WORK/hugo-$round.log" 2>&1) \
            || die "hugo failed in round $round (log: $WORK/hugo-$round.log)"
        round_pipeline=$(time_wall "$WORK/pipeline-$round.time")
        round_hugo=$(time_wall "$WORK/hugo-$round.time")
        figure "pipeline_exit_code_round_$round" "$round_rc"
        figure "pipeline_seconds_round_$round" "$round_pipeline s"
        figure "pipeline_peak_rss_mb_round_$round" "$(time_rss_mb "$WORK/pipeline-$round.time") MB"
        figure "hugo_seconds_round_$round" "$round_hugo s"
        figure "pipeline_to_hugo_time_ratio_round_$round" "$(ratio "$round_pipeline" "$round_hugo")"
        pipeline_all+=("$round_pipeline")
        hugo_all+=("$round_hugo")
        ratio_all+=("$(ratio "$round_pipeline" "$round_hugo")")
        rss_all+=("$(time_rss_mb "$WORK/pipeline-$round.time")")
    done
    figure pipeline_seconds_median "$(median "${pipeline_all[@]}") s"
    figure hugo_seconds_median "$(median "${hugo_all[@]}") s"
    figure pipeline_to_hugo_time_ratio_median "$(median "${ratio_all[@]}")"
    figure pipeline_peak_rss_mb_max "$(printf '%s\n' "${rss_all[@]}" | sort -g | tail -n 1) MB"
fi

# --- 5. Latency, service mode ------------------------------------------------------
SERVICE_HOME=$WORK/service
SERVICE_LOG=$WORK/service.log
mkdir -p "$SERVICE_HOME/inbox"
log "starting the pipeline as a service (log: $SERVICE_LOG)"
# shellcheck disable=SC2086
"$JAVA" $JAVA_OPTS -jar "$JAR_COPY" --home "$SERVICE_HOME" >"$SERVICE_LOG" 2>&1 &
SERVICE_PID=$!
t0=$(now)
until grep -qE 'Apache Camel .*\) started' "$SERVICE_LOG"; do
    kill -0 "$SERVICE_PID" 2>/dev/null || { tail -n 20 "$SERVICE_LOG" >&2; die "the service exited during startup"; }
    [[ $(elapsed "$t0" "$(now)" | cut -d. -f1) -lt 120 ]] || die "the service did not start within 120 s"
    sleep 0.1
done
figure service_startup_seconds "$(elapsed "$t0" "$(now)") s"
# Let the first polls and JIT warm-up pass before measuring.
sleep "$LATENCY_WARMUP"
log "dropping $LATENCY_DROPS articles one at a time"
python3 "$BENCH_DIR/latency.py" "$SERVICE_HOME" "$CORPUS" "$CORPUS.tsv" "$LATENCY_DROPS" "$SERVICE_PID"

# Graceful stop: SIGTERM, then work in flight finishes (shutdown-timeout 30 s).
log "stopping the service (SIGTERM)"
t0=$(now)
kill -TERM "$SERVICE_PID"
service_rc=0
for _ in $(seq 600); do
    kill -0 "$SERVICE_PID" 2>/dev/null || break
    sleep 0.1
done
if kill -0 "$SERVICE_PID" 2>/dev/null; then
    log "the service did not stop within 60 s of SIGTERM; killing it"
    kill -KILL "$SERVICE_PID" 2>/dev/null || true
fi
wait "$SERVICE_PID" || service_rc=$?
SERVICE_PID=""
figure service_shutdown_seconds "$(elapsed "$t0" "$(now)") s"
# 143 = 128 + SIGTERM: the JVM's normal exit status after a SIGTERM shutdown.
figure service_exit_code "$service_rc"
figure service_log "$SERVICE_LOG"

figure load_avg_1m_after "$(cut -d' ' -f1 /proc/loadavg)"
if [[ $KEEP_WORKDIR == 1 ]]; then
    figure workdir "$WORK"
else
    figure workdir "$WORK (removed at exit; KEEP_WORKDIR=1 keeps it)"
fi
