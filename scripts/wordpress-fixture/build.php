<?php
/*
 * Builds the WordPress site behind tests/fixtures/wordpress/ and exports it, through
 * WordPress's own APIs only, so the WXR file is exactly what a real WordPress writes.
 * Run by scripts/wordpress-fixture.sh, one phase per PHP process (as wp-cli does: installing
 * runs with WP_INSTALLING set, which changes how options are cached):
 *
 *   php build.php install   create the tables, the admin and the site options
 *   php build.php content   users, categories, tags, media, posts, pages
 *   php build.php export    export_wp() into $WPF_OUT
 *
 * Every title and body is marked 示例 (example): this is test data for a legal-education
 * product, and nothing in it may pass for a real case, court, law article or notice.
 */

$phase = isset( $argv[1] ) ? $argv[1] : '';
if ( ! in_array( $phase, array( 'install', 'content', 'export' ), true ) ) {
	fwrite( STDERR, "usage: php build.php install|content|export\n" );
	exit( 2 );
}

if ( 'install' === $phase ) {
	define( 'WP_INSTALLING', true );
}
require __DIR__ . '/wp-config.php';

// No HTTP at all (pingbacks, enclosure checks, update checks): old-site.example.gov.cn does not
// exist and the result must not depend on the network.
add_filter(
	'pre_http_request',
	function () {
		return new WP_Error( 'http_request_failed', 'HTTP is disabled while building the fixture' );
	}
);

function wpf_fail( $what, $error = null ) {
	$message = is_wp_error( $error ) ? $error->get_error_message() : (string) $error;
	fwrite( STDERR, "build.php: $what" . ( '' !== $message ? ": $message" : '' ) . "\n" );
	exit( 1 );
}

function wpf_check( $what, $result ) {
	if ( is_wp_error( $result ) || ! $result ) {
		wpf_fail( $what, $result );
	}
	return $result;
}

// ---------------------------------------------------------------------------------------------
if ( 'install' === $phase ) {
	require_once ABSPATH . 'wp-admin/includes/upgrade.php';

	if ( is_blog_installed() ) {
		wpf_fail( 'the database ' . DB_NAME . ' already holds a WordPress (the script drops it first)' );
	}
	// No mail server here; wp_install() would try to mail the admin.
	add_filter( 'pre_wp_mail', '__return_false' );

	// In Chinese (zh_CN), as the old site was: the default category, date formats and the
	// export's <language> come from the translation, loaded first as wp-admin/install.php does.
	load_default_textdomain( 'zh_CN' );
	$GLOBALS['wp_locale'] = new WP_Locale();
	$result = wp_install( '示例普法网（测试用示例站点）', 'admin', 'admin@example.com', true, '', wp_generate_password( 24 ), 'zh_CN' );
	wpf_check( 'wp_install', $result['user_id'] );

	// wp_install_defaults() created "世界，您好！" (1) with a comment, "示例页面" (2) and a
	// draft "隐私政策" page (3). Their text is not marked as invented example content, so they
	// go, as a real site owner deletes them too. IDs 1–3 stay used, as on a real site.
	foreach ( array( 1, 2, 3 ) as $id ) {
		wpf_check( "deleting default post $id", wp_delete_post( $id, true ) );
	}
	update_option( 'wp_page_for_privacy_policy', 0 );

	update_option( 'blogdescription', '内容均为示例，仅用于测试，不构成法律意见' );
	update_option( 'timezone_string', 'Asia/Shanghai' );
	update_option( 'gmt_offset', '' );
	update_option( 'uploads_use_yearmonth_folders', 1 );
	// Keep uploads tiny: no 768 px "medium_large" copy (the sources are under 768 px anyway,
	// and 1536/2048/large only apply to bigger images).
	update_option( 'medium_large_size_w', 0 );
	update_option( 'medium_large_size_h', 0 );

	// Pretty permalinks. rewrite rules are only stored, never served here.
	global $wp_rewrite;
	$wp_rewrite->set_permalink_structure( '/%year%/%monthnum%/%postname%/' );
	$wp_rewrite->flush_rules( false );

	wp_update_user(
		array(
			'ID'           => $result['user_id'],
			'display_name' => '网站管理员（示例）',
			'nickname'     => '网站管理员（示例）',
		)
	);
	fwrite( STDERR, 'build.php: installed WordPress ' . get_bloginfo( 'version' ) . "\n" );
	exit( 0 );
}

