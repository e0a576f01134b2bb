//! The default dyade annotation pipeline, in one place.
//!
//! The binary (`dyade annotate`, `dyade ingest`, `dyade bench`) and the stage crates' tests and
//! examples all build their pipeline here, so that a test scoring the quotes or events stage
//! measures exactly what the engine runs, and a change of stage order or configuration is made
//! once.
//!
//! ```no_run
//! let p = dyade_pipeline::default_pipeline()?;
//! let mut doc = dyade_core::Document::new("d1", "Emmanuel Macron a déclaré lundi : « Nous tiendrons. »");
//! p.process(&mut doc);
//! println!("{}", dyade_pipeline::version(&p));
//! # Ok::<(), anyhow::Error>(())
//! ```

use anyhow::{bail, Context};
use dyade_core::Pipeline;
use std::sync::Arc;

/// Bumped whenever the pipeline's output changes, so that re-ingesting updates stored layers.
pub const REVISION: u32 = 3;

/// The default pipeline, every component loaded once, one actor knowledge base shared by the
/// stages that use it: clean → langid → segment → timex → ner → gazetteer → link → quotes →
/// events (component names as returned by [`Pipeline::names`]).
pub fn default_pipeline() -> anyhow::Result<Pipeline> {
    let kb = Arc::new(dyade_actors::ActorKb::load_default());
    let rules = dyade_ner::Rules::parse(dyade_ner::FR_RULES).context("parsing the built-in NER rules (dyade_ner::FR_RULES)")?;
    let p = Pipeline::new()
        .add(dyade_ingest::Cleaner::new())
        .add(dyade_text::LanguageIdentifier::default())
        .add(dyade_text::Segmenter::default())
        .add(dyade_time::TimexTagger::default())
        .add(dyade_ner::NerTagger::new(dyade_ner::french_model(), rules))
        .add(dyade_actors::GazetteerRecognizer::new(kb.clone()))
        .add(dyade_actors::EntityLinker::new(kb.clone()))
        .add(dyade_quotes::QuoteExtractor::with_kb(kb.clone()))
        .add(dyade_events::EventCoder::new(kb));
    Ok(p)
}

/// The default pipeline's components up to and including the one named `stage` (e.g.
/// `"link"` to feed a stage under test, `"quotes"` to score quotes without event coding).
///
/// Every component is still constructed (the later ones are dropped), so this costs the same
/// load time as [`default_pipeline`]. Fails, listing the known names, when no component is
/// named `stage`.
pub fn pipeline_until(stage: &str) -> anyhow::Result<Pipeline> {
    let mut p = default_pipeline()?;
    if !p.truncate_after(stage) {
        bail!("no pipeline stage named {stage:?} (stages: {})", p.names().join(", "));
    }
    Ok(p)
}

/// The pipeline's version string stored with each document:
/// `dyade {version} r{REVISION} [{component names, comma-separated}]`.
pub fn version(p: &Pipeline) -> String {
    // CARGO_PKG_VERSION is the workspace version, shared by every crate including `dyade`.
    format!("dyade {} r{} [{}]", env!("CARGO_PKG_VERSION"), REVISION, p.names().join(","))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stages_in_order_and_prefixes() {
        let p = default_pipeline().unwrap();
        assert_eq!(p.names(), ["clean", "langid", "segment", "timex", "ner", "gazetteer", "link", "quotes", "events"]);
        assert_eq!(
            version(&p),
            format!("dyade {} r{REVISION} [clean,langid,segment,timex,ner,gazetteer,link,quotes,events]", env!("CARGO_PKG_VERSION"))
        );
        assert_eq!(pipeline_until("quotes").unwrap().names().last(), Some(&"quotes"));
        assert_eq!(pipeline_until("link").unwrap().names().len(), 7);
        let err = pipeline_until("nope").err().expect("unknown stage is an error").to_string();
        assert!(err.contains("\"nope\"") && err.contains("events"), "{err}");
    }
}
