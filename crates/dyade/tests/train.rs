//! `dyade train ner` is reproducible: the same inputs give the same model bytes.

use assert_cmd::cargo::CommandCargoExt;
use std::path::Path;
use std::process::Command;

#[test]
fn train_ner_is_deterministic_and_the_model_tags() {
    let shared = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared"));
    let dir = tempfile::tempdir().unwrap();
    // a slice of the real training corpus: its first 600 sentences
    let src = std::fs::read_to_string(shared.join("data/ner/wikineural_fr_train.conllu")).unwrap();
    let slice: String = src.split("\n\n").take(600).collect::<Vec<_>>().join("\n\n") + "\n\n";
    let train = dir.path().join("slice.conllu");
    std::fs::write(&train, slice).unwrap();
    let mut outs = Vec::new();
    for i in 0..2 {
        let out = dir.path().join(format!("m{i}.bin"));
        let st = Command::cargo_bin("dyade")
            .unwrap()
            .args(["train", "ner", "--epochs", "3", "--bits", "14", "--train"])
            .arg(&train)
            .arg("--out")
            .arg(&out)
            .output()
            .unwrap();
        assert!(st.status.success(), "{}", String::from_utf8_lossy(&st.stderr));
        outs.push(std::fs::read(&out).unwrap());
    }
    assert!(outs[0].len() > 1000, "model too small: {} bytes", outs[0].len());
    assert_eq!(outs[0], outs[1], "two trainings on the same data differ");
    // the model loads and finds a well-known name
    let model = dyade_ner::Model::load(dir.path().join("m0.bin")).unwrap();
    let tagger = dyade_ner::NerTagger::new(model, dyade_ner::Rules::parse(dyade_ner::FR_RULES).unwrap());
    let mut doc = dyade_core::Document::new("t", "Le président Emmanuel Macron est arrivé à Berlin lundi.");
    dyade_core::Component::process(&tagger, &mut doc);
    assert!(!doc.entities.is_empty(), "no entity found");
}
