#!/usr/bin/env bash
# Search and lists at scale: fills a fresh SQLite database with the demo content plus
# BENCH_ARTICLES (default 100 000) generated demo articles, rebuilds the search index with
# `portal reindex` (its throughput and size), then measures ten searches, the suggestions and
# list pages with wrk at 8 connections, the micro-cache off, and the server's memory. Prints
# figures; asserts nothing.
set -euo pipefail

binary="${1:?usage: bench-search.sh <path to release portal binary>}"
articles="${BENCH_ARTICLES:-100000}"
duration="${BENCH_SECONDS:-10}"
connections="${BENCH_SEARCH_CONNECTIONS:-8}"
port="${BENCH_PORT:-18090}"

work="$(mktemp -d)"
server=""
trap '[ -n "$server" ] && { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; }; rm -rf "$work"' EXIT
# The built portal, when there is one, for the server-rendered pages at this scale.
pages_dir="$(cd "$(dirname "$0")/.." && pwd)/frontend/dist"
[[ -f $pages_dir/index.html ]] || pages_dir="$work/none"
export DATABASE_URL="sqlite://$work/portal.db" PORTAL_DATA_DIR="$work" \
    PORTAL_ADMIN_PASSWORD="bench-admin-password" PORTAL_STATIC_DIR="$pages_dir" RUST_LOG=warn

echo "== search at scale: $articles generated articles on SQLite, $(nproc) cores"
"$binary" demo load > /dev/null
"$binary" demo fill "$articles"
# The rebuild reads every article from the database, cuts it into words and writes the index.
"$binary" reindex 2> /dev/null

PORTAL_ADDR="127.0.0.1:$port" PORTAL_MICROCACHE_MS=0 "$binary" > "$work/server.log" 2>&1 &
server=$!
base="http://127.0.0.1:$port"
for _ in $(seq 300); do
    curl -sf "$base/readyz" > /dev/null && break
    sleep 0.2
done
curl -sf "$base/readyz" > /dev/null || { echo "the server did not start" >&2; cat "$work/server.log" >&2; exit 1; }
echo "server resident memory after start: $(awk '/VmRSS/ {printf "%.0f MB", $2 / 1024}' "/proc/$server/status")"

encode() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }
row() { printf '| %-44s | %8s | %8s | %8s | %9s |\n' "$@"; }
# measure PATH: one wrk run at $connections connections; prints "req/s p50 p99 non-2xx total".
measure() {
    local out total
    total=$(curl -s "$base$1" | python3 -c 'import sys, json
try:
    body = json.load(sys.stdin); print(body.get("total", len(body.get("items", []))))
except Exception:
    print("?")')
    out=$(wrk --latency -t2 -c"$connections" -d"${duration}s" "$base$1")
    printf '%s %s %s %s %s\n' \
        "$(awk '/Requests\/sec/ {print $2}' <<< "$out")" \
        "$(awk '$1 == "50%" {print $2}' <<< "$out")" \
        "$(awk '$1 == "99%" {print $2}' <<< "$out")" \
        "$(awk '/Non-2xx/ {print $NF}' <<< "$out" | grep . || echo 0)" \
        "$total"
}
case_row() {
    local label="$1" path="$2" rps p50 p99 errors total
    read -r rps p50 p99 errors total < <(measure "$path")
    row "$label ($total hits)" "$rps" "$p50" "$p99" "$errors"
}

echo
echo "wrk 2 threads, $connections connections, ${duration}s each, micro-cache off"
row "request" "req/s" p50 p99 "non-2xx"
printf '|%s|%s|%s|%s|%s|\n' "----------------------------------------------" "----------" "----------" "----------" "-----------"
case_row "search: common word 普法" "/api/v1/search?q=$(encode 普法)"
case_row "search: rare word 袭警" "/api/v1/search?q=$(encode 袭警)"
case_row "search: phrase \"宪法宣传\"" "/api/v1/search?q=$(encode '"宪法宣传"')"
case_row "search: two words 民法典 物业服务" "/api/v1/search?q=$(encode '民法典 物业服务')"
case_row "search: words typed together 招募普法志愿者" "/api/v1/search?q=$(encode 招募普法志愿者)"
case_row "search: in a category 普法 (民法典宣传)" "/api/v1/search?q=$(encode 普法)&category=minfadian-xuanchuan"
case_row "search: sorted newest 普法" "/api/v1/search?q=$(encode 普法)&sort=newest"
case_row "search: excluding 普法 -宪法" "/api/v1/search?q=$(encode '普法 -宪法')"
case_row "search: page 50 of 普法" "/api/v1/search?q=$(encode 普法)&page=50"
case_row "search: no hits 量子引力" "/api/v1/search?q=$(encode 量子引力)"
case_row "suggest: 民法" "/api/v1/search/suggest?q=$(encode 民法)"
case_row "list: category 民法典宣传, page 1" "/api/v1/articles?category=minfadian-xuanchuan"
case_row "list: category 民法典宣传, last page" "/api/v1/articles?category=minfadian-xuanchuan&page=$(( (articles / 12 + 40) / 20 ))"
case_row "list: all articles, page 1" "/api/v1/articles"
case_row "list: all articles, page 2000" "/api/v1/articles?page=2000"
# The same page reached by its cursor (the `next_after` of page 1999) rather than its number.
cursor=$(curl -sf "$base/api/v1/articles?page=1999" | python3 -c 'import sys, json; print(json.load(sys.stdin)["next_after"])')
case_row "list: all articles, page 2000 by after=" "/api/v1/articles?after=$cursor"
# The public pages as readers and crawlers get them, drawn from these lists and searches.
page_row() {
    local label="$1" path="$2" rps p50 p99 errors total
    read -r rps p50 p99 errors total < <(measure "$path")
    row "$label" "$rps" "$p50" "$p99" "$errors"
}
if [[ $pages_dir != "$work/none" ]]; then
    page_row "page: home (server-rendered)" "/"
    page_row "page: an article (server-rendered)" "/article/1"
    page_row "page: category 民法典宣传 (server-rendered)" "/category/minfadian-xuanchuan"
    page_row "page: search 普法 (server-rendered)" "/search?q=$(encode 普法)"
else
    echo "(server-rendered pages skipped: the portal is not built; just bench builds it first)"
fi
echo "server peak resident memory: $(awk '/VmHWM/ {printf "%.0f MB", $2 / 1024}' "/proc/$server/status")"

# What a site sees for a popular search: the same server with its micro-cache on (the default,
# one second), so that each distinct search runs at most once a second.
kill "$server"; wait "$server" 2>/dev/null || true
PORTAL_ADDR="127.0.0.1:$port" "$binary" > "$work/server.log" 2>&1 &
server=$!
for _ in $(seq 300); do
    curl -sf "$base/readyz" > /dev/null && break
    sleep 0.2
done
echo
echo "the same, micro-cache on (the default)"
case_row "search: common word 普法" "/api/v1/search?q=$(encode 普法)"
case_row "search: phrase \"宪法宣传\"" "/api/v1/search?q=$(encode '"宪法宣传"')"
case_row "suggest: 民法" "/api/v1/search/suggest?q=$(encode 民法)"
