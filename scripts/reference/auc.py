#!/usr/bin/env python3
"""Reference values for Tests/HostTests/ROCTests.swift, from scikit-learn's roc_auc_score (ties included)."""
from sklearn.metrics import roc_auc_score

scores = [0.9, 0.8, 0.8, 0.7, 0.6, 0.6, 0.6, 0.4, 0.3, 0.2, 0.2, 0.1]
labels = [1, 1, 0, 1, 0, 1, 0, 0, 1, 0, 0, 0]
print("ties:", repr(float(roc_auc_score(labels, scores))))
scores2 = [3, 3, 3, 3]
labels2 = [1, 0, 1, 0]
print("all tied:", repr(float(roc_auc_score(labels2, scores2))))
