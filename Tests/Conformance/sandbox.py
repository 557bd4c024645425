"""The Sandbox binary as its own process, and its control endpoints."""

import json
import re
import subprocess
import urllib.request


class Sandbox:
    """`scorebook sandbox` on a free port, stopped on exit."""

    def __init__(self, binary, accounts=200, seed=5):
        self.process = subprocess.Popen(
            [binary, "sandbox", "--port", "0", "--accounts", str(accounts), "--seed", str(seed)],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        first = self.process.stdout.readline()
        match = re.search(r"127\.0\.0\.1:(\d+)", first)
        if not match:
            self.stop()
            raise RuntimeError(f"the sandbox did not say its port: {first!r}")
        self.port = int(match.group(1))
        self.base = f"http://127.0.0.1:{self.port}"
        self.tokens = {}
        for _ in range(4):
            line = self.process.stdout.readline()
            name, _, rest = line.partition(":")
            self.tokens[name.strip()] = rest.split("token")[-1].strip()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)

    def control(self, method, path, body=None):
        """Calls a control endpoint; its JSON answer."""
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.base + path, data=data, method=method,
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read())

    def summary(self):
        """HubSpot's and Stripe's summary with Salesforce's and Chargebee's."""
        summary = self.control("GET", "/_sandbox/summary")
        summary.update(self.control("GET", "/_sandbox/summary?apis=salesforce,chargebee"))
        return summary

    def fault(self, kind, path, times=1):
        self.control("POST", "/_sandbox/faults", {"kind": kind, "path": path, "times": times, "retry_after": 0})

    def clear_faults(self):
        self.control("DELETE", "/_sandbox/faults")

    def get(self, path, headers):
        """A GET of one of the served APIs, as raw JSON (what the clients' models are checked against)."""
        request = urllib.request.Request(self.base + path, headers=headers)
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read())
