#!/usr/bin/env python3
"""Drop-to-publish latency of a running pipeline service.

Usage: latency.py HOME CORPUS_DIR CORPUS_TSV DROPS SERVICE_PID

Drops DROPS accepted-looking articles (CDS blog posts: YAML front matter with title and
date) one at a time into HOME/inbox and measures, for each, the time from the atomic
rename into the inbox until HOME/outbox/published/<slug>/bundle.json exists. A drop that
lands in outbox/rejected/ instead is skipped and counted. The next drop starts only once
the previous input has left the inbox (its route finished), so drops never overlap.

Prints `key: value unit` lines on stdout; progress goes to stderr.
"""
import math
import os
import re
import sys
import time

POLL_S = 0.002          # poll interval: short enough not to blur millisecond figures
TIMEOUT_S = 120.0       # one drop taking longer than this means something is stuck
# Accepted-looking sources: CDS blog posts carry a title and a date.
CANDIDATE = re.compile(r"^(pairs/cds-[^/]+/[^/]+\.md|singles/cds__[^/]+\.md)$")


def alive(pid):
    try:
        os.kill(pid, 0)
        return True
    except ProcessLookupError:
        return False


def wait_for(predicate, pid, what):
    """Poll until predicate() is true; fail if the service died or it takes too long."""
    start = time.perf_counter()
    while True:
        result = predicate()
        if result:
            return result
        if not alive(pid):
            sys.exit(f"latency: the service (pid {pid}) exited while waiting for {what}")
        if time.perf_counter() - start > TIMEOUT_S:
            sys.exit(f"latency: gave up after {TIMEOUT_S:.0f} s waiting for {what}")
        time.sleep(POLL_S)


def nearest_rank(sorted_values, p):
    """Percentile by the nearest-rank method (an observed value, no interpolation)."""
    rank = max(1, math.ceil(p / 100 * len(sorted_values)))
    return sorted_values[rank - 1]


def main():
    if len(sys.argv) != 6:
        sys.exit(__doc__)
    home, corpus, tsv, drops, pid = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
    inbox = os.path.join(home, "inbox")
    published = os.path.join(home, "outbox", "published")
    rejected = os.path.join(home, "outbox", "rejected")

    candidates = []
    with open(tsv, encoding="utf-8") as f:
        for line in f:
            name, slug, kind, source = line.rstrip("\n").split("\t")
            if kind == "yaml" and slug and CANDIDATE.match(source):
                candidates.append((name, slug))

    latencies, skipped = [], 0
    for name, slug in candidates:
        if len(latencies) >= drops:
            break
        with open(os.path.join(corpus, name), "rb") as f:
            data = f.read()
        # Hidden name first: the inbox ignores dot files, so the article appears whole
        # and at once when renamed.
        tmp = os.path.join(inbox, ".tmp-" + name)
        final = os.path.join(inbox, name)
        with open(tmp, "wb") as f:
            f.write(data)
        bundle = os.path.join(published, slug, "bundle.json")
        refused = os.path.join(rejected, name)

        t0 = time.perf_counter()
        os.rename(tmp, final)
        outcome = wait_for(lambda: ("published" if os.path.exists(bundle)
                                    else "rejected" if os.path.exists(refused) else None),
                           pid, f"{name} to be published")
        elapsed_ms = (time.perf_counter() - t0) * 1000.0

        if outcome == "published":
            latencies.append(elapsed_ms)
        else:
            skipped += 1
        print(f"latency: {name}: {outcome} after {elapsed_ms:.1f} ms", file=sys.stderr)
        # Let the route finish (the input is moved out of the inbox last).
        wait_for(lambda: not os.path.exists(final), pid, f"{name} to leave the inbox")

    if not latencies:
        sys.exit("latency: no drop was published; nothing to report")
    if len(latencies) < drops:
        print(f"latency: only {len(latencies)} of {drops} drops could be measured "
              f"(ran out of candidate articles)", file=sys.stderr)
    values = sorted(latencies)
    print(f"latency_drops: {len(values)} articles")
    print(f"latency_skipped_rejected: {skipped} articles")
    print(f"latency_min_ms: {values[0]:.1f} ms")
    print(f"latency_p50_ms: {nearest_rank(values, 50):.1f} ms")
    print(f"latency_mean_ms: {sum(values) / len(values):.1f} ms")
    print(f"latency_p95_ms: {nearest_rank(values, 95):.1f} ms")
    print(f"latency_max_ms: {values[-1]:.1f} ms")


if __name__ == "__main__":
    main()
