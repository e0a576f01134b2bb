//! Hashed feature extraction.
//!
//! Every feature is a (template, value) pair hashed straight to a bucket of the weight
//! table: no feature strings are built and no dictionary is looked up, so extraction costs
//! a few hashes per token and allocates nothing once the scratch buffers have grown.
//! The templates (word forms in a ±2 window, prefixes, suffixes, word shapes, bigrams,
//! sentence position) are fixed in code; [`FEATURE_VERSION`] is stored in each model so a
//! model trained with other templates is refused at load time.

/// Version of the feature templates; bump when [`extract`] changes.
pub const FEATURE_VERSION: u32 = 2;

/// Number of features per token.
pub const NF: usize = 32;

/// What one token contributes to its own and its neighbours' features.
#[derive(Clone, Copy, Default, Debug)]
pub struct TokInfo {
    form: u64,
    lower: u64,
    shape: u64,
    pre: [u64; 3],
    suf: [u64; 4],
    flags: u64,
    /// Capitalization class from a large corpus (see [`crate::caplex`]); 0 = unknown word.
    pub cap: u64,
}

impl TokInfo {
    /// Hash of the lowercased form (the key of [`crate::caplex::CapLex`]).
    pub fn lower_hash(&self) -> u64 {
        self.lower
    }
}

const FNV_OFF: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

#[inline]
fn fnv(h: u64, c: u32) -> u64 {
    (h ^ c as u64).wrapping_mul(FNV_PRIME)
}

#[inline]
fn mix(mut z: u64) -> u64 {
    // splitmix64 finalizer: spreads FNV's weak low bits over the whole word
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

#[inline]
fn norm_char(c: char) -> char {
    match c {
        '’' | 'ʼ' | '‘' => '\'',
        '‑' | '‐' => '-',
        _ => c,
    }
}

#[inline]
fn lower_char(c: char) -> char {
    // single-char lowercase (enough for French/English; keeps extraction allocation-free)
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        c.to_lowercase().next().unwrap_or(c)
    }
}

fn shape_class(c: char) -> u32 {
    if c.is_uppercase() {
        'X' as u32
    } else if c.is_lowercase() {
        'x' as u32
    } else if c.is_numeric() {
        'd' as u32
    } else {
        c as u32
    }
}

/// Per-token hashes, independent of context.
pub fn tok_info(word: &str) -> TokInfo {
    let mut form = FNV_OFF;
    let mut lower = FNV_OFF;
    let mut shape = FNV_OFF;
    let mut last_class = 0u32;
    let mut run = 0u32;
    let mut first4 = ['\0'; 4];
    let mut last4 = ['\0'; 4]; // ring buffer
    let mut n = 0usize;
    let (mut upper, mut lowers, mut digit, mut hyphen, mut period) = (0u32, 0u32, false, false, false);
    for c in word.chars() {
        let c = norm_char(c);
        let l = lower_char(c);
        form = fnv(form, c as u32);
        lower = fnv(lower, l as u32);
        let sc = shape_class(c);
        // short shape: runs longer than 2 of one class collapse ("Xxxxx" → "Xxx")
        if sc == last_class {
            run += 1;
        } else {
            run = 1;
            last_class = sc;
        }
        if run <= 2 {
            shape = fnv(shape, sc);
        }
        if n < 4 {
            first4[n] = l;
        }
        last4[n % 4] = l;
        n += 1;
        if c.is_uppercase() {
            upper += 1;
        } else if c.is_lowercase() {
            lowers += 1;
        }
        digit |= c.is_numeric();
        hyphen |= c == '-';
        period |= c == '.';
    }
    let mut pre = [0u64; 3];
    let mut h = FNV_OFF;
    for (k, &c) in first4.iter().enumerate() {
        h = fnv(h, c as u32);
        if k >= 1 {
            pre[k - 1] = if n > k { h } else { 1 };
        }
    }
    let mut suf = [0u64; 4];
    let mut h = FNV_OFF ^ 0x5555;
    for k in 0..4 {
        if k < n {
            h = fnv(h, last4[(n - 1 - k) % 4] as u32);
            suf[k] = if n > k + 1 { h } else { 2 };
        } else {
            suf[k] = 2;
        }
    }
    let cap_init = word.chars().next().is_some_and(|c| c.is_uppercase());
    let len_bucket = match n {
        0..=1 => 0,
        2..=3 => 1,
        4..=6 => 2,
        7..=10 => 3,
        _ => 4,
    };
    let flags = (cap_init as u64)
        | ((upper > 1 && lowers == 0) as u64) << 1
        | (digit as u64) << 2
        | (hyphen as u64) << 3
        | (period as u64) << 4
        | (len_bucket as u64) << 5;
    TokInfo { form, lower, shape, pre, suf, flags, cap: 0 }
}

const BOS: TokInfo = TokInfo { form: 11, lower: 11, shape: 11, pre: [11; 3], suf: [11; 4], flags: 1 << 9, cap: 99 };
const EOS: TokInfo = TokInfo { form: 13, lower: 13, shape: 13, pre: [13; 3], suf: [13; 4], flags: 1 << 10, cap: 98 };

#[inline]
fn pair(a: u64, b: u64) -> u64 {
    a.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ b.rotate_left(23)
}

/// Write the [`NF`] feature buckets of every token of a sentence into `out`
/// (`out.len() == infos.len() * NF` afterwards). `bits` is log2 of the table size.
pub fn extract(infos: &[TokInfo], bits: u32, out: &mut Vec<u32>) {
    out.clear();
    let n = infos.len();
    let get = |k: isize| -> &TokInfo {
        if k < 0 {
            &BOS
        } else if k as usize >= n {
            &EOS
        } else {
            &infos[k as usize]
        }
    };
    let shift = 64 - bits;
    for i in 0..n as isize {
        let (p2, p1, c, n1, n2) = (get(i - 2), get(i - 1), get(i), get(i + 1), get(i + 2));
        let first = (i == 0) as u64;
        let vals: [u64; NF] = [
            0,
            c.form,
            c.lower,
            p1.lower,
            n1.lower,
            p2.lower,
            n2.lower,
            c.pre[0],
            c.pre[1],
            c.pre[2],
            c.suf[0],
            c.suf[1],
            c.suf[2],
            c.suf[3],
            c.shape,
            p1.shape,
            n1.shape,
            pair(p1.shape, c.shape),
            pair(c.shape, n1.shape),
            pair(p1.lower, c.lower),
            pair(c.lower, n1.lower),
            pair(p1.lower, c.shape),
            pair(c.shape, n1.lower),
            pair(c.flags, first),
            pair(p1.lower, n1.lower),
            pair(p2.lower, p1.lower),
            pair(n1.lower, n2.lower),
            pair(c.shape, first ^ (c.flags >> 5) << 1),
            c.cap,
            pair(c.cap, c.shape ^ first),
            pair(p1.cap, c.cap),
            pair(c.cap, n1.cap),
        ];
        for (t, v) in vals.iter().enumerate() {
            let h = mix(v ^ (t as u64 + 1).wrapping_mul(0xA24B_AED4_963E_E407));
            out.push((h >> shift) as u32);
        }
    }
}
