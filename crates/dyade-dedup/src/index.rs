//! The incremental near-duplicate index: LSH banding over MinHash signatures, candidate
//! verification by estimated Jaccard, union-find groups with a canonical article each.
//!
//! Memory layout (per article, k = 128, 32 bands): the signature in one flat `Vec<u32>`
//! (512 B), a 24 B record, and per band one chain link (4 B) plus its share of the bucket map
//! (32-bit band hash → most recent article, 9–18 B per distinct bucket). Buckets are singly
//! linked lists through the `next` array, so a bucket of one article costs no allocation.

use crate::minhash::{jaccard, Signature};
use crate::text::day_number;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use xxhash_rust::xxh3::xxh3_64_with_seed;

const NONE: u32 = u32::MAX;
/// Day number used for an unknown publication date: later than any real date, so a dated
/// article is preferred as canonical.
const NO_DAY: i32 = i32::MAX;

/// Options of the index.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct LshParams {
    /// Number of bands; `bands * rows` must not exceed the signature length.
    pub bands: usize,
    /// Rows (signature values) per band.
    pub rows: usize,
    /// Minimum estimated Jaccard for two articles to be near-duplicates.
    pub threshold: f32,
    /// At most this many most recent members of a bucket are verified (guards against
    /// giant buckets of boilerplate-only texts turning inserts quadratic).
    pub max_bucket_scan: usize,
}

impl Default for LshParams {
    fn default() -> Self {
        // 32 × 4 over k = 128: P(candidate) is 0.87 at J = 0.5, 0.99 at J = 0.6 and 0.23 at
        // J = 0.3 (the S-curve's midpoint is (1/32)^(1/4) ≈ 0.42), then verification cuts at
        // `threshold`.
        LshParams { bands: 32, rows: 4, threshold: 0.5, max_bucket_scan: 64 }
    }
}

/// The keys are already xxh3 hashes: pass them through instead of hashing them again.
#[derive(Default)]
struct IdentityHasher(u64);
impl Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ b as u64;
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
    fn write_u32(&mut self, n: u32) {
        // hashbrown takes the top 7 bits as tag and the low bits as position: spread both.
        self.0 = (n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}
// Band keys are truncated to 32 bits: a false bucket collision (≈ n / 2^32 per lookup) only
// adds a candidate that verification rejects, and entries shrink from 16 to 8 bytes.
type BucketMap = HashMap<u32, u32, BuildHasherDefault<IdentityHasher>>;

#[derive(Debug, Clone, Copy)]
struct Rec {
    key: u64,
    day: i32,
    tokens: u32,
    parent: u32,
    /// Best similarity to another member of its group (0 when alone).
    sim: f32,
}

#[derive(Debug, Clone, Copy)]
struct Root {
    size: u32,
    canonical: u32,
    first: u32,
}

/// Where an inserted article landed.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct GroupAssignment {
    /// The group: the key of its first-inserted member.
    pub group: u64,
    /// The group's canonical article (earliest published; ties: more tokens; then first inserted).
    pub canonical: u64,
    /// The most similar earlier article.
    pub matched: u64,
    /// Estimated Jaccard similarity with `matched`.
    pub similarity: f32,
    /// Members in the group now.
    pub size: usize,
}

/// One group of near-duplicates.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct DupGroup {
    /// Key of the first-inserted member.
    pub group: u64,
    /// Key of the canonical member.
    pub canonical: u64,
    /// Members (key, best similarity to another member), in insertion order.
    pub members: Vec<(u64, f32)>,
}

/// The incremental LSH index with union-find groups.
pub struct DedupIndex {
    params: LshParams,
    k: usize,
    values: Vec<u32>,
    recs: Vec<Rec>,
    roots: HashMap<u32, Root>,
    buckets: BucketMap,
    next: Vec<u32>,
    by_key: HashMap<u64, u32>,
    candidates: Vec<u32>,
}

impl DedupIndex {
    /// An empty index for signatures of length `k`.
    ///
    /// Panics if `bands * rows > k` (a configuration error, not a data error).
    pub fn new(k: usize, params: LshParams) -> Self {
        assert!(params.bands * params.rows <= k && params.bands > 0 && params.rows > 0, "LSH bands×rows must fit in k={k}");
        DedupIndex {
            params,
            k,
            values: Vec::new(),
            recs: Vec::new(),
            roots: HashMap::new(),
            buckets: BucketMap::default(),
            next: Vec::new(),
            by_key: HashMap::new(),
            candidates: Vec::new(),
        }
    }

    /// The LSH parameters.
    pub fn params(&self) -> &LshParams {
        &self.params
    }

    /// Articles inserted.
    pub fn len(&self) -> usize {
        self.recs.len()
    }

