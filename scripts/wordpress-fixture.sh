#!/usr/bin/env bash
# Rebuilds tests/fixtures/wordpress/ — the WordPress export (WXR) and uploads tree the
# `portal import wxr` tests read — from a real WordPress, so the importer is tested against
# what WordPress actually writes rather than against a hand-written imitation:
#
#   tests/fixtures/wordpress/export.xml   export_wp() output, byte for byte
#   tests/fixtures/wordpress/uploads/     the site's wp-content/uploads (YYYY/MM/…)
#
#   scripts/wordpress-fixture.sh
#
# Meant for a Debian bookworm machine (or container) with MariaDB/MySQL reachable as root:
# installs Debian's wordpress package and the PHP CLI when missing (no web server is run:
# scripts/wordpress-fixture/build.php drives WordPress from the command line), (re)creates the
# database $WPF_DB_NAME (default wp_fixture; any other database is left alone), builds the site
# with WordPress's own APIs, exports it, copies the files and drops the database again
# (WPF_KEEP_DB=1 keeps it for poking at).
#
# The content is invented and marked 示例 (example) throughout; see build.php.
# Re-running gives the same uploads and the same export except for its generation time (the
# <pubDate> of the channel and the generator comment): IDs, dates and file names are planned.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
php_dir=$root/scripts/wordpress-fixture
fixture=$root/tests/fixtures/wordpress

export WPF_DB_HOST=${WPF_DB_HOST:-127.0.0.1:3306}
export WPF_DB_USER=${WPF_DB_USER:-root}
export WPF_DB_PASSWORD=${WPF_DB_PASSWORD:-}
export WPF_DB_NAME=${WPF_DB_NAME:-wp_fixture}

# The database is dropped and recreated: refuse names that could hold someone's data.
if [[ ! $WPF_DB_NAME =~ ^wp_fixture[a-z0-9_]*$ ]]; then
    echo "wordpress-fixture.sh: WPF_DB_NAME must start with wp_fixture (got $WPF_DB_NAME)" >&2
    exit 2
fi

# Debian's wordpress package (6.1.x on bookworm) lives in /usr/share/wordpress and pulls in
# php-gd (image sizes) and php-mysql. It also depends on a web server; policy-rc.d in containers
# keeps that from starting, and nothing here uses it. wordpress-l10n has the zh_CN translation
# the site is installed in; php-xml/php-mbstring are what a normal WordPress host has.
if [[ ! -f /usr/share/wordpress/wp-settings.php ]] || ! command -v php >/dev/null ||
    [[ ! -f /usr/share/wordpress/wp-content/languages/zh_CN.mo ]]; then
    if [[ $(id -u) -ne 0 ]]; then
        echo "wordpress-fixture.sh: run as root to install wordpress and php-cli" >&2
        exit 1
    fi
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        wordpress wordpress-l10n php-cli php-mysql php-gd php-xml php-mbstring
fi
if ! command -v mariadb >/dev/null && ! command -v mysql >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends mariadb-client
fi
mysql_cli=$(command -v mariadb || command -v mysql)

sql() {
    MYSQL_PWD=$WPF_DB_PASSWORD "$mysql_cli" --host="${WPF_DB_HOST%:*}" \
        --port="$([[ $WPF_DB_HOST == *:* ]] && echo "${WPF_DB_HOST##*:}" || echo 3306)" \
        --protocol=TCP --user="$WPF_DB_USER" -e "$1"
}

work=$(mktemp -d)
cleanup() {
    rm -rf "$work"
    if [[ ${WPF_KEEP_DB:-0} != 1 ]]; then
        sql "DROP DATABASE IF EXISTS \`$WPF_DB_NAME\`" || true
    fi
}
trap cleanup EXIT

# A fresh database each time: post IDs are planned in build.php and need an empty site.
sql "DROP DATABASE IF EXISTS \`$WPF_DB_NAME\`;
     CREATE DATABASE \`$WPF_DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"

# A throw-away wp-content, so Debian's /var/lib/wordpress/wp-content stays untouched.
export WPF_CONTENT_DIR=$work/wp-content
export WPF_SOURCE_DIR=$work/sources
export WPF_OUT=$work/export.xml
mkdir -p "$WPF_CONTENT_DIR/uploads" "$WPF_SOURCE_DIR"

# Notices and warnings go to stderr so they can never end up inside the XML; the content is
# in Asia/Shanghai (a site option), but PHP itself runs in UTC as WordPress expects.
php_run() { php -d display_errors=stderr -d error_reporting=E_ALL -d date.timezone=UTC "$php_dir/build.php" "$@"; }
php_run install
php_run content
php_run export

# The export must be well-formed XML (it is what the importer will parse).
php -r 'libxml_use_internal_errors(true);
    if (!simplexml_load_file($argv[1])) { foreach (libxml_get_errors() as $e) fwrite(STDERR, $e->message); exit(1); }' "$WPF_OUT"

rm -rf "$fixture"
mkdir -p "$fixture"
cp "$WPF_OUT" "$fixture/export.xml"
cp -R "$WPF_CONTENT_DIR/uploads" "$fixture/uploads"

echo "wordpress-fixture.sh: wrote $fixture ($(du -sh "$fixture" | cut -f1)):"
(cd "$fixture" && find . -type f | LC_ALL=C sort)
