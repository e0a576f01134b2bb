//! Every format on a real store file.
use dyade_core::*;
use dyade_export::{export, tables, Format};
use dyade_store::Store;

fn store(dir: &std::path::Path) -> Store {
    let mut s = Store::open(&dir.join("t.db")).unwrap();
    let run = s.begin_run("test", "", "v1").unwrap();
    let text = "Moscou a reçu Pyongyang, dit-on.\tFin";
    let mut d = Document::new("a", text);
    d.meta.origin = "a.txt".into();
    d.meta.url = Some("https://example.org/a".into());
    d.meta.published = Some(DateEstimate { value: Some("2023-07-27".into()), source: "meta".into(), ..Default::default() });
    let b = text.find("Pyongyang").unwrap();
    d.entities.push(Entity { span: Span::new(b, b + 9), label: EntityType::LOC, reference: Some("PRK".into()), confidence: 1.0 });
    d.sentences.push(Span::new(0, text.len()));
    let t = text.find("reçu").unwrap();
    d.events.push(Event { sentence: Span::new(0, text.len()), trigger: Span::new(t, t + "reçu".len()), event_type: "CONSULT".into(), mode: Some("visit".into()),
        actor: Some("PRK".into()), recipient: Some("RUS".into()), date: None, confidence: 0.9, ..Default::default() });
    d.events.push(Event { sentence: Span::new(0, text.len()), trigger: Span::new(t, t + 1), event_type: "DISAPPROVE".into(), actor: Some("RUS;KOR".into()),
        date: Some("2023-07-20".into()), confidence: 0.5, ..Default::default() });
    s.put_documents(&[d], "v1", run).unwrap();
    s
}

fn run(s: &Store, table: &str, f: Format) -> (u64, String) {
    let mut out = Vec::new();
    let n = export(s.conn(), table, f, &mut out).unwrap();
    (n, String::from_utf8(out).unwrap())
}

#[test]
fn every_table_in_jsonl_and_csv() {
    let dir = tempfile::tempdir().unwrap();
    let s = store(dir.path());
    let ts = tables(s.conn()).unwrap();
    for t in ["runs", "documents", "entities", "timexes", "quotes", "events"] {
        assert!(ts.iter().any(|x| x == t), "{t} missing from {ts:?}");
    }
    for t in &ts {
        let (n, j) = run(&s, t, Format::Jsonl);
        assert_eq!(j.lines().count() as u64, n, "{t}");
        for l in j.lines() {
            serde_json::from_str::<serde_json::Value>(l).unwrap();
        }
        let (n2, c) = run(&s, t, Format::Csv);
        assert_eq!(n2, n);
        let mut r = csv::Reader::from_reader(c.as_bytes());
        assert_eq!(r.records().count() as u64, n, "{t}");
    }
    let (_, docs) = run(&s, "documents", Format::Jsonl);
    let d: serde_json::Value = serde_json::from_str(docs.lines().next().unwrap()).unwrap();
    assert!(d.get("layers_json").is_none() && d["text"].as_str().unwrap().contains("Moscou"));
    let (_, ents) = run(&s, "entities", Format::Jsonl);
    let e: serde_json::Value = serde_json::from_str(ents.lines().next().unwrap()).unwrap();
    assert_eq!(e["start"], 14, "code points");
}

#[test]
fn plover_and_gdelt() {
    let dir = tempfile::tempdir().unwrap();
    let s = store(dir.path());
    let (n, p) = run(&s, "events", Format::Plover);
    assert_eq!(n, 2);
    let recs: Vec<serde_json::Value> = p.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(recs[0]["event"][0], "CONSULT");
    assert_eq!(recs[0]["quad_code"], 1);
    assert_eq!(recs[0]["date"], "2023-07-27", "falls back to the publication date");
    assert_eq!(recs[0]["actor"][0]["code"], "PRK");
    assert_eq!(recs[0]["recipient"][0]["code"], "RUS");
    assert_eq!(recs[0]["cite_info"]["url"], "https://example.org/a");
    assert_eq!(recs[1]["event"][0], "ACCUSE", "old label mapped");
    assert_eq!(recs[1]["date"], "2023-07-20");
    assert_eq!(recs[1]["actor"].as_array().unwrap().len(), 2);
    let (n, g) = run(&s, "events", Format::Gdelt);
    assert_eq!(n, 2);
    let lines: Vec<Vec<&str>> = g.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(lines[0], dyade_export::GDELT_COLUMNS);
    assert!(lines.iter().all(|l| l.len() == dyade_export::GDELT_COLUMNS.len()));
    assert_eq!(lines[1][1], "20230727");
    assert_eq!(lines[1][17], "1");
    assert_eq!(lines[2][18], "-3.0");
}

#[test]
fn errors_name_the_problem() {
    let dir = tempfile::tempdir().unwrap();
    let s = store(dir.path());
    let mut out = Vec::new();
    let e = export(s.conn(), "nope", Format::Jsonl, &mut out).unwrap_err().to_string();
    assert!(e.contains("no table") && e.contains("events"), "{e}");
    let e = export(s.conn(), "entities", Format::Plover, &mut out).unwrap_err().to_string();
    assert!(e.contains("events table only"), "{e}");
    assert!("xml".parse::<Format>().unwrap_err().contains("jsonl"));
    #[cfg(not(feature = "parquet"))]
    assert!(export(s.conn(), "events", Format::Parquet, &mut out).unwrap_err().to_string().contains("features"));
    #[cfg(feature = "parquet")]
    {
        export(s.conn(), "events", Format::Parquet, &mut out).unwrap();
        assert_eq!(&out[..4], b"PAR1");
    }
}