// ---------------------------------------------------------------------------------------------
if ( 'export' === $phase ) {
	require_once ABSPATH . 'wp-admin/includes/export.php';
	$out = getenv( 'WPF_OUT' );
	if ( ! $out ) {
		wpf_fail( 'WPF_OUT is not set' );
	}
	// Only administrators may export; as one, private posts get their pretty permalink in
	// <link> (for anyone else WordPress falls back to ?p=ID).
	wp_set_current_user( 1 );
	// export_wp() prints the file (and calls header(), a no-op on the CLI); capture it as is.
	ob_start();
	export_wp( array( 'content' => 'all' ) );
	$xml = ob_get_clean();
	if ( false === file_put_contents( $out, $xml ) ) {
		wpf_fail( "writing $out" );
	}
	fwrite( STDERR, 'build.php: exported ' . strlen( $xml ) . " bytes to $out\n" );
	exit( 0 );
}

// ---------------------------------------------------------------------------------------------
// content
require_once ABSPATH . 'wp-admin/includes/file.php';
require_once ABSPATH . 'wp-admin/includes/media.php';
require_once ABSPATH . 'wp-admin/includes/image.php';
require_once ABSPATH . 'wp-admin/includes/post.php';

$source_dir = getenv( 'WPF_SOURCE_DIR' );
if ( ! $source_dir || ! is_dir( $source_dir ) ) {
	wpf_fail( 'WPF_SOURCE_DIR is not a directory' );
}

/**
 * The ID the next post would get (all IDs are planned so posts can name their media): the
 * table's AUTO_INCREMENT, which still counts the deleted default posts 1–3 as a real site does.
 */
function wpf_next_id() {
	global $wpdb;
	$status = $wpdb->get_row( $wpdb->prepare( 'SHOW TABLE STATUS LIKE %s', $wpdb->posts ) );
	return (int) $status->Auto_increment;
}

/** A small JPEG or PNG drawn with GD (installed with WordPress). */
function wpf_make_image( $path, $width, $height, $type, $label ) {
	$im = imagecreatetruecolor( $width, $height );
	for ( $y = 0; $y < $height; $y++ ) { // a soft vertical gradient, cheap to compress
		$c = imagecolorallocate( $im, 200 - (int) ( 60 * $y / $height ), 215, 235 );
		imageline( $im, 0, $y, $width, $y, $c );
	}
	$red   = imagecolorallocate( $im, 190, 30, 45 );
	$white = imagecolorallocate( $im, 255, 255, 255 );
	$dark  = imagecolorallocate( $im, 40, 40, 60 );
	imagefilledrectangle( $im, 0, 0, $width, 44, $red );
	imagestring( $im, 5, 12, 14, 'SHILI / EXAMPLE', $white );
	imagefilledellipse( $im, (int) ( $width * 0.3 ), (int) ( $height * 0.6 ), 90, 90, $red );
	imagefilledrectangle( $im, (int) ( $width * 0.55 ), (int) ( $height * 0.4 ), (int) ( $width * 0.85 ), (int) ( $height * 0.8 ), $dark );
	imagestring( $im, 3, 12, $height - 22, $label, $dark );
	$ok = 'png' === $type ? imagepng( $im, $path, 9 ) : imagejpeg( $im, $path, 80 );
	imagedestroy( $im );
	if ( ! $ok ) {
		wpf_fail( "drawing $path" );
	}
}

