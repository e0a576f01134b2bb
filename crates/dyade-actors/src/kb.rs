//! The actor knowledge base: countries, places, organisations, other names and people with
//! dated roles, loaded from the TSV files of `resources/actors/` (format in its README.md).

use crate::normalize::{edit_distance, key, norm, translit, translit_token};
use dyade_core::EntityType;
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// What kind of actor an entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActorKind {
    /// A country, territory or historical state; its ref is a code (ISO 3166 alpha-3, SUN…).
    Country,
    /// A city, region or other place (capitals included).
    Place,
    /// An organisation or institution (seats of government such as the Kremlin included).
    Org,
    /// A person.
    Person,
    /// Another proper name: war, treaty, event.
    Misc,
}

/// A role held by a person over a period.
#[derive(Debug, Clone, PartialEq)]
pub struct Role {
    /// Role code (`head_of_state`, `defence_minister`…; see `roles.tsv`).
    pub code: String,
    /// Organisation the role belongs to, when it is not the person's government.
    pub org: Option<String>,
    /// First day (`YYYY-MM-DD`, padded from `YYYY`/`YYYY-MM`), `None` when open.
    pub from: Option<String>,
    /// Last day, `None` while in office.
    pub to: Option<String>,
}

impl Role {
    /// True when the role is held on `date` (`YYYY-MM-DD…`; only the first 10 chars count).
    pub fn active_on(&self, date: &str) -> bool {
        let d = date.get(..10).unwrap_or(date);
        self.from.as_deref().map_or(true, |f| f <= d) && self.to.as_deref().map_or(true, |t| d <= t)
    }
}

/// One knowledge-base entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Actor {
    /// Canonical ref (country code, or English name).
    pub id: String,
    /// Kind of actor.
    pub kind: ActorKind,
    /// Entity type of a mention of this actor (PER/LOC/ORG/MISC).
    pub label: EntityType,
    /// English display name (for countries the name, not the code).
    pub name: String,
    /// Country code the actor belongs to, when any.
    pub country: Option<String>,
    /// Subtype: org type (`IGO`, `media`, `GOV`, `seat`…), place kind (`city`, `region`…).
    pub subtype: String,
    /// CAMEO/PLOVER agent code for organisations (`IGO`, `EUR`, `UNO`…), when any.
    pub agent: Option<String>,
    /// All names (canonical first).
    pub names: Vec<String>,
    /// Dated roles (people only).
    pub roles: Vec<Role>,
    /// Names listed with a leading `~`: used for linking, never searched for in text by the
    /// gazetteer (common-noun phrases such as "armée russe", "région de Koursk").
    pub link_only: Vec<String>,
    /// Country flags (`family_first`: people of this country give the family name first).
    pub flags: Vec<String>,
}

/// How a candidate was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum MatchKind {
    /// Same normalized key as a listed name.
    Exact,
    /// Same transliteration key.
    Translit,
    /// Within a small edit distance of a listed name.
    Fuzzy,
}

/// A lookup result.
#[derive(Debug, Clone, Copy)]
pub struct Candidate<'a> {
    /// The entry.
    pub actor: &'a Actor,
    /// Index of the entry in [`ActorKb::actors`].
    pub index: usize,
    /// How it matched.
    pub how: MatchKind,
}

/// A title lexicon entry ("ministre de la Défense" → `defence_minister`).
#[derive(Debug, Clone, PartialEq)]
pub struct Title {
    /// Role code, or `_skip` (ignorable word) / `_former` (the title is about a former holder).
    pub role: String,
    /// Countries the title applies to; a title with one country implies it.
    pub countries: Vec<String>,
}

/// Result of reading a title phrase.
#[derive(Debug, Clone, PartialEq)]
pub struct TitleMatch {
    /// Role code.
    pub role: String,
    /// Country code, from an adjective, a country name or the title itself.
    pub country: Option<String>,
    /// The holder on the date asked, when known.
    pub holder: Option<String>,
}

/// Errors loading resources; each names the file and line.
#[derive(Debug, thiserror::Error)]
pub enum KbError {
    /// A malformed line.
    #[error("{file}:{line}: {msg}")]
    Line {
        /// File name.
        file: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        msg: String,
    },
    /// A file that cannot be read.
    #[error("{file}: {source}")]
    Io {
        /// File name.
        file: String,
        /// The I/O error.
        source: std::io::Error,
    },
}

