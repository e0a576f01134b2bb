//! End-to-end tests of `dyade ingest`/`annotate`/`eval` through the real binary and a real
//! SQLite file: idempotence, crash safety under SIGKILL, and bad inputs.

use assert_cmd::cargo::CommandCargoExt;
use dyade_store::Store;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn shared() -> PathBuf {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared")).to_path_buf()
}

fn samples() -> PathBuf {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../samples/corpus")).to_path_buf()
}

fn dyade() -> Command {
    Command::cargo_bin("dyade").unwrap()
}

fn counts(db: &Path) -> dyade_store::Counts {
    Store::open_read_only(db).unwrap().counts().unwrap()
}

#[test]
fn ingest_twice_stores_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let meta = samples().join("meta.jsonl");
    let out = dyade().args(["ingest", "--quiet", "--db"]).arg(&db).arg("--meta").arg(&meta).arg(samples()).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let first = counts(&db);
    assert!(first.documents >= 9, "{first:?}");
    let out = dyade().args(["ingest", "--quiet", "--db"]).arg(&db).arg("--meta").arg(&meta).arg(samples()).output().unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("0 new"), "{stderr}");
    let second = counts(&db);
    assert_eq!(first.documents, second.documents);
    assert_eq!(first.entities, second.entities);
    assert_eq!(second.runs, 2);
    // the same article under another name is still one document
    let copy = dir.path().join("copy.txt");
    std::fs::copy(samples().join("2024-06-19-traite-pyongyang.txt"), &copy).unwrap();
    dyade().args(["ingest", "--quiet", "--db"]).arg(&db).arg(&copy).output().unwrap();
    assert_eq!(counts(&db).documents, first.documents);
}

#[test]
fn bad_inputs_are_named_and_the_rest_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let inp = dir.path().join("in");
    std::fs::create_dir(&inp).unwrap();
    std::fs::write(inp.join("good.txt"), "La Russie et la Corée du Nord ont signé un accord lundi à Moscou.").unwrap();
    std::fs::write(inp.join("latin1.txt"), b"Cor\xe9e du Nord").unwrap();
    std::fs::write(inp.join("empty.txt"), b"").unwrap();
    std::fs::write(inp.join("binary.txt"), [0u8, 159, 146, 150, 0, 1, 2, 3]).unwrap();
    std::fs::write(
        inp.join("lines.jsonl"),
        "{\"id\": \"a\", \"article\": \"Premier article sur Pyongyang.\"}\n{not json\n{\"id\": \"c\", \"title\": \"sans texte\"}\n{\"id\": \"d\", \"article\": \"Dernier article sur Moscou.\"}\n",
    )
    .unwrap();
    let db = dir.path().join("t.db");
    let out = dyade().args(["ingest", "--quiet", "--db"]).arg(&db).arg(&inp).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "exit code says something was skipped: {stderr}");
    for needle in ["latin1.txt", "empty.txt", "binary.txt", "lines.jsonl:2", "lines.jsonl:3"] {
        assert!(stderr.contains(needle), "error for {needle} missing in: {stderr}");
    }
    assert!(stderr.to_lowercase().contains("utf-8"), "{stderr}");
    assert_eq!(counts(&db).documents, 3, "good.txt, a and d are stored");
    let errors: i64 = Store::open_read_only(&db).unwrap().conn().query_row("SELECT count(*) FROM run_errors", [], |r| r.get(0)).unwrap();
    assert_eq!(errors, 5);
}

#[test]
fn not_a_database_is_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("notes.db");
    std::fs::write(&db, vec![b'x'; 4096]).unwrap();
    let out = dyade().args(["ingest", "--quiet", "--db"]).arg(&db).arg(samples().join("2024-06-19-traite-pyongyang.txt")).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("notes.db"), "{stderr}");
}

