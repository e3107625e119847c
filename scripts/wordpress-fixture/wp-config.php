<?php
/*
 * Our own wp-config for driving Debian's WordPress (/usr/share/wordpress) from the PHP CLI.
 *
 * Debian's /usr/share/wordpress/wp-config.php picks /etc/wordpress/config-<HTTP_HOST>.php,
 * which would mean writing into /etc. Instead, build.php requires this file, which does what a
 * wp-config.php does (constants, then wp-settings.php) with everything taken from the
 * environment set by scripts/wordpress-fixture.sh. Nothing outside the work directory and the
 * wp_fixture database is touched.
 */

// WordPress looks at these even from the CLI (is_ssl(), wp_guess_url(), wp_fix_server_vars()).
$_SERVER['HTTP_HOST']   = 'old-site.example.gov.cn';
$_SERVER['SERVER_NAME'] = 'old-site.example.gov.cn';
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['SERVER_PORT'] = 80;

function wpf_env( $name ) {
	$value = getenv( $name );
	if ( false === $value ) {
		fwrite( STDERR, "wp-config.php: environment variable $name is not set\n" );
		exit( 2 );
	}
	return $value;
}

define( 'DB_NAME', wpf_env( 'WPF_DB_NAME' ) );
define( 'DB_USER', wpf_env( 'WPF_DB_USER' ) );
define( 'DB_PASSWORD', wpf_env( 'WPF_DB_PASSWORD' ) );
define( 'DB_HOST', wpf_env( 'WPF_DB_HOST' ) );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );
$table_prefix = 'wp_';

// The exported links must look like those of the old site being migrated.
define( 'WP_HOME', 'http://old-site.example.gov.cn' );
define( 'WP_SITEURL', 'http://old-site.example.gov.cn' );

// Uploads go to a throw-away wp-content, not to Debian's /var/lib/wordpress/wp-content;
// the URL is what a stock install serves them under.
define( 'WP_CONTENT_DIR', wpf_env( 'WPF_CONTENT_DIR' ) );
define( 'WP_CONTENT_URL', 'http://old-site.example.gov.cn/wp-content' );
// Chinese translations from Debian's wordpress-l10n (the site is installed in zh_CN).
define( 'WP_LANG_DIR', '/usr/share/wordpress/wp-content/languages' );

// Fixed salts: the fixture contains no secrets, and WordPress would otherwise store random ones.
foreach ( array( 'AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT' ) as $wpf_key ) {
	define( $wpf_key, 'wordpress-fixture-not-secret-' . $wpf_key );
}

// No network: no cron spawn over HTTP, no update checks, no outgoing requests at all
// (old-site.example.gov.cn does not exist), no automatic updates.
define( 'DISABLE_WP_CRON', true );
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'WP_AUTO_UPDATE_CORE', false );

// Errors and warnings go to stderr (php -d display_errors=stderr), never into the exported
// XML. WP_DEBUG stays off: WordPress 6.1 on PHP 8.2 prints dozens of deprecation notices.
define( 'WP_DEBUG', false );

define( 'ABSPATH', '/usr/share/wordpress/' );
require_once ABSPATH . 'wp-settings.php';
