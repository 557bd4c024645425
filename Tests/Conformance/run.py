"""The conformance suite: the vendors' official Python clients, pinned in requirements.txt, against the Sandbox.

Each client pages through every stream the Sandbox serves with its own pagination helper and must count what the
Sandbox's summary says; its typed errors must parse the Sandbox's error bodies (authentication, rate limit, 5xx,
bad request); and every field a connector reads must exist with its type in the client's models at the pinned API
version. Fields the Sandbox serves that a model lacks are printed. Usage: run.py PATH-TO-SCOREBOOK-BINARY
"""

import sys

import chargebee_checks
import hubspot_checks
import salesforce_checks
import stripe_checks
from report import Report
from sandbox import Sandbox


def main(binary):
    report = Report()
    vendors = [stripe_checks, hubspot_checks, salesforce_checks, chargebee_checks]
    with Sandbox(binary) as sandbox:
        summary = sandbox.summary()
        for vendor in vendors:
            vendor.counts(sandbox, summary, report)
        for vendor in vendors:
            vendor.errors(sandbox, report)
            sandbox.clear_faults()
    # Models are checked on a Sandbox of its own: the count checks above left it changed.
    with Sandbox(binary, accounts=40) as sandbox:
        for vendor in vendors:
            vendor.models(sandbox, report)
    return report.close()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