/// Kill an ingest with SIGKILL mid-way: the database stays consistent (every stored
/// document has all its layers), and running the same command again completes it.
#[test]
fn killed_ingest_leaves_a_consistent_database_and_rerun_completes_it() {
    let dir = tempfile::tempdir().unwrap();
    // 3,000 real articles from OrangeSum, streamed from a file of ours
    let corpus = dir.path().join("slice.jsonl");
    let src = std::fs::read_to_string(shared().join("data/corpus/orangesum/orangesum.jsonl")).unwrap();
    let mut f = std::fs::File::create(&corpus).unwrap();
    let n = 3000;
    for line in src.lines().take(n) {
        writeln!(f, "{line}").unwrap();
    }
    drop(f);
    let db = dir.path().join("t.db");
    let mut child = dyade()
        .args(["ingest", "--quiet", "--batch", "50", "-j", "1", "--db"])
        .arg(&db)
        .arg(&corpus)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // wait until some batches are committed, then kill without warning
    let t0 = Instant::now();
    loop {
        std::thread::sleep(Duration::from_millis(20));
        if db.exists() {
            if let Ok(s) = Store::open_read_only(&db) {
                if s.counts().map(|c| c.documents >= 100).unwrap_or(false) {
                    break;
                }
            }
        }
        assert!(child.try_wait().unwrap().is_none(), "ingest finished before it could be killed; use a bigger slice");
        assert!(t0.elapsed() < Duration::from_secs(300), "ingest made no progress");
    }
    child.kill().unwrap(); // SIGKILL on Unix
    child.wait().unwrap();
    let s = Store::open_read_only(&db).unwrap();
    assert_eq!(s.integrity_check().unwrap(), "ok");
    let stored = s.counts().unwrap().documents;
    assert!(stored < n as u64, "killed before the end");
    // every stored document has all its layers: typed rows agree with the stored layers
    let mut st = s.conn().prepare("SELECT id, layers_json, (SELECT count(*) FROM entities e WHERE e.doc_id = d.id), (SELECT count(*) FROM timexes t WHERE t.doc_id = d.id) FROM documents d").unwrap();
    let rows: Vec<(i64, String, i64, i64)> = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))).unwrap().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len() as u64, stored);
    for (id, layers, ents, tmx) in rows {
        let v: serde_json::Value = serde_json::from_str(&layers).unwrap();
        assert_eq!(v["entities"].as_array().unwrap().len() as i64, ents, "document {id}");
        assert_eq!(v["timexes"].as_array().unwrap().len() as i64, tmx, "document {id}");
    }
    drop(st);
    drop(s);
    let out = dyade().args(["ingest", "--quiet", "--db"]).arg(&db).arg(&corpus).output().unwrap();
    // a few OrangeSum lines have an empty article: skipped with exit code 3, the rest stored
    assert!(matches!(out.status.code(), Some(0 | 3)), "{}", String::from_utf8_lossy(&out.stderr));
    let s = Store::open_read_only(&db).unwrap();
    // OrangeSum has a few exact duplicates: compare with the distinct texts
    let distinct: std::collections::HashSet<String> = src
        .lines()
        .take(n)
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["article"].as_str().unwrap().to_string())
        .filter(|t| !t.trim().is_empty())
        .collect();
    assert_eq!(s.counts().unwrap().documents, distinct.len() as u64);
    let statuses: Vec<String> =
        s.conn().prepare("SELECT status FROM runs ORDER BY id").unwrap().query_map([], |r| r.get(0)).unwrap().map(|r| r.unwrap()).collect();
    assert_eq!(statuses, vec!["interrupted", "done"]);
    // and no stage failed on any of these 3,000 real articles
    let failed: Vec<String> = s
        .conn()
        .prepare("SELECT doc || ': ' || meta_json FROM documents WHERE meta_json LIKE '%stage_errors%' LIMIT 3")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    assert!(failed.is_empty(), "stages failed: {failed:?}");
}

#[test]
fn annotate_writes_the_gold_format_and_eval_agrees_with_gold() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("ann");
    let st = dyade()
        .arg("annotate")
        .arg(shared().join("seeds"))
        .arg("--meta")
        .arg(shared().join("seeds/meta.jsonl"))
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(st.status.success(), "{}", String::from_utf8_lossy(&st.stderr));
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(out.join("003_a4312f8c6b1d384b.json")).unwrap()).unwrap();
    for k in ["doc", "dct", "lang", "boilerplate", "entities", "timexes", "quotes", "events"] {
        assert!(v.get(k).is_some(), "missing {k}");
    }
    assert_eq!(v["dct"], "2023-07-27");
    // scoring gold against itself through the CLI is perfect
    let gold = shared().join("eval/seeds");
    let st = dyade().args(["eval", "--json", "--gold"]).arg(&gold).arg("--pred").arg(&gold).output().unwrap();
    let r: serde_json::Value = serde_json::from_slice(&st.stdout).unwrap();
    assert_eq!(r["entities_strict"]["f1"], 1.0);
    assert_eq!(r["events"]["f1"], 1.0);
}

/// OrangeSum articles that once made a stage panic (found by ingesting the whole corpus):
/// every stage must now handle them.
#[test]
fn no_stage_fails_on_articles_that_once_crashed_one() {
    let lines = [8229usize, 12698, 21118, 21928, 31041, 32367, 33331, 33387, 34336, 35493];
    let src = std::fs::read_to_string(shared().join("data/corpus/orangesum/orangesum.jsonl")).unwrap();
    let all: Vec<&str> = src.lines().collect();
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("hard.jsonl");
    std::fs::write(&input, lines.iter().map(|&n| format!("{}\n", all[n - 1])).collect::<String>()).unwrap();
    let out = dyade().arg("annotate").arg(&input).arg("--out").arg(dir.path().join("out")).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(!stderr.contains("failed"), "{stderr}");
}

/// Standard input: plain text, or JSON Lines when it starts with `{`.
#[test]
fn reads_standard_input() {
    use std::io::Write as _;
    let dir = tempfile::tempdir().unwrap();
    let run = |input: &str, out: &Path| {
        let mut child = dyade().arg("annotate").arg("-").arg("--out").arg(out).stdin(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
        child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
        let o = child.wait_with_output().unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    };
    let text = dir.path().join("text");
    run("Vladimir Poutine a rencontré Kim Jong-un lundi à Vladivostok.\n", &text);
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(text.join("stdin.json")).unwrap()).unwrap();
    assert!(v["entities"].as_array().unwrap().iter().any(|e| e["ref"] == "Vladimir Putin"), "{v}");
    let jsonl = dir.path().join("jsonl");
    run("{\"id\": \"s1\", \"article\": \"Pyongyang a tiré un missile.\"}\n{\"id\": \"s2\", \"article\": \"Moscou a protesté.\"}\n", &jsonl);
    assert!(jsonl.join("s1.json").exists() && jsonl.join("s2.json").exists());
}
