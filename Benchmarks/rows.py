"""The rows Benchmarks/compare measures.

Each row runs every system on the same input in fresh processes; each process prints one JSON
line with `seconds` and the work done (`work`, `bytes` or `units`, named by the row's `key`).
The figure is work / seconds × scale; the ratio column is the first system's figure over each
other system's, so > 1 means the first system (Lede) is faster.
"""
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATASETS = ROOT.parent / "shared" / "datasets"


@dataclass
class System:
    label: str
    argv: list  # may contain "{bench}", "{lede}", "{python}", "{peers}" placeholders


@dataclass
class Row:
    name: str          # short id, used by --only
    title: str         # what is measured, for the table
    unit: str          # e.g. "GFLOP/s"
    key: str           # which field of the measurement counts the work
    scale: float       # figure = work / seconds * scale
    systems: list = field(default_factory=list)
    details: list = field(default_factory=list)  # measurement fields shown beside the figure
    prepare: list = None  # a command run once before the row (e.g. to make its inputs)


def blas_rows():
    """Each BLAS call against its plain-Swift twin, at the sizes Lede uses."""
    cases = [
        ("gemm", "30x30x300", "sentence similarity, 30×300 · 300×30 (one article)"),
        ("gemm", "200x200x2000", "sentence similarity, 200×2000 · 2000×200 (a long document)"),
        ("gemm", "1024x1024x1024", "dense product, 1024³"),
        ("gemv", "30x30", "PageRank step, 30×30 graph"),
        ("gemv", "500x500", "PageRank step, 500×500 graph"),
        ("dot", "2000000", "dot, 2 M floats (weights of 100 k terms × 20 labels)"),
        ("axpy", "2000000", "axpy, 2 M floats"),
        ("scal", "2000000", "scal, 2 M floats"),
        ("nrm2", "2000000", "nrm2, 2 M floats"),
        ("dot", "8000", "dot, 8 k floats (weights of one label, small model)"),
    ]
    rows = []
    for call, size, title in cases:
        systems = [
            System(f"Lede (OpenBLAS)", ["{bench}", "blas", "--call", call, "--size", size, "--backend", "openblas"]),
            System(f"Lede (plain Swift)", ["{bench}", "blas", "--call", call, "--size", size, "--backend", "swift"]),
        ]
        rows.append(Row(f"blas-{call}-{size}", f"BLAS {title}", "GFLOP/s", "work", 1e-9, systems))
    return rows


def segmenter_rows():
    """Sentence splitting throughput on BBC article texts (train and test), against summa's splitter."""
    rows = []
    for split in ("train", "test"):
        data = str(DATASETS / "bbc" / f"{split}.jsonl")
        rows.append(Row(f"segmenter-bbc-{split}", f"sentence segmenter, BBC {split} texts", "MB/s", "bytes", 1e-6, [
            System("Lede", ["{bench}", "segment", "--data", data, "--field", "text"]),
            System("summa split_sentences", ["{python}", "{peers}/summa_split.py", "--data", data, "--field", "text", "--repeat", "3"]),
        ]))
    return rows


def classifier_rows():
    """Training on 20 Newsgroups (title + body) with scikit-learn's tuned features and C = 30:
    1–2-grams, min_df 2, sublinear tf, no stop words. Timed from texts in memory to the fitted
    model; both report the objective ½‖W‖² + C·Σ log-loss so the fits can be compared, and the fitted
    model's accuracy on 20NG test (scored after the timing)."""
    data, test = str(DATASETS / "20ng" / "train.jsonl"), str(DATASETS / "20ng" / "test.jsonl")
    details = ["objective", "iterations", "stop", "hit_iteration_limit", "test_accuracy", "features",
               "vectorize_seconds", "fit_seconds"]
    return [Row("classifier-train-20ng", "training, 20NG train, 1–2-grams, C = 30 (test accuracy on 20NG test, not timed)",
                "docs/s", "units", 1, [
        System("Lede", ["{bench}", "train", "--data", data, "--test", test, "--text-field", "body", "--config", "bigram",
                        "--c", "30"]),
        System("scikit-learn (lbfgs, max_iter 100)", ["{python}", "{peers}/sklearn_train.py", "--data", data,
                                                      "--test", test, "--text-field", "body", "--config", "bigram",
                                                      "--c", "30"]),
    ], details)]