/// The embedded default resources: (file name, content).
pub const DEFAULT_FILES: &[(&str, &str)] = &[
    ("countries.tsv", include_str!("../../../resources/actors/countries.tsv")),
    ("places.tsv", include_str!("../../../resources/actors/places.tsv")),
    ("organizations.tsv", include_str!("../../../resources/actors/organizations.tsv")),
    ("misc.tsv", include_str!("../../../resources/actors/misc.tsv")),
    ("people.tsv", include_str!("../../../resources/actors/people.tsv")),
    ("roles.tsv", include_str!("../../../resources/actors/roles.tsv")),
    ("titles.fr.tsv", include_str!("../../../resources/actors/titles.fr.tsv")),
    ("titles.en.tsv", include_str!("../../../resources/actors/titles.en.tsv")),
    ("place_words.fr.txt", include_str!("../../../resources/actors/place_words.fr.txt")),
    ("place_words.en.txt", include_str!("../../../resources/actors/place_words.en.txt")),
    ("name_prefixes.txt", include_str!("../../../resources/actors/name_prefixes.txt")),
    ("agents.en.tsv", include_str!("../../../resources/actors/agents.en.tsv")),
];

/// The knowledge base with its indexes.
#[derive(Debug, Default, Clone)]
pub struct ActorKb {
    /// All entries, in file order (earlier = preferred among equal candidates).
    pub actors: Vec<Actor>,
    by_id: HashMap<String, usize>,
    by_key: HashMap<String, Vec<usize>>,
    by_translit: HashMap<String, Vec<usize>>,
    adjectives: HashMap<String, Vec<String>>,
    /// role code → sector (GOV, MIL…).
    role_sectors: HashMap<String, String>,
    titles: HashMap<String, Title>,
    /// Words that, right before a seat of government, make the mention a place ("au Kremlin").
    pub(crate) place_words: HashSet<String>,
    /// Capitalised words that start longer place names ("New", "Saint"): a one-word name
    /// right after one is not matched on its own.
    pub(crate) name_prefixes: HashSet<String>,
    /// Agent nouns (`agents.<lang>.tsv`): (lang, normalized phrase) → sector ("police" → COP).
    agent_words: HashMap<(String, String), String>,
    /// translit surname → people.
    surnames: HashMap<String, Vec<usize>>,
    /// Normalized key of every name of every entry, parallel to `actors[i].names`.
    name_keys: Vec<Vec<String>>,
    /// Person names as translit token lists, bucketed by (token count, first letter of the
    /// first token): a fuzzy query only ever matches names whose tokens share its first
    /// letters, so [`ActorKb::fuzzy_person`] looks at one small bucket.
    person_names: HashMap<(usize, Option<char>), Vec<PersonName>>,
    /// Keys of the names of non-person entries as chars, bucketed by (first char, char
    /// count), in [`ActorKb::all_names`] order: candidates within one edit of a query.
    other_names: HashMap<(char, usize), Vec<(Vec<char>, usize)>>,
    /// Last word of a country name's key → (country index, the key before that word).
    country_parts: HashMap<String, Vec<(usize, String)>>,
    /// Country code → index of its first capital entry.
    capitals: HashMap<String, usize>,
    /// Country code → indices of its people, in file order.
    people_by_country: HashMap<String, Vec<usize>>,
}

/// One person name prepared for fuzzy matching.
#[derive(Debug, Clone)]
struct PersonName {
    actor: usize,
    /// Translit-folded tokens of the name's key.
    toks: Vec<String>,
    /// Index of the surname token.
    si: usize,
}

fn split_list(s: &str) -> impl Iterator<Item = &str> {
    s.split('|').map(str::trim).filter(|x| !x.is_empty())
}

fn pad_date(d: &str, end: bool) -> Option<String> {
    let d = d.trim();
    if d.is_empty() {
        return None;
    }
    let parts: Vec<&str> = d.split('-').collect();
    let ok = parts.iter().all(|p| p.chars().all(|c| c.is_ascii_digit())) && parts[0].len() == 4 && parts.len() <= 3;
    if !ok {
        return Some(String::from("!"));
    }
    Some(match parts.len() {
        1 => format!("{}-{}", parts[0], if end { "12-31" } else { "01-01" }),
        2 => format!("{}-{}-{}", parts[0], parts[1], if end { "31" } else { "01" }),
        _ => d.to_string(),
    })
}

