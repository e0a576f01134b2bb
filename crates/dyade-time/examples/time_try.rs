//! Tag inputs given on the command line (debugging aid): `time_try fr "texte" ...`.
use dyade_time::{SpanStyle, TimexTagger};
fn main() {
    let a: Vec<String> = std::env::args().skip(1).collect();
    let t = TimexTagger::new();
    for s in &a[1..] {
        for (name, st) in [("duckling", SpanStyle::WithPrepositions), ("bare", SpanStyle::Bare), ("timeml", SpanStyle::TimeMl)] {
            let r = t.tag_at(s, &a[0], "2013-02-12T04:30:00-02:00", st);
            let v: Vec<_> = r.iter().map(|x| (&s[x.span.start..x.span.end], x.value.as_str(), x.modifier.as_deref())).collect();
            println!("{name:9} {s:?}: {v:?}");
        }
    }
}
