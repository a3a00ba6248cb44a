"""nvim_recipe.py - the README's Neovim recipes tried for real in a
headless Neovim (tests/editors/nvim.lua): its built-in LSP client, set up
by doc/editors/stmtlint.lua, opens the reference draft (and a draft with a
curly quote and CJK characters before a finding) and receives stmtlint's
diagnostics at the places `stmtlint --format=json` gives; :make with
doc/editors/stmtlint.vim's errorformat fills the quickfix list at the same
lines and byte columns.  Skipped without nvim.  Prints TAP."""

import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "lsp"))
from lspclient import Tap  # noqa: E402

STMTLINT = os.environ["STMTLINT"]
SRCDIR = os.environ["SRCDIR"]
CORPUS = os.environ.get("STMTLINT_CORPUS") or os.path.join(SRCDIR, "..", "shared", "corpus")
TIMEOUT = 600 if os.environ.get("STMTLINT_UNDER_VALGRIND") else 120
UNICODE_DRAFT = ("Joint Statement on the Dialogue\n\nMarch 14, 2024\n\n"
                 "The \u201c\u6771\u4eac \U00020bb7\u201d talks on Wednesday, March 12, 2024, "
                 "went well.\n")
SEVERITY = {"error": 1, "warning": 2, "note": 3}


def line_starts(data):
    starts = [0]
    for i, b in enumerate(data):
        if b == 10:
            starts.append(i + 1)
    return starts


def expected(path, env, cwd):
    """What Neovim should hold, from stmtlint's JSON: diagnostics (0-based,
    byte columns) and quickfix entries (1-based; notes too)."""
    r = subprocess.run([STMTLINT, "-q", "-f", "json", path], stdout=subprocess.PIPE, env=env,
                       cwd=cwd)
    data = open(path, "rb").read()
    starts = line_starts(data)
    lsp, make = [], []
    for d in json.loads(r.stdout)["files"][0]["diagnostics"]:
        col = d["byte_offset"] - starts[d["line"] - 1]
        end = d["end_byte_offset"] - starts[d["end_line"] - 1]
        lsp.append("lsp %d %d %d %d %d %s" % (d["line"] - 1, col, d["end_line"] - 1, end,
                                               SEVERITY[d["severity"]], d["message"]))
        make.append((d["line"], col + 1, d["severity"][0]))
        for n in d["notes"]:
            make.append((n["line"], n["byte_offset"] - starts[n["line"] - 1] + 1, "n"))
    return sorted(lsp), sorted(make)


def main():
    nvim = shutil.which("nvim")
    if nvim is None:
        print("1..0 # SKIP nvim (Debian's neovim) is not installed")
        return 0
    tmp = tempfile.mkdtemp(prefix="stmtlint-nvim-")
    os.mkdir(os.path.join(tmp, ".git"))
    drafts = []
    with open(os.path.join(tmp, "unicode.txt"), "w", encoding="utf-8") as f:
        f.write(UNICODE_DRAFT)
    drafts.append(os.path.join(tmp, "unicode.txt"))
    reference = os.path.join(CORPUS, "reference-statement.txt")
    if os.path.exists(reference):
        drafts.insert(0, os.path.abspath(reference))
    tap = Tap()
    for draft in drafts:
        name = os.path.basename(draft)
        out = os.path.join(tmp, "out")
        env = dict(os.environ, HOME=tmp, XDG_CONFIG_HOME=os.path.join(tmp, ".config"),
                   XDG_DATA_HOME=os.path.join(tmp, ".local"), XDG_STATE_HOME=os.path.join(tmp, ".state"),
                   NVIM_TEST_DRAFT=draft, NVIM_TEST_OUT=out, SRCDIR=SRCDIR)
        want_lsp, want_make = expected(draft, env, tmp)
        try:
            subprocess.run([nvim, "--headless", "--clean", "-n", "-c",
                            "luafile " + os.path.join(SRCDIR, "tests/editors/nvim.lua")],
                           env=env, cwd=tmp, timeout=TIMEOUT, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            pass
        lines = open(out, encoding="utf-8").read().splitlines() if os.path.exists(out) else []
        got_lsp = sorted(l for l in lines if l.startswith("lsp "))
        got_make = sorted((int(l.split()[1]), int(l.split()[2]), l.split()[3])
                          for l in lines if l.startswith("make "))
        checks = [
            ("%s: Neovim's LSP client received the diagnostics, at their places" % name,
             got_lsp == want_lsp and len(want_lsp) > 0, "got:  %r\nwant: %r" % (got_lsp, want_lsp)),
            ("%s: :make with the errorformat: the quickfix list at the same lines and "
             "byte columns" % name, got_make == sorted(want_make) and len(want_make) > 0,
             "got:  %r\nwant: %r" % (got_make, sorted(want_make))),
            ("%s: Neovim ran the script to its end" % name, "done" in lines, lines[-5:]),
        ]
        for what, cond, detail in checks:
            tap.check(what, cond, detail)
        if os.path.exists(out):
            os.unlink(out)
    shutil.rmtree(tmp)
    readme = open(os.path.join(SRCDIR, "README.md"), encoding="utf-8").read()
    for recipe, comment in (("stmtlint.lua", "--"), ("stmtlint.vim", '"')):
        code = "\n".join(line for line in open(os.path.join(SRCDIR, "doc", "editors", recipe),
                                               encoding="utf-8").read().splitlines()
                         if not line.startswith(comment))
        tap.check("the README shows doc/editors/%s as it is (without its comments)" % recipe,
                  code in readme, code)
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
