//! `dyade eval` must print the same numbers as the reference scorer score.py.

use std::path::{Path, PathBuf};
use std::process::Command;

fn shared() -> PathBuf {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared")).to_path_buf()
}

fn score_py(gold: &Path, pred: &Path) -> serde_json::Value {
    let out = Command::new("python3")
        .arg(shared().join("eval/score.py"))
        .arg(gold)
        .arg(pred)
        .arg("--json")
        .output()
        .expect("python3 must be installed to compare with score.py");
    assert!(out.status.success(), "score.py failed: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Perturb the gold into a plausible, imperfect prediction so every rule is exercised.
fn perturb(v: &mut serde_json::Value, seed: usize) {
    let obj = v.as_object_mut().unwrap();
    for (k, arr) in obj.iter_mut() {
        let Some(items) = arr.as_array_mut() else { continue };
        let mut kept = Vec::new();
        for (i, it) in items.drain(..).enumerate() {
            let h = (i * 31 + seed * 17 + k.len()) % 7;
            if h == 0 {
                continue; // drop: recall loss
            }
            let mut it = it;
            if let Some(o) = it.as_object_mut() {
                if h == 1 {
                    if let Some(e) = o.get("end").and_then(|e| e.as_u64()) {
                        o.insert("end".into(), (e + 3).into()); // shifted span: strict miss, relaxed hit
                    }
                }
                if h == 2 {
                    for f in ["ref", "value", "speaker", "actor", "type"] {
                        if o.contains_key(f) && f != "type" {
                            o.insert(f.into(), "WRONG".into());
                            break;
                        }
                    }
                }
                if h == 3 {
                    o.remove("mod");
                    o.insert("date".into(), serde_json::Value::Null);
                }
            }
            kept.push(it.clone());
            if h == 4 {
                kept.push(it); // duplicate: precision loss
            }
        }
        *items = kept;
    }
}

#[test]
fn same_numbers_as_score_py_on_perturbed_seeds() {
    let gold = shared().join("eval/seeds");
    let dir = tempfile::tempdir().unwrap();
    for (n, e) in std::fs::read_dir(&gold).unwrap().enumerate() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "json") && n != 2 {
            // one prediction file missing on purpose (n == 2)
            let mut v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
            perturb(&mut v, n);
            std::fs::write(dir.path().join(p.file_name().unwrap()), serde_json::to_string(&v).unwrap()).unwrap();
        }
    }
    let ours = dyade_eval::score_dirs(&gold, dir.path()).unwrap().report_json();
    let theirs = score_py(&gold, dir.path());
    assert_eq!(ours, theirs);
    // and the gold against itself is perfect
    let ours = dyade_eval::score_dirs(&gold, &gold).unwrap().report_json();
    assert_eq!(ours, score_py(&gold, &gold));
    assert_eq!(ours["events"]["f1"], 1.0);
}

#[test]
fn same_text_output_as_score_py() {
    let gold = shared().join("eval/fr_timebank_dev");
    let out = Command::new("python3").arg(shared().join("eval/score.py")).arg(&gold).arg(&gold).output().unwrap();
    let ours = dyade_eval::score_dirs(&gold, &gold).unwrap().report_text();
    assert_eq!(ours, String::from_utf8_lossy(&out.stdout));
}
