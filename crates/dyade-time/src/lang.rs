//! Language packs: a lexicon (`<lang>.lex`) and rule patterns (`<lang>.rules`), parsed once.
//!
//! The formats are documented in the header of `resources/time/fr.lex` and `fr.rules`.
//! Everything language-specific lives there; this module only knows *semantic slots*
//! (`year`, `month`, `shift`, `unit`, `mod`…) that the resolver turns into TIMEX3 values.

use crate::token::{phrase_tokens, Kind, Tokens};
use std::collections::HashMap as StdMap;
use std::hash::{BuildHasherDefault, Hasher};

/// FxHash (rustc's hasher): the lexicon keys are short strings looked up once per token, where
/// SipHash dominated the profile.
#[derive(Default, Clone, Copy)]
pub struct Fx(u64);
impl Fx {
    #[inline]
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}
impl Hasher for Fx {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        // eight bytes at a time (words are short; this is one or two rounds)
        let mut c = bytes.chunks_exact(8);
        for w in &mut c {
            self.add(u64::from_le_bytes(w.try_into().unwrap()));
        }
        let r = c.remainder();
        if !r.is_empty() {
            let mut b = [0u8; 8];
            b[..r.len()].copy_from_slice(r);
            self.add(u64::from_le_bytes(b) ^ ((r.len() as u64) << 59));
        }
    }
    #[inline]
    fn write_u8(&mut self, b: u8) {
        self.add(b as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}
type HashMap<K, V> = StdMap<K, V, BuildHasherDefault<Fx>>;

/// Semantic slots a lexicon entry or rule may set (language-neutral).
pub const SLOTS: &[&str] = &[
    "type", "ref", "mod", "year", "yy", "month", "day", "weekday", "season", "quarter", "half", "week", "weekend", "pod",
    "hour", "minute", "second", "n", "frac", "unit", "shift", "sign", "dir", "set", "anchor", "century", "decade", "easter",
    "pm", "drop", "nth", "ordinal", "tense", "dayword", "approx", "n2", "mult", "half_hour", "minus", "yearword", "now",
    "lead", "sched", "news", "sub", "keep", "endp", "comp", "base", "h24", "tz", "cal", "offm", "offd", "roll", "obs", "ell",
    "len", "lenm", "era", "rest", "durm",
];

/// Number of slots.
pub const NSLOTS: usize = SLOTS.len();

/// Most slot assignments one lexicon entry may carry (the matcher saves them on a fixed array).
pub const MAX_ENTRY_SETS: usize = 8;

/// Slot index by name.
pub fn slot_id(name: &str) -> Option<usize> {
    SLOTS.iter().position(|s| *s == name)
}

/// Slot values: integers, or interned strings (`STR_BASE + index`); `NONE` when unset.
pub type Slots = [i32; NSLOTS];
/// The unset marker.
pub const NONE: i32 = i32::MIN;
/// Interned strings are stored as `STR_BASE + index`.
pub const STR_BASE: i32 = 1 << 28;

/// Slot values the engine itself assigns (the `anchor` kinds), interned first in every pack.
const ENGINE_STRINGS: &[&str] = &["day", "last"];

/// Built-in numeric token classes (language-neutral).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumKind {
    /// Day of month, 1–31, one or two digits.
    D,
    /// Month number 1–12, one or two digits.
    M,
    /// Four-digit year 1000–2999.
    Y,
    /// Exactly two digits.
    Y2,
    /// Hour 0–24.
    H,
    /// Minute, exactly two digits 00–59.
    MI,
    /// Any number.
    N,
    /// A capitalized word (names: "la libération de Pyongyang").
    CAP,
    /// A clock time written as one 3–4 digit number ("1140 a.m.", "340pm"): sets `hour` and
    /// `minute` (hundreds and the rest).
    HM,
    /// A number no date part can be: three digits, 32–99, or five digits and more (the parts
    /// of phone numbers and codes, "555-1212", "123-12-1234").
    X,
    /// A clock time written as one 4-digit number with a leading zero ("0730"): sets `hour`
    /// and `minute`, as `HM`; unlike "2014", never a year.
    HM0,
    /// A date written as one 8-digit number, year, month and day ("20161016"): sets `year`,
    /// `month` and `day`.
    YMD,
}