/** A one-page PDF 1.4 written by hand (ASCII text, Helvetica), with a correct xref table. */
function wpf_make_pdf( $path, array $lines ) {
	$text = "BT /F1 14 Tf 56 780 Td 18 TL\n";
	foreach ( $lines as $line ) {
		$text .= '(' . addcslashes( $line, '()\\' ) . ") Tj T*\n";
	}
	$text   .= "ET\n";
	$objects = array(
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
		'<< /Length ' . strlen( $text ) . " >>\nstream\n" . $text . 'endstream',
		'<< /Title (SHILI example notice - not a real document) /Producer (scripts/wordpress-fixture) >>',
	);
	$pdf     = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
	$offsets = array();
	foreach ( $objects as $i => $object ) {
		$offsets[] = strlen( $pdf );
		$pdf      .= ( $i + 1 ) . " 0 obj\n" . $object . "\nendobj\n";
	}
	$xref = strlen( $pdf );
	$pdf .= 'xref' . "\n" . '0 ' . ( count( $objects ) + 1 ) . "\n" . "0000000000 65535 f \n";
	foreach ( $offsets as $offset ) {
		$pdf .= sprintf( "%010d 00000 n \n", $offset );
	}
	$pdf .= 'trailer' . "\n" . '<< /Size ' . ( count( $objects ) + 1 ) . ' /Root 1 0 R /Info 6 0 R >>' . "\n" . "startxref\n$xref\n%%EOF\n";
	if ( false === file_put_contents( $path, $pdf ) ) {
		wpf_fail( "writing $path" );
	}
}

/**
 * Uploads $file as $name the way the media screen does (wp_handle_sideload: sanitised name,
 * uploads/YYYY/MM/ from $date, image sizes, metadata), as attachment $id of post $parent.
 */
function wpf_upload( $file, $name, $id, $parent, $author, $date, array $fields ) {
	wp_set_current_user( $author );
	$tmp = wp_tempnam( $name );
	copy( $file, $tmp ); // the sideload moves the file away
	$post_data = array_merge(
		array(
			'import_id'   => $id,
			'post_author' => $author,
			'post_date'   => $date,
		),
		$fields
	);
	$att = media_handle_sideload( array( 'name' => $name, 'tmp_name' => $tmp ), $parent, null, $post_data );
	wpf_check( "uploading $name", $att );
	if ( $att !== $id ) {
		wpf_fail( "uploading $name: got ID $att instead of $id" );
	}
	return $att;
}

/**
 * wp_insert_post as the author (so an author's HTML goes through kses, as in the editor).
 *
 * The editor (post-new.php) first saves an auto-draft, whose plain permalink becomes the
 * GUID for good: http://host/?p=ID, or ?page_id=ID for pages. Inserting a finished post in one
 * step (as the REST API or XML-RPC do) stores the pretty permalink instead; $editor = false
 * keeps that, so the fixture has both kinds.
 */
function wpf_post( array $post, $expect_id = 0, $editor = true ) {
	wp_set_current_user( $post['post_author'] );
	$id                = $expect_id ? $expect_id : wpf_next_id();
	$post['import_id'] = $id;
	if ( $editor ) {
		$type         = isset( $post['post_type'] ) ? $post['post_type'] : 'post';
		$post['guid'] = home_url( '/?' . ( 'page' === $type ? 'page_id' : 'p' ) . '=' . $id );
	}
	$got = wpf_check( 'inserting "' . $post['post_title'] . '"', wp_insert_post( wp_slash( $post ), true ) );
	if ( $got !== $id ) {
		wpf_fail( "inserting \"{$post['post_title']}\": got ID $got instead of $id" );
	}
	return $id;
}

