//! What an uploaded image becomes in an article's text: the image with its smaller sizes (so a
//! phone loads the 480-pixel one), its size (so the page does not jump when it arrives) and its
//! alt text. (Attachments are not put into the text: the article lists them under it.)

use portal_api::{markup::escape, Media};

/// How wide an article's text column is at most, in CSS pixels (see `style.css`).
const TEXT_COLUMN_PX: u32 = 760;

/// The HTML paragraph to put into the article for the image `media`.
pub fn image(media: &Media) -> String {
    let own_format: Vec<String> = media
        .variants
        .iter()
        .filter(|variant| variant.content_type == media.content_type)
        .map(|variant| format!("{} {}w", variant.url, variant.width))
        .chain(media.width.map(|width| format!("{} {width}w", media.url)))
        .collect();
    let mut html = format!(r#"<img src="{}""#, escape(&media.url));
    if own_format.len() > 1 {
        html.push_str(&format!(
            r#" srcset="{}" sizes="(max-width: {TEXT_COLUMN_PX}px) 100vw, {TEXT_COLUMN_PX}px""#,
            escape(&own_format.join(", "))
        ));
    }
    html.push_str(&format!(r#" alt="{}""#, escape(&media.alt)));
    if let (Some(width), Some(height)) = (media.width, media.height) {
        html.push_str(&format!(r#" width="{width}" height="{height}""#));
    }
    html.push('>');
    format!("<p>{html}</p>")
}

#[cfg(test)]
mod tests {
    use portal_api::{MediaKind, MediaVariant};

    use super::*;

    fn media(kind: MediaKind) -> Media {
        Media {
            id: 1,
            kind,
            url: "/media/ab/照片.jpg".into(),
            file_name: "照片\".jpg".into(),
            content_type: "image/jpeg".into(),
            size: 2_500_000,
            width: Some(1200),
            height: Some(800),
            alt: "普法宣传 <现场>".into(),
            variants: vec![
                MediaVariant {
                    width: 480,
                    height: 320,
                    content_type: "image/jpeg".into(),
                    url: "/media/ab-480w.jpg".into(),
                    size: 40_000,
                },
                MediaVariant {
                    width: 480,
                    height: 320,
                    content_type: "image/webp".into(),
                    url: "/media/ab-480w.webp".into(),
                    size: 30_000,
                },
            ],
            sha256: "ab".into(),
            created_at: chrono::DateTime::default(),
        }
    }

    #[test]
    fn an_image_brings_its_sizes_dimensions_and_alt_text() {
        let html = image(&media(MediaKind::Image));
        assert_eq!(
            html,
            "<p><img src=\"/media/ab/照片.jpg\" srcset=\"/media/ab-480w.jpg 480w, /media/ab/照片.jpg 1200w\" \
             sizes=\"(max-width: 760px) 100vw, 760px\" alt=\"普法宣传 &lt;现场&gt;\" width=\"1200\" height=\"800\"></p>"
        );
    }
}
