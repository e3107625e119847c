# Sourced by the scripts that try the real server (contract.sh, audit.sh, schemathesis.sh): a
# free port, the server started in a folder of its own on a fresh SQLite database there, and
# the wait until it answers. Not run on its own.

# free_port LOW HIGH: prints the first port from LOW to HIGH that nothing listens on.
free_port() {
    local candidate
    for candidate in $(seq "$1" "$2"); do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then
            echo "$candidate"
            return 0
        fi
    done
    echo "no free port in $1-$2" >&2
    return 1
}

# start_server BINARY DIR PORT [VAR=VALUE...]: the server, run from DIR so that no portal.toml
# of the work tree is read, its database and data in DIR, its log in DIR/server.log; the
# settings given after PORT come last and win. Sets server_pid.
start_server() {
    local binary=$1 dir=$2 port=$3
    shift 3
    (
        cd "$dir"
        exec env \
            DATABASE_URL="sqlite://$dir/portal.db" \
            PORTAL_ADDR="127.0.0.1:$port" \
            PORTAL_DATA_DIR="$dir" \
            RUST_LOG=warn \
            "$@" \
            "$binary"
    ) >"$dir/server.log" 2>&1 &
    server_pid=$!
}

# wait_ready BASE_URL: until BASE_URL/readyz answers (two minutes at most); fails at once when
# the server has exited.
wait_ready() {
    local started=$SECONDS
    until curl -fs "$1/readyz" >/dev/null 2>&1; do
        if ! kill -0 "$server_pid" 2>/dev/null; then
            echo "the server exited before it was ready" >&2
            return 1
        fi
        if ((SECONDS - started > 120)); then
            echo "$1/readyz did not answer within 120 s" >&2
            return 1
        fi
        sleep 0.2
    done
}

# stop_server: ends the server start_server started, if it runs.
stop_server() {
    if [[ -n ${server_pid:-} ]]; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
}
