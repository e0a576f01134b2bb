//! Serve a store without the `dyade` CLI: `cargo run -p dyade-serve --example serve -- DB [ADDR]`.
fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let db = args.next().ok_or_else(|| anyhow::anyhow!("usage: serve DB [ADDR]"))?;
    let addr = args.next().unwrap_or_else(|| "127.0.0.1:8080".into()).parse()?;
    dyade_serve::serve(std::path::Path::new(&db), addr, &dyade_serve::ServeOptions::default())
}
