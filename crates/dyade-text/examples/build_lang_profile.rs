//! Build a language profile (`resources/lang/<code>.txt`) from JSONL corpora.
//!
//! ```text
//! cargo run --release -p dyade-text --example build_lang_profile -- \
//!     --lang fr --name French [--words 600] [--trigrams 4000] FILE.jsonl:FIELD[:SKIP[:LIMIT]]... > resources/lang/fr.txt
//! ```
//! Each input reads the string `FIELD` of every JSON line, skipping the first `SKIP` lines
//! (held out for evaluation) and reading at most `LIMIT` lines after them. Only counts are
//! kept (the top words and trigrams with their log-probabilities), no text.

use dyade_text::langid::{for_trigrams, next_word, unpack};
use std::collections::HashMap;
use std::io::{BufRead, Write};

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (mut lang, mut name, mut n_words, mut n_tri) = (String::new(), String::new(), 600usize, 4000usize);
    let mut inputs = Vec::new();
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--lang" => { lang = args[i + 1].clone(); i += 1; }
            "--name" => { name = args[i + 1].clone(); i += 1; }
            "--words" => { n_words = args[i + 1].parse()?; i += 1; }
            "--trigrams" => { n_tri = args[i + 1].parse()?; i += 1; }
            a => inputs.push(a.to_string()),
        }
        i += 1;
    }
    anyhow::ensure!(!lang.is_empty() && !inputs.is_empty(), "usage: --lang CODE --name NAME FILE:FIELD[:SKIP[:LIMIT]]...");
    let mut words: HashMap<String, u64> = HashMap::new();
    let mut tris: HashMap<u64, u64> = HashMap::new();
    let (mut tw, mut tt, mut docs) = (0u64, 0u64, 0u64);
    let mut buf = String::new();
    for inp in &inputs {
        let parts: Vec<&str> = inp.split(':').collect();
        anyhow::ensure!(parts.len() >= 2, "{inp}: expected FILE:FIELD[:SKIP[:LIMIT]]");
        let skip: usize = parts.get(2).map_or(Ok(0), |s| s.parse())?;
        let limit: usize = parts.get(3).map_or(Ok(usize::MAX), |s| s.parse())?;
        let f = std::fs::File::open(parts[0]).map_err(|e| anyhow::anyhow!("{}: {e}", parts[0]))?;
        for line in std::io::BufReader::new(f).lines().skip(skip).take(limit) {
            let line = line?;
            let v: serde_json::Value = serde_json::from_str(&line)?;
            let Some(text) = v.get(parts[1]).and_then(|x| x.as_str()) else { continue };
            docs += 1;
            let mut chars = text.chars();
            while let Some(valid) = next_word(&mut chars, &mut buf) {
                if !valid {
                    continue;
                }
                tw += 1;
                *words.entry(buf.clone()).or_default() += 1;
                for_trigrams(&buf, |k| {
                    tt += 1;
                    *tris.entry(k).or_default() += 1;
                });
            }
        }
    }
    let mut wv: Vec<_> = words.into_iter().collect();
    wv.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut tv: Vec<_> = tris.into_iter().map(|(k, c)| (unpack(k), c)).collect();
    tv.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let out = std::io::stdout();
    let mut o = out.lock();
    writeln!(o, "# dyade language profile: {name} ({lang}). Format: see crates/dyade-text/src/langid.rs.")?;
    writeln!(o, "# Derived statistics only (top word and character-trigram frequencies), no text.")?;
    writeln!(o, "# Built from {docs} documents, {tw} words, by:")?;
    writeln!(o, "#   cargo run --release -p dyade-text --example build_lang_profile -- {}", args.join(" "))?;
    writeln!(o, "lang\t{lang}\nname\t{name}")?;
    for (w, c) in wv.iter().take(n_words) {
        writeln!(o, "w\t{w}\t{:.3}", (*c as f64 / tw as f64).ln())?;
    }
    for (t, c) in tv.iter().take(n_tri) {
        writeln!(o, "t\t{t}\t{:.3}", (*c as f64 / tt as f64).ln())?;
    }
    Ok(())
}