// Users ---------------------------------------------------------------------------------------
$admin    = 1;
$zhangsan = wpf_check(
	'creating zhangsan',
	wp_insert_user(
		array(
			'user_login'   => 'zhangsan',
			'user_pass'    => wp_generate_password( 24 ),
			'user_email'   => 'zhangsan@example.com',
			'display_name' => '张三',
			'nickname'     => '张三',
			'first_name'   => '三',
			'last_name'    => '张',
			'role'         => 'editor',
		)
	)
);
$lisi     = wpf_check(
	'creating lisi',
	wp_insert_user(
		array(
			'user_login'   => 'lisi',
			'user_pass'    => wp_generate_password( 24 ),
			'user_email'   => 'lisi@example.com',
			'display_name' => '李四',
			'nickname'     => '李四',
			'first_name'   => '四',
			'last_name'    => '李',
			'role'         => 'author',
		)
	)
);

// Categories and tags -------------------------------------------------------------------------
function wpf_term( $name, $taxonomy, array $args = array() ) {
	$term = wpf_check( "creating term $name", wp_insert_term( $name, $taxonomy, $args ) );
	return (int) $term['term_id'];
}
$pufa          = wpf_term( '普法动态', 'category', array( 'slug' => 'pufa-dongtai', 'description' => '示例分类：普法工作动态（示例数据）' ) );
$jiceng        = wpf_term( '基层普法', 'category', array( 'slug' => 'jiceng', 'parent' => $pufa ) );
$fuwu          = wpf_term( '法律服务', 'category', array( 'slug' => 'falv-fuwu', 'parent' => $pufa, 'description' => '示例分类：公共法律服务相关示例内容' ) );
$tongzhi       = wpf_term( '通知公告', 'category', array( 'slug' => 'tongzhi' ) );
$tag_jiangzuo  = wpf_term( '普法讲座', 'post_tag' ); // slug left to WordPress: percent-encoded
$tag_xianfa    = wpf_term( '宪法宣传', 'post_tag', array( 'slug' => 'xianfa-xuanchuan' ) );

// Media sources -------------------------------------------------------------------------------
wpf_make_image( "$source_dir/shili-huodong.jpg", 480, 320, 'jpeg', 'sample picture, not a real event' );
wpf_make_image( "$source_dir/poster.png", 400, 300, 'png', 'sample poster' );
wpf_make_pdf(
	"$source_dir/notice.pdf",
	array(
		'SHILI (EXAMPLE) NOTICE',
		'This PDF is a test fixture for a WordPress import.',
		'It is not a real document and has no legal effect.',
		'Any names, dates and places in it are invented examples.',
	)
);

// Page: 关于我们（示例） with a child page ----------------------------------------------------
$about = wpf_post(
	array(
		'post_type'    => 'page',
		'post_status'  => 'publish',
		'post_author'  => $admin,
		'post_title'   => '关于我们（示例）',
		'post_name'    => 'about',
		'post_date'    => '2024-01-10 10:00:00',
		'menu_order'   => 1,
		'post_content' => "<!-- wp:paragraph -->\n<p>本页面为<strong>示例内容</strong>，用于测试网站迁移，所述机构和人员均为虚构示例。</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:paragraph -->\n<p>示例站点提供普法资讯示例、法律服务指引示例等栏目。</p>\n<!-- /wp:paragraph -->",
	)
);
$contact = wpf_post(
	array(
		'post_type'    => 'page',
		'post_status'  => 'publish',
		'post_author'  => $admin,
		'post_title'   => '联系方式（示例）',
		'post_parent'  => $about,
		'post_date'    => '2024-01-10 10:30:00',
		'menu_order'   => 2,
		'post_content' => "<p>示例地址：某某市某某区示例路1号（虚构地址）</p>\n<p>示例电话：000-00000000（非真实号码）</p>",
	)
);

