//! Tag inputs given on the command line (debugging aid): `time_try fr "texte" ...`
//! (scheduling styles against 2013-02-12T04:30), or `time_try fr@2002-08-25 "texte"` (news
//! tagging against that publication date), or `time_try fr#2016-11-07T16:12:00 "texte"`.
use dyade_time::{SpanStyle, TimexTagger};
fn main() {
    let a: Vec<String> = std::env::args().skip(1).collect();
    let t = TimexTagger::new();
    if let Some((lang, dct)) = a[0].split_once('@') {
        for s in &a[1..] {
            let r = t.tag(s, lang, Some(dct));
            let v: Vec<_> = r.iter().map(|x| (&s[x.span.start..x.span.end], x.value.as_str(), x.modifier.as_deref())).collect();
            println!("news {s:?}: {v:?}");
        }
        return;
    }
    // `time_try fr#2016-11-07T16:12:00 "texte"`: scheduling styles against that reference
    let (lang, reference) = a[0].split_once('#').unwrap_or((&a[0], "2013-02-12T04:30:00-02:00"));
    for s in &a[1..] {
        for (name, st) in [("duckling", SpanStyle::WithPrepositions), ("bare", SpanStyle::Bare), ("timeml", SpanStyle::TimeMl)] {
            let r = t.tag_at(s, lang, reference, st);
            let v: Vec<_> = r.iter().map(|x| (&s[x.span.start..x.span.end], x.value.as_str(), x.modifier.as_deref())).collect();
            println!("{name:9} {s:?}: {v:?}");
        }
        // with output options named in $TIME_MODES ("split", "tasks")
        if let Ok(m) = std::env::var("TIME_MODES") {
            let o = dyade_time::TagOptions { split_date_time: m.contains("split"), tasks: m.contains("tasks"), calendar: m.contains("calendar"), experimental: m.contains("exp"), skip_from_to: m.contains("skip"), extended_types: m.contains("ext") };
            let r = t.tag_ranges_with(s, lang, reference, SpanStyle::Bare, o);
            let v: Vec<_> = r.iter().map(|(x, e)| (&s[x.span.start..x.span.end], x.value.as_str(), x.modifier.as_deref(), e.as_ref().map(|e| e.value.as_str()))).collect();
            println!("{m:9} {s:?}: {v:?}");
        }
        // fused ranges with their resolved ends (Recognizers style)
        let r = t.tag_ranges_at(s, lang, reference, SpanStyle::Bare);
        let v: Vec<_> = r.iter().map(|(x, e)| (&s[x.span.start..x.span.end], x.value.as_str(), e.as_ref().map(|e| e.value.as_str()))).collect();
        println!("ranges    {s:?}: {v:?}");
    }
}
