//! The media library: uploads told by their bytes, images cleaned and offered in smaller
//! sizes, files served with their names, caching and ranges, and kept while articles use them.

use std::io::Cursor;

use portal_api::{ArticlePatch, ErrorCode, NewArticle};
use portal_tests::{draft, on_every_database, published, TestApp};
use reqwest::multipart::{Form, Part};
use serde_json::json;

/// A photo as phones write it: JPEG with an EXIF block saying "turn me 90° clockwise" and a
/// description a reader must never get (standing in for the GPS position).
pub(crate) fn phone_photo(width: u32, height: u32) -> Vec<u8> {
    let image = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, ((x + y) % 256) as u8])
    });
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 90)
        .encode_image(&image)
        .unwrap();
    let secret = b"GPS 30.86N 114.80E\0";
    let mut tiff = Vec::new();
    tiff.extend_from_slice(b"II\x2a\x00\x08\x00\x00\x00");
    tiff.extend_from_slice(&2u16.to_le_bytes());
    // Orientation (0x0112), SHORT, 1 value: 6.
    tiff.extend_from_slice(&[0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0]);
    // ImageDescription (0x010E), ASCII, at offset 38 (after this IFD).
    tiff.extend_from_slice(&[0x0e, 0x01, 2, 0]);
    tiff.extend_from_slice(&(secret.len() as u32).to_le_bytes());
    tiff.extend_from_slice(&38u32.to_le_bytes());
    tiff.extend_from_slice(&0u32.to_le_bytes());
    tiff.extend_from_slice(secret);
    let mut app1 = b"Exif\0\0".to_vec();
    app1.extend_from_slice(&tiff);
    let mut photo = jpeg[..2].to_vec();
    photo.extend_from_slice(&[0xff, 0xe1]);
    photo.extend_from_slice(&((app1.len() + 2) as u16).to_be_bytes());
    photo.extend_from_slice(&app1);
    photo.extend_from_slice(&jpeg[2..]);
    photo
}

pub(crate) fn png(width: u32, height: u32) -> Vec<u8> {
    let image = image::RgbaImage::from_fn(width, height, |x, _| {
        if x < width / 2 {
            image::Rgba([183, 28, 28, 255])
        } else {
            image::Rgba([255, 255, 255, 0])
        }
    });
    let mut bytes = Vec::new();
    image::DynamicImage::ImageRgba8(image)
        .write_to(&mut Cursor::new(&mut bytes), image::ImageFormat::Png)
        .unwrap();
    bytes
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle)
}

pub(crate) async fn upload(
    app: &TestApp,
    token: &str,
    name: &str,
    bytes: Vec<u8>,
    alt: Option<&str>,
) -> portal_tests::Reply {
    let mut form = Form::new().part("file", Part::bytes(bytes).file_name(name.to_owned()));
    if let Some(alt) = alt {
        form = form.text("alt", alt.to_owned());
    }
    TestApp::read(
        app.client
            .post(app.url("/api/v1/media"))
            .bearer_auth(token)
            .multipart(form),
    )
    .await
}

pub(crate) async fn fetch(
    app: &TestApp,
    path: &str,
    range: Option<&str>,
) -> (reqwest::StatusCode, reqwest::header::HeaderMap, Vec<u8>) {
    let mut request = app.client.get(app.url(path));
    if let Some(range) = range {
        request = request.header("range", range);
    }
    let response = request.send().await.unwrap();
    let (status, headers) = (response.status(), response.headers().clone());
    (status, headers, response.bytes().await.unwrap().to_vec())
}