def grid_search_rows():
    """Choosing C by cross-validation (issue 6 items 1 and 6): 20 Newsgroups train (title + body), C in
    10, 30, 100 × 3 stratified folds, 1–2-grams, min_df 2, sublinear tf, English stop words (Lede's list
    for Lede, scikit-learn's 'english' for scikit-learn; each side deals its own stratified folds), the
    vectorizer fitted on each fold's training part. Timed from texts in memory to the table of mean
    accuracies, without the final refit on all the data (scikit-learn: GridSearchCV(refit=False), one
    job, LogisticRegression's defaults; Lede: CrossValidation.gridSearch as `lede train --c auto` runs it,
    folds in parallel on 2 cores, warm starts along the grid). The figure is documents per second of
    the whole search; `seconds` is the wall time. scikit-learn takes ~300 s a run: measure this row with
    `--only cv-grid --runs 1`."""
    data = str(DATASETS / "20ng" / "train.jsonl")
    details = ["seconds", "chosen_c", "table", "iterations", "vectorize_cpu_seconds", "train_cpu_seconds", "jobs"]
    return [Row("cv-grid-20ng", "--c auto on 20NG train, 3 C (10, 30, 100) × 3 folds, 1–2-grams", "docs/s", "units", 1, [
        System("Lede (folds in parallel, 2 cores)", ["{bench}", "grid-search", "--data", data, "--text-field", "body",
                                                     "--grid", "10,30,100", "--folds", "3"]),
        System("scikit-learn GridSearchCV (1 job)", ["{python}", "{peers}/sklearn_grid_search.py", "--data", data,
                                                     "--text-field", "body", "--grid", "10,30,100", "--folds", "3"]),
    ], details)]


def tokenize_rows():
    """Tokenize + vectorize throughput (issue 3 item 6): 20 Newsgroups train, document = title + newline +
    body, MB = its UTF-8 bytes. Both sides are timed from the documents held in memory as strings to the
    finished TF-IDF matrix (JSON parsing not timed): Lede's TfidfVectorizer(analyzer: .scikitLearn(ngramRange:),
    options: TfidfOptions(...)).fitTransform(documents:threads:) on 1 and on 2 threads, whole fits repeated
    for at least 2 s, against scikit-learn's TfidfVectorizer with the same settings (fits repeated for at
    least 2 s too). The vocabulary size and stored entries (nnz) are shown so that equality is visible.
    The ratio column is Lede on 1 thread over each other system: on the Lede 2-thread line it is the
    inverse of the 1 → 2 thread speed-up."""
    data = str(DATASETS / "20ng" / "train.jsonl")
    details = ["vocabulary", "nnz", "fits", "seconds_per_fit"]
    rows = []
    for config, title in (("unigram", "unigrams, TfidfVectorizer() defaults"),
                          ("bigram", "1–2-grams, min_df 2, sublinear tf")):
        lede = ["{bench}", "tokenize", "--data", data, "--text-field", "body", "--config", config, "--seconds", "2"]
        rows.append(Row(f"tokenize-20ng-{config}",
                        f"tokenize + vectorize, 20NG train (title + body), {title}: in-memory strings → TF-IDF matrix",
                        "MB/s", "bytes", 1e-6, [
            System("Lede (1 thread)", lede + ["--threads", "1"]),
            System("Lede (2 threads)", lede + ["--threads", "2"]),
            System("scikit-learn TfidfVectorizer", ["{python}", "{peers}/sklearn_tfidf_speed.py", "--data", data,
                                                    "--text-field", "body", "--config", config, "--seconds", "2"]),
        ], details))
    return rows


