//! The media store in an S3-compatible bucket (a real SeaweedFS server per test): uploads land
//! in the bucket and not on the instance's disk, every instance sharing the bucket serves them
//! with the same ranges and validators, a deletion removes every size, and a bucket that cannot
//! be reached stops the start with the reason.

use futures::StreamExt as _;
use object_store::{aws::AmazonS3Builder, ObjectStore};
use portal_tests::{
    s3::{S3Server, ACCESS_KEY_ID, BUCKET, SECRET_ACCESS_KEY},
    test_settings, Backend, TestApp,
};

use crate::media::{fetch, phone_photo, upload};

/// The keys under `prefix` in the test server's bucket, read with a client of our own.
async fn keys(server: &S3Server, prefix: &str) -> Vec<String> {
    let bucket = AmazonS3Builder::new()
        .with_endpoint(&server.endpoint)
        .with_allow_http(true)
        .with_bucket_name(BUCKET)
        .with_region("us-east-1")
        .with_access_key_id(ACCESS_KEY_ID)
        .with_secret_access_key(SECRET_ACCESS_KEY)
        .build()
        .unwrap();
    let mut keys: Vec<String> = bucket
        .list(Some(&object_store::path::Path::from(prefix)))
        .map(|meta| meta.unwrap().location.to_string())
        .collect()
        .await;
    keys.sort();
    keys
}

/// Files of the instance's own media folder, `.incoming` included.
fn files_on_disk(app: &TestApp) -> Vec<std::path::PathBuf> {
    fn walk(folder: &std::path::Path, found: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(folder).into_iter().flatten().flatten() {
            if entry.path().is_dir() {
                walk(&entry.path(), found);
            } else {
                found.push(entry.path());
            }
        }
    }
    let mut found = Vec::new();
    walk(&app.data_dir.join("media"), &mut found);
    found
}

