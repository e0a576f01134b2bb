//! Byte ↔ code-point offset conversion.

/// Maps byte offsets of a UTF-8 string to code-point offsets and back.
///
/// Built once per document (O(n)), then each lookup is a binary search over the
/// positions of multi-byte characters only, so pure-ASCII text costs nothing.
#[derive(Debug, Clone, Default)]
pub struct CharIndex {
    /// Byte offset of every multi-byte character, and the extra bytes accumulated *after* it.
    multibyte: Vec<(usize, usize)>,
    len_bytes: usize,
}

impl CharIndex {
    /// Index `text`.
    pub fn new(text: &str) -> Self {
        let mut multibyte = Vec::new();
        let mut extra = 0usize;
        for (b, c) in text.char_indices() {
            let l = c.len_utf8();
            if l > 1 {
                extra += l - 1;
                multibyte.push((b, extra));
            }
        }
        CharIndex { multibyte, len_bytes: text.len() }
    }

    /// Code-point offset of byte offset `byte` (which must be on a char boundary).
    pub fn char_of(&self, byte: usize) -> usize {
        // extra bytes contributed by multibyte chars that start strictly before `byte`
        let i = self.multibyte.partition_point(|&(b, _)| b < byte);
        let extra = if i == 0 { 0 } else { self.multibyte[i - 1].1 };
        byte - extra
    }

    /// Byte offset of code-point offset `ch`.
    pub fn byte_of(&self, ch: usize) -> usize {
        // find the number of multibyte chars strictly before char position ch
        let (mut lo, mut hi) = (0usize, self.multibyte.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            let (b, extra) = self.multibyte[mid];
            let extra_before = extra - self.width_minus_one(mid);
            let char_pos = b - extra_before;
            if char_pos < ch {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        let extra = if lo == 0 { 0 } else { self.multibyte[lo - 1].1 };
        (ch + extra).min(self.len_bytes)
    }

    fn width_minus_one(&self, i: usize) -> usize {
        let prev = if i == 0 { 0 } else { self.multibyte[i - 1].1 };
        self.multibyte[i].1 - prev
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        let s = "a’b «c» é\u{a0}z 日本";
        let ix = CharIndex::new(s);
        for (ci, (b, _)) in s.char_indices().enumerate() {
            assert_eq!(ix.char_of(b), ci, "byte {b}");
            assert_eq!(ix.byte_of(ci), b, "char {ci}");
        }
        assert_eq!(ix.char_of(s.len()), s.chars().count());
        assert_eq!(ix.byte_of(s.chars().count()), s.len());
    }
}
