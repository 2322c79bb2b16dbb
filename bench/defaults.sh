# Settings shared by the benchmark scripts (sourced, not run). Each can be set from the
# environment: the corpus the articles are copied from, the pipeline jar, and how to run it.
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")
CORPUS_SRC=${CORPUS_SRC:-$REPO_DIR/src/test/resources/corpus}
JAR=${JAR:-$REPO_DIR/target/content-pipeline.jar}
JAVA=${JAVA:-java}
JAVA_OPTS=${JAVA_OPTS:--Xmx512m}

# A fresh work folder in $WORK for a script that runs the pipeline in the background, its pid
# in $PID: on exit, whatever the reason, that process is stopped and the folder removed.
# Usage: scratch_work NAME   (the folder is /tmp/pipeline-NAME.XXXXXX)
scratch_work() {
    WORK=$(mktemp -d "/tmp/pipeline-$1.XXXXXX")
    PID=""
    trap scratch_cleanup EXIT
}
scratch_cleanup() {
    if [[ -n $PID ]]; then
        kill "$PID" 2>/dev/null || true
        wait "$PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
