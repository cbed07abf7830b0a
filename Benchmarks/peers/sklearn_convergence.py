#!/usr/bin/env python3
"""How scikit-learn's test accuracy moves as its fit converges: the evidence for the training row's
"accuracy no lower" comparison.

Fits TfidfVectorizer (the `--config` settings) + LogisticRegression(C, lbfgs) on --data once per
--max-iter value, with a tolerance too small to stop the fit early, and prints one JSON line per
value: iterations run, the objective (½‖W‖² + C·Σ log-loss, as sklearn_train.py reports it), and
how many --test records the model labels right. Not a timing: each fit starts from zero.
"""
import argparse
import json

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from corpus import TFIDF_CONFIGS, read_labelled
from sklearn_train import training_objective


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", required=True)
    parser.add_argument("--test", required=True)
    parser.add_argument("--text-field", default="text")
    parser.add_argument("--config", choices=["unigram", "bigram"], default="bigram")
    parser.add_argument("--c", type=float, default=30.0)
    parser.add_argument("--max-iter", type=int, nargs="+", default=[66, 100, 150, 300])
    args = parser.parse_args()

    texts, labels = read_labelled(args.data, args.text_field)
    test_texts, test_labels = read_labelled(args.test, args.text_field)
    vectorizer = TfidfVectorizer(**TFIDF_CONFIGS[args.config])
    matrix = vectorizer.fit_transform(texts)
    test_matrix = vectorizer.transform(test_texts)
    for max_iter in args.max_iter:
        model = LogisticRegression(C=args.c, max_iter=max_iter, tol=1e-12).fit(matrix, labels)
        correct = int((model.predict(test_matrix) == np.array(test_labels)).sum())
        print(json.dumps({"max_iter": max_iter, "iterations": int(np.max(model.n_iter_)),
                          "objective": round(training_objective(model, matrix, labels, args.c), 2),
                          "test_correct": correct, "test_records": len(test_labels)}), flush=True)


if __name__ == "__main__":
    main()
