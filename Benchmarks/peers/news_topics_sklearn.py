"""The scikit-learn peer of Lede's general-news topic model (issue 19), and the fold files Lede's
own cross-validation of that model reads.

Peer: TfidfVectorizer(sublinear_tf=True, ngram_range=(1, 2), min_df=2) + LogisticRegression(C=30),
trained on AG News train + BBC train + the HuffPost categories the label map keeps, every label
mapped through `models/news-topics.labelmap.tsv` (a target `-` drops the record). Input: title,
a line break, then the text (HuffPost: the headline alone).

    cv    stratified k-fold cross-validation on the training files only. The folds are cut within
          each source (stratified by its original label, seed 0); fold i trains on every source's
          other folds together and is scored on each source's fold i, so each source gets an
          out-of-fold accuracy on its own training split (mapped labels; dropped records are not
          scored). --dump DIR also writes fold i's files (DIR/i/train-SOURCE.jsonl and
          DIR/i/test-SOURCE.jsonl, original labels) for `lede train --label-map` to read.
    test  trains on all the training files and scores BBC test, labels mapped (the peer's figure).

Run from the repository root with a Python that has scikit-learn:
    python Benchmarks/peers/news_topics_sklearn.py cv [--folds 5] [--dump /tmp/news-folds]
    python Benchmarks/peers/news_topics_sklearn.py test
"""
import argparse
import json
import os
import sys
import time

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

DATA = os.environ.get("LEDE_SHARED_DATASETS", "../shared/datasets")
SOURCES = {"agnews": "agnews/train.jsonl", "bbc": "bbc/train.jsonl", "huffpost": "huffpost/train.jsonl"}
MAP = "models/news-topics.labelmap.tsv"


def read_map(path):
    pairs = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                source, target = line.split("\t")
                pairs[source] = target
    return pairs


def read(path):
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def text(record, title_weight):
    return "".join((record.get("title") or "") + "\n" for _ in range(title_weight)) + (record.get("text") or "")


def fit_predict(train, test_sets, args, mapping):
    kept = [r for r in train if mapping[r["label"]] != "-"]
    weights = np.array([args.weight.get(r["_source"], 1.0) for r in kept])
    vectorizer = TfidfVectorizer(sublinear_tf=True, ngram_range=(1, 2), min_df=2,
                                 stop_words="english" if args.stop_words else None)
    x = vectorizer.fit_transform([text(r, args.title_weight) for r in kept])
    model = LogisticRegression(C=args.c, max_iter=1000)
    model.fit(x, [mapping[r["label"]] for r in kept], sample_weight=weights)
    out = {}
    for name, records in test_sets.items():
        scored = [r for r in records if mapping[r["label"]] != "-"]
        predicted = model.predict(vectorizer.transform([text(r, args.title_weight) for r in scored]))
        out[name] = (sum(p == mapping[r["label"]] for p, r in zip(predicted, scored)), len(scored))
    return out, len(vectorizer.vocabulary_)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=["cv", "test"])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--c", type=float, default=30)
    parser.add_argument("--title-weight", type=int, default=1, help="title copies before the text (peer: 1)")
    parser.add_argument("--stop-words", action="store_true", help="scikit-learn's English stop words (peer: none)")
    parser.add_argument("--weight", action="append", default=[], help="SOURCE=W sample weight (peer: all 1)")
    parser.add_argument("--sources", default="agnews,bbc,huffpost")
    parser.add_argument("--dump", help="write each fold's files here (cv)")
    args = parser.parse_args()
    args.weight = {k: float(v) for k, v in (w.split("=") for w in args.weight)}
    mapping = read_map(MAP)
    data = {}
    for name in args.sources.split(","):
        data[name] = read(os.path.join(DATA, SOURCES[name]))
        for r in data[name]:
            r["_source"] = name
    started = time.time()
    if args.mode == "test":
        train = [r for records in data.values() for r in records]
        scores, vocabulary = fit_predict(train, {"bbc-test": read(os.path.join(DATA, "bbc/test.jsonl"))}, args, mapping)
        for name, (right, total) in scores.items():
            print(f"{name}: {right}/{total} = {right / total:.4f} (vocabulary {vocabulary})")
        print(f"{time.time() - started:.1f} s", file=sys.stderr)
        return
    folds = {}
    for name, records in data.items():
        splitter = StratifiedKFold(n_splits=args.folds, shuffle=True, random_state=0)
        folds[name] = [test for _, test in splitter.split(np.zeros(len(records)), [r["label"] for r in records])]
    totals = {name: [0, 0] for name in data}
    for i in range(args.folds):
        train, tests = [], {}
        for name, records in data.items():
            held = set(folds[name][i].tolist())
            tests[name] = [records[j] for j in sorted(held)]
            train_part = [r for j, r in enumerate(records) if j not in held]
            train += train_part
            if args.dump:
                os.makedirs(os.path.join(args.dump, str(i)), exist_ok=True)
                for kind, part in (("train", train_part), ("test", tests[name])):
                    with open(os.path.join(args.dump, str(i), f"{kind}-{name}.jsonl"), "w", encoding="utf-8") as out:
                        for r in part:
                            out.write(json.dumps({k: v for k, v in r.items() if k in ("id", "label", "title", "text")}) + "\n")
        scores, vocabulary = fit_predict(train, tests, args, mapping)
        for name, (right, total) in scores.items():
            totals[name][0] += right
            totals[name][1] += total
        print(f"fold {i}: " + ", ".join(f"{n} {r / t:.4f}" for n, (r, t) in scores.items()) + f" (vocabulary {vocabulary})",
              file=sys.stderr)
    for name, (right, total) in totals.items():
        print(f"{name}: {args.folds}-fold out-of-fold accuracy {right}/{total} = {right / total:.4f}")
    print(f"{time.time() - started:.1f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
