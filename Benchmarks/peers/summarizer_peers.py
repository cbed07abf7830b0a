#!/usr/bin/env python3
"""Times summa's and sumy's TextRank on BBC articles, fed Lede's sentence segmentation, and (with --rouge)
scores their picks with Lede's ROUGE scorer. The peers for Lede's summarizer.

Both peers get each article's sentences exactly as Lede's SentenceSegmenter splits the `text` field:
`lede-bench summary-sentences --data FILES` writes them ({"id", "sentences": [...]}, one line per article)
before the clock starts; JSON parsing and segmenting are not timed. Timed per article: everything from the
list of sentence strings to the indices of the 3 picked sentences in document order.

summa 1.2.0 (--system summa): summa.summarizer.summarize(text) splits the text itself
(textcleaner.split_sentences) and picks by ratio. Here its body is run on the given sentences instead,
calling the same functions in the same order:
    textcleaner.init_textcleanner("english", None)        # Snowball stemmer, summa's stop words
    units = textcleaner.merge_syntactic_units(sentences, textcleaner.filter_words(sentences))
    graph = commons.build_graph([u.token for u in units])
    summarizer._set_graph_edge_weights(graph)             # common words / (log|s1| + log|s2|)
    commons.remove_unreachable_nodes(graph)
    scores = pagerank_weighted.pagerank_weighted_scipy(graph)
    summarizer._add_scores_to_sentences(units, scores)
then the 3 best units (stable sort by score, as _extract_most_important_sentences does, but a count of 3
instead of a ratio), in document order. An article whose graph is empty gets summa's answer: nothing.

sumy 0.13.0 (--system sumy): TextRankSummarizer(Stemmer("english")) with stop_words =
get_stop_words("english") (sumy's README usage), called on ObjectDocumentModel([Paragraph([Sentence(s,
tokenizer) for s in sentences])]) with sentences_count 3. sumy's own Tokenizer("english") loads NLTK's
punkt_tab model in its constructor (and its word tokenizer, nltk.word_tokenize, runs punkt again on each
sentence); that model is not in the pip packages and cannot be downloaded here. So the tokenizer given to
each Sentence does what sumy's does on one sentence without punkt: nltk.word_tokenize(sentence,
preserve_line=True) (NLTK's Treebank word tokenizer, which ships with pip's nltk), then sumy's own word
filter Tokenizer._is_word. Since the sentences are already split, the only difference from sumy's default
is that punkt does not split a sentence again inside word_tokenize.

Speed: prints {"system", "seconds", "units": articles x passes, "articles", "passes", "sentences_picked"}.
--rouge: writes the picks as JSON Lines {"id", "sentences": [picked sentence texts]} to a temporary file, runs
`lede-bench summary-rouge --data FILE --picks TMP` and prints its measurement line (figure = ROUGE-2 F1)
with this system's name.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

from corpus import json_lines


def summa_picker(k):
    from summa import commons, summarizer
    from summa.pagerank_weighted import pagerank_weighted_scipy
    from summa.preprocessing import textcleaner

    def pick(sentences):
        textcleaner.init_textcleanner("english", None)
        units = textcleaner.merge_syntactic_units(sentences, textcleaner.filter_words(sentences))
        graph = commons.build_graph([unit.token for unit in units])
        summarizer._set_graph_edge_weights(graph)
        commons.remove_unreachable_nodes(graph)
        if len(graph.nodes()) == 0:
            return []
        scores = pagerank_weighted_scipy(graph)
        summarizer._add_scores_to_sentences(units, scores)
        units.sort(key=lambda unit: unit.score, reverse=True)
        return sorted(unit.index for unit in units[:k])

    return pick


def sumy_picker(k):
    import nltk
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.nlp.tokenizers import Tokenizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    class WordTokenizer:
        """sumy's Tokenizer.to_words on one sentence, without the punkt model (see the module's doc)."""
        @staticmethod
        def to_words(sentence):
            return tuple(w for w in nltk.word_tokenize(sentence, preserve_line=True) if Tokenizer._is_word(w))

    tokenizer = WordTokenizer()
    ranker = TextRankSummarizer(Stemmer("english"))
    ranker.stop_words = get_stop_words("english")

    def pick(sentences):
        objects = [Sentence(text, tokenizer) for text in sentences]
        document = ObjectDocumentModel([Paragraph(objects)])
        index = {id(sentence): i for i, sentence in enumerate(objects)}
        return [index[id(sentence)] for sentence in ranker(document, k)]

    return pick


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--system", choices=["summa", "sumy"], required=True)
    parser.add_argument("--bench", required=True, help="the lede-bench executable (for Lede's segmentation and ROUGE)")
    parser.add_argument("--data", required=True, help="JSON Lines files, comma-separated (BBC train,test)")
    parser.add_argument("--passes", type=int, default=1, help="passes over all articles (timed)")
    parser.add_argument("--sentences", type=int, default=3, help="sentences to pick")
    parser.add_argument("--rouge", action="store_true", help="score the picks with lede-bench summary-rouge instead")
    args = parser.parse_args()

    segmented = subprocess.run([args.bench, "summary-sentences", "--data", args.data],
                               check=True, capture_output=True, text=True).stdout
    articles = list(json_lines(segmented.splitlines()))
    pick = (summa_picker if args.system == "summa" else sumy_picker)(args.sentences)
    label = {"summa": "summa TextRank", "sumy": "sumy TextRankSummarizer"}[args.system]

    if args.rouge:
        if "," in args.data:
            sys.exit("summarizer_peers.py: --rouge scores one file (the BBC test file)")
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as out:
            for article in articles:
                picked = pick(article["sentences"])
                out.write(json.dumps({"id": article["id"], "sentences": [article["sentences"][i] for i in picked]}) + "\n")
        try:
            scored = subprocess.run([args.bench, "summary-rouge", "--data", args.data, "--picks", out.name,
                                     "--sentences", str(args.sentences), "--system", label],
                                    check=True, capture_output=True, text=True).stdout
        finally:
            os.unlink(out.name)
        print(scored.strip().splitlines()[-1])
        return

    picked = 0
    start = time.perf_counter()
    for _ in range(args.passes):
        picked = 0
        for article in articles:
            picked += len(pick(article["sentences"]))
    seconds = time.perf_counter() - start
    print(json.dumps({"system": label, "seconds": round(seconds, 4), "units": len(articles) * args.passes,
                      "articles": len(articles), "passes": args.passes, "sentences_picked": picked}))


if __name__ == "__main__":
    main()
