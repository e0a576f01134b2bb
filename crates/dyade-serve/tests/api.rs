//! The API over a real SQLite file on a real loopback socket: JSON shapes, filters,
//! pagination, 400s on bad input, security headers, escaping-relevant content kept verbatim.

use dyade_core::*;
use dyade_store::Store;
use serde_json::Value;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};

/// A document with entities, a date, a quote and events, built from its own text.
fn doc(id: &str, text: &str, dct: &str, events: &[(&str, &str, &str, &str)]) -> Document {
    let mut d = Document::new(id, text);
    d.meta.origin = format!("{id}.txt");
    d.meta.title = Some(format!("Title {id}"));
    d.meta.source = Some("Agence Test".into());
    d.meta.published = Some(DateEstimate { value: Some(dct.into()), source: "meta".into(), ..Default::default() });
    let mut start = 0;
    for s in text.split_inclusive(". ") {
        let end = start + s.trim_end().len();
        d.sentences.push(Span::new(start, end));
        start += s.len();
    }
    for (word, r) in [("Moscou", "RUS"), ("Pyongyang", "PRK"), ("Séoul", "KOR")] {
        for (b, _) in text.match_indices(word) {
            d.entities.push(Entity { span: Span::new(b, b + word.len()), label: EntityType::LOC, reference: Some(r.into()), confidence: 1.0 });
        }
    }
    if let Some(b) = text.find("« ") {
        let e = text[b..].find(" »").unwrap() + b;
        d.quotes.push(Quote { span: Span::new(b + "« ".len(), e), kind: QuoteKind::Direct, speaker: Some("Kim Jong-un".into()), speaker_span: None, cue: Some("a dit".into()), cue_span: None });
    }
    for &(trigger, etype, actor, recipient) in events {
        let b = text.find(trigger).unwrap();
        let si = d.sentence_at(b).unwrap();
        d.events.push(Event {
            sentence: d.sentences[si],
            trigger: Span::new(b, b + trigger.len()),
            event_type: etype.into(),
            actor: Some(actor.into()),
            recipient: Some(recipient.into()),
            date: Some(dct.into()),
            confidence: 0.8,
            ..Default::default()
        });
    }
    d
}

fn build_db(path: &std::path::Path) {
    let mut s = Store::open(path).unwrap();
    let run = s.begin_run("test", "", "v1").unwrap();
    let docs = vec![
        doc("a", "Moscou a reçu une délégation de Pyongyang. Les deux pays ont signé un accord économique.", "2023-07-27", &[("reçu", "CONSULT", "PRK", "RUS"), ("signé", "AGREE", "RUS", "PRK")]),
        doc("b", "Séoul accuse Pyongyang de livrer des obus à Moscou. Kim a dit « nous sommes prêts ». Fin.", "2023-09-14", &[("accuse", "ACCUSE", "KOR", "PRK"), ("livrer", "AID", "PRK", "RUS")]),
        doc("c", "Texte hostile <script>alert(1)</script> et <img src=x onerror=alert(2)> à Pyongyang. L'économie de Moscou ralentit.", "2024-01-26", &[("ralentit", "THREATEN", "RUS", "PRK")]),
    ];
    s.put_documents(&docs, "v1", run).unwrap();
    s.finish_run(run, Default::default()).unwrap();
    dyade_serve::ensure_fts(s.conn()).unwrap();
    // Idempotent, and later inserts reach the index through the triggers.
    assert!(!dyade_serve::ensure_fts(s.conn()).unwrap());
    let d = doc("d", "Pyongyang et Moscou, économie et défense.", "2024-02-01", &[]);
    s.put_documents(&[d], "v1", run).unwrap();
}

struct Server {
    addr: SocketAddr,
    _dir: tempfile::TempDir,
}

fn start() -> Server {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    build_db(&db);
    let state = dyade_serve::AppState::open(&db).unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
        rt.block_on(async move {
            let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            tx.send(l.local_addr().unwrap()).unwrap();
            axum::serve(l, dyade_serve::router(state)).await.unwrap();
        });
    });
    Server { addr: rx.recv().unwrap(), _dir: dir }
}

