#!/usr/bin/env python3
"""The pandas peer for `scorebook run health`: the same database, read_sql + groupby + min-max, results stored.

It scores what the health module scores with its defaults (seed 004): every account with an invoice due in the last
365 days whose MRR as of the day is not 0, on renewal (invoices due in the window paid on time, in percent),
key-feature uses per mean active user over the last 30 days, and support (unresolved tickets plus high-priority
tickets opened in the last 90 days, more is worse); each signal min-max scaled across the base (a constant one to
50), weighted 40/35/25, banded Green 75+, Yellow 40+, Red. It writes one row per account into a table of PEER.db.

With --check SCOREBOOK.db it then reads scorebook's latest health run as of the same day and says on how many
accounts the two agree (the same accounts, values within 1e-9, the same bands): the peer is also an oracle.

Usage: health_pandas.py SCOREBOOK.db AS_OF PEER.db [--check]   (run under /usr/bin/time for memory)
"""
import datetime
import sqlite3
import sys

import pandas as pd

database, as_of, peer = sys.argv[1], sys.argv[2], sys.argv[3]
check = "--check" in sys.argv[4:]
day = datetime.date.fromisoformat(as_of)
renewal_start = (day - datetime.timedelta(days=365)).isoformat()
usage_start = (day - datetime.timedelta(days=30)).isoformat()
ticket_start = (day - datetime.timedelta(days=90)).isoformat()

with sqlite3.connect(database) as connection:
    accounts = pd.read_sql(
        "SELECT id, external_id FROM accounts WHERE canonical_id IS NULL AND deleted_at IS NULL", connection
    ).set_index("id")
    invoices = pd.read_sql(
        """
        SELECT account_id, issued_date, coalesce(due_date, issued_date) AS due, paid_date, status FROM invoices
        WHERE issued_date <= ? AND status NOT IN ('void', 'draft', 'deleted')
        """,
        connection, params=(as_of,))
    mrr = pd.read_sql(
        "SELECT account_id, mrr_cents FROM mrr_changes WHERE effective_date <= ? ORDER BY account_id, effective_date, id",
        connection, params=(as_of,))
    usage = pd.read_sql(
        "SELECT account_id, active_users, key_feature_uses FROM usage_daily WHERE day <= ? AND day > ?",
        connection, params=(as_of, usage_start))
    tickets = pd.read_sql(
        "SELECT account_id, substr(opened_at, 1, 10) AS opened, substr(closed_at, 1, 10) AS closed, priority "
        "FROM tickets WHERE substr(opened_at, 1, 10) <= ?",
        connection, params=(as_of,))

# Renewal: invoices due in the window, and those paid on time.
invoices["is_due"] = (invoices.issued_date > renewal_start) & (invoices.due <= as_of)
invoices["on_time"] = invoices.is_due & (invoices.status == "paid") & (
    invoices.paid_date.isna() | (invoices.paid_date <= invoices.due))
renewal = invoices.groupby("account_id").agg(due=("is_due", "sum"), on_time=("on_time", "sum"))
current_mrr = mrr.groupby("account_id").mrr_cents.last()

frame = accounts.join(renewal, how="inner")
frame = frame[frame.due > 0]
frame = frame[frame.index.map(current_mrr).fillna(1) != 0]

usage["key_feature_uses"] = usage.key_feature_uses.fillna(0)
per_user = usage.groupby("account_id").agg(uses=("key_feature_uses", "sum"), users=("active_users", "mean"))
per_user["feature_usage"] = (per_user.uses / per_user.users).where(per_user.users > 0, 0.0)
tickets["unresolved"] = tickets.closed.isna() | (tickets.closed > as_of)
tickets["urgent"] = (tickets.opened > ticket_start) & tickets.priority.str.lower().isin(["high", "urgent"])
support = tickets.groupby("account_id").agg(unresolved=("unresolved", "sum"), urgent=("urgent", "sum"))

frame["renewal"] = frame.on_time / frame.due * 100
frame["feature_usage"] = frame.index.map(per_user.feature_usage).fillna(0.0)
frame["support"] = (frame.index.map(support.unresolved).fillna(0) + frame.index.map(support.urgent).fillna(0)).astype(float)


def min_max(column):
    low, high = column.min(), column.max()
    return column * 0 + 50.0 if high <= low else (column - low) / (high - low) * 100


frame["value"] = (min_max(frame.renewal) * 40 + min_max(frame.feature_usage) * 35
                  + (100 - min_max(frame.support)) * 25) / 100
frame["band"] = pd.cut(frame.value, [-float("inf"), 40, 75, float("inf")], right=False, labels=["Red", "Yellow", "Green"])
frame = frame.sort_values(["value", "external_id"], ascending=[False, True])
frame["position"] = range(1, len(frame) + 1)
columns = ["position", "external_id", "value", "band", "renewal", "feature_usage", "support"]
with sqlite3.connect(peer) as connection:
    frame[columns].astype({"band": str}).to_sql("health_results", connection, if_exists="replace", index=False)
print(f"scored {len(frame)} accounts as of {as_of}")

if check:
    with sqlite3.connect(database) as connection:
        ours = pd.read_sql(
            """
            SELECT a.external_id, r.value, r.band FROM score_results r JOIN accounts a ON a.id = r.account_id
            WHERE r.run_id = (SELECT max(id) FROM score_runs WHERE score_name = 'health' AND as_of = ?
                              AND finished_at IS NOT NULL)
            """,
            connection, params=(as_of,)).set_index("external_id")
    both = frame.set_index("external_id").join(ours, how="outer", rsuffix="_scorebook")
    difference = (both.value - both.value_scorebook).abs()
    agree = (difference <= 1e-9) & (both.band.astype(str) == both.band_scorebook)
    print(f"agrees with scorebook's health run on {int(agree.sum())} of {len(both)} accounts "
          f"(largest difference {difference.max():.3g})")
