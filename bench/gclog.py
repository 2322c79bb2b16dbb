#!/usr/bin/env python3
"""Live heap figures from a unified JVM GC log (-Xlog:gc) with forced full collections.

Usage: gclog.py LOG PREFIX

What the heap holds right after a full collection is the live data. (After a young
collection it still holds the old generation's garbage, which G1 collects later, so those
figures grow with the run's length whether the live data does or not.) bench/liveheap.sh
forces a full collection every few seconds with `jcmd <pid> GC.run`; this prints, from
those collections, `<PREFIX>_full_gcs`, and the live heap after the first, the highest and
the last of them (`<PREFIX>_live_heap_first_mb`, `_max_mb`, `_last_mb`), or n/a when the
log holds none.
"""
import re
import sys

# "[15.151s][info][gc] GC(20) Pause Full (Diagnostic Command) 106M->45M(157M) 183.161ms"
FULL = re.compile(r"GC\(\d+\) Pause Full \(Diagnostic Command\) \d+[KMG]->(\d+)([KMG])\(")
UNIT_MB = {"K": 1 / 1024, "M": 1, "G": 1024}


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    path, prefix = sys.argv[1], sys.argv[2]
    live = []
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                m = FULL.search(line)
                if m:
                    live.append(int(m.group(1)) * UNIT_MB[m.group(2)])
    except FileNotFoundError:
        pass
    print(f"{prefix}_full_gcs: {len(live)}")
    for key, value in (("first", live[0] if live else None), ("max", max(live, default=None)),
                       ("last", live[-1] if live else None)):
        print(f"{prefix}_live_heap_{key}_mb: " + ("n/a" if value is None else f"{value:.0f} MB"))


if __name__ == "__main__":
    main()
