//! The dyade HTTP API and web page.
//!
//! `GET`-only JSON endpoints under `/api/` (documented in `openapi.json`, served at
//! `/api/openapi.json`), paginated (`limit` ≤ 1000, `offset`; answers carry `total` and
//! `next_offset`), with validated parameters (a bad or unknown parameter is a 400 with a JSON
//! `{"error": …}` message). The store is opened read-only; the server binds to loopback unless
//! told otherwise ([`ServeOptions::allow_public`]).
//!
//! The web page (`/`) is static HTML/JS/CSS embedded in the binary: no CDN, no build step.
//! Article text is untrusted: the page builds the DOM with `textContent` only, and every
//! response carries a strict Content-Security-Policy (`script-src 'self'`) and
//! `X-Content-Type-Options: nosniff`.

pub mod db;
pub mod query;

use axum::extract::{Path as AxPath, Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use query::{Params, QueryError};
use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;

pub use db::{ensure_fts, Pool};

/// Options of [`serve`].
#[derive(Debug, Clone, Default)]
pub struct ServeOptions {
    /// Allow binding to a non-loopback address (off: only 127.0.0.1 / ::1).
    pub allow_public: bool,
    /// Do not try to create/update the full-text index and event-date index at start
    /// (they are created only when the database file is writable anyway).
    pub no_index: bool,
    /// Worker threads of the runtime (default: the number of cores).
    pub threads: Option<usize>,
}

/// Shared state of the handlers.
#[derive(Clone)]
pub struct AppState {
    pool: Arc<Pool>,
}

impl AppState {
    /// State over the dyade database at `db` (opened read-only per request).
    pub fn open(db: &Path) -> anyhow::Result<AppState> {
        Ok(AppState { pool: Arc::new(Pool::new(db)?) })
    }
}

/// Prepare the database for serving: create the FTS index and the event-date index when the
/// file is writable (see [`ensure_fts`]). Returns a note for the log: what was done, or why not.
pub fn prepare(db: &Path) -> String {
    let conn = match rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE) {
        Ok(c) => c,
        Err(e) => return format!("search index not checked ({e}); article search falls back to substring matching"),
    };
    let _ = conn.busy_timeout(std::time::Duration::from_secs(30));
    match ensure_fts(&conn) {
        Ok(true) => "full-text index built".into(),
        Ok(false) => "full-text index up to date".into(),
        Err(e) => format!("full-text index not built ({e}); article search falls back to substring matching"),
    }
}

/// An API error: status and message, sent as `{"error": message}`.
pub struct ApiError(StatusCode, String);

impl From<QueryError> for ApiError {
    fn from(e: QueryError) -> Self {
        match e {
            QueryError::BadRequest(m) => ApiError(StatusCode::BAD_REQUEST, m),
            QueryError::NotFound(m) => ApiError(StatusCode::NOT_FOUND, m),
            QueryError::Sql(e) => {
                eprintln!("dyade serve: database error: {e}");
                ApiError(StatusCode::INTERNAL_SERVER_ERROR, "database error (see the server log)".into())
            }
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.0, Json(serde_json::json!({ "error": self.1 }))).into_response()
    }
}

type ApiResult = Result<Json<serde_json::Value>, ApiError>;

/// Query-string extractor whose malformed input is a JSON 400 (axum's own rejection is text).
pub struct Q(Params);

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for Q {
    type Rejection = ApiError;
    async fn from_request_parts(parts: &mut axum::http::request::Parts, state: &S) -> Result<Self, ApiError> {
        match Query::<Vec<(String, String)>>::from_request_parts(parts, state).await {
            Ok(Query(v)) => {
                let mut seen = std::collections::HashSet::new();
                for (k, _) in &v {
                    if !seen.insert(k.clone()) {
                        return Err(ApiError(StatusCode::BAD_REQUEST, format!("parameter {k} given twice")));
                    }
                }
                Ok(Q(Params::from_pairs(v)))
            }
            Err(e) => Err(ApiError(StatusCode::BAD_REQUEST, format!("malformed query string: {}", e.body_text()))),
        }
    }
}

/// Run a blocking query on a pooled connection.
async fn run<F>(state: &AppState, f: F) -> ApiResult
where
    F: FnOnce(&rusqlite::Connection) -> Result<serde_json::Value, QueryError> + Send + 'static,
{
    let pool = state.pool.clone();
    let r = tokio::task::spawn_blocking(move || {
        let conn = pool.get()?;
        f(&conn)
    })
    .await
    .map_err(|e| ApiError(StatusCode::INTERNAL_SERVER_ERROR, format!("query task failed: {e}")))?;
    Ok(Json(r?))
}