// Post with a captioned, featured JPEG (classic editor HTML) --------------------------------
$post_id = wpf_next_id();
$img_id  = $post_id + 1;
wpf_upload(
	"$source_dir/shili-huodong.jpg",
	'shili-huodong.jpg',
	$img_id,
	$post_id,
	$zhangsan,
	'2024-03-14 18:20:00',
	array(
		'post_title'   => '示例：讲座现场示意图',
		'post_excerpt' => '示例图片，非真实活动照片', // the caption
		'post_content' => '由程序生成的示例图片（描述字段示例）。', // the description
	)
);
update_post_meta( $img_id, '_wp_attachment_image_alt', '示例图片：普法讲座现场示意' );
$medium = image_downsize( $img_id, 'medium' );
wpf_post(
	array(
		'post_status'   => 'publish',
		'post_author'   => $zhangsan,
		'post_title'    => '示例：社区普法讲座通知',
		'post_name'     => 'shili-jiangzuo',
		'post_date'     => '2024-03-15 00:30:00', // 2024-03-14 16:30 UTC
		'post_category' => array( $jiceng, $tongzhi ),
		'tags_input'    => array( $tag_jiangzuo ),
		'post_content'  => "<p>【示例内容】为提升社区居民的法治意识，示例社区将举办一场<strong>普法讲座</strong>（本通知为测试用示例，并非真实活动）。</p>\n"
			. "<p>讲座安排（示例）：</p>\n<ul>\n<li>时间：示例日期 上午9:00</li>\n<li>地点：示例社区活动中心</li>\n<li>主题：日常生活中的法律常识（示例）</li>\n</ul>\n"
			. '[caption id="attachment_' . $img_id . '" align="aligncenter" width="' . $medium[1] . '"]<img class="size-medium wp-image-' . $img_id . '" src="' . $medium[0] . '" alt="示例图片：普法讲座现场示意" width="' . $medium[1] . '" height="' . $medium[2] . '" /> 示例图片，非真实活动照片[/caption]' . "\n"
			. '<p>更多示例信息请参见<a href="' . get_permalink( $about ) . '">关于我们（示例）</a>页面。</p>',
	),
	$post_id
);
set_post_thumbnail( $post_id, $img_id );

// Constitution week: block editor markup, explicit excerpt, Chinese slug --------------------
wpf_post(
	array(
		'post_status'   => 'publish',
		'post_author'   => $lisi,
		'post_title'    => '示例：宪法宣传周活动安排（示例内容）',
		'post_date'     => '2024-12-04 09:00:00',
		'post_category' => array( $pufa ),
		'tags_input'    => array( $tag_xianfa ),
		'post_excerpt'  => '本文为示例摘要：介绍宪法宣传周期间示例活动的安排，内容均为虚构示例。',
		'post_content'  => "<!-- wp:paragraph -->\n<p>以下为<strong>示例</strong>活动安排，仅用于测试，不代表任何真实单位的工作计划。</p>\n<!-- /wp:paragraph -->\n\n"
			. "<!-- wp:list {\"ordered\":true} -->\n<ol><!-- wp:list-item -->\n<li>示例活动一：宪法知识展板展示</li>\n<!-- /wp:list-item -->\n\n<!-- wp:list-item -->\n<li>示例活动二：宪法知识问答（示例题目）</li>\n<!-- /wp:list-item -->\n\n<!-- wp:list-item -->\n<li>示例活动三：学生诵读宪法序言（示例）</li>\n<!-- /wp:list-item --></ol>\n<!-- /wp:list -->\n\n"
			. "<!-- wp:paragraph -->\n<p>宪法全文请以官方发布文本为准，例如<a href=\"http://www.npc.gov.cn/\" target=\"_blank\" rel=\"noreferrer noopener\">全国人大网</a>。</p>\n<!-- /wp:paragraph -->",
	)
);

