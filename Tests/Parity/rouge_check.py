"""rouge-score's side of the ROUGE parity tests (Tests/LedeROUGETests).

Modes (input and output are files; JSON Lines unless said otherwise):
  --rouge IN OUT     IN: {"id", "candidate", "reference"} per line. OUT: {"id", "rouge1", "rouge2", "rougeL",
                     "rougeLsum"}, each [precision, recall, fmeasure] from
                     rouge_score.rouge_scorer.RougeScorer(..., use_stemmer=True).score(reference, candidate).
  --stem IN OUT      IN: one word per line. OUT: its stem by nltk's PorterStemmer() (default mode), one per line.
  --tokenize IN OUT  IN: {"id", "text"} per line. OUT: {"id", "tokens"}, rouge-score's tokens with the stemmer.
  --time IN          Scores IN (as --rouge) three times and prints pairs per second (rouge1, rouge2, rougeL).
Needs rouge-score==0.1.2 and nltk==3.10.4 (Tests/Parity/requirements.txt).
"""
import json
import sys
import time

from nltk.stem import porter
from rouge_score import rouge_scorer, tokenizers

TYPES = ["rouge1", "rouge2", "rougeL", "rougeLsum"]


def read_jsonl(path):
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def rouge(source, target):
    scorer = rouge_scorer.RougeScorer(TYPES, use_stemmer=True)
    with open(target, "w", encoding="utf-8") as out:
        for pair in read_jsonl(source):
            scores = scorer.score(pair["reference"], pair["candidate"])
            row = {"id": pair["id"]}
            for name in TYPES:
                s = scores[name]
                row[name] = [s.precision, s.recall, s.fmeasure]
            out.write(json.dumps(row) + "\n")


def stem(source, target):
    stemmer = porter.PorterStemmer()
    with open(source, encoding="utf-8") as handle, open(target, "w", encoding="utf-8") as out:
        for line in handle:
            out.write(stemmer.stem(line.rstrip("\n")) + "\n")


def tokenize(source, target):
    tokenizer = tokenizers.DefaultTokenizer(use_stemmer=True)
    with open(target, "w", encoding="utf-8") as out:
        for row in read_jsonl(source):
            out.write(json.dumps({"id": row["id"], "tokens": tokenizer.tokenize(row["text"])}) + "\n")


def timing(source):
    pairs = read_jsonl(source)
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    best = None
    for _ in range(3):
        start = time.perf_counter()
        for pair in pairs:
            scorer.score(pair["reference"], pair["candidate"])
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    print(f"{len(pairs)} pairs, best of 3: {best:.3f} s, {len(pairs) / best:.0f} pairs/s")


def main(argv):
    if len(argv) == 3 and argv[0] == "--rouge":
        rouge(argv[1], argv[2])
    elif len(argv) == 3 and argv[0] == "--stem":
        stem(argv[1], argv[2])
    elif len(argv) == 3 and argv[0] == "--tokenize":
        tokenize(argv[1], argv[2])
    elif len(argv) == 2 and argv[0] == "--time":
        timing(argv[1])
    else:
        sys.stderr.write(__doc__)
        return 64
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
