#!/usr/bin/env python3
"""Times scikit-learn's TfidfVectorizer + LogisticRegression training (the peer of `lede train`).

Loads title + newline + field of every record (not timed), then times vectorizing and fitting.
Prints one JSON line: {"system", "seconds", "units" (documents), "objective" (½‖W‖² + C·Σ log-loss),
"iterations", "hit_iteration_limit", "features"}, and "test_accuracy" when --test names a labeled
corpus (scored after the timing, with the fitted vectorizer and model).
"""
import argparse
import json
import time

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from corpus import TFIDF_CONFIGS, read_labelled


def training_objective(model, matrix, labels, c):
    """½‖W‖² + C·Σ log-loss of a fitted multinomial model on its training rows (the intercepts are
    not penalized): the objective both scikit-learn and Lede minimize."""
    probabilities = model.predict_proba(matrix)
    index = {label: i for i, label in enumerate(model.classes_)}
    rows = np.arange(len(labels))
    loss = -np.log(np.clip(probabilities[rows, [index[l] for l in labels]], 1e-300, None)).sum()
    return 0.5 * float((model.coef_ ** 2).sum()) + c * float(loss)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", required=True)
    parser.add_argument("--text-field", default="text")
    parser.add_argument("--config", choices=["unigram", "bigram"], default="bigram")
    parser.add_argument("--c", type=float, default=30.0)
    parser.add_argument("--max-iter", type=int, default=100)
    parser.add_argument("--test", help="a labeled corpus to score the fitted model on (not timed)")
    args = parser.parse_args()

    texts, labels = read_labelled(args.data, args.text_field)

    start = time.perf_counter()
    vectorizer = TfidfVectorizer(**TFIDF_CONFIGS[args.config])
    matrix = vectorizer.fit_transform(texts)
    model = LogisticRegression(C=args.c, max_iter=args.max_iter).fit(matrix, labels)
    seconds = time.perf_counter() - start

    objective = training_objective(model, matrix, labels, args.c)
    iterations = int(np.max(model.n_iter_))
    result = {"system": "scikit-learn", "seconds": round(seconds, 4), "units": len(texts),
              "objective": round(objective, 2), "iterations": iterations,
              "hit_iteration_limit": iterations >= args.max_iter, "features": matrix.shape[1]}
    if args.test:
        test_texts, test_labels = read_labelled(args.test, args.text_field)
        predicted = model.predict(vectorizer.transform(test_texts))
        result["test_accuracy"] = round(float(np.mean(predicted == np.array(test_labels))), 4)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
