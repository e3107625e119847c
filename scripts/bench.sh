#!/usr/bin/env bash
# Measures the release server on loopback with wrk: the view beacon, one article read, one
# list page (each with the micro-cache off, "cold", and on), and /healthz as the framework's
# ceiling, on fresh SQLite databases with the demo content. Prints requests per second and
# latency percentiles; asserts nothing.
set -euo pipefail

binary="${1:?usage: bench.sh <path to release portal binary>}"
duration="${BENCH_SECONDS:-10}"
connections="${BENCH_CONNECTIONS:-64}"
threads="${BENCH_THREADS:-2}"
port="${BENCH_PORT:-18080}"

work="$(mktemp -d)"
servers=()
trap 'for pid in "${servers[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done; rm -rf "$work"' EXIT

# start PORT NAME [VAR=VALUE...]: a server on its own fresh database.
start() {
    local port="$1" name="$2"; shift 2
    mkdir -p "$work/$name"
    env DATABASE_URL="sqlite://$work/$name/portal.db" PORTAL_ADDR="127.0.0.1:$port" \
        PORTAL_DATA_DIR="$work/$name" PORTAL_ADMIN_PASSWORD="bench-admin-password" \
        PORTAL_STATIC_DIR="$work/none" RUST_LOG=warn "$@" "$binary" > "$work/$name.log" 2>&1 &
    servers+=($!)
    for _ in $(seq 100); do
        curl -sf "http://127.0.0.1:$port/readyz" > /dev/null && return 0
        sleep 0.2
    done
    echo "the server on port $port did not start" >&2
    exit 1
}
start "$port" default
# The same server with the micro-cache off: every read goes to SQLite.
start "$((port + 1))" cold PORTAL_MICROCACHE_MS=0
cold="http://127.0.0.1:$((port + 1))"
base="http://127.0.0.1:$port"
article=$(curl -sf "$base/api/v1/articles?category=xinzhou&per_page=1" | sed -E 's/.*"items":\[\{"id":([0-9]+).*/\1/')

# Readers as on a real site: 20 000 visitors (browsers) reading the 481 demo articles, so
# almost every beacon takes the counting path and the day's visitor list stays realistic. The
# ceiling is measured with the same request generator: on 2 shared cores wrk's own cost must
# be the same on both sides of the comparison.
articles=$(curl -sf "$base/api/v1/articles?per_page=1" | sed -E 's/.*"total":([0-9]+).*/\1/')
generator() {
    cat <<LUA
local n = 0
request = function()
  n = n + 1
  local path = $2
  return wrk.format("$1", path,
    { ["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0." .. (n % 20000) .. " Safari/537.36" })
end
LUA
}
generator POST "\"/api/v1/articles/\" .. ((n % $articles) + 1) .. \"/views\"" > "$work/beacon.lua"
generator GET "\"/healthz\"" > "$work/healthz.lua"

run() {
    local name="$1"; shift
    local out
    out=$(wrk --latency -t"$threads" -c"$connections" -d"${duration}s" "$@")
    local rps p50 p99 non2xx
    rps=$(awk '/Requests\/sec/ {print $2}' <<< "$out")
    p50=$(awk '$1 == "50%" {print $2}' <<< "$out")
    p99=$(awk '$1 == "99%" {print $2}' <<< "$out")
    non2xx=$(awk '/Non-2xx/ {print $NF}' <<< "$out")
    printf '| %-26s | %10s | %8s | %8s | %6s |\n' "$name" "$rps" "$p50" "$p99" "${non2xx:-0}"
}

echo "wrk ${threads} threads, ${connections} connections, ${duration}s each; $(nproc) cores; $(uname -m)"
printf '| %-26s | %10s | %8s | %8s | %6s |\n' endpoint "req/s" p50 p99 non-2xx
printf '|%s|%s|%s|%s|%s|\n' "----------------------------" "------------" "----------" "----------" "--------"
run "GET /healthz (ceiling)" -s "$work/healthz.lua" "$base"
run "POST view beacon" -s "$work/beacon.lua" "$base"
run "GET one article (cold)" "$cold/api/v1/articles/$article"
run "GET list page (cold)" "$cold/api/v1/articles?category=pufa-dongtai&page=2"
run "GET one article (micro-cache)" "$base/api/v1/articles/$article"
run "GET list page (micro-cache)" "$base/api/v1/articles?category=pufa-dongtai&page=2"
sleep 1.5
echo "views stored after the run: $(curl -sf "$base/api/v1/articles/$article" | sed -E 's/.*"hits":([0-9]+).*/\1/')"
