//! Pipeline components: each adds layers to a [`Document`].

use crate::Document;

/// A pipeline stage. Stages read the layers earlier stages made and add their own.
///
/// Components are shared across threads (`Sync`), so any model they hold is loaded once.
pub trait Component: Send + Sync {
    /// Short name, used in timings and run records ("segment", "timex", "ner").
    fn name(&self) -> &'static str;
    /// Add this component's layers to `doc`.
    fn process(&self, doc: &mut Document);
}

/// An ordered list of components.
#[derive(Default)]
pub struct Pipeline {
    components: Vec<Box<dyn Component>>,
}

impl Pipeline {
    /// An empty pipeline.
    pub fn new() -> Self {
        Self::default()
    }
    /// Append a component (a builder step, not an addition: `Pipeline::new().add(a).add(b)`).
    #[allow(clippy::should_implement_trait)]
    pub fn add(mut self, c: impl Component + 'static) -> Self {
        self.components.push(Box::new(c));
        self
    }
    /// Append a boxed component.
    pub fn push(&mut self, c: Box<dyn Component>) {
        self.components.push(c);
    }
    /// Run every component on `doc`, in order.
    ///
    /// A component that panics on this document is isolated: the panic is recorded in
    /// `doc.meta.extra["stage_errors"]` (stage and message) and the next components still run,
    /// so one odd article never stops a batch of thousands.
    pub fn process(&self, doc: &mut Document) {
        for c in &self.components {
            run_isolated(c.as_ref(), doc);
        }
    }
    /// Run every component, adding each one's wall time (ns) into `timings` (same order as
    /// [`Pipeline::names`]).
    pub fn process_timed(&self, doc: &mut Document, timings: &mut [u64]) {
        for (c, t) in self.components.iter().zip(timings.iter_mut()) {
            let start = std::time::Instant::now();
            run_isolated(c.as_ref(), doc);
            *t += start.elapsed().as_nanos() as u64;
        }
    }
    /// Keep the components up to and including the one named `name` (to measure or run a
    /// prefix of the pipeline); false, and nothing changed, when no component has that name.
    pub fn truncate_after(&mut self, name: &str) -> bool {
        match self.components.iter().position(|c| c.name() == name) {
            Some(i) => {
                self.components.truncate(i + 1);
                true
            }
            None => false,
        }
    }
    /// Names of the components, in order.
    pub fn names(&self) -> Vec<&'static str> {
        self.components.iter().map(|c| c.name()).collect()
    }
}

fn run_isolated(c: &dyn Component, doc: &mut Document) {
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| c.process(doc)));
    if let Err(payload) = result {
        let msg = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".into());
        let entry = serde_json::json!({"stage": c.name(), "error": msg});
        match doc.meta.extra.get_mut("stage_errors").and_then(|v| v.as_array_mut()) {
            Some(list) => list.push(entry),
            None => {
                doc.meta.extra.insert("stage_errors".into(), serde_json::Value::Array(vec![entry]));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Boom;
    impl Component for Boom {
        fn name(&self) -> &'static str {
            "boom"
        }
        fn process(&self, doc: &mut Document) {
            if doc.text.contains("bad") {
                panic!("cannot handle {}", doc.id);
            }
        }
    }
    struct Count;
    impl Component for Count {
        fn name(&self) -> &'static str {
            "count"
        }
        fn process(&self, doc: &mut Document) {
            doc.meta.extra.insert("counted".into(), true.into());
        }
    }

    #[test]
    fn a_panicking_stage_is_recorded_and_the_rest_runs() {
        let p = Pipeline::new().add(Boom).add(Count);
        let mut d = Document::new("x", "a bad article");
        p.process(&mut d);
        assert_eq!(d.meta.extra["stage_errors"][0]["stage"], "boom");
        assert_eq!(d.meta.extra["stage_errors"][0]["error"], "cannot handle x");
        assert_eq!(d.meta.extra["counted"], true);
        let mut ok = Document::new("y", "a good article");
        p.process(&mut ok);
        assert!(!ok.meta.extra.contains_key("stage_errors"));
    }
}
