//! Legacy single-byte encodings declared by HTML pages.
//!
//! French sites long served ISO-8859-1 / Windows-1252 pages, and saved pages keep those bytes.
//! A page that says so in its head (`<meta charset="iso-8859-1">` or the `http-equiv`
//! Content-Type form) is decoded; a page or text file that declares nothing stays an error,
//! since guessing an encoding silently would corrupt every accented word it gets wrong.

/// Windows-1252 code points for bytes 0x80–0x9F (0 where the byte is unassigned). ISO-8859-1
/// puts C1 controls there, which never occur in real text, so Windows-1252 decodes both.
const CP1252_HIGH: [u16; 32] = [
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0, //
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
];

/// ISO-8859-15 differs from ISO-8859-1 in eight positions (€, Š, š, Ž, ž, Œ, œ, Ÿ).
const LATIN9: [(u8, char); 8] = [(0xA4, '€'), (0xA6, 'Š'), (0xA8, 'š'), (0xB4, 'Ž'), (0xB8, 'ž'), (0xBC, 'Œ'), (0xBD, 'œ'), (0xBE, 'Ÿ')];

/// A single-byte encoding this module decodes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Legacy {
    /// Windows-1252, also used for ISO-8859-1 / Latin-1 / US-ASCII labels (as browsers do).
    Windows1252,
    /// ISO-8859-15 (Latin-9).
    Latin9,
}

impl Legacy {
    /// The label stored in the document's metadata.
    pub fn name(self) -> &'static str {
        match self {
            Legacy::Windows1252 => "windows-1252",
            Legacy::Latin9 => "iso-8859-15",
        }
    }

    /// Map a charset label (WHATWG names, case-insensitive) to an encoding this module knows.
    pub fn from_label(label: &str) -> Option<Legacy> {
        match label.trim().to_ascii_lowercase().as_str() {
            "iso-8859-1" | "iso8859-1" | "latin1" | "latin-1" | "l1" | "windows-1252" | "cp1252" | "x-cp1252" | "iso_8859-1" | "us-ascii" | "ascii" => Some(Legacy::Windows1252),
            "iso-8859-15" | "iso8859-15" | "latin9" | "latin-9" | "l9" | "iso_8859-15" => Some(Legacy::Latin9),
            _ => None,
        }
    }

    /// Decode bytes (every byte maps to one character; unassigned ones become U+FFFD).
    pub fn decode(self, bytes: &[u8]) -> String {
        let mut s = String::with_capacity(bytes.len() + bytes.len() / 8);
        for &b in bytes {
            let c = match (self, b) {
                (_, 0..=0x7F) => b as char,
                (Legacy::Windows1252, 0x80..=0x9F) => char::from_u32(CP1252_HIGH[(b - 0x80) as usize] as u32).filter(|&c| c != '\0').unwrap_or('\u{FFFD}'),
                (Legacy::Latin9, _) => LATIN9.iter().find(|(k, _)| *k == b).map_or(b as char, |&(_, c)| c),
                _ => b as char,
            };
            s.push(c);
        }
        s
    }
}

/// The legacy charset an HTML page declares in its first 4 KiB, if any.
pub fn declared_charset(bytes: &[u8]) -> Option<Legacy> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let mut from = 0;
    while let Some(i) = memchr::memmem::find(&lower[from..], b"charset") {
        let mut j = from + i + b"charset".len();
        while j < lower.len() && matches!(lower[j], b' ' | b'\t' | b'\n' | b'\r') {
            j += 1;
        }
        if lower.get(j) == Some(&b'=') {
            j += 1;
            while j < lower.len() && matches!(lower[j], b' ' | b'"' | b'\'') {
                j += 1;
            }
            let end = (j..lower.len()).find(|&k| !(lower[k].is_ascii_alphanumeric() || matches!(lower[k], b'-' | b'_' | b'.' | b':'))).unwrap_or(lower.len());
            let label = std::str::from_utf8(&lower[j..end]).unwrap_or("");
            // the first declaration decides, as in browsers; a UTF-8 one means the bytes are wrong
            return Legacy::from_label(label);
        }
        from += i + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_labels() {
        assert_eq!(declared_charset(b"<html><head><meta charset=\"ISO-8859-1\"></head>"), Some(Legacy::Windows1252));
        assert_eq!(declared_charset(b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">"), Some(Legacy::Windows1252));
        assert_eq!(declared_charset(b"<meta charset='iso-8859-15'>"), Some(Legacy::Latin9));
        assert_eq!(declared_charset(b"<meta charset=\"utf-8\">"), None);
        assert_eq!(declared_charset(b"<p>no declaration</p>"), None);
    }

    #[test]
    fn decodes_french_and_windows_punctuation() {
        assert_eq!(Legacy::Windows1252.decode(b"Caf\xe9 \x93cr\xe8me\x94 \x80 \x9cuvre"), "Café “crème” € œuvre");
        assert_eq!(Legacy::Latin9.decode(b"\xa4 \xbd \xe9"), "€ œ é");
        assert_eq!(Legacy::Windows1252.decode(b"\x81"), "\u{FFFD}");
    }
}
