#!/usr/bin/env python3
"""Times summa's sentence splitting on in-memory texts (the peer for Lede's sentence segmenter).

summa 1.2.0's TextRank (summa.summarizer.summarize -> clean_text_by_sentences) splits sentences with
summa.preprocessing.textcleaner.split_sentences: abbreviation regexes, then one sentence regex.
That function is what is timed here, on the chosen field of each record; JSON parsing is not timed.
Prints one JSON line: {"system": "summa", "seconds": total, "bytes": UTF-8 bytes x repeats,
"units": texts x repeats, "sentences": sentences found in one pass}.
"""
import argparse
import json
import time

from summa.preprocessing.textcleaner import split_sentences

from corpus import read_texts, utf8_size


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", required=True, help="JSON Lines file")
    parser.add_argument("--field", default="text", help="field holding the text to split")
    parser.add_argument("--repeat", type=int, default=1, help="passes over all texts")
    args = parser.parse_args()

    texts = read_texts(args.data, args.field, title_field=None)  # the field alone, no title
    size = utf8_size(texts)

    sentences = 0
    start = time.perf_counter()
    for _ in range(args.repeat):
        sentences = 0
        for text in texts:
            sentences += len(split_sentences(text))
    seconds = time.perf_counter() - start
    print(json.dumps({"system": "summa", "seconds": round(seconds, 4), "bytes": size * args.repeat,
                      "units": len(texts) * args.repeat, "sentences": sentences}))


if __name__ == "__main__":
    main()