    /// True when nothing was inserted.
    pub fn is_empty(&self) -> bool {
        self.recs.is_empty()
    }

    /// Bytes held by the index's own arrays and maps (capacity, not just length): the figure
    /// reported as memory per article.
    pub fn heap_bytes(&self) -> usize {
        let map_entry = |kv: usize, cap: usize| cap * (kv + 1);
        self.values.capacity() * 4
            + self.recs.capacity() * std::mem::size_of::<Rec>()
            + self.next.capacity() * 4
            + map_entry(8, self.buckets.capacity())
            + map_entry(16, self.by_key.capacity())
            + map_entry(4 + std::mem::size_of::<Root>(), self.roots.capacity())
    }

    fn find(&mut self, mut x: u32) -> u32 {
        // Path halving keeps the trees flat without recursion.
        while self.recs[x as usize].parent != x {
            let p = self.recs[x as usize].parent;
            let gp = self.recs[p as usize].parent;
            self.recs[x as usize].parent = gp;
            x = gp;
        }
        x
    }

    fn better_canonical(&self, a: u32, b: u32) -> u32 {
        let (ra, rb) = (&self.recs[a as usize], &self.recs[b as usize]);
        let ka = (ra.day, std::cmp::Reverse(ra.tokens), a);
        let kb = (rb.day, std::cmp::Reverse(rb.tokens), b);
        if ka <= kb {
            a
        } else {
            b
        }
    }

    fn root_info(&self, r: u32) -> Root {
        self.roots.get(&r).copied().unwrap_or(Root { size: 1, canonical: r, first: r })
    }

