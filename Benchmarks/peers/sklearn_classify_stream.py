#!/usr/bin/env python3
"""scikit-learn's side of `lede classify`: reads JSON Lines on stdin, classifies them with a fitted
pipeline (TfidfVectorizer + LogisticRegression, loaded with joblib) in batches of 1,000 records, and
writes {"id", "label", "confidence"} lines to stdout, as lede classify does. Python start-up, imports
and model loading are part of what it costs (timed from outside by timed.py).
"""
import argparse
import json
import sys

import joblib

from corpus import json_lines, text_of


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", required=True)
    parser.add_argument("--text-field", default="text")
    args = parser.parse_args()
    pipeline = joblib.load(args.model)
    classes = pipeline.classes_
    out = sys.stdout

    def flush(batch):
        probabilities = pipeline.predict_proba([text_of(r, args.text_field) for r in batch])
        for record, row in zip(batch, probabilities):
            best = row.argmax()
            out.write(json.dumps({"id": record.get("id"), "label": classes[best], "confidence": round(float(row[best]), 6)}) + "\n")

    batch = []
    for record in json_lines(sys.stdin):
        batch.append(record)
        if len(batch) == 1000:
            flush(batch)
            batch = []
    if batch:
        flush(batch)


if __name__ == "__main__":
    main()
