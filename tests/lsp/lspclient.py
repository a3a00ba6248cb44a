"""lspclient.py - a scripted Language Server Protocol client for the tests:
starts `stmtlint --lsp` ($STMTLINT), frames and reads messages with a
timeout (a hang fails, it never blocks the suite), converts positions in
UTF-8 or UTF-16 on its own (not with the server's code), applies edits to
its own copy of a draft, and prints TAP."""

import json
import os
import select
import subprocess
import sys
import time

# Seconds to wait for one message; longer under valgrind.
TIMEOUT = 120.0 if os.environ.get("STMTLINT_UNDER_VALGRIND") else 20.0


class Failure(Exception):
    pass


class Tap:
    """TAP output: numbered results, the plan at the end."""

    def __init__(self):
        self.n = 0
        self.failed = 0

    def check(self, name, cond, detail=""):
        self.n += 1
        if cond:
            print("ok %d - %s" % (self.n, name))
        else:
            self.failed += 1
            print("not ok %d - %s" % (self.n, name))
            for line in str(detail).splitlines()[:60]:
                print("# " + line)
        sys.stdout.flush()
        return cond

    def equal(self, name, got, want):
        return self.check(name, got == want, "got:  %r\nwant: %r" % (got, want))

    def finish(self):
        print("1..%d" % self.n)
        return 1 if self.failed else 0


def server_command():
    stmtlint = os.environ.get("STMTLINT")
    if not stmtlint:
        raise SystemExit("STMTLINT is not set (run through make check)")
    return [stmtlint, "--lsp"]


def isolated_env(home):
    """The environment of a server that reads no user configuration."""
    env = dict(os.environ)
    env["HOME"] = home
    env["XDG_CONFIG_HOME"] = os.path.join(home, ".config")
    return env


class Client:
    def __init__(self, home, args=(), cwd=None):
        self.proc = subprocess.Popen(server_command() + list(args), stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, env=isolated_env(home), cwd=cwd)
        self.buf = bytearray()
        self.next_id = 1
        self.enc = "utf-16"

    # ---- framing --------------------------------------------------------------
    def send_raw(self, data):
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send(self, msg):
        body = json.dumps(msg).encode("utf-8")
        self.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def _fill(self, deadline):
        fd = self.proc.stdout.fileno()
        left = deadline - time.monotonic()
        if left <= 0:
            raise Failure("no message from the server within %.0f s" % TIMEOUT)
        ready, _, _ = select.select([fd], [], [], left)
        if not ready:
            raise Failure("no message from the server within %.0f s" % TIMEOUT)
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            raise Failure("the server closed its output (exit status %r)" % self.proc.poll())
        self.buf += chunk

    def recv(self, timeout=None):
        """The next message, parsed; raises Failure on a timeout or a bad frame."""
        deadline = time.monotonic() + (timeout or TIMEOUT)
        while True:
            end = self.buf.find(b"\r\n\r\n", 0, 4096)
            if end >= 0:
                break
            self._fill(deadline)
        head = bytes(self.buf[:end])
        length = None
        for line in head.split(b"\r\n"):
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value.strip())
        if length is None:
            raise Failure("a header without Content-Length: %r" % head)
        while len(self.buf) < end + 4 + length:
            self._fill(deadline)
        body = bytes(self.buf[end + 4:end + 4 + length])
        del self.buf[:end + 4 + length]
        return json.loads(body)

    def pending(self, wait=0.2):
        """Whether a message arrives within `wait` seconds."""
        if self.buf:
            return True
        ready, _, _ = select.select([self.proc.stdout.fileno()], [], [], wait)
        if not ready:
            return False
        self.buf += os.read(self.proc.stdout.fileno(), 1 << 20)
        return bool(self.buf)   # nothing read: the server closed its output

    # ---- requests and notifications ----------------------------------------------
    def request(self, method, params=None):
        rid = self.next_id
        self.next_id += 1
        msg = {"jsonrpc": "2.0", "id": rid, "method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg)
        return rid

    def notify(self, method, params=None):
        msg = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg)

    def response(self, rid):
        msg = self.recv()
        if msg.get("id") != rid or "method" in msg:
            raise Failure("expected the response to request %r, got %r" % (rid, msg))
        return msg

    def expect_notification(self, method, timeout=None):
        msg = self.recv(timeout)
        if msg.get("method") != method or "id" in msg:
            raise Failure("expected a %s notification, got %s" % (method, json.dumps(msg)[:2000]))
        return msg["params"]

    def wait_exit(self, timeout=None):
        try:
            return self.proc.wait(timeout=timeout or TIMEOUT)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            return None

    def close(self):
        """shutdown and exit, as an editor does, then waits: a server under
        valgrind writes its report only when it ends by itself."""
        self.response(self.request("shutdown"))
        self.notify("exit")
        return self.wait_exit()

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        for f in (self.proc.stdin, self.proc.stdout):
            try:
                f.close()
            except OSError:
                pass


# ---- positions, counted here independently of the server ----------------------------

def split_lines(text):
    """Lines as the protocol counts them: ending in \\n, \\r\\n or \\r."""
    lines, start, i = [], 0, 0
    while i < len(text):
        if text[i] in "\r\n":
            end = i
            i += 2 if text[i] == "\r" and text[i + 1:i + 2] == "\n" else 1
            lines.append((start, end, i))
            start = i
        else:
            i += 1
    lines.append((start, len(text), len(text)))
    return lines


def units(s, enc):
    return len(s.encode("utf-8")) if enc == "utf-8" else len(s.encode("utf-16-le")) // 2


def offset_of(text, pos, enc):
    """The str index of a Position in text."""
    lines = split_lines(text)
    line = min(pos["line"], len(lines) - 1)
    start, end, _ = lines[line]
    want, i = pos["character"], start
    while i < end and units(text[start:i + 1], enc) <= want:
        i += 1
    return i


def position_of(text, index, enc):
    for n, (start, end, nxt) in enumerate(split_lines(text)):
        if index <= end or nxt == len(text) and index <= nxt:
            return {"line": n, "character": units(text[start:index], enc)}
    raise ValueError("index past the text")


def range_text(text, rng, enc):
    return text[offset_of(text, rng["start"], enc):offset_of(text, rng["end"], enc)]


def apply_edit(text, edit, enc):
    a = offset_of(text, edit["range"]["start"], enc)
    b = offset_of(text, edit["range"]["end"], enc)
    return text[:a] + edit["newText"] + text[b:]
