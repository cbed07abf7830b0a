#!/bin/sh
# Cross-validates a news-topics training recipe the way Benchmarks/peers/news_topics_sklearn.py does,
# on the fold files it writes (`news_topics_sklearn.py cv --dump DIR`): fold i trains on every
# source's other folds (train-SOURCE.jsonl) and is scored on each source's fold i
# (test-SOURCE.jsonl), labels mapped through the label map; prints each source's out-of-fold accuracy.
#
#   Benchmarks/news-topics-cv.sh DIR [extra lede train flags…]
# e.g. Benchmarks/news-topics-cv.sh /tmp/news-folds --source-weight '{dir}/train-bbc.jsonl=4'
# ({dir} in a flag becomes the fold's folder). Run from the repository root after swift build -c release.
set -eu
dir=$1; shift
lede=${LEDE:-.build/release/lede}
map=${MAP:-models/news-topics.labelmap.tsv}
sources=${SOURCES:-agnews bbc huffpost}
out=$(mktemp -d)
for fold in "$dir"/*/; do
    fold=${fold%/}
    data=""
    for s in $sources; do data="$data --data $fold/train-$s.jsonl"; done
    flags=""
    for f in "$@"; do flags="$flags $(printf '%s' "$f" | sed "s|{dir}|$fold|g")"; done
    # shellcheck disable=SC2086
    $lede train $data --label-map "$map" --no-calibrate $flags -o "$out/model.safetensors" 2>"$out/train.log" \
        || { cat "$out/train.log" >&2; exit 1; }
    for s in agnews bbc huffpost; do
        $lede evaluate classifier --model "$out/model.safetensors" --data "$fold/test-$s.jsonl" --label-map "$map" --json 2>/dev/null \
            | python3 -c "import json,sys; r=json.load(sys.stdin); print('$s', r['count'], round(r['accuracy']*r['count']))"
    done
    terms=$($lede inspect "$out/model.safetensors" --terms 0 | sed -n 's/^vocabulary: \([0-9]*\) terms.*/\1/p')
    echo "vocabulary $terms"
done > "$out/scores"
python3 - "$out/scores" <<'PY'
import sys, collections
total, right, vocab = collections.Counter(), collections.Counter(), []
for line in open(sys.argv[1]):
    parts = line.split()
    if parts[0] == "vocabulary": vocab.append(int(parts[1])); continue
    total[parts[0]] += int(parts[1]); right[parts[0]] += int(parts[2])
print("  ".join(f"{s} {right[s] / total[s]:.4f} ({right[s]}/{total[s]})" for s in total), f" vocabulary ~{sum(vocab) // len(vocab)}")
PY
rm -r "$out"
