//! The time zone layer ([`TimexTagger::zones`]): zones named on their own or after a clock
//! time, their spans and UTC offsets, and ordinary words it must leave alone.
use dyade_time::TimexTagger;

fn zones(text: &str, lang: &str) -> Vec<(String, Option<i32>)> {
    TimexTagger::shared().zones(text, lang).into_iter().map(|z| (text[z.span.start..z.span.end].to_string(), z.utc_offset_minutes)).collect()
}

fn one(text: &str) -> (String, Option<i32>) {
    let z = zones(text, "en");
    assert_eq!(z.len(), 1, "{text}: {z:?}");
    z.into_iter().next().unwrap()
}

#[test]
fn abbreviations_and_names() {
    assert_eq!(one("The call is at 9am PST tomorrow"), ("PST".into(), Some(-480)));
    assert_eq!(one("It's about 1pm ACDT"), ("ACDT".into(), Some(630)));
    assert_eq!(one("I'm at Eastern Daylight Time"), ("Eastern Daylight Time".into(), Some(-240)));
    assert_eq!(one("All times in central standard time (mexico)"), ("central standard time (mexico)".into(), Some(-360)));
    assert_eq!(one("I'm on Russia time zone 3"), ("Russia time zone 3".into(), Some(240)));
    assert_eq!(one("Let's meet at 1pm mountain timezone"), ("mountain timezone".into(), Some(-420)));
    // an abbreviation before "time" is the zone alone
    assert_eq!(one("tonight at 6PM CDT time"), ("CDT".into(), Some(-300)));
}

#[test]
fn offsets_from_utc() {
    assert_eq!(one("Book me a room at gmt-3"), ("gmt-3".into(), Some(-180)));
    assert_eq!(one("Book me a room at utc4:30"), ("utc4:30".into(), Some(270)));
    assert_eq!(one("Book me a room at UTC + 4"), ("UTC + 4".into(), Some(240)));
    assert_eq!(one("Deadline: 11.59 pm UTC -12h"), ("UTC -12h".into(), Some(-720)));
    assert_eq!(one("the server runs on utc±0"), ("utc±0".into(), Some(0)));
    assert_eq!(one("New Delhi is at UTC+05:30"), ("UTC+05:30".into(), Some(330)));
    // Moscow time and an offset from it
    assert_eq!(zones("I'm at MSK+7, not MSK", "en"), vec![("MSK+7".into(), Some(600)), ("MSK".into(), Some(180))]);
    // no offset past the widest zone, and no bare number after a space ("UTC 4 days")
    assert_eq!(one("at 5pm UTC 4 days later"), ("UTC".into(), Some(0)));
}

#[test]
fn places() {
    assert_eq!(one("Book me a room at beijing time"), ("beijing time".into(), Some(480)));
    assert_eq!(one("Book me a room at St. Louis-time"), ("St. Louis-time".into(), Some(-360)));
    assert_eq!(one("a time which works in the Sydney timezone."), ("Sydney timezone".into(), Some(600)));
    assert_eq!(one("Book me a room at afghanistan standard time"), ("afghanistan standard time".into(), Some(270)));
    assert_eq!(one("It closes at 6pm Sydney daylight time"), ("Sydney daylight time".into(), Some(660)));
    assert_eq!(one("Montréal time"), ("Montréal time".into(), Some(-300)));
    assert_eq!(zones("I said New York time, not York time", "en"), vec![("New York time".into(), Some(-300)), ("York time".into(), Some(0))]);
    // a country spanning several zones leaves the offset open
    assert_eq!(one("Please keep to US time"), ("US time".into(), None));
    // a place alone is no zone
    assert!(zones("I'm in Madrid.", "en").is_empty());
}

#[test]
fn ambiguous_words_only_in_zone_position() {
    assert_eq!(one("Book me a room at pt"), ("pt".into(), Some(-480)));
    assert_eq!(one("Book me a room at aft"), ("aft".into(), Some(270)));
    assert_eq!(one("Book me a room at 16:30 WET."), ("WET".into(), Some(0)));
    assert_eq!(one("between 9-6 PT?"), ("PT".into(), Some(-480)));
    for text in [
        "I want to get the most from this deal.",
        "The mountain is very high.",
        "We have arrived in the central district.",
        "ET is one of my favorite movies.",
        "As shown by Smith et al. in 2004",
        "Let's meet 3PM get at the book shop.",
        "Have a nice time, and enjoy the reading time.",
        "Give us time to think.",
        "It was family reunion time again.",
        "It is the outcome of the vote that counts.",
        "Show me times at Lincoln Square",
        "Once upon a time...",
        "Run cargo clippy: the lint fires on the AST of the ADT.",
        "See Etc/UTC and NFT_MSG_MAX.",
        "The New York Times reported it.",
    ] {
        assert!(zones(text, "en").is_empty(), "{text}: {:?}", zones(text, "en"));
    }
}