macro_rules! endpoint {
    ($name:ident, $f:path) => {
        async fn $name(State(s): State<AppState>, Q(p): Q) -> ApiResult {
            run(&s, move |c| $f(c, &p)).await
        }
    };
}

endpoint!(h_articles, query::articles);
endpoint!(h_events, query::events);
endpoint!(h_dyad, query::dyad);
endpoint!(h_top_actors, query::top_actors);
endpoint!(h_top_pairs, query::top_pairs);
endpoint!(h_entities, query::entities);
endpoint!(h_mentions, query::mentions);
endpoint!(h_quotes, query::quotes);
endpoint!(h_speakers, query::speakers);

async fn h_meta(State(s): State<AppState>, Q(p): Q) -> ApiResult {
    p.allow(&[])?;
    run(&s, query::meta).await
}

async fn h_article(State(s): State<AppState>, AxPath(id): AxPath<String>, Q(p): Q) -> ApiResult {
    p.allow(&[])?;
    let id: i64 = id.parse().ok().filter(|&n| n > 0).ok_or_else(|| ApiError(StatusCode::BAD_REQUEST, format!("article id: expected a positive integer, got {id:?}")))?;
    run(&s, move |c| query::article(c, id)).await
}

async fn h_table(State(s): State<AppState>, AxPath(name): AxPath<String>, Q(p): Q) -> ApiResult {
    run(&s, move |c| query::table(c, &name, &p)).await
}

async fn h_health() -> Json<serde_json::Value> {
    Json(serde_json::json!({"status": "ok"}))
}

async fn api_not_found() -> ApiError {
    ApiError(StatusCode::NOT_FOUND, "no such endpoint; see /api/openapi.json".into())
}

fn asset(body: &'static str, ctype: &'static str) -> Response {
    ([(header::CONTENT_TYPE, ctype), (header::CACHE_CONTROL, "no-cache")], body).into_response()
}

/// The OpenAPI 3 description of the API.
pub const OPENAPI: &str = include_str!("../openapi.json");
const INDEX_HTML: &str = include_str!("../web/index.html");
const APP_JS: &str = include_str!("../web/app.js");
const APP_CSS: &str = include_str!("../web/app.css");

/// Security headers on every response: the page may load only its own scripts, styles and
/// data; nothing may frame it; types are not sniffed.
async fn security_headers(req: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        ),
    );
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    res
}

/// The application: API routes, the web page, security headers.
pub fn router(state: AppState) -> Router {
    let api = Router::new()
        .route("/health", get(h_health))
        .route("/meta", get(h_meta))
        .route("/articles", get(h_articles))
        .route("/articles/{id}", get(h_article))
        .route("/events", get(h_events))
        .route("/dyad", get(h_dyad))
        .route("/top/actors", get(h_top_actors))
        .route("/top/pairs", get(h_top_pairs))
        .route("/entities", get(h_entities))
        .route("/mentions", get(h_mentions))
        .route("/quotes", get(h_quotes))
        .route("/speakers", get(h_speakers))
        .route("/tables/{name}", get(h_table))
        .route("/openapi.json", get(|| async { asset(OPENAPI, "application/json") }))
        .fallback(api_not_found);
    Router::new()
        .nest("/api", api)
        .route("/", get(|| async { asset(INDEX_HTML, "text/html; charset=utf-8") }))
        .route("/app.js", get(|| async { asset(APP_JS, "text/javascript; charset=utf-8") }))
        .route("/app.css", get(|| async { asset(APP_CSS, "text/css; charset=utf-8") }))
        .fallback(|| async { (StatusCode::NOT_FOUND, "not found") })
        .layer(axum::middleware::from_fn(security_headers))
        .with_state(state)
}

/// Serve the API and page for the database `db` on `addr` until Ctrl-C. Synchronous: builds
/// its own multi-threaded tokio runtime. Refuses a non-loopback address unless
/// `opts.allow_public`. Prints the URL once listening.
pub fn serve(db: &Path, addr: SocketAddr, opts: &ServeOptions) -> anyhow::Result<()> {
    if !addr.ip().is_loopback() && !opts.allow_public {
        anyhow::bail!("refusing to listen on {addr}: not a loopback address; pass --public to expose the API beyond this machine");
    }
    let state = AppState::open(db)?;
    if !opts.no_index {
        eprintln!("dyade serve: {}", prepare(db));
    }
    let mut rt = tokio::runtime::Builder::new_multi_thread();
    rt.enable_all();
    if let Some(n) = opts.threads {
        rt.worker_threads(n.max(1));
    }
    let rt = rt.build()?;
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr).await.map_err(|e| anyhow::anyhow!("cannot listen on {addr}: {e}"))?;
        let local = listener.local_addr()?;
        println!("dyade serve: http://{local}/ (database {})", db.display());
        axum::serve(listener, router(state))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await?;
        Ok(())
    })
}

