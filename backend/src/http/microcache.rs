//! A micro-cache for anonymous reads of the API and the server-rendered pages: the same URL
//! within a second is answered from memory (as a reverse proxy's micro-cache would), so a page
//! that suddenly draws a crowd costs the database and the renderer one query and one render
//! per second instead of one per reader.
//!
//! Only `200` answers to `GET`/`HEAD` without an `Authorization` header are kept. Any
//! successful write through this instance empties the cache at once; writes through other
//! instances show within the time to live. Public reads already allow shared caches 30
//! seconds, so one second here changes no promise the API makes.
//!
//! Anonymous callers choose the URLs, so the cache is bounded by bytes (keys and bodies
//! weighed, least-used evicted) and keys only on query parameters some route reads: `?junk=1`
//! is the same entry as no query at all, however many different junk values arrive.

use std::{
    collections::BTreeSet,
    sync::{
        atomic::{AtomicU64, Ordering},
        Arc,
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

/// Bounds the memory the cache can take, keys and bodies together.
const MAX_BYTES: u64 = 32 * 1024 * 1024;
/// A query string longer than any the API's parameters make is answered, never kept.
const MAX_QUERY_BYTES: usize = 1024;
/// What an entry costs beyond its key and body (headers, bookkeeping).
const ENTRY_OVERHEAD_BYTES: usize = 160;

struct Entry {
    status: StatusCode,
    body: web::Bytes,
    /// The answer's headers (content type, cache control, `X-Total-Count`, `Link`, …) but
    /// the ones the connection writes itself.
    headers: Vec<(header::HeaderName, HeaderValue)>,
    stored_at: Instant,
    generation: u64,
}

/// Headers that describe one connection's message, not the answer.
fn kept(name: &header::HeaderName) -> bool {
    !matches!(
        *name,
        header::CONTENT_LENGTH | header::TRANSFER_ENCODING | header::CONNECTION | header::DATE
    )
}

pub struct MicroCache {
    ttl: Duration,
    generation: AtomicU64,
    entries: moka::sync::Cache<String, Arc<Entry>>,
    /// The query parameters some route of the API reads: only these make a key, so junk
    /// parameters cannot make every request a new entry.
    known_parameters: BTreeSet<String>,
}

impl MicroCache {
    /// A cache keeping answers for `ttl` (zero turns it off), keyed on `known_parameters`.
    pub fn new(ttl: Duration, known_parameters: BTreeSet<String>) -> Self {
        let entries = moka::sync::Cache::builder()
            .max_capacity(MAX_BYTES)
            .weigher(|key: &String, entry: &Arc<Entry>| {
                u32::try_from(key.len() + entry.body.len() + ENTRY_OVERHEAD_BYTES)
                    .unwrap_or(u32::MAX)
            })
            .time_to_live(ttl.max(Duration::from_millis(1)))
            .build();
        Self {
            ttl,
            generation: AtomicU64::new(0),
            entries,
            known_parameters,
        }
    }

    /// The query parameters of every operation in the spec.
    pub fn parameters_in(spec: &utoipa::openapi::OpenApi) -> BTreeSet<String> {
        use utoipa::openapi::path::ParameterIn;
        spec.paths
            .paths
            .values()
            .flat_map(|item| {
                [&item.get, &item.post, &item.put, &item.patch, &item.delete]
                    .into_iter()
                    .flatten()
                    .flat_map(|operation| operation.parameters.iter().flatten())
                    .chain(item.parameters.iter().flatten())
                    .filter(|parameter| parameter.parameter_in == ParameterIn::Query)
                    .map(|parameter| parameter.name.clone())
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    /// The key for a path and query string: the known parameters, sorted. `None` when the
    /// request is not worth keeping (an overlong or unreadable query string).
    fn key(&self, path: &str, query: &str) -> Option<String> {
        if query.len() > MAX_QUERY_BYTES {
            return None;
        }
        let mut pairs: Vec<(String, String)> = url::form_urlencoded::parse(query.as_bytes())
            .filter(|(name, _)| self.known_parameters.contains(name.as_ref()))
            .map(|(name, value)| (name.into_owned(), value.into_owned()))
            .collect();
        pairs.sort();
        let mut key = String::with_capacity(path.len() + query.len() + 1);
        key.push_str(path);
        key.push('?');
        key.push_str(
            &url::form_urlencoded::Serializer::new(String::new())
                .extend_pairs(pairs)
                .finish(),
        );
        Some(key)
    }

    /// The key of a server-rendered page: the site address it was rendered for (its links
    /// and canonical address name it) and its path with the known parameters. `None` when
    /// the cache is off or the page is not worth keeping.
    pub fn page_key(&self, origin: &str, path: &str, query: &str) -> Option<String> {
        if self.ttl.is_zero() {
            return None;
        }
        self.key(path, query).map(|key| format!("{origin}{key}"))
    }

    /// A page rendered within the time to live and since the last write, as it was sent.
    pub fn cached_page(&self, key: &str) -> Option<HttpResponse> {
        self.lookup(key)
    }

    /// Keeps a rendered page: its status, the given headers and its HTML. `generation` is
    /// [`Self::generation`] read before the page was rendered, so that a page drawn from data
    /// a write has since changed is not kept.
    pub fn keep_page(
        &self,
        key: String,
        generation: u64,
        status: StatusCode,
        headers: Vec<(header::HeaderName, HeaderValue)>,
        html: String,
    ) {
        self.store(
            key,
            Entry {
                status,
                body: web::Bytes::from(html),
                headers,
                stored_at: Instant::now(),
                generation,
            },
        );
    }

    /// How many writes this instance has seen: a page rendered before a write is stale.
    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::SeqCst)
    }

    /// Forgets every answer (after a write).
    pub fn invalidate(&self) {
        self.generation.fetch_add(1, Ordering::SeqCst);
        self.entries.invalidate_all();
    }

    fn lookup(&self, key: &str) -> Option<HttpResponse> {
        let generation = self.generation.load(Ordering::SeqCst);
        let entry = self.entries.get(key)?;
        if entry.generation != generation || entry.stored_at.elapsed() >= self.ttl {
            return None;
        }
        let mut response = HttpResponse::build(entry.status);
        for (name, value) in &entry.headers {
            response.append_header((name.clone(), value.clone()));
        }
        Some(response.body(entry.body.clone()))
    }

    fn store(&self, key: String, entry: Entry) {
        self.entries.insert(key, Arc::new(entry));
    }

    /// Entries and weighed bytes held now (after pending maintenance).
    #[cfg(test)]
    fn footprint(&self) -> (u64, u64) {
        self.entries.run_pending_tasks();
        (self.entries.entry_count(), self.entries.weighted_size())
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

    let Some(key) = cache.key(request.path(), request.query_string()) else {
        return Ok(next.call(request).await?.map_into_boxed_body());
    };
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
            status: StatusCode::OK,
            body: bytes.clone(),
            headers: head
                .headers()
                .iter()
                .filter(|(name, _)| kept(name))
                .map(|(name, value)| (name.clone(), value.clone()))
                .collect(),
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

    fn cache(ttl: Duration) -> MicroCache {
        MicroCache::new(
            ttl,
            ["page".to_owned(), "q".to_owned()].into_iter().collect(),
        )
    }

    fn entry(generation: u64) -> Entry {
        Entry {
            status: StatusCode::OK,
            body: web::Bytes::from_static(b"{}"),
            headers: vec![(
                header::HeaderName::from_static("x-total-count"),
                HeaderValue::from_static("7"),
            )],
            stored_at: Instant::now(),
            generation,
        }
    }

    #[test]
    fn a_fresh_answer_is_served_from_memory() {
        let cache = cache(Duration::from_secs(1));
        cache.store("/a?".into(), entry(0));
        let answer = cache.lookup("/a?");
        assert_eq!(
            answer
                .as_ref()
                .and_then(|answer| answer.headers().get("x-total-count")),
            Some(&HeaderValue::from_static("7")),
            "the list's total travels with it"
        );
        assert!(cache.lookup("/b?").is_none());
    }

    #[test]
    fn a_write_forgets_every_answer() {
        let cache = cache(Duration::from_secs(1));
        cache.store("/a?".into(), entry(0));
        cache.invalidate();
        assert!(cache.lookup("/a?").is_none());
    }

    #[test]
    fn an_answer_stored_before_a_write_is_never_served_after_it() {
        let cache = cache(Duration::from_secs(1));
        // A read that began before the write finishes after it.
        cache.invalidate();
        cache.store("/a?".into(), entry(0));
        assert!(cache.lookup("/a?").is_none());
    }

    #[test]
    fn answers_expire() {
        let cache = cache(Duration::from_millis(1));
        cache.store("/a?".into(), entry(0));
        std::thread::sleep(Duration::from_millis(5));
        assert!(cache.lookup("/a?").is_none());
    }

    #[test]
    fn unknown_parameters_and_their_order_make_no_new_key() {
        let cache = cache(Duration::from_secs(1));
        let plain = cache.key("/api/v1/articles", "page=2&q=%E6%B3%95");
        assert_eq!(
            cache.key("/api/v1/articles", "junk=1&q=%E6%B3%95&page=2&x=y"),
            plain
        );
        assert_ne!(cache.key("/api/v1/articles", "page=3"), plain);
        assert_eq!(cache.key("/api/v1/articles", &"a".repeat(5000)), None);
    }

    #[test]
    fn the_cache_holds_no_more_bytes_than_its_bound() {
        let cache = cache(Duration::from_secs(60));
        let body = web::Bytes::from(vec![b'x'; 64 * 1024]);
        for number in 0..2_000 {
            cache.store(
                format!("/a?page={number}"),
                Entry {
                    body: body.clone(),
                    ..entry(0)
                },
            );
        }
        let (_, bytes) = cache.footprint();
        assert!(bytes <= MAX_BYTES, "{bytes}");
    }
}
