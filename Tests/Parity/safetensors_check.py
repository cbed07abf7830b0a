"""The reference side of Lede's safetensors parity test (Tests/LedeSafetensorsTests/ParityTests.swift).

  safetensors_check.py --read PATH    print {"tensors": {name: {dtype, shape, sum}}, "metadata": {...}} as JSON,
                                      loading with safetensors.numpy.load_file and safe_open(..., framework="np")
  safetensors_check.py --write PATH   write a file of several dtypes and metadata with safetensors.numpy.save_file
  safetensors_check.py --try-load PATH...
                                      print {path: null or the error} as JSON: whether load_file accepts each file

Requires safetensors==0.8.0 and numpy (Tests/Parity/requirements.txt).
"""
import argparse
import json
import sys

import numpy as np
from safetensors import safe_open
from safetensors.numpy import load_file, save_file


def sample_tensors():
    """The tensors --write stores; the Swift test expects exactly these values."""
    return {
        "weights": ((np.arange(12, dtype=np.float32) - 5.5) / 4).reshape(3, 4),
        "idf": np.arange(5, dtype=np.float64) / 8 + 1,
        "offsets": np.array([0, 3, 7, 2**40, -5], dtype=np.int64),
        "counts": (np.arange(6, dtype=np.int32) * -3).reshape(2, 3),
        "vocabulary": np.frombuffer("café·x".encode("utf-8"), dtype=np.uint8).copy(),
        "empty": np.zeros((0, 3), dtype=np.float32),
        "scalar": np.array(2.5, dtype=np.float64),
        "half": np.array([1.0, -2.0, 0.5], dtype=np.float16),
        "small": np.array([-1, 2, -128], dtype=np.int8),
        "flags": np.array([True, False, True]),
    }


SAMPLE_METADATA = {
    "format": "1",
    "labels": json.dumps(["business", "sport"]),
    "note": "café ✓ \"quoted\"\nsecond line",
    "": "empty key",
}


def summary(path):
    arrays = load_file(path)
    tensors = {}
    with safe_open(path, framework="np") as handle:
        metadata = handle.metadata() or {}
        for name in handle.keys():
            dtype = handle.get_slice(name).get_dtype()
            array = arrays[name]
            if array.dtype.kind == "f":
                total = float(array.astype(np.float64).sum())
            else:
                total = int(array.astype(np.int64).sum())
            tensors[name] = {"dtype": dtype, "shape": list(array.shape), "sum": total}
    return {"tensors": tensors, "metadata": metadata}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--read", metavar="PATH")
    group.add_argument("--write", metavar="PATH")
    group.add_argument("--try-load", metavar="PATH", nargs="+")
    args = parser.parse_args()
    if args.try_load:
        outcomes = {}
        for path in args.try_load:
            try:
                load_file(path)
                outcomes[path] = None
            except Exception as error:  # the reference raises several exception types
                outcomes[path] = f"{type(error).__name__}: {error}"
        json.dump(outcomes, sys.stdout, ensure_ascii=False, sort_keys=True)
        sys.stdout.write("\n")
    elif args.read:
        json.dump(summary(args.read), sys.stdout, ensure_ascii=False, sort_keys=True)
        sys.stdout.write("\n")
    else:
        save_file(sample_tensors(), args.write, metadata=SAMPLE_METADATA)


if __name__ == "__main__":
    main()
