#!/usr/bin/env python3
"""Summarise why the pipeline rejected articles, from outbox/rejected/*.errors.json.

Usage: rejections.py REJECTED_DIR

Prints one line: `pipeline_rejected_reasons: code(field)=count, ...`, most frequent first,
counting each error of each rejected file once.
"""
import collections
import glob
import json
import os
import sys


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    counts = collections.Counter()
    for path in glob.glob(os.path.join(glob.escape(sys.argv[1]), "*.errors.json")):
        try:
            with open(path, encoding="utf-8") as f:
                report = json.load(f)
        except (OSError, ValueError) as e:
            counts[f"unreadable-errors-json({type(e).__name__})"] += 1
            continue
        for error in report.get("errors") or [{"code": "no-errors-listed"}]:
            code = error.get("code") or "?"
            field = error.get("field")
            counts[f"{code}({field})" if field else code] += 1
    text = ", ".join(f"{k}={v}" for k, v in counts.most_common()) or "none"
    print(f"pipeline_rejected_reasons: {text}")


if __name__ == "__main__":
    main()
