#!/usr/bin/env python3
"""Times scikit-learn's TfidfVectorizer.fit_transform on in-memory texts (the peer for Lede's vectorizer).

Input text per record: title + "\n" + the chosen text field. JSON parsing is not timed.
Prints one JSON line: {"system": "scikit-learn", "seconds": total, "bytes": UTF-8 bytes x repeats, "units": docs}.
"""
import argparse
import json
import time

from sklearn.feature_extraction.text import TfidfVectorizer

CONFIGS = {
    "unigram": {},
    "bigram": {"ngram_range": (1, 2), "min_df": 2, "sublinear_tf": True},
}


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", required=True, help="JSON Lines file")
    parser.add_argument("--text-field", default="body", help="field appended to the title")
    parser.add_argument("--title-field", default="title")
    parser.add_argument("--config", choices=sorted(CONFIGS), default="unigram")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()

    texts = []
    with open(args.data, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            record = json.loads(line)
            texts.append((record.get(args.title_field) or "") + "\n" + (record.get(args.text_field) or ""))
    size = sum(len(text.encode("utf-8")) for text in texts)

    start = time.perf_counter()
    for _ in range(args.repeat):
        TfidfVectorizer(**CONFIGS[args.config]).fit_transform(texts)
    seconds = time.perf_counter() - start
    print(json.dumps({"system": "scikit-learn", "config": args.config, "seconds": round(seconds, 4),
                      "bytes": size * args.repeat, "units": len(texts)}))


if __name__ == "__main__":
    main()
