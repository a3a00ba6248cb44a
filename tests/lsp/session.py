"""session.py - a whole editing session with `stmtlint --lsp`, once with
UTF-8 positions and once with UTF-16 ones, asserting every message the
server sends: initialize, a draft opened, an edit that adds a defect, a
quick fix applied, "disable on this line" applied, a full-text change that
brings the first defect back, a configuration that turns a rule off, a
broken configuration (its error published on the configuration file) and
its removal, fast edits (no stale diagnostics), a request for a document
never opened, close, shutdown and exit.  The draft's defect sits on a line
with a curly quote, CJK characters and one outside the BMP, so that its
columns differ between the two units."""

import json
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lspclient import (Client, Failure, Tap, apply_edit, position_of,  # noqa: E402
                       range_text)

DRAFT = """Joint Statement on the Dialogue

March 14, 2024

The \u201c\u6771\u4eac \U00020bb7\u201d talks on Wednesday, March 12, 2024, went well.

1. Trade facilitation:

The delegations agreed on the following steps:

- Publishing a joint guide for small exporters; and
- Aligning the technical specifications; and
- Sharing best practices.
"""
WEEKDAY = ("dates/weekday", "Wednesday, March 12, 2024")
BULLET = ("structure/bullets", "\u2022")


class Session:
    def __init__(self, tap, enc, tmp):
        self.tap, self.enc, self.tmp = tap, enc, tmp
        self.path = os.path.join(tmp, "draft.txt")
        self.uri = "file://" + self.path
        self.config = os.path.join(tmp, ".stmtlint.yaml")
        self.text = DRAFT
        self.version = 1
        self.c = Client(tmp)

    def name(self, what):
        return "%s: %s" % (self.enc, what)

    def findings(self, params):
        """(code, text under the range) of each diagnostic, in order."""
        return [(d["code"], range_text(self.text, d["range"], self.enc))
                for d in params["diagnostics"]]

    def expect_publish(self, what, want, version=None):
        p = self.c.expect_notification("textDocument/publishDiagnostics")
        self.tap.equal(self.name(what + ": diagnostics of the draft"), p["uri"], self.uri)
        self.tap.equal(self.name(what + ": version"), p.get("version"),
                       self.version if version is None else version)
        self.tap.equal(self.name(what + ": findings at their text"), self.findings(p), want)
        return p

    def change(self, changes):
        self.version += 1
        self.c.notify("textDocument/didChange", {
            "textDocument": {"uri": self.uri, "version": self.version},
            "contentChanges": changes})

    def edit(self, edit):
        """Applies a TextEdit here and sends it as an incremental change."""
        self.text = apply_edit(self.text, edit, self.enc)
        self.change([{"range": edit["range"], "text": edit["newText"]}])

    def code_actions(self, diag):
        rid = self.c.request("textDocument/codeAction", {
            "textDocument": {"uri": self.uri}, "range": diag["range"],
            "context": {"diagnostics": [diag]}})
        return self.c.response(rid)["result"]

    def run(self):
        self.initialize()
        self.open_and_edit()
        self.configuration()
        self.fast_edits()
        self.errors_and_close()
        self.shutdown()

    def initialize(self):
        offered = ["utf-8", "utf-16"] if self.enc == "utf-8" else ["utf-16"]
        rid = self.c.request("initialize", {
            "processId": os.getpid(), "rootUri": "file://" + self.tmp,
            "capabilities": {
                "general": {"positionEncodings": offered},
                "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": True},
                              "workspaceEdit": {"documentChanges": self.enc == "utf-8"}}}})
        caps = self.c.response(rid)["result"]["capabilities"]
        self.tap.equal(self.name("positionEncoding negotiated"), caps["positionEncoding"],
                       self.enc)
        self.tap.equal(self.name("incremental sync, open and close"),
                       caps["textDocumentSync"]["change"], 2)
        self.tap.equal(self.name("quick fixes offered"),
                       caps["codeActionProvider"]["codeActionKinds"], ["quickfix"])
        self.c.notify("initialized", {})
        reg = self.c.recv()
        self.tap.equal(self.name("registers watchers of the configuration"),
                       (reg.get("method"), reg["params"]["registrations"][0]["method"]),
                       ("client/registerCapability", "workspace/didChangeWatchedFiles"))
        self.c.send({"jsonrpc": "2.0", "id": reg["id"], "result": None})

    def open_and_edit(self):
        self.c.notify("textDocument/didOpen", {"textDocument": {
            "uri": self.uri, "languageId": "plaintext", "version": 1, "text": self.text}})
        p = self.expect_publish("open", [WEEKDAY])
        d = p["diagnostics"][0]
        line = self.text.splitlines()[4]
        self.tap.equal(self.name("the finding's column in " + self.enc), d["range"]["start"],
                       position_of(self.text, self.text.index("Wednesday"), self.enc))
        self.tap.check(self.name("rule as code with codeDescription, severity error"),
                       d["severity"] == 1 and d["codeDescription"]["href"].endswith(
                           "#dates/weekday") and d["source"] == "stmtlint", d)
        self.tap.check(self.name("the line has the characters the units differ on"),
                       "\u201c" in line and "\u6771" in line and "\U00020bb7" in line)
        # an edit that adds a defect: the last bullet becomes '•'
        last = len(self.text.splitlines()) - 1
        self.edit({"range": {"start": {"line": last, "character": 0},
                             "end": {"line": last, "character": 1}}, "newText": "\u2022"})
        p = self.expect_publish("a defect added", [WEEKDAY, BULLET])
        bullet = p["diagnostics"][1]
        self.tap.check(self.name("the bullet's note as relatedInformation"),
                       bullet["relatedInformation"][0]["location"]["uri"] == self.uri and
                       range_text(self.text, bullet["relatedInformation"][0]["location"]["range"],
                                  self.enc) == "-", bullet)
        # the weekday's quick fix, applied
        actions = self.code_actions(p["diagnostics"][0])
        self.tap.equal(self.name("the weekday's actions"),
                       [(a["title"], a["kind"], a.get("isPreferred", False)) for a in actions],
                       [("Replace \u2018Wednesday\u2019 with \u2018Tuesday\u2019", "quickfix",
                         True), ("Disable dates/weekday on this line", "quickfix", False)])
        self.apply_action(actions[0])
        self.expect_publish("quick fix applied", [BULLET])
        self.tap.check(self.name("the fix wrote Tuesday"),
                       "on Tuesday, March 12, 2024" in self.text, self.text)
        # "disable on this line" for the bullet
        p_actions = self.code_actions(self.last_bullet())
        disable = [a for a in p_actions if a["title"].startswith("Disable")]
        self.tap.equal(self.name("the bullet's disable action"),
                       [a["title"] for a in disable], ["Disable structure/bullets on this line"])
        self.apply_action(disable[0])
        self.expect_publish("disable on this line applied", [])
        self.tap.check(self.name("the suppression comment is above the line"),
                       "<!-- stmtlint-disable-next-line structure/bullets -->\n\u2022 Sharing"
                       in self.text, self.text)
        # a full-text change back to the first draft
        self.text = DRAFT
        self.change([{"text": self.text}])
        self.expect_publish("full-text change", [WEEKDAY])

    def last_bullet(self):
        rid = self.c.request("textDocument/codeAction", {
            "textDocument": {"uri": self.uri},
            "range": {"start": position_of(self.text, self.text.index("\u2022"), self.enc),
                      "end": position_of(self.text, self.text.index("\u2022"), self.enc)},
            "context": {"diagnostics": []}})
        acts = self.c.response(rid)["result"]
        self.tap.check(self.name("actions found from the cursor alone"), len(acts) == 2, acts)
        return acts[0]["diagnostics"][0]

    def apply_action(self, action):
        edit = action["edit"]
        if self.enc == "utf-8":
            dc = edit["documentChanges"][0]
            self.tap.equal(self.name("the edit names the version it is for"),
                           dc["textDocument"], {"uri": self.uri, "version": self.version})
            edits = dc["edits"]
        else:
            edits = edit["changes"][self.uri]
        self.tap.equal(self.name("one edit"), len(edits), 1)
        self.edit(edits[0])

    def watched(self):
        self.c.notify("workspace/didChangeWatchedFiles", {"changes": [
            {"uri": "file://" + self.config, "type": 2}]})

    def configuration(self):
        with open(self.config, "w") as f:
            f.write("rules:\n  dates/weekday: off\n")
        self.watched()
        self.expect_publish("a configuration turns the rule off", [])
        with open(self.config, "w") as f:
            f.write("rules:\n  dates/weekdy: off\n")
        self.watched()
        p = self.expect_publish("a broken configuration", [("config", "")])
        self.tap.check(self.name("the draft says it is not checked"),
                       "not checked" in p["diagnostics"][0]["message"], p)
        cp = self.c.expect_notification("textDocument/publishDiagnostics")
        self.tap.equal(self.name("the error published on the configuration file"),
                       (cp["uri"], [(d["code"], d["range"]["start"]) for d in cp["diagnostics"]]),
                       ("file://" + self.config, [("config", {"line": 1, "character": 2})]))
        self.tap.check(self.name("the configuration error names the rule"),
                       "weekdy" in cp["diagnostics"][0]["message"], cp)
        os.unlink(self.config)
        self.watched()
        self.expect_publish("the configuration removed", [WEEKDAY])
        cp = self.c.expect_notification("textDocument/publishDiagnostics")
        self.tap.equal(self.name("the configuration's diagnostics cleared"),
                       (cp["uri"], cp["diagnostics"]), ("file://" + self.config, []))

    def fast_edits(self):
        """Twenty edits sent at once: diagnostics never go back to an older
        version, and the last ones are those of the last text."""
        first = self.version
        for i in range(20):
            pos = {"line": 0, "character": 0}
            self.edit({"range": {"start": pos, "end": pos}, "newText": "x" if i % 2 else ""})
        versions = []
        while True:
            p = self.c.expect_notification("textDocument/publishDiagnostics")
            versions.append(p["version"])
            if p["version"] == self.version:
                break
        self.tap.check(self.name("versions published only go forward"),
                       versions == sorted(versions) and versions[0] > first, versions)
        # the warnings and errors (the ten x's make a word the spelling
        # plugin notes as a possible name)
        p = dict(p, diagnostics=[d for d in p["diagnostics"] if d.get("severity", 1) <= 2])
        self.tap.equal(self.name("the last publish is of the last text"), self.findings(p),
                       [WEEKDAY])

    def errors_and_close(self):
        rid = self.c.request("textDocument/codeAction", {
            "textDocument": {"uri": "file:///never/opened.txt"},
            "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
            "context": {"diagnostics": []}})
        r = self.c.response(rid)
        self.tap.equal(self.name("a document never opened: InvalidParams"),
                       r.get("error", {}).get("code"), -32602)
        self.c.notify("textDocument/didChange", {
            "textDocument": {"uri": "file:///never/opened.txt", "version": 2},
            "contentChanges": [{"text": "x"}]})
        log = self.c.expect_notification("window/logMessage")
        self.tap.check(self.name("didChange before didOpen: logged, ignored"),
                       log["type"] == 2 and "not open" in log["message"], log)
        self.c.notify("textDocument/didClose", {"textDocument": {"uri": self.uri}})
        p = self.c.expect_notification("textDocument/publishDiagnostics")
        self.tap.equal(self.name("close clears the diagnostics"), (p["uri"], p["diagnostics"]),
                       (self.uri, []))

    def shutdown(self):
        rid = self.c.request("shutdown")
        self.tap.equal(self.name("shutdown answers null"), self.c.response(rid),
                       {"jsonrpc": "2.0", "id": rid, "result": None})
        rid = self.c.request("textDocument/codeAction", {})
        self.tap.equal(self.name("a request after shutdown: InvalidRequest"),
                       self.c.response(rid)["error"]["code"], -32600)
        self.c.notify("exit")
        self.tap.equal(self.name("exit after shutdown: status 0"), self.c.wait_exit(), 0)
        self.tap.check(self.name("no message left unasserted"), not self.c.pending(0.1),
                       self.c.buf)