on_every_database! {
    async fn a_photo_is_cleaned_turned_upright_and_offered_in_smaller_sizes(app: TestApp) {
        let editor = app.editor_token().await;
        let photo = phone_photo(2000, 1000);
        assert!(contains(&photo, b"GPS 30.86N"));
        let reply = upload(&app, &editor, "现场照片.jpg", photo, Some("普法宣传现场(示例)")).await;
        assert_eq!(reply.status, 201, "{}", reply.text);
        let media: portal_api::Media = reply.parse();
        assert_eq!(reply.header("location"), Some(format!("/api/v1/media/{}", media.id).as_str()));
        assert_eq!(media.kind, portal_api::MediaKind::Image);
        assert_eq!(media.content_type, "image/jpeg");
        assert_eq!(media.alt, "普法宣传现场(示例)");
        assert_eq!(media.file_name, "现场照片.jpg");
        // Turned as the EXIF said: portrait now.
        assert_eq!((media.width, media.height), (Some(1000), Some(2000)));
        let widths: Vec<u32> = media.variants.iter().map(|variant| variant.width).collect();
        assert!(widths.contains(&480) && widths.contains(&960) && !widths.contains(&1600), "{widths:?}");
        for variant in &media.variants {
            assert_eq!(variant.height, variant.width * 2);
            let (status, headers, bytes) = fetch(&app, &variant.url, None).await;
            assert_eq!(status, 200, "{}", variant.url);
            assert_eq!(headers["content-type"], variant.content_type.as_str());
            assert_eq!(bytes.len() as u64, variant.size);
            let decoded = image::load_from_memory(&bytes).unwrap();
            assert_eq!((decoded.width(), decoded.height()), (variant.width, variant.height));
        }

        let (status, headers, bytes) = fetch(&app, &media.url, None).await;
        assert_eq!(status, 200);
        assert_eq!(headers["content-type"], "image/jpeg");
        assert!(headers["cache-control"].to_str().unwrap().contains("immutable"));
        assert!(headers["content-disposition"].to_str().unwrap().starts_with("inline"));
        assert!(!contains(&bytes, b"Exif") && !contains(&bytes, b"GPS 30.86N"), "EXIF is gone");
        assert_eq!(bytes.len() as u64, media.size);
        let etag = headers["etag"].to_str().unwrap().to_owned();
        let again = app.client.get(app.url(&media.url)).header("if-none-match", &etag).send().await.unwrap();
        assert_eq!(again.status(), 304);
        let (status, headers, part) = fetch(&app, &media.url, Some("bytes=0-99")).await;
        assert_eq!(status, 206);
        assert_eq!(part, bytes[..100]);
        assert_eq!(headers["content-range"], format!("bytes 0-99/{}", bytes.len()).as_str());

        // The library lists it for staff only.
        assert_eq!(app.get("/api/v1/media").await.status, 401);
        let list = app.get_as("/api/v1/media?kind=image&q=现场", &editor).await;
        assert_eq!(list.status, 200, "{}", list.text);
        let list: portal_api::MediaList = list.parse();
        assert_eq!(list.page.total, 1);
        assert_eq!(list.items[0].id, media.id);
        let none: portal_api::MediaList = app.get_as("/api/v1/media?kind=attachment", &editor).await.parse();
        assert_eq!(none.page.total, 0);
        let one: portal_api::Media = app.get_as(&format!("/api/v1/media/{}", media.id), &editor).await.parse();
        assert_eq!(one, media);
    }

    async fn a_picture_with_transparency_keeps_it_and_gets_webp_where_smaller(app: TestApp) {
        let editor = app.editor_token().await;
        let reply = upload(&app, &editor, "图示.png", png(1200, 300), Some("流程图")).await;
        assert_eq!(reply.status, 201, "{}", reply.text);
        let media: portal_api::Media = reply.parse();
        assert_eq!(media.content_type, "image/png");
        let (_, _, bytes) = fetch(&app, &media.url, None).await;
        let decoded = image::load_from_memory(&bytes).unwrap();
        assert!(decoded.color().has_alpha());
        let webp: Vec<_> = media.variants.iter().filter(|variant| variant.content_type == "image/webp").collect();
        assert!(!webp.is_empty(), "flat colours compress better as lossless WebP: {:?}", media.variants);
        for variant in webp {
            let png_twin = media
                .variants
                .iter()
                .find(|other| other.width == variant.width && other.content_type == "image/png")
                .unwrap();
            assert!(variant.size < png_twin.size, "WebP only where smaller");
        }
    }

    async fn attachments_keep_their_names_and_types_come_from_the_bytes(app: TestApp) {
        let editor = app.editor_token().await;
        let pdf = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".to_vec();
        let name = "关于开展宪法宣传周活动的通知(示例).pdf";
        let reply = upload(&app, &editor, name, pdf.clone(), None).await;
        assert_eq!(reply.status, 201, "{}", reply.text);
        let media: portal_api::Media = reply.parse();
        assert_eq!(media.kind, portal_api::MediaKind::Attachment);
        assert_eq!(media.content_type, "application/pdf");
        assert_eq!(media.file_name, name);
        assert!(media.variants.is_empty() && media.width.is_none());
        let (status, headers, bytes) = fetch(&app, &media.url, None).await;
        assert_eq!(status, 200);
        assert_eq!(bytes, pdf);
        assert_eq!(headers["content-type"], "application/pdf");
        let disposition = headers["content-disposition"].to_str().unwrap();
        assert!(disposition.starts_with("attachment"), "{disposition}");
        assert!(disposition.contains("UTF-8''%E5%85%B3%E4%BA%8E"), "{disposition}");

        // The same bytes again: another record, one stored file.
        let twin: portal_api::Media = upload(&app, &editor, "副本.pdf", pdf, None).await.parse();
        assert_eq!(twin.sha256, media.sha256);
        assert_ne!(twin.id, media.id);

        // A program named like a photo is refused by what it is.
        let program = b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x02\0\x3e\0".to_vec();
        upload(&app, &editor, "照片.jpg", program, None).await.assert_problem(415, "unsupported_media_type");
        // An image that is not one.
        let mut broken = png(10, 10);
        broken.truncate(40);
        let problem = upload(&app, &editor, "坏图.png", broken, None).await.assert_problem(422, "validation_failed");
        assert_eq!(problem["errors"][0]["field"], "file");
        upload(&app, &editor, "空.txt", Vec::new(), None).await.assert_problem(422, "validation_failed");
        let long_alt = "图".repeat(301);
        upload(&app, &editor, "a.png", png(10, 10), Some(&long_alt)).await.assert_problem(422, "validation_failed");
        // Not a form at all.
        app.post("/api/v1/media", Some(&editor), &json!({"file": "x"}))
            .await
            .assert_problem(415, "unsupported_media_type");
        let form = Form::new().text("file", "x").text("other", "y");
        let reply = TestApp::read(app.client.post(app.url("/api/v1/media")).bearer_auth(&editor).multipart(form)).await;
        reply.assert_problem(422, "validation_failed");
        // Anonymous callers upload nothing.
        let form = Form::new().part("file", Part::bytes(b"hello".to_vec()).file_name("a.txt"));
        let reply = TestApp::read(app.client.post(app.url("/api/v1/media")).multipart(form)).await;
        reply.assert_problem(401, "unauthorized");
        let all = app.api_as(&editor).list_media(&Default::default()).await.ok();
        assert_eq!(all.page.total, 2, "nothing refused was recorded");
        assert_eq!(fetch(&app, &format!("/media/{}/x.pdf", "0".repeat(64)), None).await.0, 404);
        assert_eq!(fetch(&app, "/media/..%2F..%2Fetc%2Fpasswd", None).await.0, 404);
    }

    async fn a_file_an_article_shows_stays_until_the_article_lets_it_go(app: TestApp) {
        let editor = app.editor_token().await;
        let media: portal_api::Media = upload(&app, &editor, "宣传栏.png", png(600, 400), Some("宣传栏")).await.parse();
        let category_id = app.category_id("pufa-dongtai").await;
        let body = format!(r#"<p>示例正文</p><p><img src="{}" alt="宣传栏" width="600" height="400"></p>"#, media.url);
        let as_editor = app.api_as(&editor);
        let article = as_editor
            .create_article(&NewArticle { body, ..draft("媒体示例文章", category_id) })
            .await
            .ok_with(201);
        let problem = as_editor.delete_media(media.id).await.problem(409, ErrorCode::InUse);
        assert!(problem.detail.contains("媒体示例文章"), "{problem:?}");
        assert_eq!(fetch(&app, &media.url, None).await.0, 200);

        let without_image = ArticlePatch { body: Some("<p>示例正文</p>".into()), ..Default::default() };
        as_editor.update_article(article.id, &without_image).await.ok();
        as_editor.delete_media(media.id).await.ok_with(204);
        assert_eq!(fetch(&app, &media.url, None).await.0, 404);
        for variant in &media.variants {
            assert_eq!(fetch(&app, &variant.url, None).await.0, 404, "{}", variant.url);
        }
        as_editor.get_media(media.id).await.problem(404, ErrorCode::NotFound);
    }

    async fn an_article_lists_its_attachments_in_order_and_keeps_them_while_listed(app: TestApp) {
        let editor = app.editor_token().await;
        let notice: portal_api::Media =
            upload(&app, &editor, "报名表(示例).txt", "姓名:\n单位:\n".as_bytes().to_vec(), None).await.parse();
        let pdf = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".to_vec();
        let rules: portal_api::Media = upload(&app, &editor, "活动安排(示例).pdf", pdf, None).await.parse();
        let category_id = app.category_id("pufa-dongtai").await;
        let as_editor = app.api_as(&editor);
        let article = as_editor
            .create_article(&NewArticle {
                body: "<p>示例正文</p>".into(),
                attachments: vec![rules.id, notice.id],
                ..published("附件示例文章", category_id)
            })
            .await
            .ok_with(201);
        let listed: Vec<(i32, &str)> =
            article.attachments.iter().map(|file| (file.id, file.file_name.as_str())).collect();
        assert_eq!(listed, [(rules.id, "活动安排(示例).pdf"), (notice.id, "报名表(示例).txt")]);
        assert_eq!(article.attachments[0].url, rules.url);
        assert_eq!(article.attachments[0].content_type, "application/pdf");
        assert_eq!(article.attachments[0].size, rules.size);

        // Readers get the list with the article, and the server-rendered page shows it.
        let public = app.api().get_article(article.id).await.ok();
        assert_eq!(public.attachments, article.attachments);
        let page = app.get(&format!("/article/{}", article.id)).await.text;
        assert!(page.contains(r#"<h2 id="attachments-title">附件</h2>"#), "{page}");
        assert!(page.contains("活动安排(示例).pdf</a>"), "{page}");
        assert!(page.contains("（PDF，"), "{page}");

        // Listed files stay in the library.
        let problem = as_editor.delete_media(rules.id).await.problem(409, ErrorCode::InUse);
        assert!(problem.detail.contains("附件示例文章"), "{problem:?}");

        // A patch without the list leaves it; the list is replaced whole, in the new order.
        let pin = ArticlePatch { pinned: Some(true), ..Default::default() };
        let kept = as_editor.update_article(article.id, &pin).await.ok();
        assert_eq!(kept.attachments.len(), 2);
        let only_notice = ArticlePatch { attachments: Some(vec![notice.id]), ..Default::default() };
        let reordered = as_editor.update_article(article.id, &only_notice).await.ok();
        let ids: Vec<i32> = reordered.attachments.iter().map(|file| file.id).collect();
        assert_eq!(ids, [notice.id]);
        as_editor.delete_media(rules.id).await.ok_with(204);

        // Refused lists change nothing.
        for (attachments, code) in [
            (vec![notice.id, notice.id], ErrorCode::ValidationFailed),
            (vec![rules.id], ErrorCode::ReferenceNotFound),
            ((1..=21).collect::<Vec<i32>>(), ErrorCode::ValidationFailed),
        ] {
            let patch = ArticlePatch {
                attachments: Some(attachments),
                title: Some("改了".into()),
                ..Default::default()
            };
            let problem = as_editor.update_article(article.id, &patch).await.problem(422, code);
            assert!(format!("{problem:?}").contains("attachments"), "{problem:?}");
        }
        // A list of the wrong type, which the contract's patch cannot hold.
        let path = format!("/api/v1/articles/{}", article.id);
        let problem = app
            .patch(&path, Some(&editor), &json!({"attachments": ["1"], "title": "改了"}))
            .await
            .assert_problem(422, "invalid_body");
        assert!(problem.to_string().contains("attachments"), "{problem}");
        let unchanged = as_editor.get_article(article.id).await.ok();
        assert_eq!(unchanged.title, "附件示例文章");
        assert_eq!(unchanged.attachments, reordered.attachments);

        // Deleting the article lets its files go.
        as_editor.delete_article(article.id).await.ok_with(204);
        as_editor.delete_media(notice.id).await.ok_with(204);
    }
}

mod limited {
    use super::*;

    on_every_database! {
        settings = |settings: &mut portal_tests::Settings| settings.media_max_bytes = 64 * 1024;

        async fn an_upload_past_the_limit_is_refused_and_nothing_is_kept(app: TestApp) {
            let editor = app.editor_token().await;
            let big = "普法".repeat(40_000).into_bytes();
            upload(&app, &editor, "大.txt", big.clone(), None).await.assert_problem(413, "payload_too_large");
            // Without a length announced (chunked), the server stops reading at the limit.
            let chunks: Vec<Result<Vec<u8>, std::io::Error>> = big.chunks(8192).map(|chunk| Ok(chunk.to_vec())).collect();
            let stream = reqwest::Body::wrap_stream(futures::stream::iter(chunks));
            let form = Form::new().part("file", Part::stream(stream).file_name("大.txt"));
            let reply = TestApp::read(app.client.post(app.url("/api/v1/media")).bearer_auth(&editor).multipart(form)).await;
            reply.assert_problem(413, "payload_too_large");
            let small = upload(&app, &editor, "小.txt", "第一条 示例".as_bytes().to_vec(), None).await;
            assert_eq!(small.status, 201, "{}", small.text);
            let list = app.api_as(&editor).list_media(&Default::default()).await.ok();
            assert_eq!(list.page.total, 1);
        }
    }
}
