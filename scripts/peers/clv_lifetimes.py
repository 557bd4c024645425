#!/usr/bin/env python3
"""The `lifetimes` peer for the clv benchmark: the same paid invoices, BG/NBD + Gamma-Gamma, 90-day value.

Usage: clv_lifetimes.py INVOICES.csv AS_OF   (run under /usr/bin/time for memory)
"""
import sys
import time

import pandas as pd
from lifetimes import BetaGeoFitter, GammaGammaFitter
from lifetimes.utils import summary_data_from_transaction_data

start = time.time()
invoices = pd.read_csv(sys.argv[1], usecols=["account_id", "issued_date", "paid_date", "amount_paid_cents", "status"])
as_of = sys.argv[2]
paid = invoices[(invoices.status == "paid") & (invoices.issued_date <= as_of)
                & (invoices.paid_date.isna() | (invoices.paid_date <= as_of))]
summary = summary_data_from_transaction_data(
    paid, "account_id", "issued_date", monetary_value_col="amount_paid_cents", observation_period_end=as_of, freq="D")
repeat = summary[(summary.frequency > 0) & (summary.monetary_value > 0)]
# lifetimes' default (no penalty) may fail to converge on subscription-like data; then it is retried with a small one.
for penalizer in (0.0, 0.001):
    try:
        bgf = BetaGeoFitter(penalizer_coef=penalizer)
        bgf.fit(summary["frequency"], summary["recency"], summary["T"])
        ggf = GammaGammaFitter(penalizer_coef=penalizer)
        ggf.fit(repeat["frequency"], repeat["monetary_value"] / 100)
        break
    except Exception as error:
        print(f"lifetimes with penalizer {penalizer}: {type(error).__name__}")
expected = bgf.conditional_expected_number_of_purchases_up_to_time(90, summary["frequency"], summary["recency"], summary["T"])
spend = ggf.conditional_expected_average_profit(summary["frequency"], summary["monetary_value"] / 100)
value = expected * spend
print(f"lifetimes (penalizer {penalizer}): {len(summary)} accounts, r={bgf.params_['r']:.4f} alpha={bgf.params_['alpha']:.4f} "
      f"a={bgf.params_['a']:.4f} b={bgf.params_['b']:.4f} p={ggf.params_['p']:.4f} q={ggf.params_['q']:.4f} "
      f"v={ggf.params_['v']:.4f} mean value {value.mean():.2f} in {time.time() - start:.2f} s")