def one_disable_per_line(tap, tmp):
    """Two findings of one rule on one line: a quick fix each, one "Disable"."""
    c = Client(tmp)
    try:
        c.response(c.request("initialize", {"capabilities": {}}))
        c.notify("initialized", {})
        uri = "file://" + os.path.join(tmp, "two.txt")
        text = "Joint Statement\n\nJune 9, 2011\n\nThey met on 6/9/2011 and 6/10/2011.\n"
        c.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "plaintext", "version": 1, "text": text}})
        p = c.expect_notification("textDocument/publishDiagnostics")
        tap.equal("two findings of one rule on one line", [d["code"] for d in p["diagnostics"]],
                  ["dates/numeric", "dates/numeric"])
        rid = c.request("textDocument/codeAction", {
            "textDocument": {"uri": uri},
            "range": {"start": {"line": 4, "character": 0}, "end": {"line": 4, "character": 40}},
            "context": {"diagnostics": []}})
        titles = [a["title"] for a in c.response(rid)["result"]]
        tap.equal("... one disable action for the line, after the first finding's fixes",
                  [t for t in titles if t.startswith("Disable")],
                  ["Disable dates/numeric on this line"])
        rid = c.request("textDocument/codeAction", {
            "textDocument": {"uri": uri},
            "range": {"start": {"line": 4, "character": 0}, "end": {"line": 4, "character": 40}},
            "context": {"diagnostics": [], "only": ["source.organizeImports"]}})
        tap.equal("... none when the client asks only for another kind",
                  c.response(rid)["result"], [])
        tap.equal("... shutdown, exit: status 0", c.close(), 0)
    finally:
        c.kill()


