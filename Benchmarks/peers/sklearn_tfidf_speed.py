#!/usr/bin/env python3
"""Times scikit-learn's TfidfVectorizer.fit_transform on in-memory texts (the peer for Lede's vectorizer).

Input text per record: title + "\n" + the chosen text field. JSON parsing is not timed.
Prints one JSON line: {"system": "scikit-learn", "seconds": total, "bytes": UTF-8 bytes x fits, "units": docs x fits,
"vocabulary": vocabulary size, "nnz": stored matrix entries, "fits": whole fits timed}.
Whole fits are repeated `--repeat` times, and further until `--seconds` have passed (default: one fit).
"""
import argparse
import json
import time

from sklearn.feature_extraction.text import TfidfVectorizer

from corpus import TFIDF_CONFIGS, read_texts, utf8_size


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", required=True, help="JSON Lines file")
    parser.add_argument("--text-field", default="body", help="field appended to the title")
    parser.add_argument("--title-field", default="title")
    parser.add_argument("--config", choices=sorted(TFIDF_CONFIGS), default="unigram")
    parser.add_argument("--repeat", type=int, default=1, help="whole fits to time, at least")
    parser.add_argument("--seconds", type=float, default=0, help="keep fitting until this many seconds have passed")
    args = parser.parse_args()

    texts = read_texts(args.data, args.text_field, args.title_field)
    size = utf8_size(texts)

    fits = 0
    start = time.perf_counter()
    while True:
        vectorizer = TfidfVectorizer(**TFIDF_CONFIGS[args.config])
        matrix = vectorizer.fit_transform(texts)
        fits += 1
        seconds = time.perf_counter() - start
        if fits >= args.repeat and seconds >= args.seconds:
            break
    print(json.dumps({"system": "scikit-learn", "config": args.config, "seconds": round(seconds, 4),
                      "bytes": size * fits, "units": len(texts) * fits, "documents": len(texts),
                      "vocabulary": len(vectorizer.vocabulary_), "nnz": int(matrix.nnz), "fits": fits,
                      "seconds_per_fit": round(seconds / fits, 3)}))


if __name__ == "__main__":
    main()
