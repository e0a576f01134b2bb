//! Print misidentified texts: `--example langid_fail -- FILE FIELD EXPECTED [SKIP TAKE]`.
use std::io::BufRead;
fn main() {
    let a: Vec<String> = std::env::args().skip(1).collect();
    let skip: usize = a.get(3).map_or(0, |s| s.parse().unwrap());
    let take: usize = a.get(4).map_or(usize::MAX, |s| s.parse().unwrap());
    let id = dyade_text::LanguageIdentifier::default();
    let f = std::io::BufReader::new(std::fs::File::open(&a[0]).unwrap());
    for l in f.lines().skip(skip).take(take) {
        let v: serde_json::Value = serde_json::from_str(&l.unwrap()).unwrap();
        let Some(t) = v.get(&a[1]).and_then(|x| x.as_str()) else { continue };
        match id.identify(t) {
            Some(g) if g.lang == a[2] => {}
            g => println!("{:?}\t{}", g.map(|g| (g.lang, g.confidence)), t.chars().take(150).collect::<String>()),
        }
    }
}