#[tokio::test]
async fn uploads_live_in_the_bucket_and_every_instance_serves_them() {
    let server = S3Server::start().await;
    let prefix = "site-a";
    let app = TestApp::spawn_with(Backend::Sqlite, |settings| {
        settings.media_s3 = Some(server.settings(prefix));
    })
    .await;
    let editor = app.editor_token().await;

    let photo = upload(
        &app,
        &editor,
        "现场照片.jpg",
        phone_photo(1200, 800),
        Some("宣传现场(示例)"),
    )
    .await;
    assert_eq!(photo.status, 201, "{}", photo.text);
    let photo: portal_api::Media = photo.parse();
    let notice_bytes = {
        let mut pdf = b"%PDF-1.4\n% sample notice for the bucket test\n".to_vec();
        pdf.extend((0..4000).map(|index| b'a' + (index % 26) as u8));
        pdf.extend_from_slice(b"\n%%EOF\n");
        pdf
    };
    let notice = upload(&app, &editor, "示例通知.pdf", notice_bytes.clone(), None).await;
    assert_eq!(notice.status, 201, "{}", notice.text);
    let notice: portal_api::Media = notice.parse();

    // In the bucket under the prefix, in the hash's folder: the photo, each of its smaller
    // sizes, and the notice. Nothing stays on the instance's disk.
    let stored = keys(&server, prefix).await;
    let mut expected: Vec<String> = photo
        .variants
        .iter()
        .map(|variant| {
            let name = variant.url.rsplit('/').next().unwrap();
            format!("{prefix}/{}/{name}", &name[..2])
        })
        .collect();
    expected.push(format!("{prefix}/{}/{}", &photo.sha256[..2], photo.sha256));
    expected.push(format!(
        "{prefix}/{}/{}",
        &notice.sha256[..2],
        notice.sha256
    ));
    expected.sort();
    assert!(
        !photo.variants.is_empty(),
        "a 1200-pixel photo gets smaller sizes"
    );
    assert_eq!(stored, expected);
    assert_eq!(files_on_disk(&app), Vec::<std::path::PathBuf>::new());

    // Another instance with its own disk and the same bucket serves the same bytes.
    let other = app
        .another_instance_with(|settings| settings.media_s3 = Some(server.settings(prefix)))
        .await;
    for instance in [&app, &other] {
        let (status, headers, body) = fetch(instance, &notice.url, None).await;
        assert_eq!(status, 200);
        assert_eq!(body, notice_bytes);
        assert_eq!(headers["content-type"], "application/pdf");
        assert_eq!(headers["content-length"], notice_bytes.len().to_string());
        assert_eq!(headers["etag"], format!("\"{}\"", notice.sha256));
        assert_eq!(headers["accept-ranges"], "bytes");
        assert_eq!(
            headers["cache-control"],
            "public, max-age=31536000, immutable"
        );
        assert!(headers.contains_key("last-modified"));
        assert_eq!(
            headers["content-disposition"],
            "attachment; filename*=UTF-8''%E7%A4%BA%E4%BE%8B%E9%80%9A%E7%9F%A5.pdf"
        );

        let (status, headers, body) = fetch(instance, &notice.url, Some("bytes=9-20")).await;
        assert_eq!(status, 206);
        assert_eq!(body, &notice_bytes[9..=20]);
        assert_eq!(
            headers["content-range"],
            format!("bytes 9-20/{}", notice_bytes.len())
        );
        let (status, _, body) = fetch(instance, &notice.url, Some("bytes=-7")).await;
        assert_eq!(status, 206);
        assert_eq!(body, b"\n%%EOF\n");
        let (status, headers, _) = fetch(instance, &notice.url, Some("bytes=999999-")).await;
        assert_eq!(status, 416);
        assert_eq!(
            headers["content-range"],
            format!("bytes */{}", notice_bytes.len())
        );

        let revalidated = instance
            .client
            .get(instance.url(&notice.url))
            .header("if-none-match", format!("\"{}\"", notice.sha256))
            .send()
            .await
            .unwrap();
        assert_eq!(revalidated.status(), 304);
        let head = instance
            .client
            .head(instance.url(&notice.url))
            .send()
            .await
            .unwrap();
        assert_eq!(head.status(), 200);
        assert_eq!(
            head.headers()["content-length"],
            notice_bytes.len().to_string()
        );

        let variant = &photo.variants[0];
        let (status, headers, body) = fetch(instance, &variant.url, None).await;
        assert_eq!(status, 200);
        assert_eq!(headers["content-type"], variant.content_type.as_str());
        assert_eq!(body.len() as u64, variant.size);
        let image = image::load_from_memory(&body).unwrap();
        assert_eq!(
            (image.width(), image.height()),
            (variant.width, variant.height)
        );
    }
    let (status, _, _) = fetch(&other, &format!("/media/{}-480w.png", "0".repeat(64)), None).await;
    assert_eq!(status, 404);

    // Deleting through one instance removes every size from the bucket for all of them.
    assert_eq!(
        app.delete(&format!("/api/v1/media/{}", photo.id), Some(&editor))
            .await
            .status,
        204
    );
    assert_eq!(
        keys(&server, prefix).await,
        vec![format!(
            "{prefix}/{}/{}",
            &notice.sha256[..2],
            notice.sha256
        )]
    );
    let (status, _, _) = fetch(&other, &photo.url, None).await;
    assert_eq!(status, 404);
    let (status, _, _) = fetch(&other, &photo.variants[0].url, None).await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn a_bucket_that_cannot_be_reached_stops_the_start_with_the_reason() {
    let server = S3Server::start().await;
    let data_dir = std::env::temp_dir().join(format!("portal-bucket-{}", std::process::id()));
    let database = format!("sqlite://{}/portal.db?mode=rwc", data_dir.display());
    std::fs::create_dir_all(&data_dir).unwrap();

    let mut wrong_secret = test_settings(database.clone(), data_dir.clone());
    let mut bucket = server.settings("site");
    bucket.secret_access_key = Some(portal_backend::config::Secret::new("not-the-secret"));
    wrong_secret.media_s3 = Some(bucket);
    let error = portal_backend::startup::Application::build(wrong_secret)
        .await
        .err()
        .expect("a wrong secret must stop the start");
    let message = format!("{error:#}");
    assert!(
        message.contains("reaching the media bucket s3://portal-media/site"),
        "{message}"
    );

    let mut no_such_bucket = test_settings(database, data_dir.clone());
    let mut bucket = server.settings("site");
    bucket.bucket = "no-such-bucket".into();
    no_such_bucket.media_s3 = Some(bucket);
    let error = portal_backend::startup::Application::build(no_such_bucket)
        .await
        .err()
        .expect("a missing bucket must stop the start");
    let message = format!("{error:#}");
    assert!(message.contains("s3://no-such-bucket/site"), "{message}");
    let _ = std::fs::remove_dir_all(&data_dir);
}

#[tokio::test]
async fn an_imported_sites_files_go_to_the_bucket_too() {
    let server = S3Server::start().await;
    let prefix = "imported";
    let app = TestApp::spawn_with(Backend::Sqlite, |settings| {
        settings.media_s3 = Some(server.settings(prefix));
    })
    .await;
    let store =
        portal_backend::storage::MediaStore::attach(&app.data_dir, Some(&server.settings(prefix)))
            .await
            .unwrap();
    let summary =
        portal_backend::import::wordpress::import(&app.db, &store, &crate::import::options(false))
            .await
            .unwrap();
    assert_eq!(summary.media.created, 3, "{summary}");
    let stored = keys(&server, prefix).await;
    let editor = app.editor_token().await;
    let library: portal_api::MediaList = app
        .get_as("/api/v1/media?per_page=50", &editor)
        .await
        .parse();
    assert_eq!(library.items.len(), 3);
    for file in &library.items {
        assert!(
            stored.contains(&format!("{prefix}/{}/{}", &file.sha256[..2], file.sha256)),
            "{} is not in the bucket: {stored:?}",
            file.file_name
        );
        let (status, _, body) = fetch(&app, &file.url, None).await;
        assert_eq!(status, 200);
        assert_eq!(body.len() as u64, file.size);
    }
    assert_eq!(files_on_disk(&app), Vec::<std::path::PathBuf>::new());
}
