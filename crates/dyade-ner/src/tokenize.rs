//! A small stand-in tokenizer and sentence splitter, used only when a document arrives
//! without `tokens`/`sentences` (the real segmenter is crate `dyade-text`).
//!
//! It follows the tokenization of the WikiNEuRal training data closely enough for the
//! tagger: elided articles keep their apostrophe ("l'", "d’"), inner hyphens stay inside a
//! word ("Jong-un", "Nord-Est"), digit groups stay together ("25.000", "3,5"), a single
//! capital followed by a period is one token ("M.", "J."), every other punctuation mark is
//! its own token.

use dyade_core::{Document, Span, Token, TokenKind};

fn is_apos(c: char) -> bool {
    c == '\'' || c == '’' || c == 'ʼ'
}

fn is_hyphen(c: char) -> bool {
    c == '-' || c == '‑' || c == '‐'
}

/// Tokenize `text` into byte-offset tokens (no sentence information).
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let end_of = |k: usize| if k < n { chars[k].0 } else { text.len() };
    let mut i = 0;
    while i < n {
        let (b, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let start_i = i;
        let kind;
        if c.is_alphanumeric() {
            let numeric = c.is_numeric();
            let mut j = i + 1;
            while j < n {
                let cj = chars[j].1;
                if cj.is_alphanumeric() {
                    j += 1;
                    continue;
                }
                let next_alnum = j + 1 < n && chars[j + 1].1.is_alphanumeric();
                if is_hyphen(cj) && next_alnum && !numeric {
                    j += 1;
                    continue;
                }
                if (cj == '.' || cj == ',') && numeric && j + 1 < n && chars[j + 1].1.is_numeric() {
                    j += 1;
                    continue;
                }
                if is_apos(cj) && !numeric {
                    // elision: "l'", "qu'", "aujourd'" — the apostrophe ends the token
                    j += 1;
                }
                break;
            }
            // "M." and initials "J.": one capital letter plus a period
            if j == i + 1 && c.is_uppercase() && j < n && chars[j].1 == '.' {
                j += 1;
            }
            let all_digits = chars[start_i..j].iter().all(|&(_, ch)| ch.is_numeric() || ch == '.' || ch == ',');
            kind = if all_digits { TokenKind::Number } else { TokenKind::Word };
            i = j;
        } else {
            kind = if c.is_ascii_punctuation() || is_punct_uni(c) { TokenKind::Punct } else { TokenKind::Symbol };
            i += 1;
            // runs of dots ("...") stay together
            if c == '.' {
                while i < n && chars[i].1 == '.' {
                    i += 1;
                }
            }
        }
        let e = end_of(i);
        let space_after = i < n && chars[i].1.is_whitespace();
        let surface = &text[b..e];
        let norm = if surface.contains(['’', 'ʼ', '‑', '‐']) {
            Some(surface.replace(['’', 'ʼ'], "'").replace(['‑', '‐'], "-").into_boxed_str())
        } else {
            None
        };
        out.push(Token { span: Span::new(b, e), kind, norm, space_after });
    }
    out
}

fn is_punct_uni(c: char) -> bool {
    matches!(c, '«' | '»' | '“' | '”' | '„' | '‘' | '’' | '—' | '–' | '…' | '•' | '·' | '¿' | '¡')
}

/// Split tokenized text into sentences: at `.`, `!`, `?`, `…` followed by a token that
/// starts with an uppercase letter, a digit or an opening quote, and at every line break.
pub fn sentences(text: &str, tokens: &[Token]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (k, t) in tokens.iter().enumerate() {
        let s = *start.get_or_insert(k);
        let tx = t.span.slice(text);
        let next = tokens.get(k + 1);
        let newline_next = next.is_none_or(|nx| text[t.span.end..nx.span.start].contains('\n'));
        let end_punct = matches!(tx, "." | "!" | "?" | "…" | "..." | "?!" | "!?");
        let next_starts = next.is_some_and(|nx| {
            let c = nx.span.slice(text).chars().next().unwrap_or(' ');
            c.is_uppercase() || c.is_numeric() || matches!(c, '«' | '"' | '“' | '—' | '-')
        });
        if newline_next || (end_punct && next_starts) {
            out.push(Span::new(tokens[s].span.start, t.span.end));
            start = None;
        }
    }
    out
}

/// Fill `doc.tokens` and `doc.sentences` with this module's tokenizer when they are empty.
pub fn segment(doc: &mut Document) {
    if doc.tokens.is_empty() {
        doc.tokens = tokenize(&doc.text);
    }
    if doc.sentences.is_empty() {
        doc.sentences = sentences(&doc.text, &doc.tokens);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<&str> {
        tokenize(s).iter().map(|t| t.span.slice(s)).collect()
    }

    #[test]
    fn french_tokens() {
        assert_eq!(
            toks("M. Kim Jong-un l’a dit à 25.000 soldats (URSS)."),
            ["M.", "Kim", "Jong-un", "l’", "a", "dit", "à", "25.000", "soldats", "(", "URSS", ")", "."]
        );
        let s = "Il part. Le 3 mai, il revient.\nFin";
        let t = tokenize(s);
        let ss: Vec<&str> = sentences(s, &t).iter().map(|x| x.slice(s)).collect();
        assert_eq!(ss, ["Il part.", "Le 3 mai, il revient.", "Fin"]);
    }
}