/// A plain HTTP/1.1 GET: (status, headers lowercased, body).
fn get(s: &Server, path: &str) -> (u16, String, String) {
    let mut c = TcpStream::connect(s.addr).unwrap();
    write!(c, "GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n", s.addr).unwrap();
    let mut raw = Vec::new();
    c.read_to_end(&mut raw).unwrap();
    let raw = String::from_utf8(raw).unwrap();
    let (head, body) = raw.split_once("\r\n\r\n").unwrap();
    let status = head[9..12].parse().unwrap();
    // Chunked bodies: axum sends JSON with a content-length, static assets too.
    (status, head.to_ascii_lowercase(), body.to_string())
}

fn json(s: &Server, path: &str) -> Value {
    let (st, _, body) = get(s, path);
    assert_eq!(st, 200, "{path}: {body}");
    serde_json::from_str(&body).unwrap()
}

fn bad(s: &Server, path: &str, needle: &str) {
    let (st, _, body) = get(s, path);
    assert_eq!(st, 400, "{path}: {body}");
    let v: Value = serde_json::from_str(&body).unwrap();
    let msg = v["error"].as_str().unwrap();
    assert!(msg.contains(needle), "{path}: {msg}");
}

#[test]
fn api_end_to_end() {
    let s = start();
    let m = json(&s, "/api/meta");
    assert_eq!(m["counts"]["documents"], 4);
    assert_eq!(m["counts"]["events"], 5);
    assert_eq!(m["search"], "fts5");

    // Events: filters and pagination.
    let all = json(&s, "/api/events");
    assert_eq!(all["total"], 5);
    let p1 = json(&s, "/api/events?limit=2");
    let p3 = json(&s, "/api/events?limit=2&offset=4");
    assert_eq!(p1["items"].as_array().unwrap().len(), 2);
    assert_eq!(p1["next_offset"], 2);
    assert_eq!(p3["items"].as_array().unwrap().len(), 1);
    assert_eq!(p3["next_offset"], Value::Null);
    assert_eq!(json(&s, "/api/events?actor=RUS")["total"], 2);
    assert_eq!(json(&s, "/api/events?actor=PRK&recipient=RUS")["total"], 2);
    assert_eq!(json(&s, "/api/events?involving=KOR")["total"], 1);
    assert_eq!(json(&s, "/api/events?type=agree")["total"], 1);
    assert_eq!(json(&s, "/api/events?quad=1")["total"], 2);
    assert_eq!(json(&s, "/api/events?quad=3")["total"], 2);
    assert_eq!(json(&s, "/api/events?from=2023-09&to=2023")["total"], 2);
    assert_eq!(json(&s, "/api/events?source=Agence%20Test")["total"], 5);
    assert_eq!(json(&s, "/api/events?source=Other")["total"], 0);
    let e = &json(&s, "/api/events?type=AID")["items"][0];
    assert_eq!(e["quad"], 2);
    assert_eq!(e["trigger"], "livrer");

    // Dyad timeline, both directions.
    let d = json(&s, "/api/dyad?a=RUS&b=PRK");
    assert_eq!(d["total"], 4);
    let periods = d["periods"].as_array().unwrap();
    assert_eq!(periods.iter().map(|p| p["period"].as_str().unwrap()).collect::<Vec<_>>(), ["2023-07", "2023-09", "2024-01"]);
    assert_eq!(periods[0]["q1"], 2);
    assert_eq!(json(&s, "/api/dyad?a=RUS&b=PRK&directed=true")["total"], 2);
    assert_eq!(json(&s, "/api/dyad?a=RUS&b=PRK&bucket=year")["periods"].as_array().unwrap().len(), 2);

    // Source sentence offsets are code points into the article text.
    let ev = &d["items"][0];
    let art = json(&s, &format!("/api/articles/{}", ev["doc_id"]));
    let chars: Vec<char> = art["text"].as_str().unwrap().chars().collect();
    let (a, b) = (ev["sentence_start"].as_u64().unwrap() as usize, ev["sentence_end"].as_u64().unwrap() as usize);
    assert_eq!(chars[a..b].iter().collect::<String>(), ev["sentence"].as_str().unwrap());
    assert!(!art["sentences"].as_array().unwrap().is_empty());
    assert!(!art["entities"].as_array().unwrap().is_empty());

    // Top actors and pairs.
    let top = json(&s, "/api/top/actors");
    assert_eq!(top["items"][0]["code"], "PRK");
    assert_eq!(top["items"][0]["events"], 5);
    let pairs = json(&s, "/api/top/pairs?undirected=true");
    assert_eq!(pairs["items"][0]["actor"], "PRK");
    assert_eq!(pairs["items"][0]["recipient"], "RUS");
    assert_eq!(pairs["items"][0]["events"], 4);

    // Full-text search: diacritics removed, words ANDed, FTS syntax inert; later inserts indexed.
    assert_eq!(json(&s, "/api/articles?q=economie")["total"], 2);
    assert_eq!(json(&s, "/api/articles?q=econom*")["total"], 3, "prefix search");
    assert_eq!(json(&s, "/api/articles?q=economie%20defense")["total"], 1);
    assert_eq!(json(&s, "/api/articles?q=%22NEAR(%20OR%20Moscou")["total"], 0, "FTS syntax is searched as words, never an error");
    assert_eq!(json(&s, "/api/articles?q=Moscou%20OR")["total"], 0);
    let hit = json(&s, "/api/articles?q=onerror");
    assert_eq!(hit["total"], 1);
    assert!(hit["items"][0]["snippet"].as_str().unwrap().contains('\u{2}'));
    let c = json(&s, &format!("/api/articles/{}", hit["items"][0]["id"]));
    assert!(c["text"].as_str().unwrap().contains("<script>alert(1)</script>"), "text is returned verbatim (escaping is the page's job)");
    assert_eq!(json(&s, "/api/articles?limit=2")["items"].as_array().unwrap().len(), 2);

    // Entities, mentions, quotes, speakers.
    let ents = json(&s, "/api/entities?type=LOC");
    assert_eq!(ents["items"][0]["ref"], "PRK");
    assert_eq!(json(&s, "/api/mentions?ref=KOR")["total"], 1);
    assert_eq!(json(&s, "/api/speakers")["items"][0]["speaker"], "Kim Jong-un");
    let q = json(&s, "/api/quotes?speaker=Kim%20Jong-un");
    assert_eq!(q["items"][0]["text"], "nous sommes prêts");

    // Optional tables are feature-detected.
    let (st, _, _) = get(&s, "/api/tables/merged_events");
    assert_eq!(st, 404);

    // Validation.
    bad(&s, "/api/events?actr=RUS", "unknown parameter");
    bad(&s, "/api/events?limit=0", "limit");
    bad(&s, "/api/events?limit=5000", "limit");
    bad(&s, "/api/events?limit=ten", "limit");
    bad(&s, "/api/events?offset=-1", "offset");
    bad(&s, "/api/events?quad=5", "quad");
    bad(&s, "/api/events?type=PARTY", "PLOVER");
    bad(&s, "/api/events?from=2023-13-01", "from");
    bad(&s, "/api/events?from=yesterday", "from");
    bad(&s, "/api/events?order=random", "order");
    bad(&s, "/api/events?actor=RUS&actor=PRK", "twice");
    bad(&s, "/api/dyad?a=RUS", "b: required");
    bad(&s, "/api/dyad?a=RUS&b=PRK&bucket=week", "bucket");
    bad(&s, "/api/articles/abc", "article id");
    bad(&s, "/api/articles?q=%01", "control");
    bad(&s, "/api/entities?type=PERSON", "type");
    let (st, _, body) = get(&s, "/api/articles/999");
    assert_eq!(st, 404, "{body}");
    let (st, _, _) = get(&s, "/api/nope");
    assert_eq!(st, 404);

    // Page, assets, OpenAPI, security headers.
    let (st, head, body) = get(&s, "/");
    assert_eq!(st, 200);
    assert!(head.contains("content-security-policy: default-src 'none'; script-src 'self'"), "{head}");
    assert!(head.contains("x-content-type-options: nosniff"));
    assert!(body.contains("/app.js") && !body.contains("http://") && !body.contains("https://"), "no external resources");
    let (_, head, js) = get(&s, "/app.js");
    assert!(head.contains("text/javascript"));
    assert!(!js.contains(".innerHTML") && !js.contains("outerHTML") && !js.contains("insertAdjacentHTML") && !js.contains("eval("));
    let api = json(&s, "/api/openapi.json");
    assert!(api["paths"]["/api/events"].is_object());
}
