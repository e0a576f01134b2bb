//! Dump the timexes of the first N OrangeSum articles (news tagging against 2019-06-01), one
//! per line: `article  text  value  mod  type`. For reviewing a rule change on news text:
//! `cargo run --release -p dyade-time --example time_dump 3000 > new.tsv`, same on the old
//! commit, then `diff old.tsv new.tsv`.
use dyade_time::eval::shared_dir;
use dyade_time::TimexTagger;
fn main() {
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(3000);
    let path = shared_dir().join("data/corpus/orangesum/orangesum.jsonl");
    let s = std::fs::read_to_string(&path).unwrap();
    let t = TimexTagger::new();
    for (i, l) in s.lines().take(n).enumerate() {
        let v: serde_json::Value = serde_json::from_str(l).unwrap();
        let Some(a) = v["article"].as_str() else { continue };
        for x in t.tag(a, "fr", Some("2019-06-01")) {
            println!("{i}\t{}\t{}\t{}\t{:?}", &a[x.span.start..x.span.end], x.value, x.modifier.as_deref().unwrap_or(""), x.ttype);
        }
    }
}
