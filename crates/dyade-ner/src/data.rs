//! Readers for the NER corpora: WikiNEuRal CoNLL (`idx \t word \t IOB2`), Europeana
//! (`word tag`, IO tags, no sentence breaks) and HIPE TSV (coarse literal column).

use crate::model::{label_id, ModelError, Result, LABELS};
use std::path::Path;

/// One labelled sentence.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sentence {
    /// Words.
    pub words: Vec<String>,
    /// BIO label ids (see [`crate::model::LABELS`]).
    pub tags: Vec<u8>,
}

fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|e| ModelError(format!("{}: {e}", path.display())))
}

/// Read a CoNLL file: blank-line separated sentences, tab- or space-separated columns, the
/// word in the second-to-last column and the IOB2 tag in the last.
pub fn read_conll(path: &Path) -> Result<Vec<Sentence>> {
    let text = read(path)?;
    let mut out = Vec::new();
    let mut cur = Sentence::default();
    for (ln, line) in text.lines().enumerate() {
        let line = line.trim_end();
        if line.is_empty() {
            if !cur.words.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if line.starts_with('#') && !line.contains('\t') {
            continue;
        }
        let cols: Vec<&str> = if line.contains('\t') { line.split('\t').collect() } else { line.split(' ').collect() };
        if cols.len() < 2 {
            return Err(ModelError(format!("{}:{}: expected WORD TAG columns", path.display(), ln + 1)));
        }
        let tag = cols[cols.len() - 1];
        if !LABELS.contains(&tag) {
            return Err(ModelError(format!("{}:{}: unknown tag {tag:?}", path.display(), ln + 1)));
        }
        cur.words.push(cols[cols.len() - 2].to_string());
        cur.tags.push(label_id(tag));
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

/// Read Europeana-style `word TAG` lines with IO tags (`I-PER`, `O`). Sentences are cut
/// after `.`, `!`, `?` (the file has none), runs of `I-X` become `B-X I-X…`.
pub fn read_io(path: &Path) -> Result<Vec<Sentence>> {
    let text = read(path)?;
    let mut out = Vec::new();
    let mut cur = Sentence::default();
    let mut prev_type = String::new();
    for line in text.lines() {
        let Some((w, t)) = line.trim_end().rsplit_once([' ', '\t']) else { continue };
        let ty = t.strip_prefix("I-").or_else(|| t.strip_prefix("B-")).unwrap_or("");
        let tag = if ty.is_empty() {
            "O".to_string()
        } else if ty == prev_type && !t.starts_with("B-") {
            format!("I-{ty}")
        } else {
            format!("B-{ty}")
        };
        prev_type = ty.to_string();
        cur.words.push(w.to_string());
        cur.tags.push(label_id(&tag));
        if matches!(w, "." | "!" | "?") || cur.words.len() >= 100 {
            out.push(std::mem::take(&mut cur));
            prev_type.clear();
        }
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

/// Read a HIPE TSV file's coarse literal annotation, mapping `pers`/`PER` → PER,
/// `loc`/`LOC` → LOC, `org`/`ORG` → ORG and dropping other types (`prod`, `time`,
/// `HumanProd`). Sentences end at `EndOfSentence` in the MISC column or at a document start.
pub fn read_hipe(path: &Path) -> Result<Vec<Sentence>> {
    let text = read(path)?;
    let mut out = Vec::new();
    let mut cur = Sentence::default();
    let mut header: Option<(usize, usize)> = None;
    for (ln, line) in text.lines().enumerate() {
        if line.starts_with("TOKEN") {
            let cols: Vec<&str> = line.split('\t').collect();
            let lit = cols.iter().position(|c| *c == "NE-COARSE-LIT");
            let misc = cols.iter().position(|c| *c == "MISC");
            match (lit, misc) {
                (Some(a), Some(b)) => header = Some((a, b)),
                _ => return Err(ModelError(format!("{}:{}: no NE-COARSE-LIT/MISC column", path.display(), ln + 1))),
            }
            continue;
        }
        if line.starts_with('#') || line.trim().is_empty() {
            if line.contains("document_id") && !cur.words.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        let (lit, misc) = header.ok_or_else(|| ModelError(format!("{}: no header line", path.display())))?;
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() <= lit.max(misc) {
            return Err(ModelError(format!("{}:{}: too few columns", path.display(), ln + 1)));
        }
        let tag = cols[lit];
        let mapped = match tag.split_once('-') {
            Some((bi, ty)) => match ty.to_ascii_lowercase().as_str() {
                "pers" | "per" => format!("{bi}-PER"),
                "loc" => format!("{bi}-LOC"),
                "org" => format!("{bi}-ORG"),
                _ => "O".into(),
            },
            None => "O".into(),
        };
        cur.words.push(cols[0].to_string());
        cur.tags.push(label_id(&mapped));
        if cols[misc].contains("EndOfSentence") {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

/// Entity spans `(start, end, label_of_type)` of a BIO label sequence; an `I-X` that does
/// not continue an `X` entity starts one (CoNLL evaluation convention).
pub fn spans(tags: &[u8]) -> Vec<(usize, usize, u8)> {
    let mut out = Vec::new();
    let mut start = None;
    let ty = |l: u8| (l + 1) / 2; // 1 PER, 2 LOC, 3 ORG, 4 MISC
    for i in 0..=tags.len() {
        let t = tags.get(i).copied().unwrap_or(0);
        let continues = t != 0 && t % 2 == 0 && start.is_some_and(|(_, st)| st == ty(t));
        if !continues {
            if let Some((s, st)) = start.take() {
                out.push((s, i, st));
            }
            if t != 0 {
                start = Some((i, ty(t)));
            }
        }
    }
    out
}
