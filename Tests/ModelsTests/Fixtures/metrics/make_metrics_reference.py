#!/usr/bin/env python3
"""Reference values for the evaluation-metrics tests (dev tooling).

Writes, next to this script, one ``<case>.csv`` per case (columns ``label``
(0/1) and ``probability``), the current samples of the PSI cases
(``psi_<name>.csv``, column ``score``) and ``metrics_reference.json`` with
the outputs the Swift tests compare against. Floats are written with
``repr`` (the shortest string that reads back to the same double).

Cases (all seeded):

* ``realistic``: 2,000 rows, about a quarter positive, a slightly misspecified
  logistic model; probabilities rounded to 2 decimals, so many ties, also
  across classes.
* ``imbalanced``: 4,000 rows, 3 % positives, unrounded probabilities.
* ``tiny``: 8 rows, checkable by hand (see the hand-worked Swift test).
* ``extremes``: 10 rows with probabilities of exactly 0 and 1, right and
  wrong, for log-loss clipping.
* ``one_class``: 12 negative rows; ranking measures are undefined (null).

For each case: ``sklearn.metrics.roc_auc_score``; the exact AUC as a
fraction (Mann-Whitney U with average ranks) rounded once to a double;
``scipy.stats.ks_2samp(p[y == 1], p[y == 0]).statistic`` and the exact KS
``max |TP * n0 - FP * n1| / (n1 * n0)`` over the distinct probabilities with
the highest threshold reaching it; ``log_loss(y, p, labels=[0, 1])``;
``brier_score_loss(y, p, pos_label=1)``; at each threshold, with
``y_pred = p >= threshold``, the confusion counts and accuracy / precision /
recall / f1 (``zero_division=0``, what the default "warn" returns);
``roc_curve(y, p)`` (default ``drop_intermediate=True``; threshold ``inf``
written as the string "inf"); calibration and gains tables for the listed
bin counts, by ``numpy.argsort(p or -p, kind="stable")`` and
``numpy.array_split``.

PSI cases: edges ``numpy.quantile(reference, arange(1, B) / B)``, bins
``numpy.digitize(x, edges)``, shares floored at 1e-4,
``sum((c - r) * log(c / r))``.

Regenerate (scikit-learn 1.9.1, scipy 1.17.1, numpy 2.4.6):

    python3 Tests/ModelsTests/Fixtures/metrics/make_metrics_reference.py
"""

import json
import os
from fractions import Fraction

import numpy as np
import scipy
import sklearn
from scipy.stats import ks_2samp, rankdata
from sklearn.metrics import (
    accuracy_score,
    brier_score_loss,
    confusion_matrix,
    f1_score,
    log_loss,
    precision_score,
    recall_score,
    roc_auc_score,
    roc_curve,
)
from sklearn.metrics import confusion_matrix_at_thresholds

HERE = os.path.dirname(os.path.abspath(__file__))
MINIMUM_SHARE = 1e-4


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def realistic(rng, n=2000, shift=0.0):
    x = rng.standard_normal((n, 3))
    y = rng.random(n) < sigmoid(-1.6 + x @ [1.0, -0.7, 0.4] + 0.3 * x[:, 0] ** 2)
    p = sigmoid(-1.5 + shift + x @ [0.9, -0.6, 0.5] + 0.2 * rng.standard_normal(n))
    return y.astype(int), np.round(p, 2)


def imbalanced(rng, n=4000):
    x = rng.standard_normal((n, 2))
    y = rng.random(n) < sigmoid(-4.2 + x @ [1.1, 0.6])
    p = sigmoid(-4.0 + x @ [1.0, 0.5] + 0.3 * rng.standard_normal(n))
    return y.astype(int), p


def exact_auc(y, p):
    ranks2 = (2 * rankdata(p, method="average")).astype(np.int64)  # halves made whole
    n1, n0 = int(y.sum()), int((1 - y).sum())
    twice_u = int(ranks2[y == 1].sum()) - n1 * (n1 + 1)
    return Fraction(twice_u, 2 * n1 * n0)


