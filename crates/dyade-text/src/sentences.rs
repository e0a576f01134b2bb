//! Sentence splitting over tokens.
//!
//! A sentence ends:
//! - at a line break (a paragraph break in scraped text; quote state is reset there);
//! - after a run of "." "!" "?" "…" (plus any closing quotes/brackets right after it) when
//!   the next token starts with an uppercase letter, a digit, an opening quote/bracket or a
//!   dash, and no «…» / “…” quotation is still open;
//! - after an abbreviation of class `final` ("etc.", "J.-C.") or an unlisted acronym under
//!   the same condition; never after a `title`/`inner` abbreviation or an initial ("J.").
//!
//! Glued paragraphs ("Bangladesh.Une") need no special rule here: the tokenizer has split
//! the "." off, and the uppercase test does not look at spacing.

use crate::rules::{AbbrevClass, LangRules};
use dyade_core::{Span, Token, TokenKind};

#[inline]
fn first_char(text: &str, t: &Token) -> char {
    text[t.span.start..].chars().next().unwrap_or(' ')
}

/// True when the gap between `a` and `b` (byte offsets) contains a line break.
#[inline(always)]
fn gap_has_newline(text: &str, a: usize, b: usize) -> bool {
    // most gaps are empty or one space
    if b <= a || (b == a + 1 && text.as_bytes()[a] == b' ') {
        return false;
    }
    gap_has_newline_slow(text, a, b)
}

#[inline(never)]
fn gap_has_newline_slow(text: &str, a: usize, b: usize) -> bool {
    text.as_bytes()[a..b].iter().any(|&x| x == b'\n' || x == b'\r') || (b > a + 2 && text[a..b].contains('\u{2029}'))
}

/// Quote role of a token.
#[derive(Clone, Copy, PartialEq)]
enum Q {
    Open(char),
    Close(char),
    None,
}

#[inline(always)]
fn quote_role(text: &str, t: &Token, stack: &[char]) -> Q {
    if t.kind != TokenKind::Punct || t.span.len() > 3 {
        return Q::None;
    }
    quote_role_punct(text, t, stack)
}

fn quote_role_punct(text: &str, t: &Token, stack: &[char]) -> Q {
    let c = first_char(text, t);
    match c {
        '«' => Q::Open('»'),
        '»' => Q::Close('»'),
        '„' => Q::Open('“'),
        '“' if stack.last() == Some(&'“') => Q::Close('“'),
        '“' => Q::Open('”'),
        '”' => Q::Close('”'),
        '"' => {
            // A straight quote opens after a space/start/opening bracket and before a
            // non-space; otherwise it closes.
            let before = text[..t.span.start].chars().next_back();
            let after = text[t.span.end..].chars().next();
            let open_ctx = before.is_none_or(|b| b.is_whitespace() || matches!(b, '(' | '[' | '—' | '–' | '-'))
                && after.is_some_and(|a| !a.is_whitespace());
            if stack.last() == Some(&'"') && !open_ctx {
                Q::Close('"')
            } else if open_ctx {
                Q::Open('"')
            } else {
                Q::Close('"')
            }
        }
        _ => Q::None,
    }
}

fn apply(q: Q, stack: &mut Vec<char>) {
    match q {
        Q::Open(c) => {
            if stack.len() < 8 {
                stack.push(c)
            }
        }
        Q::Close(c) => {
            // Close the matching opener (and anything left open inside it).
            if let Some(p) = stack.iter().rposition(|&x| x == c) {
                stack.truncate(p);
            }
        }
        Q::None => {}
    }
}

#[inline]
fn is_terminal(text: &str, t: &Token) -> bool {
    t.kind == TokenKind::Punct && matches!(first_char(text, t), '.' | '!' | '?' | '…')
}

/// Closing tokens absorbed into the sentence after its final punctuation.
#[inline]
fn is_closer(text: &str, t: &Token, q: Q) -> bool {
    matches!(q, Q::Close(_)) || t.kind == TokenKind::Punct && matches!(first_char(text, t), ')' | ']' | '’' | '\'' | '}')
}