def debounce_then_code_action(tap, tmp):
    """With debounceMs, an edit waits for the pause; a code action asked for
    meanwhile checks the new text at once, and its diagnostics follow."""
    c = Client(tmp)
    try:
        c.response(c.request("initialize", {"capabilities": {},
                                            "initializationOptions": {"debounceMs": 1500}}))
        c.notify("initialized", {})
        uri = "file://" + os.path.join(tmp, "wait.txt")
        text = "Joint Statement\n\nMarch 14, 2024\n\nThey met on Tuesday, March 12, 2024.\n"
        c.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "plaintext", "version": 1, "text": text}})
        p = c.expect_notification("textDocument/publishDiagnostics")
        tap.equal("debounce: the draft opened is checked at once", p["diagnostics"], [])
        line = {"start": {"line": 4, "character": 12}, "end": {"line": 4, "character": 19}}
        c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                            "contentChanges": [{"range": line,
                                                                "text": "Wednesday"}]})
        tap.check("debounce: no diagnostics before the pause", not c.pending(0.3))
        rid = c.request("textDocument/codeAction", {
            "textDocument": {"uri": uri}, "range": line, "context": {"diagnostics": []}})
        acts = c.response(rid)["result"]
        tap.equal("debounce: a code action meanwhile sees the new text",
                  acts[0]["title"] if acts else None,
                  "Replace \u2018Wednesday\u2019 with \u2018Tuesday\u2019")
        p = c.recv(timeout=1.0)
        tap.equal("debounce: ... and its diagnostics are published at once",
                  (p.get("method"), p["params"].get("version"),
                   [d["code"] for d in p["params"]["diagnostics"]]),
                  ("textDocument/publishDiagnostics", 2, ["dates/weekday"]))
        tap.equal("debounce: shutdown, exit: status 0", c.close(), 0)
    finally:
        c.kill()


def main():
    tap = Tap()
    for enc in ("utf-8", "utf-16"):
        tmp = tempfile.mkdtemp(prefix="stmtlint-lsp-")
        os.mkdir(os.path.join(tmp, ".git"))   # the configuration is looked for up to here
        s = Session(tap, enc, tmp)
        try:
            s.run()
        except (Failure, KeyError, IndexError, TypeError, ValueError) as e:
            tap.check(s.name("the session ran to its end"), False, "%s: %s" % (type(e).__name__, e))
        finally:
            s.c.kill()
            shutil.rmtree(tmp)
    for case in (one_disable_per_line, debounce_then_code_action):
        tmp = tempfile.mkdtemp(prefix="stmtlint-lsp-")
        os.mkdir(os.path.join(tmp, ".git"))
        try:
            case(tap, tmp)
        except (Failure, KeyError, IndexError, TypeError, ValueError) as e:
            tap.check("%s ran to its end" % case.__name__, False,
                      "%s: %s" % (type(e).__name__, e))
        finally:
            shutil.rmtree(tmp)
    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
