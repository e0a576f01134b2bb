//! `dyade serve`: the HTTP API and web page over a store (crate dyade-serve).

use crate::Outcome;
use std::net::SocketAddr;
use std::path::Path;

/// Serve `db` on `addr` (default `127.0.0.1:8080`) until Ctrl-C. The store is opened
/// read-only; the full-text index is created at start when the file is writable (unless
/// `no_index`). A non-loopback `addr` is refused unless `public`.
pub fn run(db: &Path, addr: &str, public: bool, no_index: bool) -> anyhow::Result<Outcome> {
    if !db.exists() {
        anyhow::bail!("no database at {}; run `dyade ingest INPUT… --db {}` first", db.display(), db.display());
    }
    let addr: SocketAddr = addr.parse().map_err(|e| anyhow::anyhow!("--addr {addr:?}: {e} (expected IP:PORT such as 127.0.0.1:8080)"))?;
    let opts = dyade_serve::ServeOptions { allow_public: public, no_index, threads: None };
    dyade_serve::serve(db, addr, &opts)?;
    Ok(Outcome::Done)
}
