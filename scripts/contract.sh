#!/usr/bin/env bash
# The contract as integrators meet it: lint openapi/openapi.json with Redocly's `all` rule set
# (openapi/redocly.yaml names every rule that is configured or off, with the reason), generate a
# Python client (openapi-python-client, default configuration) and TypeScript declarations
# (openapi-typescript, default options) from it, type-check the TypeScript scenario with
# `tsc --strict` and the Python one with mypy, then run both scenarios against a throwaway
# server on a fresh SQLite database.
#
#   scripts/contract.sh PATH/TO/portal
#
# Tools are pinned: the npm ones in tests/contract/package-lock.json, the Python ones below
# (installed into .tools/contract-venv when missing). Generated code lands in
# tests/contract/generated (not committed).
set -euo pipefail

OPENAPI_PYTHON_CLIENT_VERSION=0.29.1
# openapi-python-client's default configuration formats what it generates with ruff.
RUFF_VERSION=0.17.6
MYPY_VERSION=2.4.1

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
binary=${1:?usage: scripts/contract.sh PATH/TO/portal}
[[ -x $binary ]] || { echo "contract.sh: $binary is not an executable" >&2; exit 2; }
binary=$(realpath "$binary")
contract=$root/tests/contract
generated=$contract/generated
spec=$root/openapi/openapi.json
admin_password=contract-admin-password

# --- Tools ---------------------------------------------------------------------------------
# npm ci only when the lock file changed since the last install (a copy is kept beside it).
if ! cmp -s "$contract/package-lock.json" "$contract/node_modules/.installed-lock.json" 2>/dev/null; then
    (cd "$contract" && npm ci --no-audit --no-fund)
    cp "$contract/package-lock.json" "$contract/node_modules/.installed-lock.json"
fi
venv=$root/.tools/contract-venv
wanted="$OPENAPI_PYTHON_CLIENT_VERSION $RUFF_VERSION $MYPY_VERSION"
if [[ "$(cat "$venv/versions" 2>/dev/null)" != "$wanted" ]]; then
    echo "Installing openapi-python-client $OPENAPI_PYTHON_CLIENT_VERSION, ruff and mypy into $venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check \
        "openapi-python-client==$OPENAPI_PYTHON_CLIENT_VERSION" "ruff==$RUFF_VERSION" "mypy==$MYPY_VERSION"
    echo "$wanted" > "$venv/versions"
fi
bin=$contract/node_modules/.bin

# --- Lint ----------------------------------------------------------------------------------
echo "== Redocly lint (all rules) of openapi/openapi.json"
"$bin/redocly" lint "$spec" --config "$root/openapi/redocly.yaml" --max-problems 1000 2>&1 \
    | grep -v -e '║' -e '╔' -e '╚'

# --- Generate ------------------------------------------------------------------------------
rm -rf "$generated"
mkdir -p "$generated"
echo "== openapi-typescript, then tsc --strict"
# Run from the generated folder, so that the generator reads no Redocly configuration of ours.
(cd "$generated" && "$bin/openapi-typescript" "$spec" -o api.d.ts)
"$bin/tsc" -p "$contract"

echo "== openapi-python-client (default configuration), then mypy --strict"
log=$generated/python-generate.log
(cd "$generated" && PATH="$venv/bin:$PATH" "$venv/bin/openapi-python-client" generate \
    --path "$spec" --output-path python) 2>&1 | tee "$log"
# It still writes a client when parts of the document defeat it, and says so in warnings.
if grep -qi "warning" "$log"; then
    echo "contract.sh: openapi-python-client warned about the document (above)" >&2
    exit 1
fi
package=$(cd "$generated/python" && ls -d */ | grep -v -e '^\.' | head -n1)
package=${package%/}
(cd "$contract" && MYPYPATH="$generated/python" "$venv/bin/mypy" --strict --cache-dir "$generated/.mypy_cache" scenario.py)

# --- A throwaway server --------------------------------------------------------------------
source "$root/scripts/throwaway-server.sh"
dir=$(mktemp -d -t portal-contract.XXXXXX)
cleanup() {
    local status=$?
    stop_server
    if [[ $status -ne 0 && -s $dir/server.log ]]; then
        echo "--- last lines of the server's log ---"
        tail -n 20 "$dir/server.log"
    fi
    rm -rf "$dir"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port=$(free_port 18500 18599)
base=http://127.0.0.1:$port
start_server "$binary" "$dir" "$port" \
    PORTAL_ADMIN_PASSWORD="$admin_password" \
    PORTAL_DEMO_CONTENT=false \
    PORTAL_STATIC_DIR=/nonexistent
wait_ready "$base"

# --- Scenarios -----------------------------------------------------------------------------
echo "== the TypeScript scenario (openapi-fetch) against $base"
node "$generated/scenario.js" "$base" "$admin_password"
echo "== the Python scenario (package $package) against $base"
PYTHONPATH="$generated/python" "$venv/bin/python" "$contract/scenario.py" "$base" "$admin_password"
echo "contract.sh: the spec lints clean and both generated clients ran their scenario"
