//! Print the tokens and sentences of a text (argument or stdin): `--example show -- fr "text"`.
use std::io::Read;
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let lang = args.first().cloned().unwrap_or_else(|| "fr".into());
    let text = match args.get(1) {
        Some(t) => t.clone(),
        None => {
            let mut s = String::new();
            std::io::stdin().read_to_string(&mut s).unwrap();
            s
        }
    };
    let toks = dyade_text::tokenize(&text, &lang);
    let line: Vec<String> = toks
        .iter()
        .map(|t| match &t.norm {
            Some(n) => format!("{}[{}]", t.span.slice(&text), n),
            None => t.span.slice(&text).to_string(),
        })
        .collect();
    println!("{}", line.join(" | "));
    for s in dyade_text::split_sentences(&text, &toks, &lang) {
        println!("S: {}", s.slice(&text));
    }
    if let Some(g) = dyade_text::LanguageIdentifier::default().identify(&text) {
        println!("lang {} {:.3} ({} words)", g.lang, g.confidence, g.words);
    }
}
