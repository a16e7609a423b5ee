#!/usr/bin/env python3
"""Reference values for the Sequential guardrail tests, computed with the Python standard library only.

Run: python3 tests/Dashboard.Core.Tests/Guardrails/Sequential/reference_values.py

Independent of the C# code's shortcuts:
- ln Gamma: math.lgamma.
- Proportion confidence sequence: the Beta-binomial mixture integral is integrated numerically
  (trapezoid in p on 400,001 points, in log space), not through ln B; the bounds by bisection on it.
- Rate-ratio test: products of full binomial pmfs (math.comb) of the canary's events given each
  interval's events, with theta = rho*e/(rho*e + 1 - e); the C# code keeps only the rho-dependent terms.
"""
import math

# ---------- ln Gamma ----------
for x in (0.1, 0.5, 1.0, 2.5, 10.0, 101.0, 12345.678):
    print(f"lgamma({x}) = {math.lgamma(x)!r}")


# ---------- proportion confidence sequence ----------
def log_mixture(x, n, limit, points=400_000):
    """ln of integral p^x (1-p)^(n-x) Beta(a, b)(dp), a + b = 1/min(limit, 1-limit), mean = limit."""
    s = 1 / min(limit, 1 - limit)
    a, b = limit * s, (1 - limit) * s
    log_beta_ab = math.lgamma(a) + math.lgamma(b) - math.lgamma(a + b)
    logs = []
    for i in range(1, points):
        p = i / points
        logs.append((a + x - 1) * math.log(p) + (b + n - x - 1) * math.log(1 - p))
    top = max(logs)
    total = sum(math.exp(v - top) for v in logs) / points  # interior trapezoid; the ends vanish for a, b >= 1
    return top + math.log(total) - log_beta_ab


def log_evidence(x, n, limit, p0, mixture):
    return mixture - x * math.log(p0) - (n - x) * math.log(1 - p0)


def bound(x, n, limit, alpha, end, mixture):
    inside, outside = x / n, end
    for _ in range(60):
        mid = (inside + outside) / 2
        if log_evidence(x, n, limit, mid, mixture) >= -math.log(alpha):
            outside = mid
        else:
            inside = mid
    return outside


for x, n, limit in ((12, 400, 0.01), (3, 150, 0.015), (0, 500, 0.01)):
    m = log_mixture(x, n, limit)
    print(f"proportion x={x} n={n} limit={limit}: lnM(limit)={log_evidence(x, n, limit, limit, m)!r}",
          f"lower={bound(x, n, limit, 0.01, 0.0, m) if x > 0 else 0.0!r} upper={bound(x, n, limit, 0.01, 1.0, m)!r}")


# ---------- rate-ratio test ----------
GRID = [math.exp(0.05 * j) for j in range(-92, 93)]


def log_pmf(x, k, theta):
    return math.log(math.comb(k, x)) + x * math.log(theta) + (k - x) * math.log(1 - theta)


def log_lik(intervals, rho):
    total = 0.0
    for nc, xc, nb, xb in intervals:
        k = xc + xb
        if k == 0:
            continue
        e = nc / (nc + nb)
        total += log_pmf(xc, k, rho * e / (rho * e + 1 - e))
    return total


def log_mean_exp(values):
    top = max(values)
    return top + math.log(sum(math.exp(v - top) for v in values) / len(values))


def rate_ratio(intervals, tolerance=0.0, alpha=0.01):
    rho0 = 1 + tolerance
    null = log_lik(intervals, rho0)
    lls = [log_lik(intervals, r) for r in GRID]
    evidence = log_mean_exp([ll - null for r, ll in zip(GRID, lls) if r > rho0])
    marginal = log_mean_exp(lls)
    kept = [j for j, ll in enumerate(lls) if ll - marginal > math.log(alpha)]
    lower = 0.0 if kept[0] == 0 else GRID[kept[0] - 1]
    upper = None if kept[-1] == len(GRID) - 1 else GRID[kept[-1] + 1]
    estimate = GRID[max(range(len(GRID)), key=lambda j: (lls[j], -j))]
    return evidence, lower, upper, estimate


for name, intervals in (
    ("one interval", [(100, 5, 900, 5)]),
    ("split changes", [(100, 5, 900, 5), (500, 9, 500, 3), (50, 0, 950, 12)]),
    ("healthy", [(1000, 10, 9000, 90)] * 20),
):
    print(name, rate_ratio(intervals))
print("split changes, tolerance 0.5", rate_ratio([(100, 5, 900, 5), (500, 9, 500, 3), (50, 0, 950, 12)], 0.5))
