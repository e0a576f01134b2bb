use dyade_actors::{eval, ActorKb, EntityLinker, GazetteerRecognizer, KbError};
use dyade_core::{DateEstimate, Document, Entity, EntityType, Span};
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

fn kb() -> Arc<ActorKb> {
    static KB: OnceLock<Arc<ActorKb>> = OnceLock::new();
    KB.get_or_init(|| Arc::new(ActorKb::load_default())).clone()
}

fn first(name: &str) -> Option<String> {
    kb().lookup(name).first().map(|c| c.actor.id.clone())
}

/// A document with the given text, dct and PER/LOC/ORG entities on the listed substrings.
fn doc(text: &str, dct: &str, ents: &[(&str, EntityType)]) -> Document {
    let mut d = Document::new("t", text);
    d.meta.published = Some(DateEstimate { value: Some(dct.into()), source: "meta".into(), ..Default::default() });
    let mut from = 0;
    for (s, l) in ents {
        let b = from + text[from..].find(s).expect("substring");
        d.entities.push(Entity { span: Span::new(b, b + s.len()), label: *l, reference: None, confidence: 1.0 });
        from = b + s.len();
    }
    d
}

#[test]
fn transliteration_and_aliases() {
    assert_eq!(first("Sergueï Choïgou").as_deref(), Some("Sergei Shoigu"));
    assert_eq!(first("Sergei Shoigu").as_deref(), Some("Sergei Shoigu"));
    assert_eq!(first("Choigou").as_deref(), Some("Sergei Shoigu"));
    assert_eq!(first("Kim Jong-un").as_deref(), Some("Kim Jong Un"));
    assert_eq!(first("kim jong un").as_deref(), Some("Kim Jong Un"));
    assert_eq!(first("RPDC").as_deref(), Some("PRK"));
    assert_eq!(first("la République populaire démocratique de Corée").as_deref(), Some("PRK"));
    assert_eq!(first("URSS").as_deref(), Some("SUN"));
    assert_eq!(first("Moscou").as_deref(), Some("Moscow"));
    assert_eq!(first("Pékin").as_deref(), Some("Beijing"));
    assert_eq!(first("OTAN").as_deref(), Some("NATO"));
    assert_eq!(kb().get("NATO").and_then(|a| a.agent.as_deref()), Some("IGO"));
    assert_eq!(kb().get("European Union").and_then(|a| a.agent.as_deref()), Some("EUR"));
}

#[test]
fn fuzzy_only_for_close_known_names() {
    assert_eq!(first("Dmitri Peskok").as_deref(), Some("Dmitry Peskov"));
    assert_eq!(first("Peskok").as_deref(), Some("Dmitry Peskov"));
    for unknown in ["Lee Ho-ryung", "Joseph Dempsey", "Jung Park", "Jean Dupont"] {
        assert!(kb().lookup(unknown).is_empty(), "{unknown} matched {:?}", first(unknown));
    }
}

#[test]
fn adjectives_capitals_roles() {
    let kb = kb();
    for (a, c) in [("nord-coréenne", "PRK"), ("Nord-Coréens", "PRK"), ("russes", "RUS"), ("sud-coréen", "KOR"), ("américaines", "USA"), ("française", "FRA"), ("North Korean", "PRK"), ("soviétique", "SUN")] {
        assert_eq!(kb.country_of_adjective(a), Some(c), "{a}");
    }
    assert_eq!(kb.country_of_adjective("congolais"), None, "ambiguous");
    assert_eq!(kb.capital_of("PRK"), Some("Pyongyang"));
    assert_eq!(kb.capital_of("UKR"), Some("Kyiv"));
    assert_eq!(kb.role_holder("RUS", "defence_minister", "2023-07-26").map(|a| a.id.as_str()), Some("Sergei Shoigu"));
    assert_eq!(kb.role_holder("RUS", "defence_minister", "2025-10-28").map(|a| a.id.as_str()), Some("Andrei Belousov"));
    assert_eq!(kb.role_holder("USA", "head_of_state", "2021-01-20").map(|a| a.id.as_str()), Some("Joe Biden"));
    assert_eq!(kb.person_country("Choe Son Hui", None), Some("PRK"));
    assert_eq!(kb.person_sector("Sergei Shoigu", "2023-01-01"), Some("MIL"));
    assert_eq!(kb.person_sector("Sergei Lavrov", "2023-01-01"), Some("GOV"));
    assert!(kb.person_roles("Sergei Shoigu", "2025-01-01").iter().any(|r| r.code == "security_council_secretary"));
}

#[test]
fn titles_by_date() {
    let l = EntityLinker::new(kb());
    let h = |t: &str, d: &str| l.resolve_title(t, Some(d)).and_then(|m| m.holder);
    assert_eq!(h("le ministre russe de la Défense", "2023-07-27").as_deref(), Some("Sergei Shoigu"));
    assert_eq!(h("le ministre russe de la Défense", "2025-03-01").as_deref(), Some("Andrei Belousov"));
    assert_eq!(h("ministre de la Défense de la Russie", "2025-03-01").as_deref(), Some("Andrei Belousov"));
    assert_eq!(h("le président russe", "2023-07-27").as_deref(), Some("Vladimir Putin"));
    assert_eq!(h("le chef de l'État russe", "2010-01-01").as_deref(), Some("Dmitry Medvedev"));
    assert_eq!(h("le dirigeant nord-coréen", "2023-07-27").as_deref(), Some("Kim Jong Un"));
    assert_eq!(h("la ministre nord-coréenne des Affaires étrangères", "2024-01-16").as_deref(), Some("Choe Son Hui"));
    assert_eq!(h("le porte-parole du Kremlin", "2024-01-16").as_deref(), Some("Dmitry Peskov"));
    assert_eq!(h("the US Secretary of State", "2024-01-16").as_deref(), Some("Antony Blinken"));
    assert_eq!(l.resolve_title("l'ex-chef de l'État russe", Some("2025-01-01")), None);
    assert_eq!(l.resolve_title("le boulanger russe", Some("2025-01-01")), None);
}

