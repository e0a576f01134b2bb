#!/usr/bin/env python3
"""spaCy side of bench/ner_spacy.sh: NER speed on an OrangeSum slice, entity F1 on the
WikiNEuRal-fr dev file (CoNLL exact span+type, gold tokens), and seeds predictions in the
gold format (scored by shared/eval/score.py from the shell script).

Usage: ner_spacy.py MODEL SHARED_DIR N_DOCS PRED_DIR
"""
import json, pathlib, sys, time
import spacy
from spacy.tokens import Doc

model, shared, n_docs, pred_dir = sys.argv[1], pathlib.Path(sys.argv[2]), int(sys.argv[3]), pathlib.Path(sys.argv[4])
# NER needs only the tokenizer, tok2vec and ner
nlp = spacy.load(model, exclude=["parser", "lemmatizer", "morphologizer", "attribute_ruler", "tagger", "senter"])
print(f"== {model} (spaCy {spacy.__version__}), pipeline {nlp.pipe_names}")

texts = []
with open(shared / "data/corpus/orangesum/orangesum.jsonl", encoding="utf-8") as f:
    for line in f:
        if len(texts) >= n_docs:
            break
        v = json.loads(line)
        texts.append(f"{v.get('title') or ''}\n{v.get('heading') or ''}\n{v.get('article') or ''}")
t0 = time.perf_counter()
ntok = nent = 0
for d in nlp.pipe(texts, batch_size=64):
    ntok += len(d)
    nent += len(d.ents)
dt = time.perf_counter() - t0
print(f"speed: {len(texts)} docs, {ntok} tokens, {nent} entities, {dt:.2f} s, {ntok / dt / 1e6:.3f} M tokens/s (tokenizer+tok2vec+ner, 1 process)")

# WikiNEuRal dev, gold tokens
sents, cur = [], []
for line in open(shared / "data/ner/wikineural_fr_dev.conllu", encoding="utf-8"):
    line = line.rstrip("\n")
    if not line:
        if cur:
            sents.append(cur)
        cur = []
        continue
    cols = line.split("\t")
    cur.append((cols[-2], cols[-1]))
if cur:
    sents.append(cur)


def spans(tags):
    out, start, ty = set(), None, None
    for i, t in enumerate(tags + ["O"]):
        cont = t.startswith("I-") and start is not None and t[2:] == ty
        if not cont:
            if start is not None:
                out.add((start, i, ty))
            start, ty = (i, t[2:]) if t != "O" else (None, None)
    return out


tp = npred = ngold = 0
per = {}
docs = (Doc(nlp.vocab, words=[w for w, _ in s]) for s in sents)
for s, d in zip(sents, nlp.pipe(docs, batch_size=256)):
    pred = [("O" if t.ent_iob_ == "O" or not t.ent_iob_ else f"{t.ent_iob_}-{t.ent_type_}") for t in d]
    g, p = spans([t for _, t in s]), spans(pred)
    tp += len(g & p); npred += len(p); ngold += len(g)
    for ty in ("PER", "LOC", "ORG", "MISC"):
        c = per.setdefault(ty, [0, 0, 0])
        c[0] += len({x for x in g & p if x[2] == ty}); c[1] += len({x for x in p if x[2] == ty}); c[2] += len({x for x in g if x[2] == ty})


def f(tp, np_, ng):
    p = tp / np_ if np_ else 0.0
    r = tp / ng if ng else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


print("WikiNEuRal-fr dev: overall P %.4f R %.4f F1 %.4f" % f(tp, npred, ngold))
for ty, c in per.items():
    print("  %-5s P %.4f R %.4f F1 %.4f" % ((ty,) + f(*c)))

pred_dir.mkdir(parents=True, exist_ok=True)
for txt in sorted((shared / "seeds").glob("*.txt")):
    d = nlp(txt.read_text(encoding="utf-8"))
    ents = [{"start": e.start_char, "end": e.end_char, "text": e.text, "type": e.label_, "ref": None} for e in d.ents]
    (pred_dir / f"{txt.stem}.json").write_text(json.dumps({"doc": txt.stem, "entities": ents}, ensure_ascii=False), encoding="utf-8")
