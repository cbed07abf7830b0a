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
    model; both report the objective ½‖W‖² + C·Σ log-loss so the fits can be compared."""
    data = str(DATASETS / "20ng" / "train.jsonl")
    details = ["objective", "iterations", "stop", "hit_iteration_limit", "features", "vectorize_seconds", "fit_seconds"]
    return [Row("classifier-train-20ng", "training, 20NG train, 1–2-grams, C = 30", "docs/s", "units", 1, [
        System("Lede", ["{bench}", "train", "--data", data, "--text-field", "body", "--config", "bigram", "--c", "30"]),
        System("scikit-learn (lbfgs, max_iter 100)", ["{python}", "{peers}/sklearn_train.py", "--data", data,
                                                      "--text-field", "body", "--config", "bigram", "--c", "30"]),
    ], details)]


ROWS = blas_rows() + segmenter_rows() + classifier_rows()