def exact_ks(y, p):
    """The exact KS and the highest threshold t (predict p >= t) reaching it."""
    _, fps, _, tps, thresholds = confusion_matrix_at_thresholds(y, p)
    n1, n0 = int(y.sum()), int((1 - y).sum())
    gaps = np.abs(tps.astype(np.int64) * n0 - fps.astype(np.int64) * n1)
    best = int(np.argmax(gaps))  # the first maximum: thresholds are decreasing
    return Fraction(int(gaps[best]), n1 * n0), float(thresholds[best]), gaps


def threshold_row(y, p, threshold):
    pred = (p >= threshold).astype(int)
    tn, fp, fn, tp = confusion_matrix(y, pred, labels=[0, 1]).ravel()
    return {
        "threshold": threshold,
        "tp": int(tp), "fp": int(fp), "tn": int(tn), "fn": int(fn),
        "accuracy": accuracy_score(y, pred),
        "precision": precision_score(y, pred, zero_division=0),
        "recall": recall_score(y, pred, zero_division=0),
        "f1": f1_score(y, pred, zero_division=0),
    }


def calibration(y, p, bins):
    rows = []
    for b, idx in enumerate(np.array_split(np.argsort(p, kind="stable"), bins)):
        rows.append({
            "bin": b + 1, "count": len(idx), "mean_predicted": float(p[idx].mean()),
            "observed_rate": float(y[idx].mean()), "min_predicted": float(p[idx].min()),
            "max_predicted": float(p[idx].max()),
        })
    return {"bins": bins, "rows": rows}


def gains(y, p, bins):
    total, n = int(y.sum()), len(y)
    base = total / n
    rows, cum_count, cum_pos = [], 0, 0
    for d, idx in enumerate(np.array_split(np.argsort(-p, kind="stable"), bins)):
        pos = int(y[idx].sum())
        cum_count += len(idx)
        cum_pos += pos
        rows.append({
            "decile": d + 1, "count": len(idx), "positives": pos, "rate": pos / len(idx),
            "cumulative_count": cum_count, "cumulative_positives": cum_pos,
            "cumulative_gain": cum_pos / total if total else None,
            "lift": (pos / len(idx)) / base if total else None,
            "cumulative_lift": (cum_pos / cum_count) / base if total else None,
        })
    return {"bins": bins, "base_rate": base, "rows": rows}


def case(name, y, p, thresholds, bins):
    y = np.asarray(y, dtype=int)
    p = np.asarray(p, dtype=float)
    with open(os.path.join(HERE, f"{name}.csv"), "w") as f:
        f.write("label,probability\n")
        for label, prob in zip(y, p):
            f.write(f"{label},{float(prob)!r}\n")
    out = {
        "name": name, "count": len(y), "positives": int(y.sum()),
        "log_loss": log_loss(y, y_proba=p, labels=[0, 1]),
        "brier": brier_score_loss(y, p, pos_label=1),
        "thresholds": [threshold_row(y, p, t) for t in thresholds],
        "calibration": [calibration(y, p, b) for b in bins],
        "gains": [gains(y, p, b) for b in bins],
    }
    if 0 < y.sum() < len(y):
        auc = exact_auc(y, p)
        ks, ks_threshold, gaps = exact_ks(y, p)
        ks_scipy = ks_2samp(p[y == 1], p[y == 0])
        sk_auc = roc_auc_score(y, p)
        assert abs(sk_auc - float(auc)) <= 1e-14 * float(auc), (name, sk_auc, auc)
        assert abs(ks_scipy.statistic - float(ks)) <= 1e-14 * float(ks), (name, ks_scipy, ks)
        if (gaps == gaps.max()).sum() == 1:
            # scipy's location v splits p <= v from p > v: the next lower
            # distinct probability below our threshold.
            below = np.unique(p)[np.unique(p) < ks_threshold].max()
            assert ks_scipy.statistic_location == below, (name, ks_scipy, ks_threshold)
        fpr, tpr, thr = roc_curve(y, p)
        out.update({
            "auc": sk_auc, "auc_exact": float(auc),
            "gini_exact": float(2 * auc - 1),
            "ks": float(ks_scipy.statistic), "ks_exact": float(ks),
            "ks_threshold": ks_threshold,
            "roc": {
                "fpr": fpr.tolist(), "tpr": tpr.tolist(),
                "thresholds": ["inf" if np.isinf(t) else float(t) for t in thr],
            },
        })
    else:
        out.update({k: None for k in
                    ["auc", "auc_exact", "gini_exact", "ks", "ks_exact", "ks_threshold", "roc"]})
    return out


