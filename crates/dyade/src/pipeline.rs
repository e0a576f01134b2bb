//! The default annotation pipeline.

use dyade_core::Pipeline;
use std::sync::Arc;

/// Bumped whenever the pipeline's output changes, so that re-ingesting updates stored layers.
pub const REVISION: u32 = 3;

/// The default pipeline, every component loaded once: clean → language → segment → time →
/// NER → gazetteer → linking → events.
pub fn default_pipeline() -> anyhow::Result<Pipeline> {
    let kb = Arc::new(dyade_actors::ActorKb::load_default());
    let p = Pipeline::new()
        .add(dyade_ingest::Cleaner::new())
        .add(dyade_text::LanguageIdentifier::default())
        .add(dyade_text::Segmenter::default())
        .add(dyade_time::TimexTagger::default())
        .add(dyade_ner::NerTagger::new(dyade_ner::french_model(), dyade_ner::Rules::parse(dyade_ner::FR_RULES)?))
        .add(dyade_actors::GazetteerRecognizer::new(kb.clone()))
        .add(dyade_actors::EntityLinker::new(kb.clone()))
        .add(dyade_quotes::QuoteExtractor::with_kb(kb.clone()))
        .add(dyade_events::EventCoder::new(kb));
    Ok(p)
}

/// The pipeline's version string stored with each document.
pub fn version(p: &Pipeline) -> String {
    format!("dyade {} r{} [{}]", env!("CARGO_PKG_VERSION"), REVISION, p.names().join(","))
}
