#!/usr/bin/env python3
"""Python's baseline for iamconsole-bench: json.load and json.dump of one workspace file.

Usage: python3 Benchmarks/python_baseline.py FILE RUNS

Prints one JSON line of medians in seconds:
  load             json.load(f) of FILE
  dumpEquivalent   json.dump(obj, f, indent=2, sort_keys=True, ensure_ascii=False,
                   separators=(",", " : ")) plus the trailing newline: the same bytes
                   iamconsole writes (equivalentMatch says "identical" or "different")
  dumpPlain        json.dump(obj, f) with no indent
  dumpsPlain       f.write(json.dumps(obj)), CPython's C encoder
"""
import json
import os
import statistics
import sys
import tempfile
import time


def median_time(runs, body):
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        body()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main():
    path, runs = sys.argv[1], int(sys.argv[2])
    result = {}

    def load():
        with open(path, "r", encoding="utf-8") as f:
            result["obj"] = json.load(f)

    load_time = median_time(runs, load)
    obj = result["obj"]
    folder = tempfile.mkdtemp(prefix="iamconsole-bench-py-")
    target = os.path.join(folder, "dump.json")

    def dump_equivalent():
        with open(target, "w", encoding="utf-8") as f:
            json.dump(obj, f, indent=2, sort_keys=True, ensure_ascii=False, separators=(",", " : "))
            f.write("\n")

    def dump_plain():
        with open(target, "w", encoding="utf-8") as f:
            json.dump(obj, f)

    def dumps_plain():
        with open(target, "w", encoding="utf-8") as f:
            f.write(json.dumps(obj))

    equivalent_time = median_time(runs, dump_equivalent)
    with open(path, "rb") as original, open(target, "rb") as written:
        ours, theirs = original.read(), written.read()
    match = "identical" if ours == theirs else "different"
    plain_time = median_time(runs, dump_plain)
    dumps_time = median_time(runs, dumps_plain)
    os.remove(target)
    os.rmdir(folder)
    print(json.dumps({
        "version": sys.version.split()[0],
        "load": load_time,
        "dumpEquivalent": equivalent_time,
        "equivalentMatch": match,
        "dumpPlain": plain_time,
        "dumpsPlain": dumps_time,
    }))


if __name__ == "__main__":
    main()