/// One pattern element.
#[derive(Debug, Clone)]
pub enum Elem {
    /// Literal alternatives, each a token sequence (folded word ids, see [`Lang::vocab`]).
    Lit(Vec<Vec<u32>>, bool),
    /// Lexicon class, optional slot rename, optional flag.
    Class(usize, Option<usize>, bool),
    /// Numeric class, slot, optional flag.
    Num(NumKind, Option<usize>, bool),
    /// A group, optional flag.
    Group(Vec<Elem>, bool),
    /// An expression found by the first pass (`$TIME`, `$DUR`…), for composition rules; the
    /// flag `base` (`$TIME:base`) makes it the anchor of the composite instead of merging its
    /// slots; optional flag.
    Ref(RefKind, bool, bool),
    /// A negative lookahead (`!x` in rules files, `x` any one element: `!than`, `!#N`,
    /// `!$TIME`): the element does not match at this point (the end of the text passes); it
    /// consumes nothing.
    Not(Box<Elem>),
}

/// Kinds of first-pass expressions a composition rule may refer to (`$KIND` in rules files).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefKind {
    /// `$TIME`: any point or period of time (not a duration or a set).
    Time,
    /// `$DATE`: a point or period without a clock time ("tomorrow", "christmas 2014").
    Date,
    /// `$CLOCK`: a clock time without a date ("5pm", "at 3:20").
    Clock,
    /// `$DUR`: a duration ("10 days").
    Dur,
    /// `$SET`: a recurrence ("every monday").
    Set,
    /// `$DAY`: a `$DATE` of one day at most ("tomorrow", "Monday of next week", "in 7 days"; not
    /// "next month"): what a clock time can be on.
    Day,
    /// `$COUNT`: a `$DAY` counted by a number of units from now or from another expression,
    /// without a part of the day ("in 3 days", "two weeks from now", "3 weeks after Christmas"):
    /// what a weekday can be placed by ("Monday two weeks from now").
    Count,
}

/// Token features for the rule prefilter: a bit per lexicon class starting at the token
/// (`cls`, class id modulo 128), a bit per number kind and a hashed bit of the word id (`lit`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Feat {
    /// Lexicon classes.
    pub cls: u128,
    /// Number kinds (bits 0–8) and the word id hashed into bits 9–63.
    pub lit: u64,
}

impl Feat {
    /// True when the two masks share a bit.
    #[inline]
    pub fn meets(&self, o: &Feat) -> bool {
        (self.cls & o.cls) != 0 || (self.lit & o.lit) != 0
    }
    fn or(&mut self, o: &Feat) {
        self.cls |= o.cls;
        self.lit |= o.lit;
    }
}

/// Tokens a rule's required elements are looked for from its start (the prefilter window).
pub const REQ_WINDOW: usize = 8;

/// The `lit` bit of a word id.
#[inline]
pub fn word_bit(w: u32) -> u64 {
    1u64 << (9 + w % 55)
}

/// The `lit` bit of a number kind.
#[inline]
pub fn num_bit(k: NumKind) -> u64 {
    1u64 << (k as u32)
}

/// A rule: up to three parts (`A ~ connector ~ B`, for split ranges) and slot assignments.
#[derive(Debug, Clone)]
pub struct Rule {
    /// Pattern parts (1 or 3).
    pub parts: Vec<Vec<Elem>>,
    /// Constant slot assignments.
    pub set: Vec<(usize, i32)>,
    /// Line in the rules file (for debugging).
    pub line: usize,
    /// Only for scheduling-style inputs (`sched=1`: "à 7" is a time in a request, a score in news).
    pub sched_only: bool,
    /// Only for news-style inputs (`news=1`: a lowercase "may" alone is a modal in news, a
    /// month in a hurried request).
    pub news_only: bool,
    /// Prefilter: every mask must meet the features of the first [`REQ_WINDOW`] tokens
    /// (one per mandatory element that always starts inside that window).
    pub req: Vec<Feat>,
    /// A composition rule (it refers to first-pass expressions with `$KIND`): matched in a
    /// second pass over scheduling-style inputs only, never indexed for the first pass.
    pub comp: bool,
}

/// A lexicon entry.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Class id.
    pub class: usize,
    /// Folded token sequence (lowercased only for `exact` classes).
    pub toks: Vec<String>,
    /// The same tokens as word ids.
    pub ids: Vec<u32>,
    /// Slot assignments.
    pub set: Vec<(usize, i32)>,
}

/// A parsed language pack.
#[derive(Debug)]
pub struct Lang {
    /// Language code.
    pub code: String,
    /// Class names.
    pub classes: Vec<String>,
    /// Classes matched on the lowercased (not accent-folded) form.
    pub exact: Vec<bool>,
    /// Weak classes (articles, numerals, markers): they never trigger matching on their own.
    pub weak: Vec<bool>,
    /// Lexicon entries.
    pub entries: Vec<Entry>,
    /// Every word of the lexicon and the rule literals (folded, or lowercased for `exact`
    /// classes) → word id. Tokens are looked up once per text; matching then compares ids.
    pub vocab: HashMap<String, u32>,
    /// Word id → entries of non-`exact` classes starting with it (longest first).
    first_fold: Vec<Vec<u32>>,
    /// Word id → entries of `exact` classes starting with it (longest first).
    first_exact: Vec<Vec<u32>>,
    /// Rules in priority order.
    pub rules: Vec<Rule>,
    /// Interned strings.
    pub strings: Vec<String>,
    /// Candidate rules (sorted) by the folded word id of the first token: plain word, number, capitalized.
    cand_w: [Vec<Vec<u32>>; 3],
    /// Candidate rules for a number / capitalized word outside the vocabulary.
    cand_unk: [Vec<u32>; 3],
    /// Candidate rules through `exact` classes, by lowercased word id.
    cand_exact: Vec<Vec<u32>>,
    /// The classes the engine looks for by name.
    pub cls: Classes,
}

