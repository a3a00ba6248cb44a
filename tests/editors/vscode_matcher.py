"""vscode_matcher.py - the README's VS Code problem matcher tried on
stmtlint's text output: its regular expressions (taken from the README's
tasks.json as it is, with JavaScript's escapes read by json) match every
finding and note line of `--column-unit=codepoint` output, and give the
lines, columns, severities, rules and messages of the JSON output.  Needs
only python3 (VS Code itself is not run).  Prints TAP."""

import json
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "lsp"))
from lspclient import Tap  # noqa: E402

STMTLINT = os.environ["STMTLINT"]
SRCDIR = os.environ["SRCDIR"]
CORPUS = os.environ.get("STMTLINT_CORPUS") or os.path.join(SRCDIR, "..", "shared", "corpus")
DRAFT = ("Joint Statement on the Dialogue\n\nMarch 14, 2024\n\n"
         "The \u201c\u6771\u4eac\u201d talks on Wednesday, March 12, 2024, went well.\n\n"
         "- One item; and\n- another item; and\n\u2022 A third.\n")


def tasks_json():
    text = open(os.path.join(SRCDIR, "README.md"), encoding="utf-8").read()
    start = text.index('{ "label": "stmtlint"')
    return json.loads(text[start:text.index("```", start)])


def main():
    tap = Tap()
    check = tap.check
    task = tasks_json()
    with tempfile.TemporaryDirectory(prefix="stmtlint-vscode-") as tmp:
        os.mkdir(os.path.join(tmp, ".git"))
        path = os.path.join(tmp, "draft.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(DRAFT)
        drafts = [path]
        reference = os.path.join(CORPUS, "reference-statement.txt")
        if os.path.exists(reference):
            drafts.append(os.path.abspath(reference))   # it has a finding that is a note
        env = dict(os.environ, HOME=tmp, XDG_CONFIG_HOME=os.path.join(tmp, ".config"))
        for draft in drafts:
            command = task["command"].replace("stmtlint", STMTLINT, 1).replace("${file}", draft)
            out = subprocess.run(command, shell=True, stdout=subprocess.PIPE, env=env).stdout
            report = json.loads(subprocess.run([STMTLINT, "-q", "-f", "json", draft],
                                               stdout=subprocess.PIPE, env=env).stdout)
            compare(check, os.path.basename(draft), task, out, report)
    return tap.finish()


def compare(check, name, task, out, report):
    want = []
    for d in report["files"][0]["diagnostics"]:
        want.append((d["line"], d["column"], d["severity"].replace("note", "info"), d["rule"],
                      d["message"]))
        for note in d["notes"]:
            want.append((note["line"], note["column"], "info", None, note["message"]))
    got = []
    for line in out.decode("utf-8").splitlines():
        for m in task["problemMatcher"]:
            p = m["pattern"]
            hit = re.match(p["regexp"], line)
            if hit:
                got.append((int(hit.group(p["line"])), int(hit.group(p["column"])),
                            hit.group(p["severity"]) if "severity" in p else m["severity"],
                            hit.group(p["code"]),
                            hit.group(p["message"])))
                break
    check("%s: the task's problem matcher finds every finding and note, at its line and "
          "column, with its severity, rule and message" % name,
          sorted(got) == sorted(want) and got, "got:  %r\nwant: %r" % (sorted(got), sorted(want)))


if __name__ == "__main__":
    sys.exit(main())