def psi(name, reference, reference_csv, current, bins=10):
    with open(os.path.join(HERE, f"psi_{name}.csv"), "w") as f:
        f.write("score\n")
        for v in current:
            f.write(f"{float(v)!r}\n")
    edges = np.quantile(reference, np.arange(1, bins) / bins)
    r_counts = np.bincount(np.digitize(reference, edges), minlength=bins)
    c_counts = np.bincount(np.digitize(current, edges), minlength=bins)
    r = np.maximum(r_counts / len(reference), MINIMUM_SHARE)
    c = np.maximum(c_counts / len(current), MINIMUM_SHARE)
    contributions = (c - r) * np.log(c / r)
    return {
        "name": name, "reference": reference_csv, "current": f"psi_{name}.csv", "bins": bins,
        "edges": edges.tolist(), "reference_counts": r_counts.tolist(),
        "current_counts": c_counts.tolist(), "contributions": contributions.tolist(),
        "value": float(contributions.sum()),
    }


def main():
    rng = np.random.default_rng(20240611)
    y_real, p_real = realistic(rng)
    y_imb, p_imb = imbalanced(rng)
    assert 0.02 <= y_imb.mean() <= 0.04, y_imb.mean()
    # Hand-checkable: a tie across classes at 0.5, which is also the threshold.
    y_tiny = [1, 0, 1, 1, 0, 0, 1, 0]
    p_tiny = [0.9, 0.8, 0.7, 0.5, 0.5, 0.3, 0.2, 0.1]
    y_ext = [1, 0, 1, 0, 1, 0, 1, 0, 0, 1]
    p_ext = [1.0, 0.0, 0.0, 1.0, 0.5, 0.25, 1.0, 0.0, 1e-20, 1 - 1e-17]
    y_one = [0] * 12
    p_one = np.round(rng.random(12), 2)

    cases = [
        case("realistic", y_real, p_real, [0.5, 0.3, 0.2], [10, 7]),
        case("imbalanced", y_imb, p_imb, [0.5, 0.1, 0.05, 0.999], [10, 3]),
        case("tiny", y_tiny, p_tiny, [0.5, 0.75], [3, 8]),
        case("extremes", y_ext, p_ext, [0.5, 1.0, 0.0], [4]),
        case("one_class", y_one, p_one, [0.5], [5]),
    ]
    _, p_later = realistic(rng, n=1500, shift=0.4)
    psi_cases = [
        psi("shifted", p_real, "realistic.csv", p_later),
        psi("same", p_real, "realistic.csv", p_real),
        psi("concentrated", p_imb, "imbalanced.csv", 0.02 + 0.01 * rng.random(800)),
        psi("five_bins", p_imb, "imbalanced.csv", rng.permutation(p_imb)[:1000] * 1.3, bins=5),
    ]
    reference = {
        "sklearn": sklearn.__version__, "scipy": scipy.__version__, "numpy": np.__version__,
        "cases": cases, "psi": psi_cases,
    }
    with open(os.path.join(HERE, "metrics_reference.json"), "w") as f:
        json.dump(reference, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