#[test]
fn coreference_and_unknown_names() {
    let l = EntityLinker::new(kb());
    use EntityType::*;
    let mut d = doc(
        "Kim Jong-un a reçu Joseph Dempsey. M. Kim a salué Poutine. Dempsey et Lee Ho-ryung, puis Kim.",
        "2023-08-16",
        &[("Kim Jong-un", PER), ("Joseph Dempsey", PER), ("Kim", PER), ("Poutine", PER), ("Dempsey", PER), ("Lee Ho-ryung", PER), ("Kim", PER)],
    );
    l.link(&mut d);
    let refs: Vec<_> = d.entities.iter().map(|e| e.reference.clone().unwrap()).collect();
    assert_eq!(refs, ["Kim Jong Un", "Joseph Dempsey", "Kim Jong Un", "Vladimir Putin", "Joseph Dempsey", "Lee Ho-ryung", "Kim Jong Un"]);
    // the nearest preceding full form wins
    let mut d = doc("Kim Il-sung puis Kim Jong-un. Kim a parlé.", "2023-08-16", &[("Kim Il-sung", PER), ("Kim Jong-un", PER), ("Kim", PER)]);
    l.link(&mut d);
    assert_eq!(d.entities[2].reference.as_deref(), Some("Kim Jong Un"));
    // "Sud" with "Corée du Nord" in the document
    let mut d = doc("La Corée du Nord contre le Sud.", "2023-08-16", &[("Corée du Nord", LOC), ("Sud", LOC)]);
    l.link(&mut d);
    assert_eq!(d.entities[1].reference.as_deref(), Some("KOR"));
}

#[test]
fn gazetteer_spans_and_types() {
    let gz = GazetteerRecognizer::new(kb());
    let mut d = Document::new("t", "Le président russe s’est rendu au Kremlin ; le Kremlin a déclaré que la Corée du Nord et l’ONU, via le Conseil de sécurité de l’ONU, et Kim Jong-un… M. Kim.");
    gz.merge_into(&mut d);
    let got: Vec<(String, &str)> = d.entities.iter().map(|e| (d.slice(e.span).to_string(), e.label.as_str())).collect();
    let want = [("Kremlin", "LOC"), ("Kremlin", "ORG"), ("Corée du Nord", "LOC"), ("ONU", "ORG"), ("Conseil de sécurité de l’ONU", "ORG"), ("Kim Jong-un", "PER"), ("Kim", "PER")];
    assert_eq!(got.iter().map(|(a, b)| (a.as_str(), *b)).collect::<Vec<_>>(), want);
    // no adjective, no lowercase country, NER spans kept
    let mut d = Document::new("t", "Les Russes et le ministre russe; la russie. Moscou.");
    let b = d.text.find("Moscou").unwrap();
    d.entities.push(Entity { span: Span::new(b, b + "Moscou".len()), label: EntityType::ORG, reference: None, confidence: 0.5 });
    gz.merge_into(&mut d);
    assert_eq!(d.entities.len(), 1);
    assert_eq!(d.entities[0].label, EntityType::LOC, "type fixed where the KB is certain");
}

#[test]
fn load_dir_reports_file_and_line() {
    let dir = std::env::temp_dir().join(format!("dyade-actors-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("people.tsv"), "# header\nJane Doe\tFRA\tJ. Doe\tofficial@2020..\nBad Row\n").unwrap();
    let e = ActorKb::load_dir(&dir).unwrap_err();
    assert!(matches!(e, KbError::Line { line: 3, .. }), "{e}");
    assert!(e.to_string().contains("people.tsv:3"), "{e}");
    std::fs::write(dir.join("people.tsv"), "Jane Doe\tFRA\tJ. Doe\tofficial@20x0..\n").unwrap();
    assert!(ActorKb::load_dir(&dir).unwrap_err().to_string().contains("people.tsv:1"));
    std::fs::write(dir.join("people.tsv"), "Jane Doe\tFRA\tJane Doe|Doe\tofficial@2020..\n").unwrap();
    let mut kb = ActorKb::load_default();
    kb.extend_dir(&dir).unwrap();
    assert_eq!(kb.lookup("Jane Doe").first().map(|c| c.actor.id.as_str()), Some("Jane Doe"));
    assert_eq!(kb.lookup("Poutine").first().map(|c| c.actor.id.as_str()), Some("Vladimir Putin"));
    std::fs::remove_dir_all(&dir).ok();
}

fn seeds() -> Vec<eval::GoldDoc> {
    let shared = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared"));
    eval::read_gold(&shared.join("eval/seeds"), &shared.join("seeds")).expect("seeds")
}

#[test]
fn seed_linking_floor() {
    let docs = seeds();
    let (ok, n, errs) = eval::link_oracle(&EntityLinker::new(kb()), &docs);
    let acc = ok as f64 / n as f64;
    assert!(acc >= 0.95, "oracle-span linking {acc:.3}: {errs:?}");
}

#[test]
fn seed_gazetteer_floor() {
    let docs = seeds();
    let preds = eval::gazetteer_annotations(&GazetteerRecognizer::new(kb()), &EntityLinker::new(kb()), &docs);
    let (p, r, f, la) = eval::strict_prf(&docs, &preds);
    assert!(f >= 0.92 && p >= 0.93 && r >= 0.90, "gazetteer strict P {p:.3} R {r:.3} F1 {f:.3}");
    assert!(la >= 0.97, "linking on matched {la:.3}");
}
