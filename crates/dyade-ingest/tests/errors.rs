//! Every error kind, with real files; one bad file or line never stops the batch.
use dyade_ingest::{read_inputs, ErrorKind, ReadOptions};
use std::path::{Path, PathBuf};

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn one_error(path: &Path, opts: &ReadOptions) -> dyade_ingest::IngestError {
    let mut v: Vec<_> = read_inputs(&[path.to_path_buf()], opts).collect();
    assert_eq!(v.len(), 1, "{v:?}");
    v.pop().unwrap().unwrap_err()
}

#[test]
fn file_errors_name_the_file_and_problem() {
    let d = tempfile::tempdir().unwrap();
    let o = ReadOptions::default();

    let p = write(d.path(), "latin1.txt", b"Caf\xe9 au lait, un article.");
    let e = one_error(&p, &o);
    assert_eq!(e.kind, ErrorKind::InvalidUtf8 { offset: 3 });
    let msg = e.to_string();
    assert!(msg.contains("latin1.txt") && msg.contains("offset 3") && msg.contains("iconv"), "{msg}");

    let p = write(d.path(), "bin.txt", b"PK\x03\x04\x00\x00binary");
    let e = one_error(&p, &o);
    assert!(matches!(e.kind, ErrorKind::Binary { .. }), "{e}");
    assert!(e.to_string().contains("binary"));

    let p = write(d.path(), "empty.txt", b"  \n\t\n");
    assert_eq!(one_error(&p, &o).kind, ErrorKind::Empty);

    let p = write(d.path(), "big.txt", &vec![b'a'; 2000]);
    let small = ReadOptions { max_bytes: 1000, ..Default::default() };
    let e = one_error(&p, &small);
    assert_eq!(e.kind, ErrorKind::TooLarge { size: 2000, limit: 1000 });
    assert!(e.to_string().contains("limit 1000"));

    let p = write(d.path(), "nav.html", b"<html><body><script>var a=1;</script><nav></nav></body></html>");
    assert_eq!(one_error(&p, &o).kind, ErrorKind::NoHtmlText);

    let e = one_error(&d.path().join("missing.txt"), &o);
    assert!(matches!(e.kind, ErrorKind::Unreadable(_)));
    assert!(e.to_string().contains("missing.txt"));

    // BOM stripped
    let p = write(d.path(), "bom.txt", "\u{feff}Un texte.".as_bytes());
    let doc = read_inputs(&[p], &o).next().unwrap().unwrap();
    assert_eq!(doc.text, "Un texte.");
    assert_eq!(doc.id, "bom");
}

#[test]
fn jsonl_errors_have_lines_and_do_not_stop_the_batch() {
    let d = tempfile::tempdir().unwrap();
    let mut s = Vec::new();
    s.extend_from_slice(b"{\"id\": \"a\", \"text\": \"Premier article.\", \"date\": \"2020-01-02\"}\n");
    s.extend_from_slice(b"{\"id\": \"b\", \"text\": \"cass\xc3\xa9\n");
    s.extend_from_slice(b"{\"id\": \"c\", \"title\": \"Sans texte\", \"url\": \"http://x\"}\n");
    s.extend_from_slice(b"\n");
    s.extend_from_slice(b"{\"id\": \"d\", \"text\": \"invalide \xff\"}\n");
    s.extend_from_slice(b"\"just a string\"\n");
    s.extend_from_slice(b"{\"id\": \"e\", \"body\": \"\"}\n");
    s.extend_from_slice(b"{\"content\": \"Dernier article.\", \"lang\": \"fr\"}\n");
    let p = write(d.path(), "corpus.jsonl", &s);
    let out: Vec<_> = read_inputs(&[p.clone()], &ReadOptions::default()).collect();
    assert_eq!(out.len(), 7, "{out:?}");
    let a = out[0].as_ref().unwrap();
    assert_eq!((a.id.as_str(), a.dct()), ("a", Some("2020-01-02")));
    assert!(a.meta.origin.ends_with("corpus.jsonl:1"));
    let e = out[1].as_ref().unwrap_err();
    assert_eq!(e.line, Some(2));
    assert!(matches!(e.kind, ErrorKind::MalformedJson(_)));
    assert!(e.to_string().contains("corpus.jsonl:2: malformed JSON"), "{e}");
    let e = out[2].as_ref().unwrap_err();
    assert_eq!(e.line, Some(3));
    assert_eq!(e.kind, ErrorKind::NoTextField { seen: vec!["id".into(), "title".into(), "url".into()] });
    assert!(e.to_string().contains("fields seen: id, title, url"), "{e}");
    let e = out[3].as_ref().unwrap_err();
    assert_eq!(e.line, Some(5));
    let line5_start = s.split(|&b| b == b'\n').take(4).map(|l| l.len() + 1).sum::<usize>() as u64;
    assert_eq!(e.kind, ErrorKind::InvalidUtf8 { offset: line5_start + 30 });
    assert!(matches!(out[4].as_ref().unwrap_err().kind, ErrorKind::NotAnObject(_)));
    assert_eq!(out[5].as_ref().unwrap_err().kind, ErrorKind::EmptyTextField("body".into()));
    let last = out[6].as_ref().unwrap();
    assert_eq!(last.id, "corpus:8");
    assert_eq!(last.meta.lang.as_deref(), Some("fr"));

    // a line over the size limit is reported and skipped
    let mut big = b"{\"text\": \"".to_vec();
    big.extend(std::iter::repeat_n(b'x', 5000));
    big.extend_from_slice(b"\"}\n{\"text\": \"ok\"}\n");
    let p = write(d.path(), "big.jsonl", &big);
    let out: Vec<_> = read_inputs(&[p], &ReadOptions { max_bytes: 1000, ..Default::default() }).collect();
    assert!(matches!(out[0].as_ref().unwrap_err().kind, ErrorKind::TooLarge { .. }));
    assert_eq!(out[1].as_ref().unwrap().text, "ok");

    // binary file named .jsonl: one error, not one per line
    let p = write(d.path(), "bin.jsonl", b"\x00\x01\x02\n\x00\n");
    let out: Vec<_> = read_inputs(&[p], &ReadOptions::default()).collect();
    assert_eq!(out.len(), 1);
    assert!(matches!(out[0].as_ref().unwrap_err().kind, ErrorKind::Binary { .. }));
}

