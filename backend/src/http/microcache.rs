//! A micro-cache for anonymous reads of the API: the same URL within a second is answered
//! from memory (as a reverse proxy's micro-cache would), so a page that suddenly draws a crowd
//! costs the database one query per second instead of one per reader.
//!
//! Only `200` answers to `GET`/`HEAD` without an `Authorization` header are kept. Any
//! successful write through this instance empties the cache at once; writes through other
//! instances show within the time to live. Public reads already allow shared caches 30
//! seconds, so one second here changes no promise the API makes.

use std::{
    collections::HashMap,
    sync::{
        atomic::{AtomicU64, Ordering},
        Mutex,
    },
    time::{Duration, Instant},
};

use actix_web::{
    body::{self, BoxBody, MessageBody},
    dev::{ServiceRequest, ServiceResponse},
    http::{
        header::{self, HeaderValue},
        Method, StatusCode,
    },
    middleware::Next,
    web, HttpResponse,
};

use crate::error::ApiError;

/// Bounds the memory the cache can take: past it, the cache starts over.
const MAX_ENTRIES: usize = 10_000;

struct Entry {
    body: web::Bytes,
    content_type: Option<HeaderValue>,
    cache_control: Option<HeaderValue>,
    stored_at: Instant,
    generation: u64,
}

pub struct MicroCache {
    ttl: Duration,
    generation: AtomicU64,
    entries: Mutex<HashMap<String, Entry>>,
}

impl MicroCache {
    /// A cache keeping answers for `ttl`; zero turns it off.
    pub fn new(ttl: Duration) -> Self {
        Self {
            ttl,
            generation: AtomicU64::new(0),
            entries: Mutex::new(HashMap::new()),
        }
    }

    /// Forgets every answer (after a write).
    pub fn invalidate(&self) {
        self.generation.fetch_add(1, Ordering::SeqCst);
        self.entries
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clear();
    }

    fn lookup(&self, key: &str) -> Option<HttpResponse> {
        let generation = self.generation.load(Ordering::SeqCst);
        let entries = self
            .entries
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let entry = entries.get(key)?;
        if entry.generation != generation || entry.stored_at.elapsed() >= self.ttl {
            return None;
        }
        let mut response = HttpResponse::Ok();
        if let Some(value) = &entry.content_type {
            response.insert_header((header::CONTENT_TYPE, value.clone()));
        }
        if let Some(value) = &entry.cache_control {
            response.insert_header((header::CACHE_CONTROL, value.clone()));
        }
        Some(response.body(entry.body.clone()))
    }

    fn store(&self, key: String, entry: Entry) {
        let mut entries = self
            .entries
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if entries.len() >= MAX_ENTRIES {
            entries.clear();
        }
        entries.insert(key, entry);
    }
}

pub async fn micro_cache(
    request: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let Some(cache) = request.app_data::<web::Data<MicroCache>>().cloned() else {
        return Ok(next.call(request).await?.map_into_boxed_body());
    };
    if cache.ttl.is_zero() {
        return Ok(next.call(request).await?.map_into_boxed_body());
    }
    let method = request.method().clone();
    let is_read = matches!(method, Method::GET | Method::HEAD);
    if !is_read {
        // The view beacon, which changes counts and not content, is mounted outside this
        // middleware: every write that reaches it changes what reads answer.
        let response = next.call(request).await?;
        if response.status().is_success() {
            cache.invalidate();
        }
        return Ok(response.map_into_boxed_body());
    }
    if request.headers().contains_key(header::AUTHORIZATION) {
        return Ok(next.call(request).await?.map_into_boxed_body());
    }

    let key = format!("{}?{}", request.path(), request.query_string());
    if let Some(cached) = cache.lookup(&key) {
        let (http_request, _) = request.into_parts();
        return Ok(ServiceResponse::new(http_request, cached));
    }
    let generation = cache.generation.load(Ordering::SeqCst);
    let response = next.call(request).await?;
    if response.status() != StatusCode::OK {
        return Ok(response.map_into_boxed_body());
    }
    let (http_request, response) = response.into_parts();
    let (head, body) = response.into_parts();
    let bytes = body::to_bytes(body).await.map_err(|error| {
        ApiError::Internal(anyhow::anyhow!("reading a response body: {}", error.into()))
    })?;
    cache.store(
        key,
        Entry {
            body: bytes.clone(),
            content_type: head.headers().get(header::CONTENT_TYPE).cloned(),
            cache_control: head.headers().get(header::CACHE_CONTROL).cloned(),
            stored_at: Instant::now(),
            generation,
        },
    );
    Ok(ServiceResponse::new(
        http_request,
        head.set_body(bytes).map_into_boxed_body(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(generation: u64) -> Entry {
        Entry {
            body: web::Bytes::from_static(b"{}"),
            content_type: None,
            cache_control: None,
            stored_at: Instant::now(),
            generation,
        }
    }

    #[test]
    fn a_fresh_answer_is_served_from_memory() {
        let cache = MicroCache::new(Duration::from_secs(1));
        cache.store("/a?".into(), entry(0));
        assert!(cache.lookup("/a?").is_some());
        assert!(cache.lookup("/b?").is_none());
    }

    #[test]
    fn a_write_forgets_every_answer() {
        let cache = MicroCache::new(Duration::from_secs(1));
        cache.store("/a?".into(), entry(0));
        cache.invalidate();
        assert!(cache.lookup("/a?").is_none());
    }

    #[test]
    fn an_answer_stored_before_a_write_is_never_served_after_it() {
        let cache = MicroCache::new(Duration::from_secs(1));
        // A read that began before the write finishes after it.
        cache.invalidate();
        cache.store("/a?".into(), entry(0));
        assert!(cache.lookup("/a?").is_none());
    }

    #[test]
    fn answers_expire() {
        let cache = MicroCache::new(Duration::from_millis(1));
        cache.store("/a?".into(), entry(0));
        std::thread::sleep(Duration::from_millis(5));
        assert!(cache.lookup("/a?").is_none());
    }
}
