# Every task a person runs. `just run` and `just test` install what they need first.

set shell := ["bash", "-euo", "pipefail", "-c"]

tools := justfile_directory() / ".tools"
export PATH := tools / "node_modules/.bin" + ":" + env_var_or_default("CARGO_HOME", env_var("HOME") / ".cargo") / "bin:" + env_var("PATH")
export TRUNK_SKIP_VERSION_CHECK := "true"

trunk_version := "0.21.14"
wasm_bindgen_version := "0.2.130"
binaryen_version := "132.0.0"

# List the recipes.
default:
    @just --list

# Build the portal and start the API on SQLite with demo content (prints the URLs).
run: build-frontend
    cargo run --release --locked -p portal-backend --bin portal

# Lint, build everything, and run every test (SQLite, PostgreSQL and MariaDB).
test: lint build-frontend services
    cargo test --workspace --locked --no-fail-fast

# rustfmt and clippy, warnings as errors.
lint:
    cargo fmt --all --check
    cargo clippy --workspace --all-targets --locked -- -D warnings

# Format the code.
fmt:
    cargo fmt --all

# Rewrite openapi/openapi.json from the backend's routes.
openapi:
    cargo run -q --locked -p portal-backend --bin portal -- openapi > openapi/openapi.json
    @echo "openapi/openapi.json updated"

# Build the wasm portal into frontend/dist (release, size-optimised).
build-frontend: setup-frontend
    cd frontend && trunk build --release

# Rebuild the portal on change, proxying the API of a server started with `just run`.
dev: setup-frontend
    cd frontend && trunk serve --proxy-backend=http://127.0.0.1:8080/api/ --port 8081

# Install the wasm toolchain: target, trunk, wasm-bindgen-cli and wasm-opt (skips what is there).
setup-frontend:
    #!/usr/bin/env bash
    set -euo pipefail
    if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
        rustup target add wasm32-unknown-unknown
    fi
    if ! trunk --version 2>/dev/null | grep -q "{{trunk_version}}"; then
        cargo install --locked trunk --version {{trunk_version}}
    fi
    if ! wasm-bindgen --version 2>/dev/null | grep -q "{{wasm_bindgen_version}}"; then
        # Not --locked: its lock file names a crate version the registry mirror lacks.
        cargo install wasm-bindgen-cli --version {{wasm_bindgen_version}}
    fi
    if ! wasm-opt --version 2>/dev/null | grep -q "version 132"; then
        mkdir -p "{{tools}}"
        npm install --prefix "{{tools}}" --no-audit --no-fund "binaryen@{{binaryen_version}}"
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
