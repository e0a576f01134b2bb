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
    /// Append a component.
    pub fn add(mut self, c: impl Component + 'static) -> Self {
        self.components.push(Box::new(c));
        self
    }
    /// Append a boxed component.
    pub fn push(&mut self, c: Box<dyn Component>) {
        self.components.push(c);
    }
    /// Run every component on `doc`, in order.
    pub fn process(&self, doc: &mut Document) {
        for c in &self.components {
            c.process(doc);
        }
    }
    /// Run every component, adding each one's wall time (ns) into `timings` (same order as
    /// [`Pipeline::names`]).
    pub fn process_timed(&self, doc: &mut Document, timings: &mut [u64]) {
        for (c, t) in self.components.iter().zip(timings.iter_mut()) {
            let start = std::time::Instant::now();
            c.process(doc);
            *t += start.elapsed().as_nanos() as u64;
        }
    }
    /// Names of the components, in order.
    pub fn names(&self) -> Vec<&'static str> {
        self.components.iter().map(|c| c.name()).collect()
    }
}
