//! Print the time zones a text names (the zone layer, [`TimexTagger::zones`]), for review:
//! `time_zones en "Book me a room at 4pm beijing time" ...`, or `time_zones en --cases` for
//! every English Recognizers-Text / Duckling case text in `shared/data/time/en_cases.jsonl`
//! (one line per mention: `text  zone  offset`; `fr --cases` reads the French OrangeSum
//! articles' first 2000), or `time_zones en --file PATH` for each line of a text file, to
//! check false positives on ordinary text.
use dyade_time::eval::shared_dir;
use dyade_time::TimexTagger;
fn main() {
    let a: Vec<String> = std::env::args().skip(1).collect();
    let t = TimexTagger::new();
    let lang = a.first().map_or("en", |s| s.as_str());
    let texts: Vec<String> = if a.get(1).map(|s| s.as_str()) == Some("--cases") {
        let (file, key) = if lang == "fr" { ("data/corpus/orangesum/orangesum.jsonl", "article") } else { ("data/time/en_cases.jsonl", "text") };
        let s = std::fs::read_to_string(shared_dir().join(file)).unwrap();
        s.lines().take(if lang == "fr" { 2000 } else { usize::MAX }).filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok()?[key].as_str().map(String::from)).collect()
    } else if a.get(1).map(|s| s.as_str()) == Some("--file") {
        // one text per line of a plain text file
        std::fs::read_to_string(&a[2]).unwrap().lines().map(String::from).collect()
    } else {
        a[1..].to_vec()
    };
    for s in &texts {
        for z in t.zones(s, lang) {
            let (mut a, mut b) = (z.span.start.saturating_sub(30), (z.span.end + 20).min(s.len()));
            while !s.is_char_boundary(a) {
                a -= 1;
            }
            while !s.is_char_boundary(b) {
                b += 1;
            }
            let ctx = &s[a..b];
            println!("{}\t{:?}\t{}", &s[z.span.start..z.span.end], z.utc_offset_minutes, ctx.replace('\n', " "));
        }
    }
}
