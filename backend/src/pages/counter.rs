//! The view counter for readers without JavaScript. A server-rendered article page carries a
//! `<noscript>` image whose request counts the view under the beacon's rules (robots, reloads
//! and other sites' pages are not counted); a browser running the app ignores it and sends the
//! beacon instead, so no view is counted twice.

use actix_web::{http::header, web, HttpRequest, HttpResponse};

use crate::{routes::views, state::AppState};

/// A transparent 1×1 GIF.
const PIXEL: [u8; 43] = [
    0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00,
    0xff, 0xff, 0xff, 0x21, 0xf9, 0x04, 0x01, 0x00, 0x00, 0x00, 0x00, 0x2c, 0x00, 0x00, 0x00, 0x00,
    0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3b,
];

pub fn configure(config: &mut web::ServiceConfig) {
    config.route(
        "/article/{id}/view.gif",
        web::get().to(count_without_script),
    );
}

/// The element an article page carries for readers without JavaScript.
pub fn noscript_image(article_id: i32) -> String {
    format!(
        "<noscript><img class=\"view-counter\" src=\"/article/{article_id}/view.gif\" alt=\"\" width=\"1\" height=\"1\" /></noscript>\n"
    )
}

async fn count_without_script(
    state: web::Data<AppState>,
    request: HttpRequest,
    id: web::Path<i32>,
) -> HttpResponse {
    match views::count_view(&state, &request, false, id.into_inner()).await {
        Ok(_) => HttpResponse::Ok()
            .content_type("image/gif")
            .insert_header((header::CACHE_CONTROL, "no-store"))
            .body(PIXEL.as_slice()),
        Err(error) => error.response_for(request.path()),
    }
}
