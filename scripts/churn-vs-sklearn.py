#!/usr/bin/env python3
"""Compares `scorebook train` with scikit-learn on the same rows and split.

Usage: scorebook train NAME --as-of D --export rows.csv ... ; python3 scripts/churn-vs-sklearn.py rows.csv [lambda]
Standardises as scorebook does (training means and population deviations, a missing value is the mean), fits
LogisticRegression(C=1/lambda), and prints the coefficients and the held-out ROC AUC.
"""
import sys
import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

path = sys.argv[1]
lam = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
rows = [line.rstrip("\n").split(",") for line in open(path)]
header, body = rows[0], rows[1:]
features = header[3:]
X = np.array([[float(v) if v else np.nan for v in row[3:]] for row in body])
y = np.array([int(row[2]) for row in body])
train = np.array([row[1] == "training" for row in body])

means = np.nanmean(X[train], axis=0)
X = np.where(np.isnan(X), means, X)
deviations = X[train].std(axis=0)
deviations[deviations < 1e-12] = 1
Z = (X - means) / deviations
model = LogisticRegression(C=1 / lam, tol=1e-10, max_iter=10_000).fit(Z[train], y[train])
auc = roc_auc_score(y[~train], model.decision_function(Z[~train]))
print(f"scikit-learn: {train.sum()} training rows, {(~train).sum()} held out; held-out AUC {auc:.4f}")
print(f"  intercept {model.intercept_[0]:+.4f}")
for name, coefficient in zip(features, model.coef_[0]):
    print(f"  {name} {coefficient:+.4f}")
