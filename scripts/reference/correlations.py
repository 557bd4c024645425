#!/usr/bin/env python3
"""Reference values for Tests/HostTests/RankCorrelationTests.swift, from scipy.stats and a direct PSI."""
import math
from scipy.stats import spearmanr, kendalltau

x = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9]
y = [2, 7, 1, 8, 2, 8, 1, 8, 2, 8, 4, 5, 9, 0, 4]
print("ties:", repr(float(spearmanr(x, y).statistic)), repr(float(kendalltau(x, y).statistic)))
a = [1, 2, 3, 4, 5]
b = [5, 6, 7, 8, 7]
print("small:", repr(float(spearmanr(a, b).statistic)), repr(float(kendalltau(a, b).statistic)))
