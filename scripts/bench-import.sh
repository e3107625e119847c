#!/usr/bin/env bash
# Measures `portal import wxr` on a WordPress export of BENCH_IMPORT_POSTS posts (default
# 10 000; made by scripts/wxr-bench.py from the real fixture export), and `portal import
# dedecms` on a DedeCMS database (GBK, in the local MariaDB) of as many articles (made by
# scripts/dedecms-bench.py from the fixture site), each into a new SQLite database and into a
# new PostgreSQL database: the first run (everything created) and a second run (everything
# updated), with wall time, articles per second and the importer's peak memory.
#
#   scripts/bench-import.sh PATH/TO/portal
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
binary=$(realpath "${1:?usage: scripts/bench-import.sh PATH/TO/portal}")
posts=${BENCH_IMPORT_POSTS:-10000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 "$root/scripts/wxr-bench.py" "$posts" > "$work/export.xml"
echo "export: $posts posts, $(du -h "$work/export.xml" | cut -f1)"

# Runs the import once; prints its summary's last line, the wall time and the peak RSS.
measure() {
    local label=$1
    shift
    python3 - "$label" "$@" <<'PY'
import resource, subprocess, sys, time
label, command = sys.argv[1], sys.argv[2:]
started = time.monotonic()
done = subprocess.run(command, capture_output=True, text=True)
seconds = time.monotonic() - started
if done.returncode != 0:
    sys.stderr.write(done.stdout + done.stderr)
    sys.exit(f"{label}: the import failed")
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
lines = done.stdout.strip().splitlines()
articles = next(line for line in lines if line.startswith("articles:"))
print(f"{label}: {seconds:.1f} s, peak memory {peak:.0f} MB; {articles}; {lines[-1]}")
PY
}

dede_database=portal_dedecms_bench
dede_url="mysql://root@127.0.0.1:3306/$dede_database"
mariadb -uroot -e "DROP DATABASE IF EXISTS $dede_database; CREATE DATABASE $dede_database CHARACTER SET gbk"
python3 "$root/scripts/dedecms-bench.py" "$posts" | mariadb -uroot --default-character-set=utf8mb4 "$dede_database"
echo "DedeCMS database: $posts articles (GBK tables in MariaDB)"

# import_into SOURCE LABEL DATABASE_URL: a first and a second run of one importer.
import_into() {
    local source=$1 label=$2 url=$3
    local data="$work/data-$source-$label"
    mkdir -p "$data"
    local command=("$binary" import wxr "$work/export.xml" --uploads "$root/tests/fixtures/wordpress/uploads")
    if [ "$source" = dedecms ]; then
        command=("$binary" import dedecms --from "$dede_url" --uploads "$root/tests/fixtures/dedecms/uploads")
    fi
    for run in first second; do
        PORTAL_DATA_DIR=$data DATABASE_URL=$url RUST_LOG=warn \
            measure "$source into $label, $run run" "${command[@]}"
    done
}

for source in wxr dedecms; do
    import_into "$source" sqlite "sqlite://$work/sqlite-$source.db?mode=rwc"
done

if command -v psql >/dev/null && psql -h 127.0.0.1 -U postgres -d test -c 'select 1' >/dev/null 2>&1; then
    for source in wxr dedecms; do
        psql -q -h 127.0.0.1 -U postgres -d test -c 'DROP DATABASE IF EXISTS portal_import_bench' \
            -c 'CREATE DATABASE portal_import_bench'
        import_into "$source" postgres "postgres://postgres@127.0.0.1:5432/portal_import_bench"
        psql -q -h 127.0.0.1 -U postgres -d test -c 'DROP DATABASE portal_import_bench'
    done
else
    echo "postgres: not reachable at 127.0.0.1:5432, skipped"
fi
mariadb -uroot -e "DROP DATABASE $dede_database"
