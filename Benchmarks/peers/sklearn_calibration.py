#!/usr/bin/env python3
"""scikit-learn's calibration on a test set, the peer of `lede evaluate classifier`'s ECE.

Trains TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, stop_words=...) +
LogisticRegression(C=...) on title + newline + field of the training records, predicts the test
records' probabilities, and prints one JSON line: accuracy, log-loss and the top-label expected
calibration error over 15 equal-width bins (confidence in (b/15, (b+1)/15]; the definition of
Guo et al. 2017, as `lede evaluate classifier` computes it), with the reliability table.

`--stop-words lede` reads Lede's own English list from Sources/LedeText/EnglishStopWords.swift, so
the features are exactly Lede's defaults; `--stop-words english` uses scikit-learn's list.

    python Benchmarks/peers/sklearn_calibration.py --train ../shared/datasets/20ng/train.jsonl \
        --test ../shared/datasets/20ng/test.jsonl --text-field body --c 30 --stop-words lede
"""
import argparse
import json
import re
import time
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from corpus import read_labelled

ROOT = Path(__file__).resolve().parents[2]


def lede_stop_words():
    source = (ROOT / "Sources" / "LedeText" / "EnglishStopWords.swift").read_text(encoding="utf-8")
    body = source[source.index("englishWords"):]
    body = body[body.index("= [") + 3:]
    body = body[:body.index("\n    ]")]
    return sorted(set(re.findall(r'"([^"]*)"', body)))


def reliability(confidences, correct, bins=15):
    index = np.clip(np.ceil(confidences * bins).astype(int) - 1, 0, bins - 1)
    table, ece = [], 0.0
    for b in range(bins):
        mask = index == b
        count = int(mask.sum())
        conf = float(confidences[mask].mean()) if count else 0.0
        acc = float(correct[mask].mean()) if count else 0.0
        ece += count / len(confidences) * abs(acc - conf)
        table.append({"bin": b, "count": count, "mean_confidence": round(conf, 4), "accuracy": round(acc, 4)})
    return ece, table


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--train", required=True)
    parser.add_argument("--test", required=True)
    parser.add_argument("--text-field", default="text")
    parser.add_argument("--c", type=float, default=30.0)
    parser.add_argument("--max-iter", type=int, default=1000)
    parser.add_argument("--stop-words", choices=["lede", "english", "none"], default="lede")
    args = parser.parse_args()

    stop = {"lede": lede_stop_words(), "english": "english", "none": None}[args.stop_words]
    train_texts, train_labels = read_labelled(args.train, args.text_field)
    test_texts, test_labels = read_labelled(args.test, args.text_field)
    start = time.perf_counter()
    vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, stop_words=stop)
    model = LogisticRegression(C=args.c, max_iter=args.max_iter).fit(vectorizer.fit_transform(train_texts), train_labels)
    seconds = time.perf_counter() - start
    probabilities = model.predict_proba(vectorizer.transform(test_texts))
    index = {label: i for i, label in enumerate(model.classes_)}
    truth = np.array([index.get(label, -1) for label in test_labels])
    top = probabilities.argmax(axis=1)
    correct = top == truth
    confidences = probabilities.max(axis=1)
    ece, table = reliability(confidences, correct)
    picked = np.clip(probabilities[np.arange(len(truth)), truth], 1e-15, None)
    print(json.dumps({"system": "scikit-learn", "seconds": round(seconds, 2), "c": args.c, "stop_words": args.stop_words,
                      "features": len(vectorizer.vocabulary_), "iterations": int(np.max(model.n_iter_)),
                      "accuracy": round(float(correct.mean()), 4), "log_loss": round(float(-np.log(picked).mean()), 4),
                      "ece": round(ece, 4), "reliability": table}))


if __name__ == "__main__":
    main()