/// French/English inflections of an adjective or demonym given in the masculine singular
/// ("nord-coréen" → nord-coréenne, nord-coréens, nord-coréennes). Irregular forms are listed
/// in the resource itself; generating junk forms for English words is harmless (they never
/// occur).
pub fn inflect(adj: &str) -> Vec<String> {
    let mut v = vec![adj.to_string()];
    if adj.ends_with('e') {
        v.push(format!("{adj}s"));
    } else if adj.ends_with("en") || adj.ends_with("on") {
        v.extend([format!("{adj}ne"), format!("{adj}s"), format!("{adj}nes")]);
    } else if adj.ends_with('s') || adj.ends_with('x') {
        v.extend([format!("{adj}e"), format!("{adj}es")]);
    } else {
        v.extend([format!("{adj}e"), format!("{adj}s"), format!("{adj}es")]);
    }
    v
}

impl ActorKb {
    /// The knowledge base built from the resources embedded at compile time.
    pub fn load_default() -> Self {
        let mut kb = ActorKb::default();
        for (name, text) in DEFAULT_FILES {
            kb.add_file(name, text).unwrap_or_else(|e| panic!("embedded resource: {e}"));
        }
        kb.finish();
        kb
    }

    /// A knowledge base from the files of `dir` only (same names and formats as
    /// `resources/actors/`; missing files are skipped, `titles.*.tsv` and `place_words.*.txt`
    /// are all read).
    pub fn load_dir(dir: impl AsRef<Path>) -> Result<Self, KbError> {
        let mut kb = ActorKb::default();
        kb.extend_dir(dir)?;
        Ok(kb)
    }

