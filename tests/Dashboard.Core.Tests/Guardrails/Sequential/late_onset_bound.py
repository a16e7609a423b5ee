"""Information bounds for a tenfold error rate that starts late (docs/guardrails.md, 'A regression that starts late').

The canary's error rate is 0.32 % (the baseline's; H0 of the comparative test) or 3.2 % after the onset (10x), at r canary
requests/s. Everything else is given to the oracle: the baseline's rate exactly, the size of the fault (10x), and in (1)
and (2) the onset. Pure Python: Poisson probabilities only. Run: python3 late_onset_bound.py (about a second); the figures
are in the table "The information bound" of that section.
"""
import math

BASE = 0.0032
TIMES = 10
CELL = 5.0
ALPHA = 0.01
ALPHA_EPOCH = ALPHA * 6 / math.pi ** 2


def pois_pmf(k, mu):
    return math.exp(-mu + k * math.log(mu) - math.lgamma(k + 1)) if mu > 0 else (1.0 if k == 0 else 0.0)


def pois_sf(k, mu):
    """P(X >= k)."""
    return 1.0 - sum(pois_pmf(i, mu) for i in range(k))


def sprt_median(rps, alpha):
    """(1) Known onset and size: the one-sided SPRT on the canary's errors, looked at every 5 s cell, stops when
    x ln 10 - 9 lambda0 t >= ln 1/alpha. Median cells after the onset (exact, by dynamic programming)."""
    lam0, lam1 = BASE * rps * CELL, TIMES * BASE * rps * CELL
    threshold = math.log(1 / alpha)
    dist = {0: 1.0}  # errors so far -> probability, among runs not yet stopped
    stopped = 0.0
    for cell in range(1, 2000):
        new = {}
        for k, p in dist.items():
            for j in range(0, 40):
                q = pois_pmf(j, lam1)
                if q < 1e-15 and j > lam1:
                    break
                new[k + j] = new.get(k + j, 0.0) + p * q
        dist = {}
        for k, p in new.items():
            if k * math.log(TIMES) - (TIMES - 1) * lam0 * cell >= threshold:
                stopped += p
            else:
                dist[k] = p
        if stopped >= 0.5:
            return cell * CELL


def np_beta(duration, rps):
    """The smallest false-alarm probability of any test of 'healthy' against '10x from the start of this window' on a
    window of this length that says '10x' with probability 1/2 under the fault (Neyman-Pearson, randomised)."""
    mu0, mu1 = BASE * rps * duration, TIMES * BASE * rps * duration
    k = 0
    while pois_sf(k + 1, mu1) >= 0.5:
        k += 1
    # Reject for X > k surely and X = k with probability g: P1 = sf(k+1) + g pmf(k) = 1/2.
    g = (0.5 - pois_sf(k + 1, mu1)) / pois_pmf(k, mu1)
    return pois_sf(k + 1, mu0) + g * pois_pmf(k, mu0)


def fixed_time_bound(rps, alpha):
    """(2) Known onset: no test, however it looks, says '10x' within D of the onset with probability 1/2 at level alpha
    unless np_beta(D) <= alpha. The smallest such D, in seconds."""
    d = 0.5
    while np_beta(d, rps) > alpha:
        d += 0.1
    return d


def unknown_onset_bound(rps, alpha, span):
    """(3) Unknown onset anywhere in `span` seconds, false alarms at most alpha over the span: disjoint windows of D
    after each possible onset each take at least np_beta(D) of the false-alarm probability (change of measure: the
    data before the onset is the same under both), so span/D windows need floor(span/D) * np_beta(D) <= alpha."""
    d = 1.0
    while math.floor(span / d) * np_beta(d, rps) > alpha:
        d += 0.1
    return d


if __name__ == "__main__":
    print(f"alpha = {ALPHA}, alpha_epoch (epoch 0) = {ALPHA_EPOCH:.5f}")
    for rps in (4, 5):
        kl = TIMES * BASE * rps * math.log(TIMES) - (TIMES - 1) * BASE * rps
        print(f"--- {rps} canary req/s: a 10x canary fails {TIMES * BASE * rps:.3f}/s; {kl:.3f} nats/s with everything known")
        print(f"(1) SPRT, onset and size known, 5 s looks, alpha_epoch: median {sprt_median(rps, ALPHA_EPOCH):.0f} s after the onset")
        print(f"(2) any test, onset known, alpha_epoch: no median under {fixed_time_bound(rps, ALPHA_EPOCH):.1f} s")
        print(f"(3) any test, onset unknown within the first 15 min, alpha_epoch over them: no median under {unknown_onset_bound(rps, ALPHA_EPOCH, 900):.1f} s")
        print(f"(3) any test, onset unknown within a 2 h phase, alpha over the phase: no median under {unknown_onset_bound(rps, ALPHA, 7200):.1f} s")
