#!/usr/bin/env python3
"""scikit-learn's side of Lede's parity test.

Fits TfidfVectorizer on title + "\n" + a text field of a JSON Lines file and writes, into --out:
  vocabulary.txt   the terms in column order, one per line (UTF-8; terms never hold a line break)
  idf.f64          idf per column, float64 little-endian
  indptr.i64       CSR row starts, int64 little-endian (rows = documents in file order)
  indices.i32      CSR columns, int32 little-endian, ascending within each row
  data.f64         CSR values, float64 little-endian
  meta.json        shape, entry count, scikit-learn version, Python's Unicode version
With --tokens-of FILE instead, writes tokens.txt: the default analyzer's tokens of the file's text.
"""
import argparse
import json
import os
import re
import sys
import unicodedata

import numpy as np
import sklearn
from sklearn.feature_extraction.text import TfidfVectorizer

CONFIGS = {
    "unigram": {},
    "bigram": {"ngram_range": (1, 2), "min_df": 2, "sublinear_tf": True},
}


def read_texts(path, title_field, text_field):
    texts = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            record = json.loads(line)
            texts.append((record.get(title_field) or "") + "\n" + (record.get(text_field) or ""))
    return texts


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", help="JSON Lines file")
    parser.add_argument("--text-field", default="text")
    parser.add_argument("--title-field", default="title")
    parser.add_argument("--config", choices=sorted(CONFIGS), default="unigram")
    parser.add_argument("--tokens-of", help="a UTF-8 text file to tokenize instead of fitting")
    parser.add_argument("--out", required=True, help="output folder")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    meta = {"sklearn": sklearn.__version__, "unicode": unicodedata.unidata_version, "python": sys.version.split()[0]}

    if args.tokens_of:
        with open(args.tokens_of, encoding="utf-8", newline="") as handle:
            text = handle.read()
        tokens = TfidfVectorizer().build_analyzer()(text)
        assert re.findall(r"(?u)\b\w\w+\b", text.lower()) == tokens
        with open(os.path.join(args.out, "tokens.txt"), "w", encoding="utf-8", newline="\n") as handle:
            for token in tokens:
                handle.write(token + "\n")
        meta["tokens"] = len(tokens)
    else:
        if not args.data:
            parser.error("--data is required unless --tokens-of is given")
        texts = read_texts(args.data, args.title_field, args.text_field)
        vectorizer = TfidfVectorizer(**CONFIGS[args.config])
        matrix = vectorizer.fit_transform(texts).tocsr()
        matrix.sort_indices()
        terms = vectorizer.get_feature_names_out()
        with open(os.path.join(args.out, "vocabulary.txt"), "w", encoding="utf-8", newline="\n") as handle:
            for term in terms:
                assert "\n" not in term
                handle.write(term + "\n")
        vectorizer.idf_.astype("<f8").tofile(os.path.join(args.out, "idf.f64"))
        matrix.indptr.astype("<i8").tofile(os.path.join(args.out, "indptr.i64"))
        matrix.indices.astype("<i4").tofile(os.path.join(args.out, "indices.i32"))
        matrix.data.astype("<f8").tofile(os.path.join(args.out, "data.f64"))
        meta.update({"rows": matrix.shape[0], "columns": matrix.shape[1], "entries": int(matrix.nnz), "config": args.config})
    with open(os.path.join(args.out, "meta.json"), "w", encoding="utf-8") as handle:
        json.dump(meta, handle)


if __name__ == "__main__":
    main()
