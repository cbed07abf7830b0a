#!/usr/bin/env python3
"""Times scikit-learn's cross-validated search over C (the peer of `lede train --c auto`).

GridSearchCV(Pipeline([TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True,
stop_words='english'), LogisticRegression()]), {'C': grid}, cv=StratifiedKFold(folds), refit=False,
n_jobs=--jobs) on title + newline + field of every record: the vectorizer is fitted per fold, as
Lede does. Loading is not timed. refit=False because the row times the search (3 C × 3 folds)
alone, as Lede's does. LogisticRegression keeps scikit-learn's defaults (lbfgs, max_iter 100, tol 1e-4).
Prints one JSON line: seconds, units (documents), the chosen C and the table.

It takes about five minutes on this machine, so Benchmarks/compare runs it like every system
(3 runs unless --runs); run `compare --only cv-grid --runs 1` to measure it once.
"""
import argparse
import json
import time

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GridSearchCV, StratifiedKFold
from sklearn.pipeline import Pipeline

from corpus import read_labelled


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", required=True)
    parser.add_argument("--text-field", default="text")
    parser.add_argument("--grid", default="10,30,100")
    parser.add_argument("--folds", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()

    texts, labels = read_labelled(args.data, args.text_field)
    grid = [float(c) for c in args.grid.split(",")]
    pipeline = Pipeline([
        ("tfidf", TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, stop_words="english")),
        ("lr", LogisticRegression()),
    ])
    search = GridSearchCV(pipeline, {"lr__C": grid}, cv=StratifiedKFold(args.folds), refit=False, n_jobs=args.jobs)
    start = time.perf_counter()
    search.fit(texts, labels)
    seconds = time.perf_counter() - start
    results = search.cv_results_
    table = "; ".join(
        f"C={c:g}: {results['mean_test_score'][i]:.4f} ["
        + " ".join(f"{results[f'split{f}_test_score'][i]:.4f}" for f in range(args.folds)) + "]"
        for i, c in enumerate(results["param_lr__C"]))
    print(json.dumps({"system": "scikit-learn", "seconds": round(seconds, 2), "units": len(texts), "work": len(texts),
                      "extra": {"chosen_c": str(search.best_params_["lr__C"]), "table": table, "jobs": str(args.jobs)}}))


if __name__ == "__main__":
    main()
