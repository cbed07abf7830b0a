#!/usr/bin/env python3
"""Times one command end to end, as a user would see it: stdin from --input (or nothing), stdout to
/dev/null. Prints one JSON line {"seconds", "units"} where units is --units, else the number of
non-blank lines of --count (a file the command reads itself) or of --input.

    timed.py [--input FILE] [--count FILE | --units N] -- COMMAND ARG...
"""
import argparse
import json
import subprocess
import sys
import time


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--input")
    parser.add_argument("--units", type=int)
    parser.add_argument("--count")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    units = args.units
    if units is None:
        with open(args.count or args.input, "rb") as f:
            units = sum(1 for line in f if line.strip())
    stdin = open(args.input, "rb") if args.input else subprocess.DEVNULL
    start = time.perf_counter()
    result = subprocess.run(command, stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"timed.py: {' '.join(command)} failed ({result.returncode}): {result.stderr.decode()[-500:]}")
    print(json.dumps({"seconds": round(seconds, 4), "units": units}))


if __name__ == "__main__":
    main()
