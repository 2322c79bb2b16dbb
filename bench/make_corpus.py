#!/usr/bin/env python3
"""Build a benchmark corpus of N distinct articles from the real test corpus.

Usage: make_corpus.py SOURCE_DIR OUT_DIR N

Cycles through pairs/<slug>/{en,fr}.md and singles/*.md (sorted, SOURCE.md ignored).
Copy i is named <i zero-padded>-<basename>.md. YAML files (first line `---`) get a line
`slug: "<unique slug>"` right after the opening `---`, so every copy publishes as its own
bundle; TOML (`+++`) and other files are copied unchanged (the pipeline rejects TOML).

Writes OUT_DIR/*.md and, beside OUT_DIR, <OUT_DIR>.tsv with one line per copy:
name, slug (empty when none was inserted), front-matter kind, source path.
Prints `files bytes` on stdout.
"""
import os
import re
import sys
import unicodedata


def sources(root):
    """(basename, path) for every real article, in a stable order."""
    out = []
    pairs = os.path.join(root, "pairs")
    for slug in sorted(os.listdir(pairs)):
        for lang in ("en", "fr"):
            path = os.path.join(pairs, slug, lang + ".md")
            if os.path.isfile(path):
                out.append((f"{slug}-{lang}", path))
    singles = os.path.join(root, "singles")
    for name in sorted(os.listdir(singles)):
        if name.endswith(".md") and name != "SOURCE.md":
            out.append((name[:-3], os.path.join(singles, name)))
    return out


def fold(text):
    """The pipeline's slug folding (io.contentpipeline.slug.Slugs.normalise), so the
    slug we insert is exactly the folder name the bundle will get."""
    s = unicodedata.normalize("NFKD", text)
    s = "".join(c for c in s if not unicodedata.category(c).startswith("M"))
    for a, b in (("œ", "oe"), ("Œ", "oe"), ("æ", "ae"), ("Æ", "ae"), ("ß", "ss")):
        s = s.replace(a, b)
    s = re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")
    return s[:100].rstrip("-") if len(s) > 100 else s


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    root, out_dir, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    srcs = sources(root)
    if not srcs:
        sys.exit(f"no articles found under {root}")
    os.makedirs(out_dir, exist_ok=True)
    width = max(5, len(str(n - 1)))
    cache = {}
    total = 0
    with open(out_dir.rstrip("/") + ".tsv", "w", encoding="utf-8") as index:
        for i in range(n):
            base, path = srcs[i % len(srcs)]
            if path not in cache:
                with open(path, "rb") as f:
                    cache[path] = f.read()
            data = cache[path]
            stem = f"{i:0{width}d}-{base}"
            slug = ""
            if data.startswith(b"---"):
                kind = "yaml"
                # Keep the file's own line ending for the inserted line.
                eol_at = data.find(b"\n")
                eol = b"\r\n" if eol_at > 0 and data[eol_at - 1:eol_at] == b"\r" else b"\n"
                slug = fold(stem)
                line = b'slug: "' + slug.encode() + b'"' + eol
                data = data[:eol_at + 1] + line + data[eol_at + 1:] if eol_at >= 0 else data
            elif data.startswith(b"+++"):
                kind = "toml"
            else:
                kind = "none"
            name = stem + ".md"
            with open(os.path.join(out_dir, name), "wb") as f:
                f.write(data)
            total += len(data)
            index.write(f"{name}\t{slug}\t{kind}\t{os.path.relpath(path, root)}\n")
    print(n, total)


if __name__ == "__main__":
    main()
