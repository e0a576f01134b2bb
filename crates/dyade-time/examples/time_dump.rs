//! Dump the timexes of news text, one per line: `article  text  value  mod  type`. For
//! reviewing a rule change: run it on the new and the old commit, then `diff old.tsv new.tsv`.
//! - `time_dump [N]`: the first N OrangeSum articles (French, tagged against 2019-06-01);
//! - `time_dump en`: the English sentences of the event suites (PLOVER gold and PETRARCH2
//!   tests, against their own date when they give one, else 2000-01-01).
use dyade_time::eval::shared_dir;
use dyade_time::TimexTagger;
fn main() {
    let arg = std::env::args().nth(1).unwrap_or_default();
    let t = TimexTagger::new();
    let (files, field, lang): (&[&str], &str, &str) = if arg == "en" {
        (&["data/events/plover_gold_en.jsonl", "data/events/petrarch2_unittest_en.jsonl"], "text", "en")
    } else {
        (&["data/corpus/orangesum/orangesum.jsonl"], "article", "fr")
    };
    let n: usize = arg.parse().unwrap_or(if lang == "en" { usize::MAX } else { 3000 });
    let mut i = 0;
    for f in files {
        let s = std::fs::read_to_string(shared_dir().join(f)).unwrap();
        for l in s.lines().take(n) {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            i += 1;
            let Some(a) = v[field].as_str() else { continue };
            // "19950101" → "1995-01-01"
            let date = v["date"].as_str().filter(|d| d.len() == 8).map(|d| format!("{}-{}-{}", &d[..4], &d[4..6], &d[6..]));
            let date = date.unwrap_or_else(|| if lang == "en" { "2000-01-01".into() } else { "2019-06-01".into() });
            for x in t.tag(a, lang, Some(&date)) {
                println!("{i}\t{}\t{}\t{}\t{:?}", &a[x.span.start..x.span.end], x.value, x.modifier.as_deref().unwrap_or(""), x.ttype);
            }
        }
    }
}
