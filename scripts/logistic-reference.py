#!/usr/bin/env python3
"""Reference numbers for Tests/HostTests/TrainingTests.swift, computed independently of the Swift solver.

The L2 logistic fit is scikit-learn's LogisticRegression(C=1/lambda) (lbfgs, tight tolerance) and, as a cross-check,
scipy's BFGS on the same objective; the AUC is scikit-learn's roc_auc_score (ties count half).
Run: python3 scripts/logistic-reference.py
"""
import numpy as np
from scipy.optimize import minimize
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

# Twelve rows, two features, not separable.
X = np.array([
    [0.5, 1.2], [1.5, -0.3], [-0.7, 0.8], [2.0, 1.0], [-1.2, -1.5], [0.3, 0.1],
    [1.1, 2.2], [-0.4, -0.9], [0.9, -1.1], [-1.8, 0.4], [1.6, 0.7], [-0.2, 1.9],
])
y = np.array([1, 1, 0, 1, 0, 0, 1, 0, 1, 0, 0, 1])

for lam in (1.0, 0.1):
    model = LogisticRegression(C=1 / lam, tol=1e-12, max_iter=10_000).fit(X, y)
    def objective(beta):
        z = beta[0] + X @ beta[1:]
        return np.sum(np.logaddexp(0, z) - y * z) + lam / 2 * np.sum(beta[1:] ** 2)
    check = minimize(objective, np.zeros(3), method="BFGS", options={"gtol": 1e-12}).x
    print(f"lambda {lam}: intercept {model.intercept_[0]:.12f} coefficients {model.coef_[0][0]:.12f} "
          f"{model.coef_[0][1]:.12f} (BFGS {check[0]:.12f} {check[1]:.12f} {check[2]:.12f})")

scores = [0.1, 0.4, 0.4, 0.35, 0.8, 0.4, 0.7, 0.2]
labels = [0, 1, 0, 1, 1, 0, 1, 0]
print(f"AUC with ties: {roc_auc_score(labels, scores):.12f}")