#[test]
fn zones_do_not_change_timexes() {
    // the layer is apart: a text's timexes are the same with or without a zone call
    let t = TimexTagger::shared();
    let text = "The summit opens on Thursday at 9:00 GMT in Geneva.";
    let v = |r: Vec<dyade_core::Timex>| r.into_iter().map(|x| (x.span, x.value)).collect::<Vec<_>>();
    let before = v(t.tag(text, "en", Some("2024-03-04")));
    assert_eq!(zones(text, "en"), vec![("GMT".into(), Some(0))]);
    assert_eq!(v(t.tag(text, "en", Some("2024-03-04"))), before);
    assert_eq!(before.iter().map(|x| x.1.as_str()).collect::<Vec<_>>(), ["2024-03-07T09:00"]);
}

#[test]
fn french_zones() {
    assert_eq!(zones("Le vol part à 10h30 heure de Pékin.", "fr"), vec![("heure de Pékin".into(), Some(480))]);
    assert_eq!(zones("prévue vendredi à 13h30 (heure de Paris)", "fr"), vec![("heure de Paris".into(), Some(60))]);
    assert_eq!(zones("l'heure d'Alger", "fr"), vec![("heure d'Alger".into(), Some(60))]);
    assert_eq!(zones("à seize heures CET", "fr"), vec![("CET".into(), Some(60))]);
    assert_eq!(zones("rendez-vous à 16h30 UTC+2", "fr"), vec![("UTC+2".into(), Some(120))]);
    assert_eq!(zones("à 14 heures, heure du Caire", "fr"), vec![("heure du Caire".into(), Some(120))]);
    assert_eq!(zones("à 8 heures, heure de La Réunion", "fr"), vec![("heure de La Réunion".into(), Some(240))]);
    // a distance, a demonstrative, a radio station: no zone
    for text in ["Il habite à une heure de Paris.", "l'heure de la réunion approche", "à 1 heure de Paris", "à 3 heures cet après-midi", "une heure de France Inter"] {
        assert!(zones(text, "fr").is_empty(), "{text}: {:?}", zones(text, "fr"));
    }
}

#[test]
fn a_clock_time_in_a_place_time_is_converted() {
    // the timex rules read the same place list: "12PM Singapore time" at a UTC reference
    let t = TimexTagger::shared();
    let r = t.tag_at("tomorrow 12PM Singapore time", "en", "2018-06-12T10:00:00+00:00", dyade_time::SpanStyle::Bare);
    assert_eq!(r.iter().map(|x| x.value.as_str()).collect::<Vec<_>>(), ["2018-06-13T04:00"]);
}

#[test]
fn each_zone_offset_is_written_once() {
    // one source of truth: a zone's surface carries its offset in one entry of one class
    for (code, lex, rules) in [
        ("en", include_str!("../../../resources/time/en.lex"), include_str!("../../../resources/time/en.rules")),
        ("fr", include_str!("../../../resources/time/fr.lex"), include_str!("../../../resources/time/fr.rules")),
    ] {
        let l = dyade_time::lang::Lang::parse(code, lex, "lex", rules, "rules").unwrap();
        let tz = dyade_time::lang::slot_id("tz").unwrap();
        let classes = ["TZ", "TZ_WORD", "TZ_PLACE", "TZ_PLACE_CAP", "TZ_AMBIGUOUS"].map(|c| l.class(c));
        let mut seen = std::collections::HashMap::new();
        for e in l.entries.iter().filter(|e| classes.contains(&Some(e.class))) {
            if let Some(&(_, v)) = e.set.iter().find(|&&(k, _)| k == tz) {
                let surface = e.toks.join(" ");
                if let Some(old) = seen.insert(surface.clone(), v) {
                    panic!("{code}: zone `{surface}` has two offsets written ({old}, {v})");
                }
            }
        }
        assert!(seen.len() > if code == "en" { 900 } else { 250 }, "{code}: {} zone surfaces", seen.len());
    }
}
