#!/usr/bin/env python3
"""The pandas peer for `scorebook run rfm`: the same database, read_sql + groupby + qcut, results stored.

It scores what the value module's RFM method scores: every account with a paid invoice on or before the day, by
recency (days since its last paid invoice), frequency (paid invoices in the last 365 days) and monetary value (paid
cents in those days), each letter 1-5 by quintile (rank-based, ties together), the score the mean of the letters on
0-100; then it writes one row per account into a table of PEER.db: position, value, code, and each letter with
its raw value (what scorebook keeps as components and details, in pandas' own columns rather than JSON per row).

Usage: rfm_pandas.py SCOREBOOK.db AS_OF PEER.db   (run under /usr/bin/time for memory)
"""
import datetime
import sqlite3
import sys

import pandas as pd

database, as_of, peer = sys.argv[1], sys.argv[2], sys.argv[3]
window_start = (datetime.date.fromisoformat(as_of) - datetime.timedelta(days=365)).isoformat()
with sqlite3.connect(database) as connection:
    invoices = pd.read_sql(
        """
        SELECT a.external_id AS account_id, i.issued_date, i.amount_paid_cents
        FROM invoices i JOIN accounts a ON a.id = i.account_id
        WHERE i.status = 'paid' AND i.issued_date <= ? AND (i.paid_date IS NULL OR i.paid_date <= ?)
          AND a.canonical_id IS NULL AND a.deleted_at IS NULL
        """,
        connection, params=(as_of, as_of))
invoices["in_window"] = invoices.issued_date > window_start
invoices["window_cents"] = invoices.amount_paid_cents.where(invoices.in_window, 0)
rfm = invoices.groupby("account_id").agg(
    last=("issued_date", "max"), frequency=("in_window", "sum"), monetary=("window_cents", "sum"))
rfm["recency"] = (pd.Timestamp(as_of) - pd.to_datetime(rfm["last"])).dt.days


def letters(values, higher_is_better):
    ranked = values.rank(method="max" if higher_is_better else "min", ascending=higher_is_better)
    return pd.qcut(ranked, 5, labels=False, duplicates="drop").astype(int) + 1


rfm["r"] = letters(-rfm.recency, True)
rfm["f"] = letters(rfm.frequency, True)
rfm["m"] = letters(rfm.monetary, True)
rfm["value"] = ((rfm.r - 1) + (rfm.f - 1) + (rfm.m - 1)) * 25 / 3
rfm["code"] = rfm.r.astype(str) + rfm.f.astype(str) + rfm.m.astype(str)
rfm = rfm.sort_values(["value"], ascending=False)
rfm["position"] = range(1, len(rfm) + 1)
with sqlite3.connect(peer) as connection:
    columns = ["position", "value", "code", "recency", "frequency", "monetary", "r", "f", "m"]
    rfm[columns].to_sql("rfm_results", connection, if_exists="replace")
print(f"scored {len(rfm)} accounts as of {as_of}")
