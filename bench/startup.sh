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

# Posts one event and sets status to the HTTP status (000 while nothing listens). Bash's own
# /dev/tcp, so that polling forks no process to compete with the app for the CPU.
body='{"author":"bench","text":"hello"}'
event() {
  status=000
  exec 3<> "/dev/tcp/127.0.0.1/$port" || return 0
  printf '%s\r\n' "POST / HTTP/1.1" "Host: localhost" "Connection: close" \
    "ce-specversion: 1.0" "ce-id: start-$RANDOM" "ce-source: /bench/startup" \
    "ce-type: chat.message.submitted" "ce-room: general" "Content-Type: application/json" \
    "Content-Length: ${#body}" "" >&3
  printf '%s' "$body" >&3
  read -r -t 2 _ status _ <&3 || status=000
  exec 3<&- 3>&-
}

# Milliseconds from starting "$@" to its first event answered 200.
time_to_first_event() {
  local start pid
  start=${EPOCHREALTIME/./}
  PORT=$port "$@" > "$work/app.log" 2>&1 &
  pid=$!
  until event 2> /dev/null && [ "$status" = 200 ]; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "the app stopped; its log:" >&2
      cat "$work/app.log" >&2
      exit 1
    fi
    sleep 0.01
  done
  echo $(((${EPOCHREALTIME/./} - start) / 1000))
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

# The extracted layout the buildpack runs, and training runs that stop once the context is up,
# as the buildpack's own: with and without Spring AOT's generated initialisers.
"$java17" -Djarmode=tools -jar "$jar" extract --destination "$work/app17" > /dev/null
"$java25" -Djarmode=tools -jar "$jar" extract --destination "$work/app25" > /dev/null
app17=$(ls "$work"/app17/*.jar)
app25=$(ls "$work"/app25/*.jar)
train() { # java options...
  PORT=0 "$@" -Dspring.context.exit=onRefresh -jar "$app25" \
    > "$work/train.log" 2>&1 || {
    cat "$work/train.log" >&2
    exit 1
  }
}
PORT=0 "$java17" -XX:ArchiveClassesAtExit="$work/app.jsa" -Dspring.context.exit=onRefresh \
  -jar "$app17" > /dev/null
PORT=0 train "$java25" -XX:AOTCacheOutput="$work/app.aot"
# The image's way: Spring AOT's generated beans (with the actuator on the app's port, as they
# were built), and an AOT cache trained on them.
train "$java25" -Dspring.aot.enabled=true -XX:AOTCacheOutput="$work/spring-aot.aot"
aot=(-Dspring.aot.enabled=true -XX:AOTCache="$work/spring-aot.aot")

echo "| functions app, first event served | median of $runs | range |"
echo "|---|---|---|"
measure "JDK 17, java -jar" "$java17" -jar "$jar"
measure "JDK 17, extracted + CDS" "$java17" -XX:SharedArchiveFile="$work/app.jsa" -jar "$app17"
measure "JDK 25, java -jar" "$java25" -jar "$jar"
measure "JDK 25, extracted + AOT cache" "$java25" -XX:AOTCache="$work/app.aot" -jar "$app25"
measure "JDK 25, extracted + Spring AOT + AOT cache: the image" "$java25" "${aot[@]}" -jar "$app25"
