# Settings shared by the benchmark scripts (sourced, not run). Each can be set from the
# environment: the corpus the articles are copied from, the pipeline jar, and how to run it.
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")
CORPUS_SRC=${CORPUS_SRC:-$REPO_DIR/src/test/resources/corpus}
JAR=${JAR:-$REPO_DIR/target/content-pipeline.jar}
JAVA=${JAVA:-java}
JAVA_OPTS=${JAVA_OPTS:--Xmx512m}
