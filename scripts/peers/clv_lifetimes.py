#!/usr/bin/env python3
"""The `lifetimes` peer for the clv benchmark: the same paid invoices, BG/NBD + Gamma-Gamma, 90-day value.

Usage: clv_lifetimes.py INVOICES.csv AS_OF [EXPLAINED.json]   (run under /usr/bin/time for memory)
  EXPLAINED.json, one account's `scorebook explain clv ACCOUNT --format json`, makes lifetimes judge scorebook's fit
  first: its own BG/NBD and Gamma-Gamma losses (no penalty) at both fits, and that account's facts, expected purchases
  and spend with scorebook's parameters. The last line is lifetimes' own fit.
"""
import json
import sys
import time

import numpy as np
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
# lifetimes' own fit, printed last (the judgment below puts scorebook's parameters into the fitters).
fitted = (f"lifetimes (penalizer {penalizer}): {len(summary)} accounts, r={bgf.params_['r']:.4f} alpha={bgf.params_['alpha']:.4f} "
      f"a={bgf.params_['a']:.4f} b={bgf.params_['b']:.4f} p={ggf.params_['p']:.4f} q={ggf.params_['q']:.4f} "
      f"v={ggf.params_['v']:.4f} mean value {value.mean():.2f} in {time.time() - start:.2f} s")

if len(sys.argv) > 3:
    ours = json.load(open(sys.argv[3]))["rows"][0]
    theirs = summary.loc[ours["account_id"]]
    facts = all(abs(theirs[key] - ours[key]) < 1e-9 for key in ("frequency", "recency", "T"))
    facts = facts and abs(theirs["monetary_value"] / 100 - ours["monetary"]) < 1e-6
    # lifetimes' own objectives without a penalty (mean per account), at scorebook's parameters and at its own.
    def purchase_loss(r, alpha, a, b):
        return BetaGeoFitter._negative_log_likelihood(
            np.log([r, alpha, a, b]), summary["frequency"].values, summary["recency"].values, summary["T"].values,
            np.ones(len(summary)), 0.0)
    def spend_loss(p, q, v):
        return GammaGammaFitter._negative_log_likelihood(
            np.log([p, q, v]), repeat["frequency"].values, repeat["monetary_value"].values / 100,
            np.ones(len(repeat)), 0.0)
    purchases_ours = purchase_loss(ours["r"], ours["alpha"], ours["a"], ours["b"])
    purchases_theirs = purchase_loss(*(bgf.params_[key] for key in ("r", "alpha", "a", "b")))
    spend_ours = spend_loss(ours["p"], ours["q"], ours["gamma"])
    spend_theirs = spend_loss(*(ggf.params_[key] for key in ("p", "q", "v")))
    # That account's expected purchases and spend, computed by lifetimes with scorebook's parameters.
    bgf.params_ = pd.Series({key: ours[key] for key in ("r", "alpha", "a", "b")})
    ggf.params_ = pd.Series({"p": ours["p"], "q": ours["q"], "v": ours["gamma"]})
    purchases = bgf.conditional_expected_number_of_purchases_up_to_time(
        90, theirs["frequency"], theirs["recency"], theirs["T"])
    spend = ggf.conditional_expected_average_profit(
        pd.Series([theirs["frequency"]]), pd.Series([theirs["monetary_value"] / 100])).iloc[0]
    print(f"{ours['account_id']}: facts {'equal' if facts else 'DIFFER'}; with scorebook's parameters lifetimes gives "
          f"90-day purchases {purchases:.10f} (scorebook {ours['expected_purchases']:.10f}) and spend {spend:.10f} "
          f"(scorebook {ours['expected_average_value']:.10f}); lifetimes' unpenalised losses at scorebook's fit "
          f"{purchases_ours:.6f} and {spend_ours:.6f}, at its own {purchases_theirs:.6f} and {spend_theirs:.6f}")

print(fitted)
