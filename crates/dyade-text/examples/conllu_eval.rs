//! Agreement of the tokenizer and sentence splitter with reference annotations in ../shared:
//! `cargo run --release -p dyade-text --example conllu_eval`.
//!
//! A. WikiNEuRal-fr dev (CoNLL, no `# text =` lines, no spacing): each sentence's text is
//!    rebuilt with French typographic rules (no space before , . ) ] … nor after ( [ and
//!    after an elided token ending in an apostrophe), then tokenized; reports the share of
//!    reference tokens we reproduce exactly (recall) and of our tokens that are reference
//!    tokens (precision). Spaces given by the reconstruction make boundaries there trivial,
//!    so the figure measures splitting of glued material (elisions, punctuation, hyphens).
//! B. HIPE-2022 French dev files (historical OCR newspapers) carry `NoSpaceAfter` and
//!    `EndOfSentence`: text is rebuilt exactly (OCR line ends become spaces) and our
//!    sentence ends are compared with theirs (strict: same byte; lenient: only
//!    non-alphanumerics between).

use dyade_text::{split_sentences, tokenize};
use std::collections::HashSet;

const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared");

fn main() -> anyhow::Result<()> {
    // A. WikiNEuRal.
    let text = std::fs::read_to_string(format!("{SHARED}/data/ner/wikineural_fr_dev.conllu"))?;
    let (mut gold_n, mut pred_n, mut hit) = (0usize, 0usize, 0usize);
    let mut misses: std::collections::HashMap<String, usize> = Default::default();
    for block in text.split("\n\n") {
        let toks: Vec<&str> = block.lines().filter_map(|l| l.split('\t').nth(1)).collect();
        if toks.is_empty() {
            continue;
        }
        let mut s = String::new();
        let mut gold = HashSet::new();
        let mut glue_next = true;
        for t in &toks {
            let no_space_before = matches!(*t, "," | "." | ")" | "]" | "..." | "…")
                || (t.len() > 1 && t.starts_with('-') && t[1..].starts_with(char::is_alphabetic));
            if !glue_next && !no_space_before {
                s.push(' ');
            }
            let a = s.len();
            s.push_str(t);
            gold.insert((a, s.len()));
            glue_next = matches!(*t, "(" | "[")
                || (t.len() <= 8 && t.ends_with(['\'', '’']) && t.chars().filter(|c| c.is_alphabetic()).count() + 1 == t.chars().count());
        }
        let pred = tokenize(&s, "fr");
        gold_n += gold.len();
        pred_n += pred.len();
        for p in &pred {
            if gold.contains(&(p.span.start, p.span.end)) {
                hit += 1;
            } else {
                *misses.entry(s[p.span.start..p.span.end].to_string()).or_default() += 1;
            }
        }
    }
    println!("A. WikiNEuRal-fr dev tokens: reference {gold_n}, ours {pred_n}, exact {hit}: recall {:.4} precision {:.4}",
        hit as f64 / gold_n as f64, hit as f64 / pred_n as f64);
    let mut mv: Vec<_> = misses.into_iter().collect();
    mv.sort_by(|a, b| b.1.cmp(&a.1));
    println!("   our tokens not in the reference (top): {:?}", &mv[..mv.len().min(25)]);

    // B. HIPE sentence ends.
    let (mut g_all, mut p_all, mut strict, mut lenient) = (0usize, 0usize, 0usize, 0usize);
    for f in ["HIPE-2022-v2.1-hipe2020-dev-fr.tsv", "HIPE-2022-v2.1-letemps-dev-fr.tsv", "HIPE-2022-v2.1-newseye-dev-fr.tsv"] {
        let data = std::fs::read_to_string(format!("{SHARED}/data/ner/hipe/{f}"))?;
        let mut docs: Vec<(String, Vec<usize>)> = vec![(String::new(), vec![])];
        for line in data.lines() {
            if line.starts_with("# hipe2022:document_id") {
                docs.push((String::new(), vec![]));
                continue;
            }
            if line.starts_with('#') || line.starts_with("TOKEN\t") || line.trim().is_empty() {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let misc = cols.last().copied().unwrap_or("");
            let d = docs.last_mut().unwrap();
            d.0.push_str(cols[0]);
            if misc.contains("EndOfSentence") {
                d.1.push(d.0.len());
            }
            if !misc.contains("NoSpaceAfter") {
                d.0.push(' ');
            }
        }
        for (text, gold) in docs.iter().filter(|d| !d.0.trim().is_empty()) {
            let end = text.trim_end().len();
            let gold: Vec<usize> = gold.iter().copied().filter(|&g| g < end).collect();
            let toks = tokenize(text, "fr");
            let pred: Vec<usize> = split_sentences(text, &toks, "fr").iter().map(|s| s.end).filter(|&e| e < end).collect();
            if std::env::var_os("SHOW").is_some() {
                let gs: HashSet<usize> = gold.iter().copied().collect();
                let ps: HashSet<usize> = pred.iter().copied().collect();
                let ctx = |p: usize| text[text.floor_char_boundary(p.saturating_sub(40))..text.ceil_char_boundary((p + 30).min(text.len()))].replace('\n', " ");
                for &g in gold.iter().filter(|g| !ps.contains(g)).take(3) {
                    println!("   missed: {}", ctx(g));
                }
                for &p in pred.iter().filter(|p| !gs.contains(p)).take(3) {
                    println!("   extra : {}", ctx(p));
                }
            }
            g_all += gold.len();
            p_all += pred.len();
            let gs: HashSet<usize> = gold.iter().copied().collect();
            strict += pred.iter().filter(|p| gs.contains(p)).count();
            lenient += pred
                .iter()
                .filter(|&&p| {
                    gold.iter().any(|&g| {
                        let (a, b) = (g.min(p), g.max(p));
                        b - a <= 6 && !text[a..b].chars().any(char::is_alphanumeric)
                    })
                })
                .count();
        }
    }
    let f1 = |h: usize| 2.0 * h as f64 / (g_all + p_all) as f64;
    println!("B. HIPE-2022 fr dev sentence ends: reference {g_all}, ours {p_all}; strict P {:.3} R {:.3} F1 {:.3}; lenient P {:.3} R {:.3} F1 {:.3}",
        strict as f64 / p_all as f64, strict as f64 / g_all as f64, f1(strict),
        lenient as f64 / p_all as f64, lenient as f64 / g_all as f64, f1(lenient));
    Ok(())
}