    fn union(&mut self, a: u32, b: u32) -> u32 {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return ra;
        }
        let (ia, ib) = (self.root_info(ra), self.root_info(rb));
        let (big, small) = if ia.size >= ib.size { (ra, rb) } else { (rb, ra) };
        self.recs[small as usize].parent = big;
        self.roots.remove(&small);
        let canonical = self.better_canonical(ia.canonical, ib.canonical);
        self.roots.insert(big, Root { size: ia.size + ib.size, canonical, first: ia.first.min(ib.first) });
        big
    }

    fn band_key(&self, values: &[u32], band: usize) -> u32 {
        let r = self.params.rows;
        let mut bytes = [0u8; 64];
        let mut n = 0;
        for v in &values[band * r..(band + 1) * r] {
            if n + 4 > bytes.len() {
                break;
            }
            bytes[n..n + 4].copy_from_slice(&v.to_le_bytes());
            n += 4;
        }
        xxh3_64_with_seed(&bytes[..n], band as u64) as u32
    }

    fn push(&mut self, key: u64, sig: &Signature, published: Option<&str>) -> u32 {
        assert_eq!(sig.values.len(), self.k, "signature length differs from the index's k");
        let slot = self.recs.len() as u32;
        self.recs.push(Rec { key, day: published.and_then(day_number).unwrap_or(NO_DAY), tokens: sig.tokens, parent: slot, sim: 0.0 });
        self.values.extend_from_slice(&sig.values);
        self.by_key.insert(key, slot);
        slot
    }

    fn link(&mut self, slot: u32, values: &[u32]) {
        for band in 0..self.params.bands {
            let h = self.band_key(values, band);
            let prev = self.buckets.insert(h, slot).unwrap_or(NONE);
            self.next.push(prev);
        }
    }

    fn sig_of(&self, slot: u32) -> &[u32] {
        &self.values[slot as usize * self.k..(slot as usize + 1) * self.k]
    }

    /// Insert an article and return its group when it has a near-duplicate already indexed.
    ///
    /// Empty signatures (no token) are recorded but never grouped. Inserting a key twice is
    /// a caller error; the second insert is ignored and returns `None`.
    pub fn insert(&mut self, key: u64, sig: &Signature, published: Option<&str>) -> Option<GroupAssignment> {
        if self.by_key.contains_key(&key) {
            return None;
        }
        let slot = self.push(key, sig, published);
        if sig.is_empty() {
            self.next.extend(std::iter::repeat(NONE).take(self.params.bands));
            return None;
        }
        // Gather candidates from every band's bucket.
        let mut cands = std::mem::take(&mut self.candidates);
        cands.clear();
        for band in 0..self.params.bands {
            let h = self.band_key(&sig.values, band);
            let mut cur = self.buckets.get(&h).copied().unwrap_or(NONE);
            let mut seen = 0;
            while cur != NONE && seen < self.params.max_bucket_scan {
                cands.push(cur);
                cur = self.next[cur as usize * self.params.bands + band];
                seen += 1;
            }
        }
        cands.sort_unstable();
        cands.dedup();
        let mut best: Option<(f32, u32)> = None;
        for &c in &cands {
            let s = jaccard(&sig.values, self.sig_of(c));
            if s >= self.params.threshold {
                self.union(slot, c);
                let r = &mut self.recs[c as usize];
                r.sim = r.sim.max(s);
                if best.map_or(true, |(bs, _)| s > bs) {
                    best = Some((s, c));
                }
            }
        }
        self.candidates = cands;
        self.link(slot, &sig.values);
        let (sim, matched) = best?;
        self.recs[slot as usize].sim = sim;
        let root = self.find(slot);
        let info = self.root_info(root);
        Some(GroupAssignment {
            group: self.recs[info.first as usize].key,
            canonical: self.recs[info.canonical as usize].key,
            matched: self.recs[matched as usize].key,
            similarity: sim,
            size: info.size as usize,
        })
    }

    /// Index an article whose grouping is already known (reloading a stored state): no
    /// candidate verification. Restore its group afterwards with [`DedupIndex::restore_link`].
    pub fn insert_known(&mut self, key: u64, sig: &Signature, published: Option<&str>) {
        if self.by_key.contains_key(&key) {
            return;
        }
        let slot = self.push(key, sig, published);
        if sig.is_empty() {
            self.next.extend(std::iter::repeat(NONE).take(self.params.bands));
        } else {
            self.link(slot, &sig.values);
        }
    }

    /// Put two indexed articles in the same group and record `similarity` on `key`
    /// (reloading a stored state). Unknown keys are ignored.
    pub fn restore_link(&mut self, key: u64, other: u64, similarity: f32) {
        let (Some(&a), Some(&b)) = (self.by_key.get(&key), self.by_key.get(&other)) else { return };
        self.union(a, b);
        let r = &mut self.recs[a as usize];
        r.sim = r.sim.max(similarity);
    }

    /// The group of `key`, when it has one.
    pub fn group_of(&mut self, key: u64) -> Option<(u64, u64, usize)> {
        let slot = *self.by_key.get(&key)?;
        let root = self.find(slot);
        let info = self.roots.get(&root).copied()?;
        Some((self.recs[info.first as usize].key, self.recs[info.canonical as usize].key, info.size as usize))
    }

    /// Every group of two or more articles, ordered by first member.
    pub fn groups(&mut self) -> Vec<DupGroup> {
        let mut by_root: HashMap<u32, Vec<u32>> = HashMap::new();
        for slot in 0..self.recs.len() as u32 {
            let r = self.find(slot);
            if self.roots.contains_key(&r) {
                by_root.entry(r).or_default().push(slot);
            }
        }
        let mut out: Vec<DupGroup> = by_root
            .into_iter()
            .map(|(r, members)| {
                let info = self.roots[&r];
                DupGroup {
                    group: self.recs[info.first as usize].key,
                    canonical: self.recs[info.canonical as usize].key,
                    members: members.iter().map(|&m| (self.recs[m as usize].key, self.recs[m as usize].sim)).collect(),
                }
            })
            .collect();
        out.sort_by_key(|g| g.group);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::minhash::{MinHashParams, MinHasher};

    fn text(seed: usize, n: usize) -> Vec<String> {
        (0..n).map(|i| format!("w{}", (i * 31 + seed * 1009) % 5003)).collect()
    }

    #[test]
    fn groups_near_copies_and_picks_earliest_then_fullest() {
        let h = MinHasher::new(MinHashParams::default());
        let mut ix = DedupIndex::new(128, LshParams::default());
        let a = text(1, 300);
        let mut b = a.clone();
        b[150] = "changed".into();
        b.truncate(290);
        let c = text(2, 300);
        assert_eq!(ix.insert(10, &h.signature(&a.join(" ")), Some("2020-05-02")), None);
        assert_eq!(ix.insert(11, &h.signature(&c.join(" ")), Some("2020-05-01")), None);
        let g = ix.insert(12, &h.signature(&b.join(" ")), Some("2020-05-01")).expect("near copy found");
        assert_eq!((g.group, g.canonical, g.matched, g.size), (10, 12, 10, 2));
        assert!(g.similarity > 0.8);
        // Same day: the fuller text wins.
        let g = ix.insert(13, &h.signature(&a.join(" ")), Some("2020-05-01")).unwrap();
        assert_eq!((g.canonical, g.size), (13, 3));
        assert_eq!(ix.groups().len(), 1);
        assert_eq!(ix.group_of(11), None);
        // Empty texts are never grouped.
        assert_eq!(ix.insert(14, &h.signature(""), None), None);
        assert_eq!(ix.insert(15, &h.signature("..."), None), None);
    }
}
