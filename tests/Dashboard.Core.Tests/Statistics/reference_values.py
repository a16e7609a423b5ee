#!/usr/bin/env python3
"""Reference values for the Statistics tests, computed with the Python standard library only.

Run: python3 tests/Dashboard.Core.Tests/Statistics/reference_values.py

It follows the definitions of R's wilcox.test (two-sample, two-sided) independently of the C#
code: exact p-values by counting the null distribution of U with integers (no floating point),
normal approximation with continuity and tie correction via math.erfc, Hodges-Lehmann estimate
as the median of all pairwise differences, and the distribution-free confidence interval as
order statistics of those differences.
"""
import math
from fractions import Fraction
from statistics import NormalDist, median


def u_counts(m, n):
    """Number of rankings with U = u for u in 0..m*n (recursion N(m,n,u) = N(m-1,n,u-n) + N(m,n-1,u))."""
    table = {}
    for i in range(m + 1):
        for j in range(n + 1):
            if i == 0 or j == 0:
                table[(i, j)] = [1]
                continue
            size = i * j + 1
            counts = [0] * size
            for u, c in enumerate(table[(i - 1, j)]):
                counts[u + j] += c
            for u, c in enumerate(table[(i, j - 1)]):
                counts[u] += c
            table[(i, j)] = counts
    return table[(m, n)]


def ranks(values):
    order = sorted(range(len(values)), key=lambda k: values[k])
    result = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            result[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return result


def u_of(x, y):
    r = ranks(list(x) + list(y))
    return sum(r[: len(x)]) - len(x) * (len(x) + 1) / 2


def exact_two_sided(x, y):
    m, n = len(x), len(y)
    counts = u_counts(m, n)
    total = sum(counts)
    u = int(u_of(x, y))
    if u > m * n / 2:
        tail = sum(counts[u:])
    else:
        tail = sum(counts[: u + 1])
    return min(Fraction(2 * tail, total), Fraction(1))


def one_sided_greater_exact(x, y):
    m, n = len(x), len(y)
    counts = u_counts(m, n)
    u = int(u_of(x, y))
    return Fraction(sum(counts[u:]), sum(counts))


def normal(x, y, correct=True):
    m, n = len(x), len(y)
    u = u_of(x, y)
    pooled = list(x) + list(y)
    ties = {}
    for v in pooled:
        ties[v] = ties.get(v, 0) + 1
    tie_sum = sum(t ** 3 - t for t in ties.values())
    sigma = math.sqrt(m * n / 12 * ((m + n + 1) - tie_sum / ((m + n) * (m + n - 1))))
    d = u - m * n / 2
    correction = (0.5 if d > 0 else -0.5 if d < 0 else 0.0) if correct else 0.0
    z = (d - correction) / sigma
    p = math.erfc(abs(z) / math.sqrt(2))
    return u, z, min(p, 1.0)


def quantile_u(m, n, p):
    """R's qwilcox: the smallest q with P(U <= q) >= p."""
    counts = u_counts(m, n)
    total = sum(counts)
    running = 0
    for q, c in enumerate(counts):
        running += c
        if Fraction(running, total) >= p:
            return q
    return m * n


def exact_interval(x, y, confidence):
    m, n = len(x), len(y)
    diffs = sorted(a - b for a in x for b in y)
    alpha = 1 - Fraction(confidence).limit_denominator(1000)
    qu = quantile_u(m, n, alpha / 2)
    if qu == 0:
        qu = 1
    ql = m * n - qu
    return diffs[qu - 1], diffs[ql]


def hodges_lehmann(x, y):
    return median([a - b for a in x for b in y])


def show(name, x, y):
    u = u_of(x, y)
    print(f"{name}: U1={u} U2={len(x) * len(y) - u}")
    print(f"  exact two-sided p = {float(exact_two_sided(x, y))!r}")
    print(f"  normal (corrected) u, z, p = {normal(x, y)!r}")
    print(f"  normal (uncorrected) u, z, p = {normal(x, y, correct=False)!r}")
    print(f"  HL = {hodges_lehmann(x, y)!r}")


def normal_interval(x, y, confidence):
    """Order-statistic interval with k = floor(m*n/2 - z*sigma + 1/2), sigma tie-corrected."""
    m, n = len(x), len(y)
    pooled = list(x) + list(y)
    ties = {}
    for v in pooled:
        ties[v] = ties.get(v, 0) + 1
    tie_sum = sum(t ** 3 - t for t in ties.values())
    sigma = math.sqrt(m * n / 12 * ((m + n + 1) - tie_sum / ((m + n) * (m + n - 1))))
    z = NormalDist().inv_cdf(1 - (1 - confidence) / 2)
    k = max(1, math.floor(m * n / 2 - z * sigma + 0.5))
    diffs = sorted(a - b for a in x for b in y)
    achieved = 1 - 2 * NormalDist().cdf((k - 0.5 - m * n / 2) / sigma)
    return k, diffs[k - 1], diffs[m * n - k], achieved


if __name__ == "__main__":
    # Hollander & Wolfe (1973) permeability constants, the example on R's ?wilcox.test page.
    x = [0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46]
    y = [1.15, 0.88, 0.90, 0.74, 1.21]
    show("hollander-wolfe", x, y)
    print(f"  exact one-sided (greater) p = {float(one_sided_greater_exact(x, y))!r}")
    print(f"  exact 95% interval = {exact_interval(x, y, 0.95)!r}")
    print(f"  exact 98% interval = {exact_interval(x, y, 0.98)!r}")

    # Small untied example with complete separation: the smallest possible two-sided p.
    show("separated-4x4", [5, 6, 7, 8], [1, 2, 3, 4])

    # Ties across the groups (normal approximation with tie correction).
    show("ties", [1, 2, 2, 3, 3, 3, 4], [2, 3, 4, 4, 5, 5, 6])

    # Large samples (normal path): baseline 1..60, canary 11..70.
    show("shift-60", list(range(11, 71)), list(range(1, 61)))

    for z in [0.0, 0.5, 1.0, 1.959963984540054, 2.326347874040841, 3.0, 5.0, 8.0, 10.0, 20.0, 37.0]:
        print(f"  upper tail Q({z}) = {0.5 * math.erfc(z / math.sqrt(2))!r}")
    for v in [0.1, 0.46875, 0.5, 1.0, 2.0, 3.9, 4.0, 4.1, 6.0, 10.0, 24.172, 26.0]:
        print(f"  erfc({v}) = {math.erfc(v)!r}")

    print("normal intervals (k, lower, upper, achieved):")
    print("  ties 98%:", normal_interval([1, 2, 2, 3, 3, 3, 4], [2, 3, 4, 4, 5, 5, 6], 0.98))
    print("  shift-60 98%:", normal_interval(list(range(11, 71)), list(range(1, 61)), 0.98))
    print("  z(0.99) =", repr(NormalDist().inv_cdf(0.99)), " z(0.975) =", repr(NormalDist().inv_cdf(0.975)))
    print("  qwilcox(0.01, 10, 5) =", quantile_u(10, 5, Fraction(1, 100)), " qwilcox(0.025, 10, 5) =", quantile_u(10, 5, Fraction(1, 40)))
    print("  P(U<=0; 3,3) =", float(Fraction(u_counts(3, 3)[0], sum(u_counts(3, 3)))))
