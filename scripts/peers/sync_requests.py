#!/usr/bin/env python3
"""The Python peer for the sync benchmark: requests + sqlite3, paging the Stripe streams scorebook writes rows of from
the Sandbox (customers, subscriptions with status=all, invoices, charges).

Usage: sync_requests.py BASE_URL TOKEN DATABASE [--invoice-payments]
  A plain loop: one transaction per page, upserts keyed by id. With --invoice-payments it also pages
  /v1/invoice_payments, as scorebook does to tie each basil charge to its invoice (a charge no longer names it), so
  both clients make the same requests.
"""
import json
import sqlite3
import sys
import time

import requests

base, token, path = sys.argv[1], sys.argv[2], sys.argv[3]
streams = [("customers", {}), ("subscriptions", {"status": "all"}), ("invoices", {})]
if "--invoice-payments" in sys.argv[4:]:
    streams.append(("invoice_payments", {}))
streams.append(("charges", {}))
db = sqlite3.connect(path)
db.execute("PRAGMA journal_mode=WAL")
db.execute("CREATE TABLE IF NOT EXISTS objects (id TEXT PRIMARY KEY, kind TEXT, raw TEXT)")
session = requests.Session()
session.headers["Authorization"] = f"Bearer {token}"
start = time.time()
records = 0
for stream, extra in streams:
    after = None
    while True:
        params = {"limit": 100, **extra}
        if after:
            params["starting_after"] = after
        page = session.get(f"{base}/v1/{stream}", params=params, timeout=60).json()
        with db:
            db.executemany("INSERT INTO objects (id, kind, raw) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET raw = excluded.raw",
                           [(o["id"], stream, json.dumps(o)) for o in page["data"]])
        records += len(page["data"])
        if not page["has_more"] or not page["data"]:
            break
        after = page["data"][-1]["id"]
seconds = time.time() - start
print(f"python requests + sqlite3: {records} records in {seconds:.2f} s, {records / seconds:.0f} records/s")