// Mediation: ASCII slug, plain classic HTML, published in one step ---------------------------------------------------
wpf_post(
	array(
		'post_status'   => 'publish',
		'post_author'   => $lisi,
		'post_title'    => '示例：人民调解工作简介（示例）',
		'post_name'     => 'renmin-tiaojie',
		'post_date'     => '2024-05-08 14:20:00',
		'post_category' => array( $jiceng ),
		'post_content'  => "<p>本文为<strong>示例文章</strong>，简要说明人民调解的一般概念，不涉及任何真实案例。</p>\n<p>示例要点：</p>\n<ul>\n<li>自愿平等（示例说明）</li>\n<li>就近便民（示例说明）</li>\n</ul>\n<p>具体规定请查阅官方发布的法律法规文本。</p>",
	),
	0,
	false // published in one step: the GUID is the pretty permalink
);

// Long Chinese title: WordPress truncates the derived slug to 200 encoded bytes -------------
wpf_post(
	array(
		'post_status'   => 'publish',
		'post_author'   => $zhangsan,
		'post_title'    => '示例：公共法律服务热线使用说明及常见问题解答汇总（示例内容，非真实服务信息）',
		'post_date'     => '2024-08-01 00:05:00', // 2024-07-31 16:05 UTC: another month in UTC
		'post_category' => array( $fuwu ),
		'post_content'  => "<p>【示例】本文介绍一条<strong>虚构的</strong>公共法律服务热线的使用方式，号码与服务内容均为示例。</p>\n<ol>\n<li>拨打示例号码 000-0000</li>\n<li>按语音提示选择示例服务</li>\n</ol>\n<p>真实服务信息请以当地司法行政部门公布的为准。</p>",
	)
);

// New year's post linking a PDF with a Chinese file name -----------------------------------
$post_id = wpf_next_id();
$pdf_id  = $post_id + 1;
wpf_upload(
	"$source_dir/notice.pdf",
	'示例通知.pdf',
	$pdf_id,
	$post_id,
	$admin,
	'2025-01-01 07:40:00',
	array( 'post_title' => '示例通知（PDF 示例文件）' )
);
$pdf_url = wp_get_attachment_url( $pdf_id );
wpf_post(
	array(
		'post_status'   => 'publish',
		'post_author'   => $admin,
		'post_title'    => '示例：2025年普法工作要点（示例文件）',
		'post_date'     => '2025-01-01 07:45:00', // 2024-12-31 23:45 UTC: another year in UTC
		'post_category' => array( $tongzhi ),
		'post_content'  => "<p>【示例】以下附件为测试用示例文件，不是任何机关发布的真实文件。</p>\n"
			. '<p>附件：<a href="' . $pdf_url . '">示例通知（PDF，示例文件）</a></p>' . "\n"
			. "<p>示例工作要点：</p>\n<ul>\n<li>示例要点一：开展<strong>示例</strong>普法宣传活动</li>\n<li>示例要点二：完善示例法律服务</li>\n</ul>",
	),
	$post_id
);

// Private post, exactly local midnight ------------------------------------------------------
wpf_post(
	array(
		'post_status'   => 'private',
		'post_author'   => $admin,
		'post_title'    => '示例：内部工作安排（私密，示例）',
		'post_date'     => '2025-02-14 00:00:00', // 2025-02-13 16:00 UTC
		'post_category' => array( $tongzhi ),
		'post_content'  => '<p>私密示例文章：仅登录用户可见的示例内容，无真实信息。</p>',
	)
);

// Volunteers ----------------------------------------------------------------------------------
wpf_post(
	array(
		'post_status'   => 'publish',
		'post_author'   => $admin,
		'post_title'    => '示例：普法志愿者招募启事（示例）',
		'post_name'     => 'zhiyuanzhe-zhaomu',
		'post_date'     => '2025-03-10 10:00:00',
		'post_category' => array( $tongzhi ),
		'tags_input'    => array( $tag_jiangzuo ),
		'post_content'  => "<p>【示例】示例社区现招募<strong>普法志愿者</strong>（虚构启事，请勿报名）。</p>\n<p>示例要求：</p>\n<ul>\n<li>热心公益（示例）</li>\n<li>每月可参加一次示例活动</li>\n</ul>\n<p>报名方式见<a href=\"" . get_permalink( $contact ) . "\">联系方式（示例）</a>。</p>",
	)
);

