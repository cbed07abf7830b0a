#!/usr/bin/env python3
"""5-fold cross-validated micro-F1 of scikit-learn's one-vs-rest logistic regression on a multi-label
corpus (the peer figure of Lede's Reuters quality test, Tests/LedeCLITests/MultiLabelQualityTests.swift).

Folds: document i (0-based line of the file) is held out in fold i mod 5, as in Lede's test. Each
fold's training part fits TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True) (the
brief's peer features) on title + newline + text, then OneVsRestClassifier(LogisticRegression(C=c,
max_iter=1000)) for every C of --grid; labels are predicted at probability 0.5 (predict()). For each C
the held-out predictions of all five folds are pooled and scored: micro-F1, and macro-F1 over the
labels that occur in the data. "C by CV" is the C of best pooled micro-F1, and that C's figure is
the peer's: chosen on the same folds it is scored on, which can only favour the peer.

Prints one JSON line: the table (C → micro-F1, macro-F1), the chosen C and its figures, seconds.
"""
import argparse
import json
import time
import warnings

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.multiclass import OneVsRestClassifier
from sklearn.preprocessing import MultiLabelBinarizer

from corpus import read_records, text_of


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", required=True)
    parser.add_argument("--grid", default="10,30,100,300,1000")
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()

    records = read_records(args.data)
    texts = [text_of(r, "text") for r in records]
    binarizer = MultiLabelBinarizer()
    truth = binarizer.fit_transform([r["labels"] for r in records])
    grid = [float(c) for c in args.grid.split(",")]
    predicted = {c: np.zeros_like(truth) for c in grid}
    start = time.perf_counter()
    for fold in range(args.folds):
        held = np.array([i % args.folds == fold for i in range(len(texts))])
        vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
        train = vectorizer.fit_transform([t for t, h in zip(texts, held) if not h])
        test = vectorizer.transform([t for t, h in zip(texts, held) if h])
        for c in grid:
            with warnings.catch_warnings():
                # Labels with no positive in a fold's training part get a constant predictor.
                warnings.simplefilter("ignore")
                model = OneVsRestClassifier(LogisticRegression(C=c, max_iter=1000)).fit(train, truth[~held])
            predicted[c][held] = model.predict(test)
    present = np.flatnonzero(truth.sum(axis=0) > 0)
    table = {}
    for c in grid:
        table[c] = {
            "micro_f1": round(float(f1_score(truth, predicted[c], average="micro", zero_division=0)), 4),
            "macro_f1": round(float(f1_score(truth, predicted[c], average="macro", labels=present, zero_division=0)), 4),
        }
    chosen = max(grid, key=lambda c: (table[c]["micro_f1"], -c))
    print(json.dumps({"system": "scikit-learn OneVsRest(LogisticRegression)", "seconds": round(time.perf_counter() - start, 1),
                      "table": {str(c): v for c, v in table.items()}, "chosen_c": chosen, **table[chosen]}))


if __name__ == "__main__":
    main()
