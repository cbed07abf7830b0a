"""Runs the rows of rows.py, several fresh processes per system, and reports medians and ratios.

Called by Benchmarks/compare, which prepares the venv and the release build. Writes the table to
stdout and to Benchmarks/results/latest.md and latest.json.
"""
import argparse
import dataclasses
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from rows import ROWS

HERE = Path(__file__).resolve().parent


def run_once(argv, placeholders):
    """Runs one fresh process; returns its measurement with its peak resident memory added."""
    command = [part.format(**placeholders) for part in argv]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen(command, stdout=out, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({process.returncode}): {stderr.strip()[-500:]}")
    lines = [line for line in stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise RuntimeError(f"{' '.join(command)} printed no measurement")
    sample = json.loads(lines[-1])
    sample["peak_rss_mb"] = round(usage.ru_maxrss / 1024)
    return sample


def measure_row(row, runs, placeholders):
    """Runs every system of a row `runs` times, in rounds (each round runs each system once), so that a
    shared machine's slow spells fall on all systems alike rather than on whichever ran during them. A
    system that fails is reported as failed and not run again."""
    figures = {i: [] for i in range(len(row.systems))}
    samples = {i: [] for i in range(len(row.systems))}
    errors = {}
    for _ in range(runs):
        for i, system in enumerate(row.systems):
            if i in errors:
                continue
            try:
                sample = run_once(system.argv, placeholders)
            except RuntimeError as error:
                print(f"compare: {row.name}: {error}", file=sys.stderr)
                errors[i] = str(error)
                continue
            figures[i].append(sample[row.key] / sample["seconds"] * row.scale)
            samples[i].append(sample)
    measured = []
    for i, system in enumerate(row.systems):
        if i in errors:
            measured.append({"system": system.label, "median": None, "error": errors[i]})
        else:
            measured.append({"system": system.label, "median": statistics.median(figures[i]),
                             "runs": figures[i], "last": samples[i][-1]})
    return measured


def details(row, measured):
    """The row's detail fields from the last run, e.g. objective and iterations, and peak memory."""
    last = measured.get("last") or {}
    merged = {**last, **(last.get("extra") or {})}
    parts = [f"{key} {merged[key]}" for key in row.details if key in merged]
    if "peak_rss_mb" in last:
        parts.append(f"peak RSS {last['peak_rss_mb']} MB")
    return ", ".join(parts)


def fmt(x):
    return f"{x:,.3g}" if x < 1000 else f"{x:,.0f}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bench", required=True)
    parser.add_argument("--lede", required=True)
    parser.add_argument("--only", default="", help="run only rows whose name starts with this")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--systems", default="", help="run only the systems whose name starts with this, in any case (e.g. Lede, to "
                        "compare two builds of lede with --bench and --lede)")
    args = parser.parse_args()
    placeholders = {"bench": args.bench, "lede": args.lede, "python": sys.executable, "peers": str(HERE / "peers")}

    placeholders["stream"] = str(HERE / "results" / "stream")
    rows = [row for row in ROWS if row.name.startswith(args.only)]
    if args.systems:
        rows = [dataclasses.replace(row, systems=[s for s in row.systems if s.label.lower().startswith(args.systems.lower())]) for row in rows]
        rows = [row for row in rows if row.systems]
        if not rows:
            sys.exit(f"compare: no system of the rows starting with {args.only!r} has a name starting with {args.systems!r}")
    if not rows:
        sys.exit(f"compare: no row starts with {args.only!r}")
    results = []
    header = "| row | system | figure (median of %d) | ratio first/this | details (last run) |" % args.runs
    lines = [header, "| --- | --- | --- | --- | --- |"]
    print(header, flush=True)
    print(lines[1], flush=True)
    for row in rows:
        if row.prepare:
            subprocess.run([part.format(**placeholders) for part in row.prepare], check=True, stdout=subprocess.DEVNULL)
        measured = measure_row(row, args.runs, placeholders)
        first = measured[0]["median"]
        for m in measured:
            ratio = "—" if m is measured[0] or not first or not m["median"] else f"{first / m['median']:.2f}×"
            figure = "failed" if m["median"] is None else f"{fmt(m['median'])} {row.unit}"
            line = f"| {row.title} | {m['system']} | {figure} | {ratio} | {details(row, m)} |"
            lines.append(line)
            print(line, flush=True)
        results.append({"row": row.name, "title": row.title, "unit": row.unit, "systems": measured})

    out = HERE / "results"
    out.mkdir(exist_ok=True)
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    machine = f"{platform.machine()}, {os.cpu_count()} cores"
    (out / "latest.md").write_text(f"# Benchmarks/compare, {stamp} ({machine})\n\n" + "\n".join(lines) + "\n")
    (out / "latest.json").write_text(json.dumps({"when": stamp, "machine": machine, "rows": results}, indent=2) + "\n")
    print(f"\nwritten: {out / 'latest.md'}, {out / 'latest.json'}", file=sys.stderr)


if __name__ == "__main__":
    main()
