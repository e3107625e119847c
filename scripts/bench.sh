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
# All 20 000 simulated readers come from one loopback address: the per-address cap on
# counted visitors (PORTAL_VIEWS_PER_ADDRESS) is lifted so that they count as on a real site.
start "$port" default PORTAL_VIEWS_PER_ADDRESS=65535
# The same server with the micro-cache off: every read goes to SQLite.
start "$((port + 1))" cold PORTAL_MICROCACHE_MS=0
cold="http://127.0.0.1:$((port + 1))"
base="http://127.0.0.1:$port"
article=$(curl -sf "$base/api/v1/articles?category=xinzhou&per_page=1" | sed -E 's/.*"items":\[\{"id":([0-9]+).*/\1/')

# Readers as on a real site: 20 000 visitors (browsers) reading the 481 demo articles. Each of
# wrk's threads walks the same sequence of (visitor, article) pairs, starting from the offset
# given after `--`: a pair's first request is a counted view and its second, from the other
# thread a moment later, a reload within the window (not counted), so about half the beacons
# count. The ceiling is measured with the same request generator: on 2 shared cores wrk's own
# cost must be the same on both sides of the comparison.
articles=$(curl -sf "$base/api/v1/articles?per_page=1" | sed -E 's/.*"total":([0-9]+).*/\1/')
generator() {
    cat <<LUA
local n = 0
init = function(args)
  n = tonumber(args[1]) or 0
end
request = function()
  n = n + 1
  local path = $2
  return wrk.format("$1", path,
    { ["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0." .. (n % 20000) .. " Safari/537.36",
      ["Origin"] = "http://127.0.0.1:$port" })
end
LUA
}
generator POST "\"/api/v1/articles/\" .. ((n % $articles) + 1) .. \"/views\"" > "$work/beacon.lua"
generator GET "\"/healthz\"" > "$work/healthz.lua"

# measure ARGS...: one wrk run; prints "req/s p50 p99 non-2xx".
measure() {
    local out
    out=$(wrk --latency -t"$threads" -c"$connections" -d"${duration}s" "$@")
    printf '%s %s %s %s\n' \
        "$(awk '/Requests\/sec/ {print $2}' <<< "$out")" \
        "$(awk '$1 == "50%" {print $2}' <<< "$out")" \
        "$(awk '$1 == "99%" {print $2}' <<< "$out")" \
        "$(awk '/Non-2xx/ {print $NF}' <<< "$out" | grep . || echo 0)"
}
row() {
    printf '| %-30s | %10s | %8s | %8s | %7s |\n' "$@"
}
# median FILE: the run whose req/s is the median of the file's runs.
median() {
    sort -n "$1" | sed -n "$(( ($(wc -l < "$1") + 1) / 2 ))p"
}

echo "wrk ${threads} threads, ${connections} connections, ${duration}s each; $(nproc) cores; $(uname -m)"
# The VM's neighbours move the figures from one run to the next: the ceiling and the beacon are
# measured in alternating rounds and each row gives the median round. Every beacon round starts
# at a new offset, so its (visitor, article) pairs are new; its visitors are the same 20 000.
rounds="${BENCH_ROUNDS:-3}"
: > "$work/healthz.runs"
: > "$work/beacon.runs"
ratios=()
for round in $(seq "$rounds"); do
    read -r ceiling_rps rest < <(measure -s "$work/healthz.lua" "$base")
    echo "$ceiling_rps $rest" >> "$work/healthz.runs"
    read -r beacon_rps rest < <(measure -s "$work/beacon.lua" "$base" -- "$((round * 3000000))")
    echo "$beacon_rps $rest" >> "$work/beacon.runs"
    ratios+=("$(awk -v b="$beacon_rps" -v c="$ceiling_rps" 'BEGIN {printf "%.2f", b / c}')")
done
row endpoint "req/s" p50 p99 non-2xx
printf '|%s|%s|%s|%s|%s|\n' "--------------------------------" "------------" "----------" "----------" "---------"
row "GET /healthz (ceiling, median)" $(median "$work/healthz.runs")
row "POST view beacon (median)" $(median "$work/beacon.runs")
row "GET one article (cold)" $(measure "$cold/api/v1/articles/$article")
row "GET list page (cold)" $(measure "$cold/api/v1/articles?category=pufa-dongtai&page=2")
row "GET one article (micro-cache)" $(measure "$base/api/v1/articles/$article")
row "GET list page (micro-cache)" $(measure "$base/api/v1/articles?category=pufa-dongtai&page=2")
# Server-rendered pages as readers (and crawlers) get them, from a server with the built portal
# and the micro-cache off, beside the JSON read the article page is drawn from (above, cold) and
# a file of the built portal of about the same size (its stylesheet) as the ceiling for handing
# out bytes. Rendering counts no view.
pages_dir="$(cd "$(dirname "$0")/.." && pwd)/frontend/dist"
if [[ -f $pages_dir/index.html ]]; then
    start "$((port + 2))" pages PORTAL_MICROCACHE_MS=0 PORTAL_STATIC_DIR="$pages_dir"
    pages="http://127.0.0.1:$((port + 2))"
    stylesheet=$(cd "$pages_dir" && ls style-*.css | grep -v '\.\(gz\|br\)$' | head -n1)
    row "GET article page (server-rendered)" $(measure "$pages/article/$article")
    row "GET category page 2 (server-rendered)" $(measure "$pages/category/pufa-dongtai?page=2")
    row "GET the home page (server-rendered)" $(measure "$pages/")
    row "GET the stylesheet (static file)" $(measure "$pages/$stylesheet")
    echo "article page: $(curl -s "$pages/article/$article" | wc -c) bytes; stylesheet: $(wc -c < "$pages_dir/$stylesheet") bytes"
    # The same pages with the micro-cache on (the default): a page is drawn once a second.
    start "$((port + 3))" pages-cached PORTAL_STATIC_DIR="$pages_dir"
    cached_pages="http://127.0.0.1:$((port + 3))"
    row "GET article page (micro-cache)" $(measure "$cached_pages/article/$article")
    row "GET the home page (micro-cache)" $(measure "$cached_pages/")
else
    echo "(server-rendered pages skipped: the portal is not built; just bench builds it first)"
fi
echo "beacon / ceiling: $(awk -v b="$(median "$work/beacon.runs" | cut -d' ' -f1)" -v c="$(median "$work/healthz.runs" | cut -d' ' -f1)" 'BEGIN {printf "%.2f", b / c}') (medians); per round: ${ratios[*]}"

sleep 1.5
token=$(curl -sf -H 'Content-Type: application/json' "$base/api/v1/auth/login" \
    -d '{"username":"admin","password":"bench-admin-password"}' | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
summary=$(curl -sf -H "Authorization: Bearer $token" "$base/api/v1/stats/summary")
echo "views stored after the run: $(sed -E 's/.*"total_hits":([0-9]+).*/\1/' <<< "$summary") counted, by $(sed -E 's/.*"visitors_today":([0-9]+).*/\1/' <<< "$summary") visitors"

# Under abuse: article reads (p50) and the server's resident memory, quiet and during two
# floods, on a server of their own. The login flood sends wrong passwords for ever-new names
# with the failed-login limits lifted, as a botnet spread over many addresses would (every
# attempt reaches the password hash); the junk flood sends list reads with ever-new unknown
# query parameters; the search flood ever-new search terms (each one a scan of every article
# until search has an index).
# A port of its own: the page servers above hold port + 2 and + 3 when the portal is built.
abuse_port=$((port + 4))
start "$abuse_port" abuse PORTAL_LOGIN_MAX_FAILURES=1000000000 \
    PORTAL_LOGIN_MAX_FAILURES_PER_ACCOUNT=1000000000 PORTAL_LOGIN_MAX_FAILURES_PER_ADDRESS=1000000000
abuse="http://127.0.0.1:$abuse_port"
abuse_pid="${servers[-1]}"
cat > "$work/login.lua" <<'LUA'
local n = 0
request = function()
  n = n + 1
  local body = '{"username":"guess' .. n .. '","password":"wrong password ' .. n .. '"}'
  return wrk.format("POST", "/api/v1/auth/login", { ["Content-Type"] = "application/json" }, body)
end
LUA
# The junk and search floods run twice: paced at about 2 000 requests a second (64
# connections, each waiting 32 ms between requests: a determined single source), and at full
# speed, where the flood is simply more traffic than two cores serve and reads share them.
cat > "$work/pace.lua" <<'LUA'
delay = function()
  return 32
end
LUA
cat > "$work/junk.lua" <<'LUA'
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", "/api/v1/articles?per_page=1&junk=" .. n .. "&x" .. n .. "=" .. n)
end
LUA
cat > "$work/search.lua" <<'LUA'
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", "/api/v1/articles?per_page=1&q=" .. n)
end
LUA
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
# under NAME [FLOOD ARGS...]: reads measured while the flood (if any) runs; prints the row.
under() {
    local name="$1"; shift
    local flood_pid="" peak=0 sampler
    if [ "$#" -gt 0 ]; then
        wrk -t1 -c64 -d"$((duration + 6))s" "$@" > "$work/flood.out" 2>&1 &
        flood_pid=$!
        sleep 3
    fi
    ( while kill -0 "$abuse_pid" 2>/dev/null; do rss_mb "$abuse_pid"; echo; sleep 0.5; done ) > "$work/rss.samples" &
    sampler=$!
    read -r rps p50 p99 non2xx < <(wrk --latency -t1 -c8 -d"${duration}s" "$abuse/api/v1/articles/$article" | awk '
        /Requests\/sec/ {rps=$2} $1 == "50%" {p50=$2} $1 == "99%" {p99=$2} /Non-2xx/ {bad=$NF}
        END {print rps, p50, p99, (bad == "" ? 0 : bad)}')
    kill "$sampler" 2>/dev/null || true
    [ -n "$flood_pid" ] && wait "$flood_pid" || true
    peak=$(sort -n "$work/rss.samples" | tail -n1)
    local flood_rate="-"
    [ -n "$flood_pid" ] && flood_rate=$(awk '/Requests\/sec/ {print $2}' "$work/flood.out")
    printf '| %-26s | %10s | %8s | %8s | %12s | %8s |\n' "$name" "$rps" "$p50" "$p99" "$flood_rate" "${peak} MB"
}
echo
echo "Article reads under abuse (wrk -t1 -c8 for the reads, -t1 -c64 for the flood):"
printf '| %-26s | %10s | %8s | %8s | %12s | %8s |\n' "while" "reads/s" p50 p99 "flood req/s" "peak RSS"
printf '|%s|%s|%s|%s|%s|%s|\n' "----------------------------" "------------" "----------" "----------" "--------------" "----------"
under "quiet"
under "login flood" -s "$work/login.lua" "$abuse"
cat "$work/junk.lua" "$work/pace.lua" > "$work/junk-paced.lua"
cat "$work/search.lua" "$work/pace.lua" > "$work/search-paced.lua"
under "junk flood, 2 000/s" -s "$work/junk-paced.lua" "$abuse"
under "junk flood, full speed" -s "$work/junk.lua" "$abuse"
under "search flood, 2 000/s" -s "$work/search-paced.lua" "$abuse"
under "search flood, full speed" -s "$work/search.lua" "$abuse"
under "quiet again"
