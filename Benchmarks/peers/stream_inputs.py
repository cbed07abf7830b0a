#!/usr/bin/env python3
"""Prepares, once, what the streaming rows need, under Benchmarks/results/stream/ (not in git):

- 20ng-test-x10.jsonl: 20 Newsgroups test repeated 10 times (75,320 records), ids made unique;
- 20ng-one.jsonl: its first record alone (the cold-start input);
- bbc-x10.jsonl: BBC train + test repeated 10 times (20,920 articles);
- pages-x5.jsonl: the 90 pages of pages/dev.jsonl repeated 5 times (450 pages), fields id and html only;
- 20ng.safetensors: a Lede model trained with `lede train`'s defaults on 20NG train (title + body);
- 20ng-sklearn.joblib: scikit-learn's peer pipeline, TfidfVectorizer(ngram_range=(1, 2), min_df=2,
  sublinear_tf=True) + LogisticRegression(C=30), fitted on the same data.

Prints the folder. Each file is made only when missing; delete the folder to remake them. The Lede
model is also remade when `lede train --help` (which states the defaults) differs from the text saved
beside it in 20ng.train-help.txt, so a change of defaults is measured with the new defaults.
"""
import argparse
import json
import subprocess
import sys
from pathlib import Path

from corpus import json_lines, read_labelled

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "results" / "stream"
DATASETS = HERE.parent.parent.parent / "shared" / "datasets"


def repeat(sources, target, times):
    with open(target, "w", encoding="utf-8") as out:
        for copy in range(times):
            for source in sources:
                with open(source, encoding="utf-8") as handle:
                    for record in json_lines(handle):
                        record["id"] = f"{copy}-{record.get('id')}"
                        out.write(json.dumps(record, ensure_ascii=False) + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lede", required=True)
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    ng_train, ng_test = DATASETS / "20ng" / "train.jsonl", DATASETS / "20ng" / "test.jsonl"
    if not (OUT / "20ng-test-x10.jsonl").exists():
        repeat([ng_test], OUT / "20ng-test-x10.jsonl", 10)
    if not (OUT / "20ng-one.jsonl").exists():
        with open(ng_test, encoding="utf-8") as f:
            (OUT / "20ng-one.jsonl").write_text(f.readline(), encoding="utf-8")
    if not (OUT / "bbc-x10.jsonl").exists():
        repeat([DATASETS / "bbc" / "train.jsonl", DATASETS / "bbc" / "test.jsonl"], OUT / "bbc-x10.jsonl", 10)
    if not (OUT / "pages-x5.jsonl").exists():
        with open(DATASETS / "pages" / "dev.jsonl", encoding="utf-8") as f:
            pages = [json.loads(line) for line in f if line.strip()]
        with open(OUT / "pages-x5.jsonl", "w", encoding="utf-8") as out:
            for copy in range(5):
                for page in pages:
                    out.write(json.dumps({"id": f"{copy}-{page['id']}", "html": page["html"]}, ensure_ascii=False) + "\n")
    stamp = OUT / "20ng.train-help.txt"
    help_text = subprocess.run([args.lede, "train", "--help"], check=True, capture_output=True, text=True).stdout
    if not stamp.exists() or stamp.read_text(encoding="utf-8") != help_text:
        (OUT / "20ng.safetensors").unlink(missing_ok=True)
    if not (OUT / "20ng.safetensors").exists():
        subprocess.run([args.lede, "train", "--data", str(ng_train), "--text-field", "body",
                        "-o", str(OUT / "20ng.safetensors")], check=True, stderr=subprocess.DEVNULL)
        stamp.write_text(help_text, encoding="utf-8")
    if not (OUT / "20ng-sklearn.joblib").exists():
        import joblib
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import make_pipeline
        texts, labels = read_labelled(ng_train, "body")
        pipeline = make_pipeline(TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True), LogisticRegression(C=30))
        pipeline.fit(texts, labels)
        joblib.dump(pipeline, OUT / "20ng-sklearn.joblib")
    print(OUT)


if __name__ == "__main__":
    sys.exit(main())