    /// Add the files of `dir` to this knowledge base (user extensions on top of the defaults).
    pub fn extend_dir(&mut self, dir: impl AsRef<Path>) -> Result<(), KbError> {
        let dir = dir.as_ref();
        let rd = std::fs::read_dir(dir).map_err(|e| KbError::Io { file: dir.display().to_string(), source: e })?;
        let mut names: Vec<_> = rd.filter_map(|e| e.ok()).map(|e| e.path()).collect();
        // countries first so that people and places can refer to them; then file order as in defaults
        let order = |p: &std::path::PathBuf| {
            let n = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            DEFAULT_FILES.iter().position(|(d, _)| *d == n || (n.starts_with("titles.") && d.starts_with("titles."))).unwrap_or(99)
        };
        names.sort_by_key(|p| (order(p), p.clone()));
        for p in names {
            if order(&p) == 99 && !p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with("place_words.") || n.starts_with("name_prefixes.") || n.starts_with("agents.")) {
                continue;
            }
            let text = std::fs::read_to_string(&p).map_err(|e| KbError::Io { file: p.display().to_string(), source: e })?;
            let fname = p.file_name().and_then(|n| n.to_str()).unwrap_or("").to_string();
            self.add_file_named(&fname, &p.display().to_string(), &text)?;
        }
        self.finish();
        Ok(())
    }

    /// Parse one resource file by its file name (`countries.tsv`, `people.tsv`…). Call
    /// [`ActorKb::finish`] afterwards.
    pub fn add_file(&mut self, name: &str, text: &str) -> Result<(), KbError> {
        self.add_file_named(name, name, text)
    }

    fn add_file_named(&mut self, name: &str, shown: &str, text: &str) -> Result<(), KbError> {
        for (i, line) in text.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let err = |msg: String| KbError::Line { file: shown.to_string(), line: i + 1, msg };
            let f: Vec<&str> = line.split('\t').map(str::trim).collect();
            let need = |n: usize| if f.len() < n { Err(err(format!("expected at least {n} tab-separated fields, found {}", f.len()))) } else { Ok(()) };
            let opt = |k: usize| f.get(k).copied().filter(|s| !s.is_empty()).map(str::to_string);
            match name {
                "countries.tsv" => {
                    need(3)?;
                    let code = f[0].to_string();
                    if code.is_empty() {
                        return Err(err("empty code".into()));
                    }
                    let mut names = vec![f[1].to_string()];
                    names.extend(split_list(f[2]).map(String::from));
                    for a in f.get(3).map(|s| split_list(s).collect::<Vec<_>>()).unwrap_or_default() {
                        for form in inflect(a) {
                            self.adjectives.entry(key(&form)).or_default().push(code.clone());
                        }
                    }
                    let flags: Vec<String> = f.get(5).map(|s| split_list(s).map(String::from).collect()).unwrap_or_default();
                    self.actors.push(Actor {
                        id: code.clone(),
                        kind: ActorKind::Country,
                        label: EntityType::LOC,
                        name: f[1].to_string(),
                        country: Some(code.clone()),
                        subtype: "country".into(),
                        agent: None,
                        names,
                        roles: vec![],
                        link_only: vec![],
                        flags,
                    });
                    let caps: Vec<&str> = f.get(4).map(|s| split_list(s).collect()).unwrap_or_default();
                    if let Some(first) = caps.first() {
                        self.actors.push(Actor {
                            id: first.trim_start_matches('~').to_string(),
                            kind: ActorKind::Place,
                            label: EntityType::LOC,
                            name: first.trim_start_matches('~').to_string(),
                            country: Some(code.clone()),
                            subtype: "capital".into(),
                            agent: None,
                            names: caps.iter().map(|s| s.to_string()).collect(),
                            roles: vec![],
                            link_only: vec![],
                            flags: vec![],
                        });
                    }
                }
                "places.tsv" | "misc.tsv" => {
                    need(4)?;
                    let mut names = vec![f[0].to_string()];
                    names.extend(split_list(f[3]).map(String::from));
                    let misc = name == "misc.tsv";
                    self.actors.push(Actor {
                        id: f[0].to_string(),
                        kind: if misc { ActorKind::Misc } else { ActorKind::Place },
                        label: if misc { EntityType::MISC } else { EntityType::LOC },
                        name: f[0].to_string(),
                        country: opt(2),
                        subtype: f[1].to_string(),
                        agent: None,
                        names,
                        roles: vec![],
                        link_only: vec![],
                        flags: vec![],
                    });
                }
                "organizations.tsv" => {
                    need(5)?;
                    let mut names = vec![f[0].to_string()];
                    names.extend(split_list(f[4]).map(String::from));
                    self.actors.push(Actor {
                        id: f[0].to_string(),
                        kind: ActorKind::Org,
                        label: EntityType::ORG,
                        name: f[0].to_string(),
                        country: opt(2),
                        subtype: f[1].to_string(),
                        agent: opt(3),
                        names,
                        roles: vec![],
                        link_only: vec![],
                        flags: vec![],
                    });
                }
                "people.tsv" => {
                    need(3)?;
                    let mut names = vec![f[0].to_string()];
                    names.extend(split_list(f[2]).map(String::from));
                    let mut roles = vec![];
                    for spec in f.get(3).map(|s| s.split(';').map(str::trim).filter(|s| !s.is_empty()).collect::<Vec<_>>()).unwrap_or_default() {
                        roles.push(parse_role(spec).map_err(|m| err(format!("role {spec:?}: {m}")))?);
                    }
                    self.actors.push(Actor {
                        id: f[0].to_string(),
                        kind: ActorKind::Person,
                        label: EntityType::PER,
                        name: f[0].to_string(),
                        country: opt(1),
                        subtype: "person".into(),
                        agent: None,
                        names,
                        roles,
                        link_only: vec![],
                        flags: vec![],
                    });
                }
                "roles.tsv" => {
                    need(2)?;
                    self.role_sectors.insert(f[0].to_string(), f[1].to_string());
                }
                n if n.starts_with("titles.") => {
                    need(2)?;
                    let countries = f.get(2).map(|s| split_list(s).map(String::from).collect()).unwrap_or_default();
                    self.titles.insert(key(f[0]), Title { role: f[1].to_string(), countries });
                }
                n if n.starts_with("name_prefixes.") => {
                    self.name_prefixes.insert(norm(line));
                }
                n if n.starts_with("place_words.") => {
                    self.place_words.insert(norm(line));
                }
                n if n.starts_with("agents.") => {
                    need(2)?;
                    let lang = n.trim_start_matches("agents.").split('.').next().unwrap_or("").to_string();
                    self.agent_words.insert((lang, norm(f[0])), f[1].to_string());
                }
                _ => return Err(err(format!("unknown resource file name {name:?}"))),
            }
        }
        Ok(())
    }

    /// Rebuild the indexes after files were added.
    pub fn finish(&mut self) {
        self.by_id.clear();
        self.by_key.clear();
        self.by_translit.clear();
        self.surnames.clear();
        self.name_keys.clear();
        self.person_names.clear();
        self.other_names.clear();
        self.country_parts.clear();
        self.capitals.clear();
        self.people_by_country.clear();
        // a later entry with the same id merges into the first (users can add aliases)
        for a in self.actors.iter_mut() {
            for n in a.names.iter_mut() {
                if let Some(x) = n.strip_prefix('~') {
                    *n = x.trim().to_string();
                    a.link_only.push(n.clone());
                }
            }
        }
        let mut merged: Vec<Actor> = Vec::with_capacity(self.actors.len());
        let mut pos: HashMap<(String, bool), usize> = HashMap::new();
        for a in self.actors.drain(..) {
            let k = (a.id.clone(), a.kind == ActorKind::Country);
            if let Some(&i) = pos.get(&k) {
                let m: &mut Actor = &mut merged[i];
                for n in a.names {
                    if !m.names.contains(&n) {
                        m.names.push(n);
                    }
                }
                m.roles.extend(a.roles);
                m.link_only.extend(a.link_only);
                if m.country.is_none() {
                    m.country = a.country;
                }
            } else {
                pos.insert(k, merged.len());
                merged.push(a);
            }
        }
        self.actors = merged;
        for (i, a) in self.actors.iter().enumerate() {
            self.by_id.entry(a.id.clone()).or_insert(i);
            let mut seen = HashSet::new();
            for n in &a.names {
                let k = key(n);
                if k.is_empty() || !seen.insert(k.clone()) {
                    continue;
                }
                self.by_key.entry(k).or_default().push(i);
                let t = translit(n);
                let v = self.by_translit.entry(t).or_default();
                if !v.contains(&i) {
                    v.push(i);
                }
            }
            if a.kind == ActorKind::Person {
                let ff = self.family_first(a);
                let mut sn = HashSet::new();
                for n in &a.names {
                    let toks: Vec<String> = key(n).split(' ').map(translit_token).collect();
                    if toks.len() >= 2 {
                        let s = if ff { toks[0].clone() } else { toks[toks.len() - 1].clone() };
                        sn.insert(s);
                    }
                }
                for s in sn {
                    self.surnames.entry(s).or_default().push(i);
                }
            }
        }
        // precomputed keys and candidate buckets, so that no query normalizes KB names
        let name_keys: Vec<Vec<String>> = self.actors.iter().map(|a| a.names.iter().map(|n| key(n)).collect()).collect();
        for (i, a) in self.actors.iter().enumerate() {
            let keys = &name_keys[i];
            match a.kind {
                ActorKind::Person => {
                    let ff = self.family_first(a);
                    for k in keys {
                        let toks: Vec<String> = k.split(' ').map(translit_token).collect();
                        let si = if ff || toks.len() == 1 { 0 } else { toks.len() - 1 };
                        let b = (toks.len(), toks[0].chars().next());
                        self.person_names.entry(b).or_default().push(PersonName { actor: i, toks, si });
                    }
                    if let Some(c) = &a.country {
                        self.people_by_country.entry(c.clone()).or_default().push(i);
                    }
                }
                _ => {
                    for k in keys {
                        if let Some(c) = k.chars().next() {
                            self.other_names.entry((c, k.chars().count())).or_default().push((k.chars().collect(), i));
                        }
                    }
                }
            }
            if a.kind == ActorKind::Country {
                for k in keys {
                    if let Some((prefix, last)) = k.rsplit_once(' ') {
                        self.country_parts.entry(last.to_string()).or_default().push((i, prefix.to_string()));
                    }
                }
            }
            if a.subtype == "capital" {
                if let Some(c) = &a.country {
                    self.capitals.entry(c.clone()).or_insert(i);
                }
            }
        }
        self.name_keys = name_keys;
    }

    /// Normalized keys ([`key`]) of the names of entry `i`, parallel to `actors[i].names`.
    pub fn name_keys(&self, i: usize) -> &[String] {
        &self.name_keys[i]
    }

    /// Index of the country with code `code`.
    pub(crate) fn country_index(&self, code: &str) -> Option<usize> {
        self.by_id.get(code).copied().filter(|&i| self.actors[i].kind == ActorKind::Country)
    }

    /// Countries having a name whose key is `prefix + " " + last`: (index, prefix) pairs.
    pub(crate) fn country_parts(&self, last: &str) -> &[(usize, String)] {
        self.country_parts.get(last).map_or(&[], Vec::as_slice)
    }

    /// Non-person entries with a name within exactly one edit of the normalized key `k`,
    /// one item per matching name (an entry listed twice under close names counts twice).
    pub(crate) fn names_one_edit_from(&self, k: &str) -> impl Iterator<Item = usize> + '_ {
        let first = k.chars().next();
        let k: Vec<char> = k.chars().collect();
        let len = k.len();
        (len.saturating_sub(1)..=len + 1)
            .filter_map(move |l| first.and_then(|c| self.other_names.get(&(c, l))))
            .flatten()
            .filter(move |(nk, _)| one_edit(nk, &k))
            .map(|(_, i)| *i)
    }

    fn family_first(&self, a: &Actor) -> bool {
        a.country.as_deref().and_then(|c| self.country(c)).is_some_and(|c| c.flags.iter().any(|f| f == "family_first"))
    }

    /// True when people of this person's country write the family name first (Korea, China…).
    pub fn is_family_first(&self, person: &Actor) -> bool {
        self.family_first(person)
    }

    /// The entry with canonical ref `id` (a country code wins over a same-named place).
    pub fn get(&self, id: &str) -> Option<&Actor> {
        self.by_id.get(id).map(|&i| &self.actors[i])
    }

    /// The country with code `code`.
    pub fn country(&self, code: &str) -> Option<&Actor> {
        self.get(code).filter(|a| a.kind == ActorKind::Country)
    }

    /// Candidates for a name: exact normalized key, else transliteration key, else fuzzy
    /// (person names only, see [`ActorKb::fuzzy_person`]). Earlier file entries first.
    pub fn lookup(&self, name: &str) -> Vec<Candidate<'_>> {
        let v = self.lookup_strict(name);
        if !v.is_empty() {
            return v;
        }
        self.fuzzy_person(name).into_iter().map(|i| Candidate { actor: &self.actors[i], index: i, how: MatchKind::Fuzzy }).collect()
    }

    /// Exact or transliteration matches only (no fuzzy step).
    pub fn lookup_strict(&self, name: &str) -> Vec<Candidate<'_>> {
        let k = key(name);
        let t = k.split(' ').map(translit_token).collect::<Vec<_>>().join(" ");
        self.lookup_keys(&k, &t)
    }

    /// [`ActorKb::lookup_strict`] given the name's [`key`] and [`translit`] key already
    /// computed (the linker keeps them per mention).
    pub fn lookup_keys(&self, key: &str, translit_key: &str) -> Vec<Candidate<'_>> {
        if let Some(v) = self.by_key.get(key) {
            return v.iter().map(|&i| Candidate { actor: &self.actors[i], index: i, how: MatchKind::Exact }).collect();
        }
        if let Some(v) = self.by_translit.get(translit_key) {
            return v.iter().map(|&i| Candidate { actor: &self.actors[i], index: i, how: MatchKind::Translit }).collect();
        }
        vec![]
    }

    /// Fuzzy person match for a typo'd name. Accepted only when the surname is within
    /// 1 edit (2 from 10 letters on) of a known surname with the same first letter, every
    /// other token equals (or is the initial of) the entry's token, and exactly one person
    /// fits, so an unknown name ("Joseph Dempsey") is never forced onto an entry.
    pub fn fuzzy_person(&self, name: &str) -> Vec<usize> {
        let toks: Vec<String> = key(name).split(' ').filter(|t| !t.is_empty()).map(translit_token).collect();
        self.fuzzy_person_tokens(&toks)
    }

    /// [`ActorKb::fuzzy_person`] on the name's translit-folded key tokens (non-empty).
    pub fn fuzzy_person_tokens(&self, toks: &[String]) -> Vec<usize> {
        if toks.is_empty() {
            return vec![];
        }
        let allowed = |len: usize| if len >= 10 { 2 } else if len >= 5 { 1 } else { 0 };
        // every token of a match equals or shares its first letter with the entry's token,
        // so only names with the same token count and first letter can match
        let Some(bucket) = self.person_names.get(&(toks.len(), toks[0].chars().next())) else { return vec![] };
        let mut found: Option<usize> = None;
        'names: for pn in bucket {
            if found == Some(pn.actor) {
                continue;
            }
            // cheap rejection first: first letters (equal tokens share theirs)
            if toks.iter().zip(&pn.toks).any(|(q, e)| q.as_bytes().first() != e.as_bytes().first()) {
                continue;
            }
            let mut edits = 0;
            for (j, (q, e)) in toks.iter().zip(&pn.toks).enumerate() {
                if q == e {
                    continue;
                }
                if q.chars().next() != e.chars().next() {
                    continue 'names;
                }
                if j == pn.si {
                    let d = edit_distance(q, e);
                    if d > allowed(e.chars().count()) {
                        continue 'names;
                    }
                    edits += d;
                } else if !(q.chars().count() == 1 || e.chars().count() == 1) {
                    // given names must agree (translit-folded) or be an initial
                    let d = edit_distance(q, e);
                    if d > 1 || e.chars().count() < 5 {
                        continue 'names;
                    }
                    edits += d;
                }
            }
            // a one-token query must look like a surname (long enough, one edit at most)
            if toks.len() == 1 && (edits > 1 || toks[0].chars().count() < 6) {
                continue;
            }
            if edits > 0 && edits <= 2 {
                if found.is_some() {
                    // two people fit: an unknown name is never forced onto either
                    return vec![];
                }
                found = Some(pn.actor);
            }
        }
        found.into_iter().collect()
    }

    /// People whose surname (translit-folded) is `surname`.
    pub fn people_with_surname(&self, surname: &str) -> Vec<&Actor> {
        self.surnames.get(&translit_token(&key(surname))).map(|v| v.iter().map(|&i| &self.actors[i]).collect()).unwrap_or_default()
    }

    /// Country code of an adjective or demonym in any gender/number ("nord-coréenne" → PRK),
    /// `None` when unknown or ambiguous.
    pub fn country_of_adjective(&self, adj: &str) -> Option<&str> {
        let v = self.adjectives.get(&key(adj))?;
        let first = v.first()?;
        v.iter().all(|c| c == first).then_some(first.as_str())
    }

    /// Sector of an agent noun phrase of language `lang` ("police" → COP, "security
    /// forces" → COP), from `agents.<lang>.tsv`; the phrase is normalized like names.
    pub fn agent_sector(&self, lang: &str, phrase: &str) -> Option<&str> {
        self.agent_words.get(&(lang.to_string(), norm(phrase))).map(String::as_str)
    }

    /// The capital's ref of a country ("RUS" → "Moscow").
    pub fn capital_of(&self, code: &str) -> Option<&str> {
        self.capitals.get(code).map(|&i| self.actors[i].id.as_str())
    }

    /// Sector (GOV, MIL…) of a role code.
    pub fn role_sector(&self, role: &str) -> Option<&str> {
        self.role_sectors.get(role).map(String::as_str)
    }

    /// The person holding `role` for `country` on `date` (the latest to take office when
    /// two overlap on a hand-over day).
    pub fn role_holder(&self, country: &str, role: &str, date: &str) -> Option<&Actor> {
        let mut best: Option<(&Actor, &str)> = None;
        for a in self.people_by_country.get(country).into_iter().flatten().map(|&i| &self.actors[i]) {
            for r in &a.roles {
                if r.code == role && r.org.is_none() && r.active_on(date) {
                    let f = r.from.as_deref().unwrap_or("");
                    if best.map_or(true, |(_, bf)| f > bf) {
                        best = Some((a, f));
                    }
                }
            }
        }
        best.map(|(a, _)| a)
    }

    /// Country of a person (or any actor) by ref. People keep one country; `date` is
    /// accepted for the API's sake and future changes of nationality.
    pub fn person_country(&self, id: &str, _date: Option<&str>) -> Option<&str> {
        self.get(id).and_then(|a| a.country.as_deref())
    }

    /// Roles a person holds on `date`.
    pub fn person_roles(&self, id: &str, date: &str) -> Vec<&Role> {
        self.get(id).map(|a| a.roles.iter().filter(|r| r.active_on(date)).collect()).unwrap_or_default()
    }

    /// Sector (GOV, MIL…) of a person on `date`: that of the first role held then.
    pub fn person_sector(&self, id: &str, date: &str) -> Option<&str> {
        self.person_roles(id, date).iter().find_map(|r| self.role_sector(&r.code))
    }

    /// Read a title phrase ("le ministre russe de la Défense", "the North Korean leader",
    /// "porte-parole du Kremlin") and return its role, country and the holder on `date`.
    /// `None` when the phrase is not a known title, or names a former holder ("l'ex-président").
    pub fn resolve_title(&self, text: &str, date: Option<&str>) -> Option<TitleMatch> {
        let toks: Vec<String> = key(text).split(' ').filter(|t| !t.is_empty()).map(String::from).collect();
        let mut keep = vec![true; toks.len()];
        let mut country: Option<String> = None;
        // country adjectives and names, longest first
        let mut i = 0;
        while i < toks.len() {
            let mut hit = None;
            for n in (1..=6.min(toks.len() - i)).rev() {
                let s = toks[i..i + n].join(" ");
                let c = self
                    .adjectives
                    .get(&s)
                    .filter(|v| v.iter().all(|c| *c == v[0]))
                    .map(|v| v[0].clone())
                    .or_else(|| self.by_key.get(&crate::normalize::strip_article(s.clone())).and_then(|v| v.iter().map(|&j| &self.actors[j]).find(|a| a.kind == ActorKind::Country)).map(|a| a.id.clone()));
                if let Some(c) = c {
                    hit = Some((n, c));
                    break;
                }
            }
            if let Some((n, c)) = hit {
                if country.is_none() {
                    country = Some(c);
                }
                for k in keep.iter_mut().skip(i).take(n) {
                    *k = false;
                }
                // drop "de la", "du", "of the" before a country name
                let mut j = i;
                while j > 0 && matches!(toks[j - 1].as_str(), "de" | "du" | "des" | "d" | "la" | "l" | "of" | "the") {
                    keep[j - 1] = false;
                    j -= 1;
                }
                i += n;
            } else {
                i += 1;
            }
        }
        let mut rest: Vec<&str> = vec![];
        for (t, k) in toks.iter().zip(&keep) {
            if !k {
                continue;
            }
            match self.titles.get(t.as_str()).map(|t| t.role.as_str()) {
                Some("_former") => return None,
                Some("_skip") | Some("_honorific") => continue,
                _ => {}
            }
            if rest.is_empty() && matches!(t.as_str(), "le" | "la" | "l" | "les" | "the" | "un" | "une" | "a") {
                continue;
            }
            rest.push(t);
        }
        let title = self.titles.get(&rest.join(" "))?;
        if title.role.starts_with('_') {
            return None;
        }
        match (&country, title.countries.len()) {
            (None, 1) => country = Some(title.countries[0].clone()),
            (Some(c), n) if n > 0 && !title.countries.contains(c) => return None,
            _ => {}
        }
        let holder = match (&country, date) {
            (Some(c), Some(d)) => self.role_holder(c, &title.role, d).map(|a| a.id.clone()),
            _ => None,
        };
        Some(TitleMatch { role: title.role.clone(), country, holder })
    }

    /// True for an honorific that precedes names ("M.", "Mme", "Mr") per the title lexicons.
    pub fn is_honorific(&self, w: &str) -> bool {
        self.titles.get(&key(w)).is_some_and(|t| t.role == "_honorific")
    }

    /// Number of entries of each kind: (countries, places, organisations, people, misc).
    pub fn counts(&self) -> (usize, usize, usize, usize, usize) {
        let c = |k| self.actors.iter().filter(|a| a.kind == k).count();
        (c(ActorKind::Country), c(ActorKind::Place), c(ActorKind::Org), c(ActorKind::Person), c(ActorKind::Misc))
    }

    /// All (name, entry index) pairs.
    pub fn all_names(&self) -> impl Iterator<Item = (&str, usize)> {
        self.actors.iter().enumerate().flat_map(|(i, a)| a.names.iter().map(move |n| (n.as_str(), i)))
    }

    /// The (name, entry index) pairs a recognizer should search text for: all names except
    /// link-only ones and names without a letter ("27").
    pub fn recognizable_names(&self) -> impl Iterator<Item = (&str, usize)> {
        self.actors.iter().enumerate().flat_map(|(i, a)| {
            a.names.iter().filter(move |n| !a.link_only.contains(n) && n.chars().any(char::is_alphabetic)).map(move |n| (n.as_str(), i))
        })
    }
}