/// Declares [`Classes`]: one field per lexicon class the engine looks for by name.
macro_rules! classes {
    ($($(#[$doc:meta])* $field:ident = $name:literal,)*) => {
        /// The lexicon classes the engine itself looks for, resolved once per pack (`None`
        /// where the pack has no such class: the step that needs it does nothing).
        #[derive(Debug, Default, Clone, Copy)]
        pub struct Classes {
            $($(#[$doc])* pub $field: Option<usize>,)*
        }

        impl Classes {
            fn of(l: &Lang) -> Classes {
                Classes { $($field: l.class($name),)* }
            }
        }
    };
}

classes! {
    /// `@JOIN`: words between a date and a time that make one expression.
    join = "JOIN",
    /// `@LEAD`: prepositions included in spans of scheduling-style inputs.
    lead = "LEAD",
    /// `@PAST_MARK` / `@FUTURE_MARK`: tense markers of a sentence.
    past_mark = "PAST_MARK",
    /// (see `past_mark`)
    future_mark = "FUTURE_MARK",
    /// `@RANGE_OPEN` / `@RANGE_JOIN`: the words that open and join the bounds of a range.
    range_open = "RANGE_OPEN",
    /// (see `range_open`)
    range_join = "RANGE_JOIN",
    /// `@RANGE_AND`: coordinators among the range connectors ("and"), a range only after a
    /// `@RANGE_AND_OPEN` word ("between"; all `@RANGE_OPEN` words without that class).
    range_and = "RANGE_AND",
    /// (see `range_and`)
    range_and_open = "RANGE_AND_OPEN",
    /// `@WEAK_SINCE`: a range opener that opens no interval before a single expression.
    weak_since = "WEAK_SINCE",
    /// `@UNTIL`: words that open the end of a range ("jusqu'à").
    until = "UNTIL",
    /// `@LASTING`: words between a clock time and how long it lasts ("for").
    lasting = "LASTING",
    /// `@YEAR_JOIN`: words between a date and its year ("of").
    year_join = "YEAR_JOIN",
    /// `@OFFSET`: words between a duration and the day it counts from ("after").
    offset = "OFFSET",
    /// `@DUR_JOIN`: words between durations that add up ("and").
    dur_join = "DUR_JOIN",
    /// `@COORD`: coordinators of a list.
    coord = "COORD",
    /// `@DET` / `@COUNT_DET` / `@BARE_DROP`: words bare spans leave out.
    det = "DET",
    /// (see `det`)
    count_det = "COUNT_DET",
    /// (see `det`)
    bare_drop = "BARE_DROP",
    /// `@CLOCK_UNIT`: an hour word that also tells the time of day.
    clock_unit = "CLOCK_UNIT",
    /// `@APART`: words that keep a date and a time apart.
    apart = "APART",
    /// `@TASKS_SKIP` / `@TASKS_SKIP_GLUED` / `@CALENDAR_SKIP` / `@CALENDAR_DURING`: the words
    /// of the tasks and calendar output modes (see the `modes` module).
    tasks_skip = "TASKS_SKIP",
    /// (see `tasks_skip`)
    tasks_skip_glued = "TASKS_SKIP_GLUED",
    /// (see `tasks_skip`)
    calendar_skip = "CALENDAR_SKIP",
    /// (see `tasks_skip`)
    calendar_during = "CALENDAR_DURING",
    /// Word classes the span steps look at around an expression: month names (a period
    /// after an abbreviation)…
    month = "MONTH",
    /// … weekday names, abbreviated or not, and in full only…
    weekday = "WEEKDAY",
    /// (see `weekday`)
    weekday_full = "WEEKDAY_FULL",
    /// … seasons, holidays, anaphoric and relative days…
    season = "SEASON",
    /// (see `season`)
    holiday = "HOLIDAY",
    /// (see `season`)
    anaphoric_day = "ANAPHORIC_DAY",
    /// (see `season`)
    rel_day = "REL_DAY",
    /// … parts of the day, and halves of the day after a clock time ("pm")…
    pod = "POD",
    /// (see `pod`)
    timepod = "TIMEPOD",
    /// … units and number words…
    unit = "UNIT",
    /// (see `unit`)
    num = "NUM",
    /// … and direction words ("this", "next", "last").
    this = "THIS",
    /// (see `this`)
    next_adj = "NEXT_ADJ",
    /// (see `this`)
    past_adj = "PAST_ADJ",
    /// The time zone classes (see the `zones` module doc): `@TZ`, `@TZ_AMBIGUOUS`, `@TZ_WORD`,
    /// `@TZ_SIGNED`, `@TZ_HOUR_MARK`, `@TZ_PLACE`, `@TZ_PLACE_CAP`, `@TZ_PREFIX`,
    /// `@TZ_SUFFIX`, `@TZ_DAYLIGHT`, `@TZ_LEAD`, `@TZ_CLOCK_END`.
    tz = "TZ",
    /// (see `tz`)
    tz_ambiguous = "TZ_AMBIGUOUS",
    /// (see `tz`)
    tz_word = "TZ_WORD",
    /// (see `tz`)
    tz_signed = "TZ_SIGNED",
    /// (see `tz`)
    tz_hour_mark = "TZ_HOUR_MARK",
    /// (see `tz`)
    tz_place = "TZ_PLACE",
    /// (see `tz`)
    tz_place_cap = "TZ_PLACE_CAP",
    /// (see `tz`)
    tz_prefix = "TZ_PREFIX",
    /// (see `tz`)
    tz_suffix = "TZ_SUFFIX",
    /// (see `tz`)
    tz_daylight = "TZ_DAYLIGHT",
    /// (see `tz`)
    tz_lead = "TZ_LEAD",
    /// (see `tz`)
    tz_clock_end = "TZ_CLOCK_END",
}

/// Word id of a token outside the vocabulary.
pub const UNK: u32 = u32::MAX;

/// Per-text preparation: each token's word ids and the lexicon entries matching at it.
#[derive(Debug, Default)]
pub struct Prep {
    /// Folded word id per token (`UNK` outside the vocabulary).
    pub fid: Vec<u32>,
    /// Lowercased word id per token (for `exact` classes).
    pub lid: Vec<u32>,
    /// Prefilter features per token.
    pub feat: Vec<Feat>,
    /// Token starts an entry of a non-weak class that is present in full (a matching anchor).
    pub strong: Vec<bool>,
    starts: Vec<u32>,
    ents: Vec<(u32, u32)>,
}

/// An error in a resource file, naming the file and line.
#[derive(Debug)]
pub struct ResourceError(pub String);

impl std::fmt::Display for ResourceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
impl std::error::Error for ResourceError {}

impl Lang {
    /// Parse a language pack from its lexicon and rules texts (`lex_name`/`rules_name` for errors).
    pub fn parse(code: &str, lex: &str, lex_name: &str, rules: &str, rules_name: &str) -> Result<Lang, ResourceError> {
        let mut l = Lang {
            code: code.into(),
            classes: vec![],
            exact: vec![],
            weak: vec![],
            entries: vec![],
            vocab: HashMap::default(),
            first_fold: vec![],
            first_exact: vec![],
            rules: vec![],
            // the engine's own slot values, interned in every pack whether or not its lexicon
            // uses them (steps set `anchor=day` on matches no entry gave it)
            strings: ENGINE_STRINGS.iter().map(|&x| x.into()).collect(),
            cand_w: [vec![], vec![], vec![]],
            cand_unk: [vec![], vec![], vec![]],
            cand_exact: vec![],
            cls: Classes::default(),
        };
        let mut cur: Option<usize> = None;
        for (ln, raw) in lex.lines().enumerate() {
            let line = strip_comment(raw).trim();
            if line.is_empty() {
                continue;
            }
            let err = |m: &str| ResourceError(format!("{lex_name}:{}: {m}: `{raw}`", ln + 1));
            if let Some(rest) = line.strip_prefix('@') {
                let mut it = rest.split_whitespace();
                let name = it.next().ok_or_else(|| err("empty class name"))?;
                let opts: Vec<&str> = it.collect();
                let id = l.class_id(name);
                l.exact[id] = opts.contains(&"exact");
                l.weak[id] = opts.contains(&"weak") || l.exact[id];
                cur = Some(id);
                continue;
            }
            let class = cur.ok_or_else(|| err("entry before any @CLASS header"))?;
            let (surf, sets) = match line.split_once("=>") {
                Some((a, b)) => (a, b),
                None => (line, ""),
            };
            let set = l.parse_sets(sets).map_err(|m| err(&m))?;
            if set.len() > MAX_ENTRY_SETS {
                return Err(err(&format!("more than {MAX_ENTRY_SETS} slot assignments")));
            }
            for s in surf.split('|') {
                let s = s.trim();
                if s.is_empty() {
                    continue;
                }
                let toks = if l.exact[class] { s.split_whitespace().map(|w| w.to_lowercase()).collect() } else { phrase_tokens(s) };
                if toks.is_empty() {
                    return Err(err("empty surface"));
                }
                let ids = toks.iter().map(|w| l.word_id(w)).collect();
                l.entries.push(Entry { class, toks, ids, set: set.clone() });
            }
        }
        for (ln, raw) in rules.lines().enumerate() {
            let line = strip_comment(raw).trim();
            if line.is_empty() {
                continue;
            }
            let err = |m: &str| ResourceError(format!("{rules_name}:{}: {m}: `{raw}`", ln + 1));
            let (pat, sets) = line.split_once("=>").ok_or_else(|| err("missing `=>`"))?;
            let set = l.parse_sets(sets).map_err(|m| err(&m))?;
            let mut parts = vec![];
            for p in pat.split(" ~ ") {
                let words: Vec<&str> = p.split_whitespace().collect();
                let mut pos = 0;
                let elems = l.parse_elems(&words, &mut pos).map_err(|m| err(&m))?;
                if pos != words.len() {
                    return Err(err("unbalanced `)`"));
                }
                if elems.is_empty() {
                    return Err(err("empty pattern part"));
                }
                parts.push(elems);
            }
            if parts.len() != 1 && parts.len() != 3 {
                return Err(err("a split rule has exactly three parts `A ~ connector ~ B`"));
            }
            let sched_only = set.iter().any(|&(k, _)| Some(k) == slot_id("sched"));
            let news_only = set.iter().any(|&(k, _)| Some(k) == slot_id("news"));
            let comp = parts.iter().any(|p| has_ref(p));
            if comp && parts.len() != 1 {
                return Err(err("a composition rule (`$KIND`) cannot be a split range"));
            }
            l.rules.push(Rule { parts, set, line: ln + 1, req: vec![], sched_only, news_only, comp });
        }
        l.build_tables();
        Ok(l)
    }

    /// The id of lexicon class `name` (`"RANGE_JOIN"` for `@RANGE_JOIN`), if the pack has it.
    pub fn class(&self, name: &str) -> Option<usize> {
        self.classes.iter().position(|c| c == name)
    }

    fn class_id(&mut self, name: &str) -> usize {
        if let Some(i) = self.class(name) {
            return i;
        }
        self.classes.push(name.into());
        self.exact.push(false);
        self.weak.push(false);
        self.classes.len() - 1
    }

    /// The id of a vocabulary word, adding it.
    fn word_id(&mut self, w: &str) -> u32 {
        let n = self.vocab.len() as u32;
        *self.vocab.entry(w.to_string()).or_insert(n)
    }

    /// Index entries and rules by word id (called once the pack is parsed).
    fn build_tables(&mut self) {
        let nv = self.vocab.len();
        self.first_fold = vec![vec![]; nv];
        self.first_exact = vec![vec![]; nv];
        for (i, e) in self.entries.iter().enumerate() {
            let w = e.ids[0] as usize;
            if self.exact[e.class] {
                self.first_exact[w].push(i as u32);
            } else {
                self.first_fold[w].push(i as u32);
            }
        }
        for v in self.first_fold.iter_mut().chain(self.first_exact.iter_mut()) {
            let entries = &self.entries;
            v.sort_by_key(|&i| std::cmp::Reverse(entries[i as usize].ids.len()));
        }
        // first elements of every rule
        let mut by_lit: Vec<Vec<u32>> = vec![vec![]; nv];
        let mut by_class: Vec<Vec<u32>> = vec![vec![]; self.classes.len()];
        let (mut by_num, mut by_cap) = (vec![], vec![]);
        for ri in 0..self.rules.len() {
            if self.rules[ri].comp {
                continue;
            }
            let mut firsts = vec![];
            first_set(&self.rules[ri].parts[0], &mut firsts);
            for f in firsts {
                match f {
                    First::Lit(w) => by_lit[w as usize].push(ri as u32),
                    First::Class(c) => by_class[c].push(ri as u32),
                    First::Num(false) => by_num.push(ri as u32),
                    First::Num(true) => by_cap.push(ri as u32),
                }
            }
        }
        let norm = |mut v: Vec<u32>| {
            v.sort_unstable();
            v.dedup();
            v
        };
        let mut plain = vec![];
        for (lit, fold) in by_lit.iter().zip(&self.first_fold).take(nv) {
            let mut v = lit.clone();
            for &ei in fold {
                v.extend_from_slice(&by_class[self.entries[ei as usize].class]);
            }
            plain.push(norm(v));
        }
        let with = |extra: &[u32]| plain.iter().map(|v| norm(v.iter().chain(extra).copied().collect())).collect::<Vec<_>>();
        self.cand_w = [plain.clone(), with(&by_num), with(&by_cap)];
        self.cand_unk = [vec![], norm(by_num), norm(by_cap)];
        self.cand_exact = (0..nv)
            .map(|w| norm(self.first_exact[w].iter().flat_map(|&ei| by_class[self.entries[ei as usize].class].iter().copied()).collect()))
            .collect();
        // prefilter requirements
        let maxlen: Vec<usize> = (0..self.classes.len()).map(|c| self.entries.iter().filter(|e| e.class == c).map(|e| e.ids.len()).max().unwrap_or(1)).collect();
        for r in self.rules.iter_mut().filter(|r| !r.comp) {
            let mut off = 0usize;
            for e in &r.parts[0] {
                if off >= REQ_WINDOW {
                    break;
                }
                if let Some(m) = elem_mask(e) {
                    r.req.push(m);
                }
                off += elem_maxlen(e, &maxlen);
            }
        }
        self.cls = Classes::of(self);
    }

    /// Intern a string value.
    pub fn intern(&mut self, s: &str) -> i32 {
        if let Some(v) = self.value(s) {
            return v;
        }
        self.strings.push(s.into());
        STR_BASE + self.strings.len() as i32 - 1
    }

    /// The interned value of string `s`, if the pack sets it anywhere (`None` otherwise: no
    /// slot can hold it).
    pub fn value(&self, s: &str) -> Option<i32> {
        self.strings.iter().position(|x| x == s).map(|i| STR_BASE + i as i32)
    }

    /// The string of an interned value.
    pub fn str_of(&self, v: i32) -> Option<&str> {
        (v >= STR_BASE).then(|| self.strings.get((v - STR_BASE) as usize).map(|s| s.as_str())).flatten()
    }

    fn parse_sets(&mut self, s: &str) -> Result<Vec<(usize, i32)>, String> {
        let mut out = vec![];
        for kv in s.split_whitespace() {
            let (k, v) = kv.split_once('=').ok_or_else(|| format!("`{kv}` is not key=value"))?;
            let id = slot_id(k).ok_or_else(|| format!("unknown slot `{k}`"))?;
            // `slot=-` clears a slot (a composition rule drops a part's `type=DURATION`)
            let val = match v.parse::<i32>() {
                Ok(n) => n,
                Err(_) if v == "-" => NONE,
                Err(_) => self.intern(v),
            };
            out.push((id, val));
        }
        Ok(out)
    }

    fn parse_elems(&mut self, w: &[&str], pos: &mut usize) -> Result<Vec<Elem>, String> {
        let mut out = vec![];
        while *pos < w.len() {
            let t = w[*pos];
            if t == ")" || t == ")?" {
                return Ok(out);
            }
            *pos += 1;
            if t == "(" {
                let g = self.parse_elems(w, pos)?;
                let close = w.get(*pos).ok_or("unclosed `(`")?;
                *pos += 1;
                out.push(Elem::Group(g, *close == ")?"));
                continue;
            }
            let (t, opt) = match t.strip_suffix('?') {
                Some(x) if !x.is_empty() => (x, true),
                _ => (t, false),
            };
            if let Some(c) = t.strip_prefix('$').filter(|c| !c.is_empty()) {
                let (name, base) = match c.split_once(':') {
                    Some((n, "base")) => (n, true),
                    Some((_, s)) => return Err(format!("`${c}`: only `:base` may follow an expression kind, not `:{s}`")),
                    None => (c, false),
                };
                let k = match name {
                    "TIME" => RefKind::Time,
                    "DATE" => RefKind::Date,
                    "CLOCK" => RefKind::Clock,
                    "DUR" => RefKind::Dur,
                    "SET" => RefKind::Set,
                    "DAY" => RefKind::Day,
                    "COUNT" => RefKind::Count,
                    _ => return Err(format!("unknown expression kind ${name}")),
                };
                out.push(Elem::Ref(k, base, opt));
            } else if let Some(c) = t.strip_prefix('@') {
                let (name, rename) = split_rename(c)?;
                let id = self.class(name).ok_or_else(|| format!("unknown class @{name}"))?;
                out.push(Elem::Class(id, rename, opt));
            } else if let Some(c) = t.strip_prefix('#').filter(|c| !c.is_empty()) {
                let (name, rename) = split_rename(c)?;
                let k = match name {
                    "D" => NumKind::D,
                    "M" => NumKind::M,
                    "Y" => NumKind::Y,
                    "Y2" => NumKind::Y2,
                    "H" => NumKind::H,
                    "MI" => NumKind::MI,
                    "N" => NumKind::N,
                    "CAP" => NumKind::CAP,
                    "HM" => NumKind::HM,
                    "YMD" => NumKind::YMD,
                    "HM0" => NumKind::HM0,
                    "X" => NumKind::X,
                    _ => return Err(format!("unknown number class #{name}")),
                };
                out.push(Elem::Num(k, rename, opt));
            } else if let Some(c) = t.strip_prefix('!').filter(|c| !c.is_empty()) {
                // one element, parsed as if it stood alone
                let inner = self.parse_elems(&[c], &mut 0)?;
                match (inner.len(), opt) {
                    (1, false) => out.push(Elem::Not(Box::new(inner.into_iter().next().expect("one")))),
                    _ => return Err(format!("bad negative lookahead `{t}`")),
                }
            } else {
                let alts: Vec<Vec<u32>> =
                    t.split('|').map(phrase_tokens).filter(|v| !v.is_empty()).map(|v| v.iter().map(|w| self.word_id(w)).collect()).collect();
                if alts.is_empty() {
                    return Err(format!("empty literal `{t}`"));
                }
                out.push(Elem::Lit(alts, opt));
            }
        }
        Ok(out)
    }

    /// Word ids and the lexicon entries matching at each token, computed once per text
    /// (one hash lookup per token; matching then compares integers).
    pub fn prepare(&self, t: &Tokens, p: &mut Prep) {
        let n = t.toks.len();
        p.fid.clear();
        p.lid.clear();
        p.starts.clear();
        p.ents.clear();
        for i in 0..n {
            let f = t.fold(i);
            let fid = self.vocab.get(f).copied().unwrap_or(UNK);
            let lw = t.low(i);
            let lid = if t.toks[i].low == t.toks[i].fold { fid } else { self.vocab.get(lw).copied().unwrap_or(UNK) };
            p.fid.push(fid);
            p.lid.push(lid);
        }
        for i in 0..n {
            p.starts.push(p.ents.len() as u32);
            for (w, list, ids) in [(p.fid[i], &self.first_fold, &p.fid), (p.lid[i], &self.first_exact, &p.lid)] {
                if w == UNK {
                    continue;
                }
                for &ei in &list[w as usize] {
                    let e = &self.entries[ei as usize];
                    let k = e.ids.len();
                    if i + k > n {
                        continue;
                    }
                    if (1..k).all(|j| !t.toks[i + j].brk && ids[i + j] == e.ids[j]) {
                        p.ents.push((ei, (i + k) as u32));
                    }
                }
            }
        }
        p.starts.push(p.ents.len() as u32);
        p.feat.clear();
        p.strong.clear();
        for i in 0..n {
            let tk = &t.toks[i];
            let mut f = Feat::default();
            if p.fid[i] != UNK {
                f.lit |= word_bit(p.fid[i]);
            }
            if tk.kind == Kind::Num {
                for k in NUM_KINDS {
                    if crate::num_ok(k, tk) {
                        f.lit |= num_bit(k);
                    }
                }
            } else if tk.cap && tk.kind == Kind::Word {
                f.lit |= num_bit(NumKind::CAP);
            }
            let mut strong = false;
            for &(ei, _) in &p.ents[p.starts[i] as usize..p.starts[i + 1] as usize] {
                let c = self.entries[ei as usize].class;
                f.cls |= 1u128 << (c % 128);
                strong |= !self.weak[c];
            }
            p.feat.push(f);
            p.strong.push(strong);
        }
    }

    /// Features of the window of [`REQ_WINDOW`] tokens from `i`.
    #[inline]
    pub fn window(&self, p: &Prep, i: usize) -> Feat {
        let mut w = Feat::default();
        for f in &p.feat[i..(i + REQ_WINDOW).min(p.feat.len())] {
            w.or(f);
        }
        w
    }

    /// True when an entry of `class` (when the pack has that class) starts at token `i`.
    #[inline]
    pub fn has(&self, p: &Prep, class: Option<usize>, i: usize) -> bool {
        class.is_some_and(|c| self.cached(p, c, i).next().is_some())
    }

    /// Entries of `class` at token `i` (end token, entry), from the preparation.
    #[inline]
    pub fn cached<'a>(&'a self, p: &'a Prep, class: usize, i: usize) -> impl Iterator<Item = (usize, &'a Entry)> + 'a {
        let r = if i + 1 < p.starts.len() { p.starts[i] as usize..p.starts[i + 1] as usize } else { 0..0 };
        p.ents[r].iter().filter_map(move |&(ei, end)| {
            let e = &self.entries[ei as usize];
            (e.class == class).then_some((end as usize, e))
        })
    }

    /// True when token `i` can anchor a temporal expression: a number, or the first token of
    /// an entry of a non-weak class. Matching is only tried near such tokens (speed).
    #[inline]
    pub fn strong(&self, t: &Tokens, p: &Prep, i: usize) -> bool {
        // only where the whole entry is present: "le" of "le plus tôt possible" anchors
        // nothing elsewhere
        t.toks[i].kind == Kind::Num || p.strong[i]
    }

    /// Candidate rules (sorted) that may start at token `i`; `buf` is scratch space used only
    /// when an `exact` class adds rules.
    #[inline]
    pub fn candidates<'a>(&'a self, t: &Tokens, p: &Prep, i: usize, buf: &'a mut Vec<u32>) -> &'a [u32] {
        let tk = &t.toks[i];
        let k = if tk.kind == Kind::Num {
            1
        } else if tk.cap {
            2
        } else {
            0
        };
        let base: &[u32] = if p.fid[i] != UNK { &self.cand_w[k][p.fid[i] as usize] } else { &self.cand_unk[k] };
        let ex: &[u32] = if p.lid[i] != UNK { &self.cand_exact[p.lid[i] as usize] } else { &[] };
        if ex.is_empty() {
            return base;
        }
        buf.clear();
        buf.extend_from_slice(base);
        buf.extend_from_slice(ex);
        buf.sort_unstable();
        buf.dedup();
        buf
    }
}

fn split_rename(c: &str) -> Result<(&str, Option<usize>), String> {
    match c.split_once(':') {
        Some((n, s)) => Ok((n, Some(slot_id(s).ok_or_else(|| format!("unknown slot `{s}`"))?))),
        None => Ok((c, None)),
    }
}

fn strip_comment(s: &str) -> &str {
    // `#` starts a comment only at line start or after whitespace and not before a class name letter
    // (number classes are written `#D`, `#Y`…, so comments are `# ` or a line starting with `#`).
    if s.trim_start().starts_with('#') && !s.trim_start().starts_with("#D") && !s.trim_start()[1..].starts_with(|c: char| c.is_ascii_uppercase()) {
        return "";
    }
    match s.find(" # ") {
        Some(i) => &s[..i],
        None => s,
    }
}

const NUM_KINDS: [NumKind; 12] = [NumKind::D, NumKind::M, NumKind::Y, NumKind::Y2, NumKind::H, NumKind::MI, NumKind::N, NumKind::CAP, NumKind::HM, NumKind::X, NumKind::YMD, NumKind::HM0];

/// True when a pattern refers to a first-pass expression (a composition rule).
fn has_ref(elems: &[Elem]) -> bool {
    elems.iter().any(|e| match e {
        Elem::Ref(..) => true,
        Elem::Group(g, _) => has_ref(g),
        Elem::Not(e) => has_ref(std::slice::from_ref(&**e)),
        _ => false,
    })
}

/// The prefilter mask of a mandatory element (`None` for optional elements and groups).
fn elem_mask(e: &Elem) -> Option<Feat> {
    match e {
        Elem::Lit(alts, false) => Some(Feat { cls: 0, lit: alts.iter().fold(0, |m, a| m | word_bit(a[0])) }),
        Elem::Class(c, _, false) => Some(Feat { cls: 1u128 << (c % 128), lit: 0 }),
        Elem::Num(k, _, false) => Some(Feat { cls: 0, lit: num_bit(*k) }),
        _ => None,
    }
}

/// The most tokens an element can span.
fn elem_maxlen(e: &Elem, class_max: &[usize]) -> usize {
    match e {
        Elem::Lit(alts, _) => alts.iter().map(|a| a.len()).max().unwrap_or(1),
        Elem::Class(c, _, _) => class_max[*c],
        Elem::Num(..) => 1,
        Elem::Group(g, _) => g.iter().map(|x| elem_maxlen(x, class_max)).sum(),
        Elem::Ref(..) => REQ_WINDOW,
        Elem::Not(_) => 0,
    }
}

enum First {
    Lit(u32),
    Class(usize),
    Num(bool),
}

/// The possible first items of a sequence (through optional prefixes).
fn first_set(elems: &[Elem], out: &mut Vec<First>) -> bool {
    for e in elems {
        let opt = match e {
            Elem::Lit(alts, o) => {
                for a in alts {
                    out.push(First::Lit(a[0]));
                }
                *o
            }
            Elem::Class(c, _, o) => {
                out.push(First::Class(*c));
                *o
            }
            Elem::Num(k, _, o) => {
                out.push(First::Num(*k == NumKind::CAP));
                *o
            }
            Elem::Group(g, o) => {
                let all_opt = first_set(g, out);
                *o || all_opt
            }
            Elem::Ref(..) => return false,
            // consumes nothing: the first items are those after it
            Elem::Not(_) => true,
        };
        if !opt {
            return false;
        }
    }
    true
}
