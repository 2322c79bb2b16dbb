#!/usr/bin/env python3
"""Outline ids against Hugo: builds the test corpus with the packaged jar, runs Hugo on the
published bundles with the preview site (src/main/hugo), and counts the outline ids of
bundle.json that are no id in Hugo's page, and those that are none in our index.<lang>.html.

    python3 bench/outline_anchors.py [WORKDIR]     (from the repository root, after mvn package)

Every corpus file is dropped into WORKDIR/home/inbox/ (a pair's fr.md and en.md as two
articles) and the jar runs once (JAVA_OPTS="-Dpipeline.pseudo-translate=true" adds the
pseudo-translations). An existing WORKDIR/home is reused as it is. The corpus sites' own
shortcodes get stubs; a bundle Hugo fails on otherwise is left out and named. One line per
missing id goes to WORKDIR/report.txt. About two minutes on two cores.
"""
import html.parser, json, os, pathlib, re, shutil, subprocess, sys, tempfile

repo = pathlib.Path(__file__).resolve().parent.parent
work = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else tempfile.mkdtemp(prefix="outline-anchors.")).resolve()
home = work / "home"
if not home.exists():
    inbox = home / "inbox"
    inbox.mkdir(parents=True)
    corpus = repo / "src/test/resources/corpus"
    for pair in sorted((corpus / "pairs").iterdir()):
        for f in pair.glob("*.md"):
            shutil.copy(f, inbox / f"{pair.name}.{f.stem}.md")
    for f in sorted((corpus / "singles").iterdir()):
        shutil.copy(f, inbox / f.name)
    with open(work / "pipeline.log", "w") as log:
        subprocess.run(["java", *os.environ.get("JAVA_OPTS", "").split(), "-jar", str(repo / "target/content-pipeline.jar"),
                        "--home", str(home), "--once"], stdout=log, stderr=subprocess.STDOUT, check=True)

content = work / "content"
for folder in (work / "site", work / "public", content):
    shutil.rmtree(folder, ignore_errors=True)
shutil.copytree(repo / "src/main/hugo", work / "site")
shutil.copytree(home / "outbox/published", content)
stubs, left_out = {}, []
while True:
    with open(work / "hugo.log", "w") as log:
        built = subprocess.run(["hugo", "--source", str(work / "site"), "--contentDir", str(content),
                                "--destination", str(work / "public"), "--cacheDir", str(work / "cache")],
                               stdout=log, stderr=subprocess.STDOUT)
    if built.returncode == 0:
        break
    text = (work / "hugo.log").read_text()
    missing = re.search(r'template for shortcode "([^"]+)" not found', text)
    unclosed = re.search(r'shortcode "([^"]+)" must be closed or self-closed', text)
    if missing and missing.group(1) not in stubs:
        name, stubs[missing.group(1)] = missing.group(1), "{{ .Inner }}"
    elif unclosed and stubs.get(unclosed.group(1)) == "{{ .Inner }}":
        name, stubs[unclosed.group(1)] = unclosed.group(1), ""
    else:
        bundle = re.search(re.escape(str(content)) + r'/([^/"]+)/', text)
        if not bundle:
            sys.exit("hugo failed: see " + str(work / "hugo.log"))
        left_out.append(bundle.group(1))
        shutil.rmtree(content / bundle.group(1))
        continue
    stub = work / "site/layouts/shortcodes" / (name + ".html")
    stub.parent.mkdir(parents=True, exist_ok=True)
    stub.write_text(stubs[name])


class Ids(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids = set()

    def handle_starttag(self, tag, attrs):
        self.ids.update(value for key, value in attrs if key == "id" and value is not None)


def ids_of(path):
    parser = Ids()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.ids


bundles = pages = total = not_in_hugo = not_in_ours = 0
lines = []
for bundle in sorted(content.iterdir()):
    bundles += 1
    for language, entry in json.loads((bundle / "bundle.json").read_text(encoding="utf-8"))["languages"].items():
        page = work / "public" / language / bundle.name / "index.html"
        if not page.exists():
            lines.append(f"no page {bundle.name} {language}")
            continue
        pages += 1
        hugo_ids, our_ids = ids_of(page), ids_of(bundle / f"index.{language}.html")
        for heading in entry.get("outline", []):
            total += 1
            if heading["id"] not in hugo_ids:
                not_in_hugo += 1
                lines.append(f"not in Hugo's page: {bundle.name} {language} h{heading['level']} #{heading['id']} ({heading['text']})")
            if heading["id"] not in our_ids:
                not_in_ours += 1
                lines.append(f"not in index.{language}.html: {bundle.name} #{heading['id']}")
(work / "report.txt").write_text("".join(line + "\n" for line in lines), encoding="utf-8")
print(f"shortcode stubs: {sorted(stubs)}; left out (Hugo fails on them): {left_out}")
print(f"bundles={bundles} pages={pages} outline_ids={total} not_in_hugo_page={not_in_hugo} not_in_our_page={not_in_ours}")
print("details:", work / "report.txt")
