#!/usr/bin/env bash
# Starts the packaged jar with the default JVM flags and class data sharing (docs/benchmarks.md, "Start-up and idle
# memory"). A jar's manifest cannot carry JVM options, so `java -jar` alone runs with the JVM's defaults (G1 and a
# heap sized from the machine's memory); this script is the same start with the flags and a faster class loading.
#
# Usage (after `mvn -DskipTests package`): scripts/run.sh [application arguments, e.g. --govit.data-dir=./data]
#        scripts/run.sh --prepare   only extracts the jar and records the archive
# Environment: JAR (default target/govit-*.jar), GOVIT_JVM_OPTS (default below).
#
# On first use, and whenever the jar is newer than the archive, it extracts the jar (`java -Djarmode=tools -jar …
# extract`: the application jar plus lib/, no nested-jar class loading) into target/run and records a CDS archive of
# the classes the context loads (a training run on a throw-away data folder that stops once the context is refreshed,
# about 30–60 s once). Later starts map that archive instead of loading and verifying those classes again.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=${JAR:-$(ls target/govit-*.jar | grep -v original | head -1)}
read -r -a opts <<< "${GOVIT_JVM_OPTS:--XX:+UseSerialGC -Xms64m -Xmx1g}"
dir="$(dirname "$jar")/run"
app="$dir/$(basename "$jar")"
archive="$dir/govit.jsa"

if [ ! -f "$archive" ] || [ "$jar" -nt "$archive" ]; then
  rm -rf "$dir"
  java -Djarmode=tools -jar "$jar" extract --destination "$dir" >/dev/null
  train=$(mktemp -d /tmp/govit-cds-XXXX)
  echo "recording the class data sharing archive $archive (once per build)..." >&2
  if ! java -XX:ArchiveClassesAtExit="$archive" -Dspring.context.exit=onRefresh "${opts[@]}" -jar "$app" \
      --govit.data-dir="$train" --server.port=0 > "$dir/cds-training.log" 2>&1; then
    echo "training run failed (see $dir/cds-training.log); starting without the archive" >&2
    rm -f "$archive"
  fi
  rm -rf "$train"
fi
[ "${1:-}" = --prepare ] && exit 0
share=()
[ -f "$archive" ] && share=(-XX:SharedArchiveFile="$archive")
exec java "${share[@]}" "${opts[@]}" -jar "$app" "$@"