// Block editor post with a featured PNG that has a Chinese file name -----------------------
$post_id = wpf_next_id();
$png_id  = $post_id + 1;
wpf_upload(
	"$source_dir/poster.png",
	'示例海报.png',
	$png_id,
	$post_id,
	$lisi,
	'2025-05-31 23:30:00',
	array( 'post_title' => '示例海报' )
);
$png_large = wp_get_attachment_image_src( $png_id, 'full' );
wpf_post(
	array(
		'post_status'   => 'publish',
		'post_author'   => $lisi,
		'post_title'    => '示例：青少年法治教育课堂回顾（示例）',
		'post_date'     => '2025-06-01 08:00:00', // 2025-06-01 00:00 UTC
		'post_category' => array( $pufa, $jiceng ),
		'post_content'  => "<!-- wp:paragraph -->\n<p>【示例】示例学校开展了一次法治教育课堂（虚构活动回顾，仅供测试）。</p>\n<!-- /wp:paragraph -->\n\n"
			. '<!-- wp:image {"id":' . $png_id . ',"sizeSlug":"full","linkDestination":"none"} -->' . "\n"
			. '<figure class="wp-block-image size-full"><img src="' . $png_large[0] . '" alt="示例海报" class="wp-image-' . $png_id . '"/><figcaption class="wp-element-caption">示例海报（程序生成的示例图片）</figcaption></figure>' . "\n<!-- /wp:image -->\n\n"
			. "<!-- wp:paragraph -->\n<p>课堂内容包括<strong>示例</strong>情景剧和示例知识问答。</p>\n<!-- /wp:paragraph -->",
	),
	$post_id
);
set_post_thumbnail( $post_id, $png_id );

// Uncategorized post ------------------------------------------------------------------------
wpf_post(
	array(
		'post_status'  => 'publish',
		'post_author'  => $zhangsan,
		'post_title'   => '示例：网站试运行说明（示例）',
		'post_name'    => 'shiyunxing',
		'post_date'    => '2025-09-15 16:30:00',
		'post_content' => "<p>示例站点处于试运行阶段，所有栏目内容均为<strong>示例数据</strong>。</p>\n<p>如发现问题，请通过示例邮箱 <a href=\"mailto:admin@example.com\">admin@example.com</a> 反馈。</p>",
	),
	0,
	false // published in one step: the GUID is the pretty permalink
);

// Draft without a slug (WordPress gives drafts none) and a zero post_date_gmt --------------
wpf_post(
	array(
		'post_status'   => 'draft',
		'post_author'   => $lisi,
		'post_title'    => '示例：普法宣传材料整理（草稿，示例）',
		'post_date'     => '2025-10-20 21:00:00',
		'post_category' => array( $pufa ),
		'post_content'  => '<p>草稿示例：待整理的示例宣传材料清单。</p>',
	)
);

// Pending review, with an ASCII slug ------------------------------------------------------
wpf_post(
	array(
		'post_status'   => 'pending',
		'post_author'   => $lisi,
		'post_title'    => '示例：社区法律咨询日报名说明（待审，示例）',
		'post_name'     => 'falv-zixun-ri',
		'post_date'     => '2025-11-05 11:00:00',
		'post_category' => array( $fuwu ),
		'post_content'  => "<p>待审示例：示例社区法律咨询日的报名说明。</p>\n<ul>\n<li>报名时间：示例日期</li>\n<li>咨询形式：示例现场咨询</li>\n</ul>",
	)
);

// What WP-Cron would do next on a live site: send pingbacks/trackbacks and look for enclosures
// (all HTTP fails here), which removes the _pingme and _encloseme flags publishing left behind.
do_all_pings();

fwrite( STDERR, 'build.php: ' . wp_count_posts()->publish . " published posts, last ID " . ( wpf_next_id() - 1 ) . "\n" );