def summarizer_rows():
    """The summarizer (issue 7 item 7), on BBC article texts (the title is never a candidate), 3 sentences.

    Speed: articles per second, end to end in memory (segmenting, ranking, picking 3 sentences). Lede runs
    Summarizer().summarize(batch:threads:) over BBC train + test repeated 10× (20,920 articles) as one batch,
    on 2 threads (and on 1, for reference). summa's and sumy's TextRank are fed Lede's sentence segmentation
    (lede-bench summary-sentences, not timed) and timed on one pass of train + test (2,092 articles; 10×
    would take minutes), single-threaded Python; see peers/summarizer_peers.py for exactly what is called
    (summa's summarizer internals on the given sentences; sumy's ObjectDocumentModel with NLTK's Treebank
    word tokenizer, since sumy's own tokenizer needs the punkt model, which pip does not install).

    Quality: each system's 3-sentence picks on BBC test are rescored by lede-bench summary-rouge (ROUGE-1/2/L
    F1 with LedeROUGE's ROUGEScorer, the numbers `lede evaluate summarizer --sentences 3` prints for Lede;
    sentence precision against the reference's sentences). The figure is mean ROUGE-2 F1 (work = ROUGE-2,
    seconds = 1), so the ratio > 1 means Lede scores higher."""
    train, test = str(DATASETS / "bbc" / "train.jsonl"), str(DATASETS / "bbc" / "test.jsonl")
    both = f"{train},{test}"
    peer = ["{python}", "{peers}/summarizer_peers.py", "--bench", "{bench}"]
    speed = Row("summarizer-bbc-speed",
                "summarizer, BBC train + test, 3 sentences, end to end in memory (Lede: 10× = 20,920 articles; "
                "summa/sumy: 1 pass = 2,092 articles, fed Lede's segmentation, 1 Python thread)",
                "articles/s", "units", 1, [
        System("Lede (2 threads)", ["{bench}", "summarize", "--data", both, "--repeat", "10", "--threads", "2"]),
        System("Lede (1 thread)", ["{bench}", "summarize", "--data", both, "--repeat", "10", "--threads", "1"]),
        System("summa TextRank (fed Lede's segmentation)", peer + ["--system", "summa", "--data", both]),
        System("sumy TextRankSummarizer (fed Lede's segmentation)", peer + ["--system", "sumy", "--data", both]),
    ], ["articles", "batches", "passes"])
    quality = Row("summarizer-bbc-rouge",
                  "summarizer, BBC test (418 articles), 3 sentences: ROUGE-2 F1 (higher is better; "
                  "figure = ROUGE-2 F1, all rescored by LedeROUGE; summa/sumy fed Lede's segmentation)",
                  "ROUGE-2 F1", "work", 1, [
        System("Lede", ["{bench}", "summary-rouge", "--data", test, "--system", "lede"]),
        System("summa TextRank (fed Lede's segmentation)", peer + ["--system", "summa", "--data", test, "--rouge"]),
        System("sumy TextRankSummarizer (fed Lede's segmentation)", peer + ["--system", "sumy", "--data", test, "--rouge"]),
        System("first 3 sentences (Lede's segmentation)", ["{bench}", "summary-rouge", "--data", test, "--system", "lead"]),
    ], ["rouge1", "rouge2", "rougeL", "sentence_precision", "sentence_f1", "empty_summaries"])
    return [speed, quality]


def stream_rows():
    """The streaming verbs end to end, as a user runs them (issue 8): the release `lede` binary reading a
    file, output to /dev/null, timed from outside by peers/timed.py (process start to exit). Inputs and
    models are made once by peers/stream_inputs.py under Benchmarks/results/stream/: 20NG test ×10
    (75,320 records, title + body), a 20NG model trained by `lede train` with its defaults, and the
    scikit-learn peer pipeline (TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True) +
    LogisticRegression(C=30), joblib), which reads JSON Lines on stdin and predicts in batches of 1,000
    (peers/sklearn_classify_stream.py). Cold start: the same commands on one record; the figure is
    runs per second, `seconds` the wall time of one run. process/classify/summarize: BBC train + test ×10
    (20,920 articles) with the shipped BBC model; process must stay within 10% of the slower of the two."""
    prepare = ["{python}", "{peers}/stream_inputs.py", "--lede", "{lede}"]
    test10, one, bbc10 = "{stream}/20ng-test-x10.jsonl", "{stream}/20ng-one.jsonl", "{stream}/bbc-x10.jsonl"
    lede20 = ["{lede}", "classify", "--model", "{stream}/20ng.safetensors", "--text-field", "body", "--output-format", "jsonl"]
    sklearn20 = ["{python}", "{peers}/sklearn_classify_stream.py", "--model", "{stream}/20ng-sklearn.joblib", "--text-field", "body"]
    timed = ["{python}", "{peers}/timed.py"]
    return [
        Row("stream-classify-20ng", "lede classify, 20NG test ×10 (75,320 records), file in, /dev/null out, 2 cores",
            "docs/s", "units", 1, [
                System("Lede (2 threads)", timed + ["--count", test10, "--"] + lede20 + ["--threads", "2", test10]),
                System("Lede (1 thread)", timed + ["--count", test10, "--"] + lede20 + ["--threads", "1", test10]),
                System("scikit-learn vectorize + predict", timed + ["--input", test10, "--"] + sklearn20),
            ], ["seconds"], prepare),
        Row("stream-cold-start-20ng", "cold start: load the 20NG model and classify one record (figure: runs/s)",
            "runs/s", "units", 1, [
                System("Lede", timed + ["--units", "1", "--"] + lede20 + [one]),
                System("Python + scikit-learn", timed + ["--input", one, "--units", "1", "--"] + sklearn20),
            ], ["seconds"], prepare),
        Row("stream-cold-start-news", "cold start: load the shipped default model (news-topics) and classify one record (figure: runs/s)",
            "runs/s", "units", 1, [
                System("Lede", timed + ["--units", "1", "--", "{lede}", "classify", "--model", str(ROOT / "models" / "news-topics.safetensors"),
                                        "--output-format", "jsonl", one]),
            ], ["seconds"], prepare),
        Row("stream-process-bbc", "process vs classify and summarize alone, BBC train + test ×10 (20,920 articles), shipped model",
            "articles/s", "units", 1, [
                System("lede process", timed + ["--count", bbc10, "--", "{lede}", "process", "--output-format", "jsonl", bbc10]),
                System("lede classify", timed + ["--count", bbc10, "--", "{lede}", "classify", "--output-format", "jsonl", bbc10]),
                System("lede summarize", timed + ["--count", bbc10, "--", "{lede}", "summarize", "--output-format", "jsonl", bbc10]),
            ], ["seconds"], prepare),
    ]


