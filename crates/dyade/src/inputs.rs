//! Reading inputs and annotating them in parallel, in bounded chunks.

use crate::InputArgs;
use dyade_core::{Document, Pipeline};
use dyade_ingest::{read_inputs, IngestError, ReadOptions};
use rayon::prelude::*;

/// Reader options from the command line.
pub fn read_options(args: &InputArgs) -> ReadOptions {
    ReadOptions { max_bytes: args.max_mib.saturating_mul(1 << 20), sidecar: args.meta.clone(), auto_sidecar: false }
}

/// Set the size of rayon's global pool (once).
pub fn init_threads(threads: Option<usize>) {
    if let Some(n) = threads {
        let _ = rayon::ThreadPoolBuilder::new().num_threads(n.max(1)).build_global();
    }
}

/// Stream the inputs through `pipeline`, `chunk` documents at a time, calling `sink` with
/// each annotated chunk and `on_error` with each skipped input. Memory stays bounded by the
/// chunk size whatever the corpus size. `skip` decides, before annotation, that a document
/// needs no work (already stored).
pub fn process<S, E, K>(args: &InputArgs, pipeline: &Pipeline, chunk: usize, mut skip: K, mut sink: S, mut on_error: E) -> anyhow::Result<()>
where
    S: FnMut(Vec<Document>) -> anyhow::Result<()>,
    E: FnMut(&IngestError) -> anyhow::Result<()>,
    K: FnMut(&Document) -> anyhow::Result<bool>,
{
    let mut reader = read_inputs(&args.inputs, &read_options(args));
    loop {
        let mut batch = Vec::with_capacity(chunk);
        for item in reader.by_ref() {
            match item {
                Ok(doc) => {
                    if !skip(&doc)? {
                        batch.push(doc);
                    }
                    if batch.len() == chunk {
                        break;
                    }
                }
                Err(e) => on_error(&e)?,
            }
        }
        if batch.is_empty() {
            return Ok(());
        }
        batch.par_iter_mut().for_each(|d| pipeline.process(d));
        for d in &batch {
            if let Some(errs) = d.meta.extra.get("stage_errors").and_then(|v| v.as_array()) {
                for e in errs {
                    eprintln!(
                        "dyade: {}: stage {} failed ({}); the article is kept without that stage's layer",
                        d.meta.origin, e["stage"].as_str().unwrap_or("?"), e["error"].as_str().unwrap_or("?")
                    );
                }
            }
        }
        sink(batch)?;
    }
}
