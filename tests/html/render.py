"""render.py - the HTML report (--format=html) rendered in headless
Chromium: from the rendered page (its DOM after loading, --dump-dom), each
finding of the JSON output has its highlight on its own line, over exactly
its text; a hostile draft (<script>, </textarea>, quotes, invalid UTF-8)
shows as text (invalid bytes as '?', as in the
model) and adds no element; no script can run (the page's
Content-Security-Policy).  Takes a screenshot (HTML_SCREENSHOT=FILE keeps
it, for the README's doc/html-report.png).  Skipped without chromium.  Prints TAP."""

import html.parser
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "lsp"))
from lspclient import Tap  # noqa: E402

STMTLINT = os.environ["STMTLINT"]
CORPUS = os.environ.get("STMTLINT_CORPUS") or os.path.join(
    os.environ.get("SRCDIR", "."), "..", "shared", "corpus")
REFERENCE = os.path.join(CORPUS, "reference-statement.txt")
UNICODE_DRAFT = ("Joint Statement on the Dialogue\n\nMarch 14, 2024\n\n"
                 "The \u201c\u6771\u4eac\u201d talks on Wednesday, March 12, 2024, went well.\n\n"
                 "1. Trade facilitation\n\n- One item; and\n- another item; and\n"
                 "\u2022 A third.\n")
HOSTILE = (b"Joint Statement <script>alert(1)</script>\n\nJune 9, 2011\n\n"
           b"</textarea><img src=x onerror=alert(2)> \"quoted\" 'single' & \xff\xfe bytes "
           b"on 6/9/2011.\n<!-- unclosed\n")


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


class Dom(html.parser.HTMLParser):
    """What the test reads of the rendered page: for each finding id, the
    text of its marks and the lines they are in; the elements' names; the
    text of the page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.marks = {}      # finding id -> [(line id, text)]
        self.tags = []
        self.text = []
        self.line = None
        self.open_marks = []  # stack of (ids, pieces) of open marks

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append(tag)
        if tag == "div" and a.get("class") == "line":
            self.line = a.get("id")
        if tag == "mark":
            ids = a.get("data-findings", "").split()
            self.open_marks.append((ids, []))

    def handle_endtag(self, tag):
        if tag == "mark" and self.open_marks:
            ids, pieces = self.open_marks.pop()
            for i in ids:
                self.marks.setdefault(i, []).append((self.line, "".join(pieces)))

    def handle_data(self, data):
        self.text.append(data)
        for _, pieces in self.open_marks:
            pieces.append(data)


def run(args, **kw):
    return subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)


def render(browser, page, tmp):
    r = run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--user-data-dir=" + os.path.join(tmp, "profile"), "--dump-dom",
             "file://" + page], timeout=120)
    return r.stdout.decode("utf-8", "replace")


def main():
    browser = chromium()
    if browser is None:
        print("1..0 # SKIP chromium is not installed")
        return 0
    tmp = tempfile.mkdtemp(prefix="stmtlint-html-")
    tap = Tap()
    check = tap.check

    with open(os.path.join(tmp, "unicode.txt"), "w", encoding="utf-8") as f:
        f.write(UNICODE_DRAFT)
    with open(os.path.join(tmp, "hostile.txt"), "wb") as f:
        f.write(HOSTILE)
    drafts = ["unicode.txt", "hostile.txt"]   # named from tmp, as a drafter would
    if os.path.exists(REFERENCE):
        drafts.append(os.path.abspath(REFERENCE))
    env = dict(os.environ, HOME=tmp, XDG_CONFIG_HOME=os.path.join(tmp, ".config"))
    os.mkdir(os.path.join(tmp, ".git"))
    report = json.loads(run([STMTLINT, "-q", "-f", "json"] + drafts, env=env, cwd=tmp).stdout)
    page = os.path.join(tmp, "report.html")
    with open(page, "wb") as f:
        f.write(run([STMTLINT, "-q", "-f", "html"] + drafts, env=env, cwd=tmp).stdout)
    dom = Dom()
    dom.feed(render(browser, page, tmp))
    check("the page rendered", "stmtlint report" in "".join(dom.text), "".join(dom.text)[:500])
    total = 0
    for fi, entry in enumerate(report["files"], 1):
        path = os.path.join(tmp, entry["path"])
        data = open(path, "rb").read()
        for di, d in enumerate(entry["diagnostics"], 1):
            total += 1
            fid = "f%d-d%d" % (fi, di)
            want = data[d["byte_offset"]:d["end_byte_offset"]]
            # the model reads each byte that is not UTF-8 as '?'
            want = "".join("?" if "\udc80" <= ch <= "\udcff" else ch for ch in
                           want.replace(b"\r", b"").replace(b"\n", b"").decode(
                               "utf-8", "surrogateescape"))
            got = dom.marks.get(fid, [])
            lines = {ln for ln, _ in got}
            text = "".join(t for _, t in got)
            where = "f%d-l%d" % (fi, d["line"])
            check("%s %s:%d %s: highlighted at its text" % (fid, os.path.basename(entry["path"]),
                                                           d["line"], d["rule"]),
                  got and where in lines and text == want,
                  "want %r on %s, got %r" % (want, where, got))
    check("every finding checked (%d)" % total, total >= (9 if len(drafts) == 3 else 2))
    alltext = "".join(dom.text)
    check("the hostile draft: no script, img or textarea element",
          not {"script", "img", "textarea"} & set(dom.tags), sorted(set(dom.tags)))
    check("... its markup shown as text",
          "<script>alert(1)</script>" in alltext and "</textarea><img src=x onerror=alert(2)>"
          in alltext and "\"quoted\" 'single' &" in alltext, alltext[-800:])
    check("... its invalid UTF-8 shown as '?', the page all UTF-8", "& ?? bytes" in alltext and
          open(page, "rb").read().decode("utf-8", "strict") is not None)
    check("no script can run: Content-Security-Policy default-src 'none'",
          "default-src 'none'" in open(page, encoding="utf-8").read())
    shot = os.environ.get("HTML_SCREENSHOT") or os.path.join(tmp, "shot.png")
    r = run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--hide-scrollbars", "--user-data-dir=" + os.path.join(tmp, "profile"),
             "--window-size=1000,1000", "--screenshot=" + shot,
             "file://" + page], timeout=120)
    check("a screenshot taken", os.path.exists(shot) and os.path.getsize(shot) > 10000,
          r.stderr.decode("utf-8", "replace")[-1500:])
    shutil.rmtree(tmp)
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