def extract_rows():
    """Article extraction from web pages end to end (issue 18): the 90 pages of pages/dev.jsonl ×5 (450
    pages, about 80 MB of HTML) as JSON Lines with the page in "html", file in, /dev/null out, timed from
    process start to exit by peers/timed.py. The peers run in one Python process each
    (peers/page_extract.py: trafilatura.extract, and readability-lxml's Document.summary as text)."""
    prepare = ["{python}", "{peers}/stream_inputs.py", "--lede", "{lede}"]
    pages = "{stream}/pages-x5.jsonl"
    timed = ["{python}", "{peers}/timed.py", "--count", pages, "--"]
    lede = ["{lede}", "extract", "--output-format", "jsonl"]
    return [Row("extract-pages", "lede extract, pages dev ×5 (450 HTML pages), file in, /dev/null out", "pages/s", "units", 1, [
        System("Lede (2 threads)", timed + lede + ["--threads", "2", pages]),
        System("Lede (1 thread)", timed + lede + ["--threads", "1", pages]),
        System("trafilatura 2.3.1 (one process)", timed + ["{python}", "{peers}/page_extract.py", "--tool", "trafilatura", "--input", pages]),
        System("readability-lxml (one process)", timed + ["{python}", "{peers}/page_extract.py", "--tool", "readability", "--input", pages]),
    ], prepare=prepare)]


def multilabel_rows():
    """Multi-label training (issue 21): Reuters-21578 ModApte train, the stories whose 0-based line number
    is not a multiple of 5 (6,220 stories, 112 topics among them); title + newline + text; the same
    features for Lede and scikit-learn (TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True),
    no stop words), C = 30, every label's threshold 0.5 (`lede train --no-calibrate`). Timed from texts in
    memory to the fitted model. Lede: OneVsRestRegression (one fit of all labels, one L-BFGS per label in
    lockstep), 2 threads; scikit-learn: OneVsRestClassifier(LogisticRegression(C=30)), one job, lbfgs
    defaults; fastText: train_supervised(loss="ova", wordNgrams=2, minCount=2, epoch 25, lr 1.0 — the
    best of 3 × 3 tried on this split), 2 threads, fed scikit-learn's tokens. Quality (micro- and
    macro-F1 on the other 1,555 stories, labels at probability 0.5) is measured after the timing and
    shown beside the figure."""
    data = str(DATASETS / "reuters" / "train.jsonl")
    peer = ["{python}", "{peers}/multilabel_train.py", "--data", data]
    details = ["micro_f1", "macro_f1", "seconds", "iterations", "evaluations", "stop", "max_iterations",
               "labels_at_iteration_limit", "features", "labels"]
    return [Row("multilabel-train-reuters",
                "multi-label training, Reuters train (6,220 stories), 1–2-grams, min_df 2, sublinear tf, C = 30, "
                "thresholds 0.5 (micro-/macro-F1 on the other 1,555 stories, not timed)", "docs/s", "units", 1, [
        System("Lede (2 threads)", ["{bench}", "multilabel-train", "--data", data, "--c", "30", "--threads", "2"]),
        System("scikit-learn OneVsRestClassifier(LogisticRegression) (1 job)", peer + ["--system", "sklearn", "--c", "30"]),
        System("fastText -loss ova (2 threads)", peer + ["--system", "fasttext", "--threads", "2"]),
    ], details)]


ROWS = blas_rows() + segmenter_rows() + classifier_rows() + multilabel_rows() + grid_search_rows() + tokenize_rows() + summarizer_rows() + stream_rows() + extract_rows()
