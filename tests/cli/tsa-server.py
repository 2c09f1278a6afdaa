#!/usr/bin/env python3
"""A local timestamp authority for cli/t-timestamp: RFC 3161 over HTTP (section 3.4).

tsa-server.py PORT_FILE: listens on 127.0.0.1 on a free port, writes the port to
PORT_FILE and answers every POST with `openssl ts -reply` run in the current folder
(tsa.cnf, tsa.pem, tsa.key, ca.pem, made by the test). The file `mode` in that folder,
read on each request, makes it misbehave: "500" answers HTTP 500, "other" answers with
the reply to other.tsq (a request for other bytes) instead of the one it was sent,
"huge" with 2 MiB of zeros.
"""
import http.server
import os
import subprocess
import sys
import tempfile


def mode():
    try:
        with open("mode") as f:
            return f.read().strip()
    except FileNotFoundError:
        return ""


class Authority(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        query = self.rfile.read(length)
        with open("last-content-type", "w") as f:
            f.write(self.headers.get("Content-Type", ""))
        if mode() == "500":
            self.send_error(500, "the authority is out of order")
            return
        if mode() == "huge":
            self.answer(bytes(2 * 1024 * 1024))
            return
        with tempfile.NamedTemporaryFile(suffix=".tsq", dir=".", delete=False) as f:
            f.write(query)
            queryfile = f.name
        reply = subprocess.run(
            ["openssl", "ts", "-reply", "-config", "tsa.cnf", "-section", "tsa_config",
             "-queryfile", "other.tsq" if mode() == "other" else queryfile,
             "-signer", "tsa.pem", "-inkey", "tsa.key", "-chain", "ca.pem"],
            capture_output=True)
        os.unlink(queryfile)
        if reply.returncode != 0:
            self.send_error(400, "openssl ts -reply failed")
            return
        self.answer(reply.stdout)

    def answer(self, body):
        self.send_response(200)
        self.send_header("Content-Type", "application/timestamp-reply")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, fmt, *args):
        pass


def main():
    server = http.server.HTTPServer(("127.0.0.1", 0), Authority)
    with open(sys.argv[1] + ".tmp", "w") as f:
        f.write(str(server.server_address[1]))
    os.rename(sys.argv[1] + ".tmp", sys.argv[1])
    server.serve_forever()


if __name__ == "__main__":
    main()
