#!/usr/bin/env python3
"""Split a batch run's wall time into start-up and processing, from its log timestamps.

Usage: logtimes.py LOG PREFIX

Prints `<PREFIX>_startup_seconds` (first log line until Camel logs "... started") and
`<PREFIX>_processing_seconds` (from "started" until the last `events` line, i.e. the last
article handled). The JVM's own launch before the first log line is in neither; the rest
of the wall time is that launch plus shutdown. Prints n/a when the log does not say.
"""
import datetime
import re
import sys

STAMP = re.compile(r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}) ")


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    path, prefix = sys.argv[1], sys.argv[2]
    first = started = last_event = None
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            m = STAMP.match(line)
            if not m:
                continue
            t = datetime.datetime.strptime(m.group(1), "%Y-%m-%d %H:%M:%S.%f")
            first = first or t
            if started is None and re.search(r"Apache Camel \S+ \(.*\) started", line):
                started = t
            if started and re.search(r"\bevents\s", line):
                last_event = t

    def seconds(a, b):
        return f"{(b - a).total_seconds():.2f} s" if a and b else "n/a"

    print(f"{prefix}_startup_seconds: {seconds(first, started)}")
    print(f"{prefix}_processing_seconds: {seconds(started, last_event)}")


if __name__ == "__main__":
    main()