/// Can the token start a sentence after final punctuation?
#[inline]
fn starts_sentence(text: &str, t: &Token) -> bool {
    let c = first_char(text, t);
    c.is_uppercase()
        || c.is_ascii_digit()
        || matches!(c, '«' | '“' | '„' | '"' | '‘' | '(' | '[' | '¿' | '¡' | '—' | '–' | '-' | '•' | '*')
}

/// A quotation left open longer than this (bytes, no line break) is taken as unbalanced
/// (OCR loss, a missing "»") and stops blocking sentence ends.
pub const MAX_QUOTE_BYTES: usize = 1000;

/// Sentence spans of `tokens` inside each of `regions` (sorted, non-overlapping byte spans;
/// a sentence never crosses a region boundary). Tokens are assigned to the region holding
/// their start.
pub fn split_into(text: &str, tokens: &[Token], rules: &LangRules, regions: &[Span], out: &mut Vec<Span>) {
    let mut stack: Vec<char> = Vec::with_capacity(8);
    for region in regions {
        let a = tokens.partition_point(|t| t.span.start < region.start);
        let b = tokens.partition_point(|t| t.span.start < region.end);
        stack.clear();
        let mut sent_start: Option<usize> = None;
        let mut open_since = 0usize;
        let mut k = a;
        while k < b {
            let t = &tokens[k];
            let s0 = *sent_start.get_or_insert(t.span.start);
            // Fast path, most tokens: a word or number that is neither a quote nor a
            // possible sentence end (no final "."); only a line break after it can end
            // the sentence.
            if t.kind != TokenKind::Punct
                && !(t.kind == TokenKind::Word && t.span.len() > 1 && text.as_bytes()[t.span.end - 1] == b'.')
            {
                if stack.is_empty() {
                    open_since = t.span.start;
                }
                k += 1;
                if k >= b {
                    out.push(Span::new(s0, t.span.end));
                    sent_start = None;
                } else if gap_has_newline(text, t.span.end, tokens[k].span.start) {
                    out.push(Span::new(s0, t.span.end));
                    sent_start = None;
                    stack.clear();
                }
                continue;
            }
            let q = quote_role(text, t, &stack);
            if stack.is_empty() {
                open_since = t.span.start;
            }
            apply(q, &mut stack);
            let mut last = k;
            let candidate = if is_terminal(text, t) {
                true
            } else if t.kind == TokenKind::Word && t.span.len() > 1 && text.as_bytes()[t.span.end - 1] == b'.' {
                let s = &text[t.span.start..t.span.end];
                match rules.abbrev_class(s) {
                    Some(AbbrevClass::Final) => true,
                    Some(_) => false,
                    // Unlisted: an initial ("J.") does not end a sentence, an acronym may.
                    None => s.chars().count() > 2,
                }
            } else {
                false
            };
            let mut boundary = false;
            if candidate && !stack.is_empty() && t.span.end - open_since > MAX_QUOTE_BYTES {
                stack.clear();
            }
            if candidate {
                // Absorb closing quotes/brackets on the same line.
                while last + 1 < b {
                    let n = &tokens[last + 1];
                    if gap_has_newline(text, tokens[last].span.end, n.span.start) {
                        break;
                    }
                    let qn = quote_role(text, n, &stack);
                    if !is_closer(text, n, qn) {
                        break;
                    }
                    apply(qn, &mut stack);
                    last += 1;
                }
                boundary = stack.is_empty()
                    && (last + 1 >= b
                        || starts_sentence(text, &tokens[last + 1])
                        || gap_has_newline(text, tokens[last].span.end, tokens[last + 1].span.start));
            }
            if !boundary && last + 1 < b && gap_has_newline(text, tokens[last].span.end, tokens[last + 1].span.start) {
                boundary = true;
            }
            if boundary || last + 1 >= b {
                out.push(Span::new(s0, tokens[last].span.end));
                sent_start = None;
                if boundary {
                    stack.clear();
                }
            }
            k = last + 1;
        }
    }
}
