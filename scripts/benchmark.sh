#!/usr/bin/env bash
# Re-runs the whole benchmark of issue 8 (docs/benchmarks.md): builds the application and the harness, starts the
# platform on its embedded PostgreSQL under target/benchmark/data-<size>, generates the data set there once
# (DataGenerator, COPY), and measures every operation at 1 and 50 users with the raw SQL beside it.
#   scripts/benchmark.sh [jilin|national] [--users=50 --seconds=15 --think-ms=1000 --only=list,detail ...]
# Results: target/benchmark/results-<size>-<time>.md. Run it on an otherwise idle machine. The application runs with
# the JVM flags of scripts/run.sh (GOVIT_BENCH_APP_JVM overrides them).
set -euo pipefail
cd "$(dirname "$0")/.."
size="${1:-jilin}"
shift || true
# compiled afresh: a resource deleted from the sources (a reverted migration) would otherwise stay in target/classes
# and be applied to the benchmark's database (the markers: the CJK font is unpacked into target/classes again)
rm -rf target/classes target/test-classes target/dependency-maven-plugin-markers
mvn -q -B -DskipTests test-compile
mkdir -p target/benchmark
mvn -q -B dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=target/benchmark/runtime.classpath
mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/benchmark/test.classpath
echo "target/classes:$(cat target/benchmark/runtime.classpath)" > target/benchmark/app.classpath
exec java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/benchmark/test.classpath)" \
  cn.jl.govit.benchmark.Harness --size="$size" --cp=target/benchmark/app.classpath \
  --app-jvm="${GOVIT_BENCH_APP_JVM:--XX:+UseSerialGC -Xms64m -Xmx1g}" "$@"
