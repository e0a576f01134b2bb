//! Read inputs (files, folders, `-` for stdin), clean them, and print one JSON document per
//! line on stdout; errors go to stderr. `--splits` prints glued-paragraph splits instead.
//!
//! `cargo run -p dyade-ingest --example dump -- PATH... [--splits]`
use dyade_core::Component;
use dyade_ingest::{read_inputs, Cleaner, ReadOptions};
use std::path::PathBuf;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let splits = args.iter().any(|a| a == "--splits");
    let paths: Vec<PathBuf> = args.iter().filter(|a| !a.starts_with("--") || *a == "-").map(PathBuf::from).collect();
    let cleaner = Cleaner::new();
    for r in read_inputs(&paths, &ReadOptions::default()) {
        match r {
            Ok(mut d) => {
                cleaner.process(&mut d);
                if splits {
                    for w in d.paragraphs.windows(2) {
                        if w[0].end == w[1].start {
                            let a = &d.text[..w[0].end];
                            let a: String = a.chars().rev().take(25).collect::<Vec<_>>().into_iter().rev().collect();
                            let b: String = d.text[w[1].start..].chars().take(25).collect();
                            println!("{}\t{a} || {b}", d.id);
                        }
                    }
                } else {
                    println!("{}", serde_json::to_string(&d).unwrap());
                }
            }
            Err(e) => eprintln!("{e}"),
        }
    }
}
