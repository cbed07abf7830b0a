"""Runs `lede classify` as a Spark stage: pyspark in local mode, RDD.pipe, every record back.

Ships the binary and the model to the workers the way a cluster job does (SparkContext.addFile),
pipes the JSON Lines records through `lede classify` on 2 partitions, and checks that each input
id comes back exactly once with a label. Prints "spark pipe: N of M records back".
"""
import argparse
import json
import os
import sys

from pyspark import SparkConf, SparkContext, SparkFiles


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--lede", required=True)
    parser.add_argument("--model", required=True)
    parser.add_argument("--data", required=True)
    args = parser.parse_args()

    conf = (SparkConf().setMaster("local[2]").setAppName("lede-pipe")
            .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1"))
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    try:
        sc.addFile(args.lede)
        sc.addFile(args.model)
        lede, model = os.path.basename(args.lede), os.path.basename(args.model)
        with open(args.data, encoding="utf-8") as f:
            records = [line.rstrip("\n") for line in f if line.strip()]
        wanted = [json.loads(r)["id"] for r in records]

        # In local mode the workers share the driver's SparkFiles root; on a cluster, files shipped
        # with --files land in each executor's working directory (see docs/streaming.md).
        command = [SparkFiles.get(lede), "classify", "--model", SparkFiles.get(model), "--threads", "1"]
        out = sc.parallelize(records, 2).pipe(" ".join(command)).collect()
    finally:
        sc.stop()

    back = [json.loads(line) for line in out]
    ids = [r.get("id") for r in back]
    labelled = all(isinstance(r.get("label"), str) for r in back)
    ok = sorted(map(str, ids)) == sorted(map(str, wanted)) and labelled
    print(f"spark pipe: {len(set(map(str, ids)) & set(map(str, wanted)))} of {len(wanted)} records back"
          + ("" if ok else f" (MISMATCH: {len(back)} lines, all labelled: {labelled})"))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
