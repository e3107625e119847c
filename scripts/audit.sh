#!/usr/bin/env bash
# Lighthouse (mobile, default throttling) on the portal's home, a category, an article and a
# search page, against a release server on a fresh SQLite database with the demo content and
# the built portal. Prints each page's scores and the article's First Contentful Paint, and
# exits non-zero when a score is below its floor:
#
#   performance >= 95, accessibility = 100, best practices = 100, SEO = 100, article FCP < 1.0 s
#
#   scripts/audit.sh PATH/TO/portal        (just audit builds it first)
#
# Lighthouse (pinned below) is installed into .tools when missing; Chromium is Debian's
# (`just setup-e2e`). Reports (JSON) land in $AUDIT_REPORT_DIR (default target/audit).
# axe-core's WCAG 2.1 AA check of every page type runs with the browser tests
# (tests/e2e/accessibility.test.mjs).
set -euo pipefail

LIGHTHOUSE_VERSION=13.5.0

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
binary=$(realpath "${1:?usage: scripts/audit.sh PATH/TO/portal}")
report_dir=${AUDIT_REPORT_DIR:-$root/target/audit}
chromium=${CHROMIUM_PATH:-/usr/bin/chromium}
tools=$root/.tools

if [[ ! -f $tools/node_modules/lighthouse/package.json ]] ||
    ! grep -q "\"version\": \"$LIGHTHOUSE_VERSION\"" "$tools/node_modules/lighthouse/package.json"; then
    npm install --prefix "$tools" --no-audit --no-fund "lighthouse@$LIGHTHOUSE_VERSION"
fi
if [[ ! -x $chromium ]]; then
    echo "audit.sh: Chromium is missing at $chromium (just setup-e2e installs it)" >&2
    exit 1
fi
if [[ ! -f $root/frontend/dist/index.html ]]; then
    echo "audit.sh: the portal is not built (just build-frontend)" >&2
    exit 1
fi

source "$root/scripts/throwaway-server.sh"
dir=$(mktemp -d -t portal-audit.XXXXXX)
cleanup() {
    local status=$?
    if [[ $status -ne 0 && -s $dir/server.log ]]; then
        cat "$dir/server.log" >&2
    fi
    stop_server
    rm -rf "$dir"
    exit "$status"
}
trap cleanup EXIT

port=$(free_port 18400 18499)
base=http://127.0.0.1:$port
start_server "$binary" "$dir" "$port" \
    PORTAL_ADMIN_PASSWORD=audit-admin-password-0 \
    PORTAL_STATIC_DIR="$root/frontend/dist"
wait_ready "$base"

mkdir -p "$report_dir"
pages=(
    "home /"
    "category /category/pufa-dongtai"
    "article /article/1"
    "search /search?q=%E6%B0%91%E6%B3%95%E5%85%B8"
)
for entry in "${pages[@]}"; do
    name=${entry%% *}
    path=${entry#* }
    CHROME_PATH=$chromium "$tools/node_modules/.bin/lighthouse" "$base$path" \
        --quiet --output=json --output-path="$report_dir/$name.json" \
        --only-categories=performance,accessibility,best-practices,seo \
        --chrome-flags="--headless=new --no-sandbox --disable-gpu" >/dev/null
done

node - "$report_dir" <<'EOF'
const { readFileSync } = require('node:fs');
const dir = process.argv[2];
const floors = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 };
let failed = false;
console.log('page       perf  a11y  best  seo   FCP');
for (const name of ['home', 'category', 'article', 'search']) {
  const report = JSON.parse(readFileSync(`${dir}/${name}.json`, 'utf8'));
  const score = (id) => Math.round((report.categories[id]?.score ?? 0) * 100);
  const fcp = report.audits['first-contentful-paint'].numericValue / 1000;
  const row = Object.keys(floors).map((id) => String(score(id)).padStart(4)).join('  ');
  console.log(`${name.padEnd(9)} ${row}  ${fcp.toFixed(2)} s`);
  for (const [id, floor] of Object.entries(floors)) {
    if (score(id) < floor) {
      failed = true;
      const failing = report.categories[id].auditRefs
        .map((ref) => report.audits[ref.id])
        .filter((audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== 'informative')
        .map((audit) => audit.id);
      console.log(`  ${id} ${score(id)} < ${floor}: ${failing.slice(0, 8).join(', ')}`);
    }
  }
  if (name === 'article' && fcp >= 1.0) {
    failed = true;
    console.log(`  first contentful paint ${fcp.toFixed(2)} s >= 1.0 s`);
  }
}
process.exit(failed ? 1 : 0);
EOF