/// True when `a` and `b` are exactly one Levenshtein edit apart (over chars): one
/// substitution for equal lengths, one insertion otherwise.
fn one_edit(a: &[char], b: &[char]) -> bool {
    let (la, lb) = (a.len(), b.len());
    if la == lb {
        let mut diff = 0;
        for (x, y) in a.iter().zip(b) {
            if x != y {
                diff += 1;
                if diff > 1 {
                    return false;
                }
            }
        }
        diff == 1
    } else if la + 1 == lb || lb + 1 == la {
        let (short, long) = if la < lb { (a, b) } else { (b, a) };
        // the first difference is the inserted char; the rest must agree
        let p = short.iter().zip(long).position(|(x, y)| x != y).unwrap_or(short.len());
        short[p..] == long[p + 1..]
    } else {
        false
    }
}

fn parse_role(spec: &str) -> Result<Role, String> {
    let (head, dates) = match spec.split_once('@') {
        Some((h, d)) => (h.trim(), Some(d.trim())),
        None => (spec.trim(), None),
    };
    let (code, org) = match head.split_once('[') {
        Some((c, o)) => (c.trim(), Some(o.trim_end_matches(']').trim().to_string())),
        None => (head, None),
    };
    if code.is_empty() || !code.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
        return Err("role code must be lowercase letters and _".into());
    }
    let (from, to) = match dates {
        None => (None, None),
        Some(d) => {
            let (a, b) = d.split_once("..").ok_or("dates must be FROM..TO (either may be empty)")?;
            (pad_date(a, false), pad_date(b, true))
        }
    };
    if from.as_deref() == Some("!") || to.as_deref() == Some("!") {
        return Err("dates must be YYYY, YYYY-MM or YYYY-MM-DD".into());
    }
    Ok(Role { code: code.to_string(), org, from, to })
}
