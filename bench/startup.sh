#!/usr/bin/env bash
# Start-up of the functions app, from process start to the first event served, in the ways
# its image can run it. Prints one table row per way: the median and the range of the runs.
#
#   bench/startup.sh [runs]       after ./mvnw -pl functions -am package -DskipTests
#
# JAVA17 and JAVA25 name the two JDKs (defaults: the java on the PATH, and JAVA25_HOME's).
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-5}
java17=${JAVA17:-java}
java25=${JAVA25:-${JAVA25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java}
jar=$(ls functions/target/natter-functions-*-exec.jar)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
port=18082

event() {
  curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://localhost:$port/" \
    -H 'ce-specversion: 1.0' -H "ce-id: start-$RANDOM" -H 'ce-source: /bench/startup' \
    -H 'ce-type: chat.message.submitted' -H 'ce-room: general' \
    -H 'Content-Type: application/json' -d '{"author":"bench","text":"hello"}' || true
}

# Milliseconds from starting "$@" to its first event answered 200.
time_to_first_event() {
  local start pid
  start=$(date +%s%N)
  PORT=$port "$@" > "$work/app.log" 2>&1 &
  pid=$!
  until [ "$(event)" = 200 ]; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "the app stopped; its log:" >&2
      cat "$work/app.log" >&2
      exit 1
    fi
    sleep 0.005
  done
  echo $((($(date +%s%N) - start) / 1000000))
  kill "$pid"
  wait "$pid" 2>/dev/null || true
}

measure() {
  local name=$1
  shift
  local times=()
  for _ in $(seq "$runs"); do
    times+=("$(time_to_first_event "$@")")
  done
  local sorted
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  printf '| %s | %s ms | %s–%s ms |\n' "$name" "$(echo "$sorted" | sed -n "$(((runs + 1) / 2))p")" \
    "$(echo "$sorted" | head -1)" "$(echo "$sorted" | tail -1)"
}

# The extracted layout the buildpack runs, and a training run that stops once the context is up.
"$java17" -Djarmode=tools -jar "$jar" extract --destination "$work/app17" > /dev/null
"$java25" -Djarmode=tools -jar "$jar" extract --destination "$work/app25" > /dev/null
app17=$(ls "$work"/app17/*.jar)
app25=$(ls "$work"/app25/*.jar)
PORT=0 "$java17" -XX:ArchiveClassesAtExit="$work/app.jsa" -Dspring.context.exit=onRefresh \
  -jar "$app17" > /dev/null
PORT=0 "$java25" -XX:AOTCacheOutput="$work/app.aot" -Dspring.context.exit=onRefresh \
  -jar "$app25" > /dev/null 2>&1

echo "| functions app, first event served | median of $runs | range |"
echo "|---|---|---|"
measure "JDK 17, java -jar" "$java17" -jar "$jar"
measure "JDK 17, extracted" "$java17" -jar "$app17"
measure "JDK 17, extracted + CDS" "$java17" -XX:SharedArchiveFile="$work/app.jsa" -jar "$app17"
measure "JDK 25, java -jar" "$java25" -jar "$jar"
measure "JDK 25, extracted + AOT cache" "$java25" -XX:AOTCache="$work/app.aot" -jar "$app25"