#[test]
fn folders_json_and_sidecar() {
    let d = tempfile::tempdir().unwrap();
    std::fs::create_dir(d.path().join("sub")).unwrap();
    write(d.path(), "b.txt", b"Texte B.");
    write(d.path(), "a.txt", b"Texte A.");
    write(d.path(), "notes.csv", b"x,y");
    write(d.path(), "bad.txt", b"\xff\xfe");
    write(&d.path().join("sub"), "c.html", b"<html><body><article><p>Un paragraphe assez long pour compter comme texte.</p></article></body></html>");
    write(d.path(), "one.json", b"{\n  \"id\": \"x1\",\n  \"article\": \"Un objet JSON sur plusieurs lignes.\"\n}\n");
    write(d.path(), "many.json", b"{\"id\": \"m1\", \"text\": \"Un.\"}\n{\"id\": \"m2\", \"text\": \"Deux.\"}\n");
    write(d.path(), "meta.jsonl", b"{\"doc\": \"a\", \"dct\": \"2023-07-27\", \"lang\": \"fr\", \"source\": \"Le Site\", \"title\": \"A\"}\n");
    let out: Vec<_> = read_inputs(&[d.path().to_path_buf()], &ReadOptions::default()).collect();
    let ids: Vec<String> = out.iter().map(|r| match r {
        Ok(d) => d.id.clone(),
        Err(e) => format!("ERR {}", e.path.file_name().unwrap().to_string_lossy()),
    }).collect();
    assert_eq!(ids, ["a", "b", "ERR bad.txt", "m1", "m2", "x1", "c"]);
    let a = out[0].as_ref().unwrap();
    assert_eq!(a.dct(), Some("2023-07-27"));
    assert_eq!(a.meta.source.as_deref(), Some("Le Site"));
    assert_eq!(a.meta.title.as_deref(), Some("A"));
    assert_eq!(a.meta.lang_confidence, Some(1.0));
    let c = out[6].as_ref().unwrap();
    assert!(c.text.starts_with("Un paragraphe"));
    assert!(c.meta.extra.contains_key("html_bytes"));
}

/// A saved page in ISO-8859-1 that says so is decoded; one that declares nothing (or UTF-8
/// while its bytes are not) is still refused with the offset of the first bad byte.
#[test]
fn html_in_a_declared_legacy_charset_is_decoded() {
    let d = tempfile::tempdir().unwrap();
    let o = ReadOptions::default();
    let page = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">\
<title>Visite \xe0 Pyongyang</title></head><body><article><p>Le ministre russe a \xe9t\xe9 re\xe7u \
\xe0 Pyongyang le 19 octobre 2023. \xab Nous sommes pr\xeats \xbb, a-t-il d\xe9clar\xe9 devant la presse.</p></article></body></html>";
    let p = write(d.path(), "latin1.html", page);
    let docs: Vec<_> = read_inputs(&[p], &o).collect();
    let doc = docs.into_iter().next().unwrap().expect("declared ISO-8859-1 page is read");
    assert!(doc.text.contains("Le ministre russe a été reçu à Pyongyang"), "{}", doc.text);
    assert!(doc.text.contains("« Nous sommes prêts »"), "{}", doc.text);
    assert_eq!(doc.meta.extra.get("decoded_from").and_then(|v| v.as_str()), Some("windows-1252"));

    let undeclared = b"<html><body><p>Le ministre a \xe9t\xe9 re\xe7u.</p></body></html>";
    let p = write(d.path(), "undeclared.html", undeclared);
    assert!(matches!(one_error(&p, &o).kind, ErrorKind::InvalidUtf8 { .. }));
    let lying = b"<html><head><meta charset=\"utf-8\"></head><body><p>Caf\xe9</p></body></html>";
    let p = write(d.path(), "lying.html", lying);
    assert!(matches!(one_error(&p, &o).kind, ErrorKind::InvalidUtf8 { .. }));
}
