"""Reference values for PredictionTests, from statsmodels and scikit-learn.

Regenerate (from the repository root, after `swift build`):

    python3 ../shared/bench/gen_purchases.py --customers 1500 --seed 31 --out /tmp/pfix
    cp /tmp/pfix/{transactions,customers,events}.csv Tests/PredictionTests/Fixtures/data/
    python3 Tests/PredictionTests/Fixtures/make_reference.py .build/debug/analyze

Two checks, written to reference.json:

1. `explicit`: the design of FORMULA rebuilt here in pandas from `analyze features` as of T
   (features the FeaturesTests already hold equal to the pandas peer pipeline): log1p(max(x, 0)),
   standardized with the population standard deviation, a missing indicator where a term has
   missing values (the value set to the mean, 0), one-hot against the most frequent level.
   statsmodels Logit(method="newton") on it gives the coefficients and standard errors; the
   design `analyze churn --export-design` writes must match this one.
2. `default`: statsmodels on the exact design `analyze churn` fits by default (--export-design),
   and scikit-learn's roc_auc_score / log_loss / brier_score_loss and scipy's ks_2samp on the
   out-of-time scores in validation.csv.
"""
import datetime as dt
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd
import statsmodels.api as sm
from scipy.stats import ks_2samp
from sklearn.metrics import brier_score_loss, log_loss, roc_auc_score

HERE = Path(__file__).parent
DATA = HERE / "data"
H = 90
FORMULA = ("churn ~ log1p(recency_days) + log1p(frequency) + log1p(monetary_total) + log1p(interpurchase_days_avg)"
           " + discount_share + log1p(events_complaint) + C(member_tier)")


def run(binary, *args):
    subprocess.run([binary, *map(str, args)], check=True, stdout=subprocess.DEVNULL)


def fit(X, y, names):
    res = sm.Logit(y, sm.add_constant(X, has_constant="add")).fit(method="newton", disp=0, maxiter=100, tol=1e-12)
    return {"terms": ["intercept"] + names, "coef": [repr(float(v)) for v in res.params],
            "std_err": [repr(float(v)) for v in res.bse], "llf": repr(float(res.llf))}


def explicit_design(features):
    cols, names = [], []
    for source in ["recency_days", "frequency", "monetary_total", "interpurchase_days_avg"]:
        t = np.log1p(np.maximum(features[source].to_numpy(float), 0))
        present = ~np.isnan(t)
        mean, sd = t[present].mean(), t[present].std()
        cols.append(np.where(present, (t - mean) / sd, 0.0))
        names.append(f"log1p({source})")
        if not present.all():
            cols.append((~present).astype(float))
            names.append(f"missing({source})")
    for source, log in [("discount_share", False), ("events_complaint", True)]:
        t = features[source].to_numpy(float)
        t = np.log1p(np.maximum(t, 0)) if log else t
        present = ~np.isnan(t)
        mean, sd = t[present].mean(), t[present].std()
        cols.append(np.where(present, (t - mean) / sd, 0.0))
        names.append(f"log1p({source})" if log else source)
        if not present.all():
            cols.append((~present).astype(float))
            names.append(f"missing({source})")
    tier = features["member_tier"].fillna("(missing)")
    counts = tier.value_counts()
    reference = sorted(counts.index, key=lambda v: (-counts[v], v))[0]
    for level in sorted(set(counts.index) - {reference}):
        cols.append((tier == level).to_numpy(float))
        names.append(f"C(member_tier)[{level}]")
    return np.column_stack(cols), names


def main():
    binary = sys.argv[1]
    tx = pd.read_csv(DATA / "transactions.csv", usecols=["order_date"])
    end = dt.date.fromisoformat(tx["order_date"].max()) + dt.timedelta(days=1)
    t = end - dt.timedelta(days=H)
    out = {"as_of": t.isoformat(), "horizon": H, "formula": FORMULA}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        run(binary, "features", DATA, "--as-of", t, "--horizon", H, "--out", tmp / "f")
        features = pd.read_csv(tmp / "f" / "features.csv", dtype={"customer_id": str})
        population = features[features["recency_days"].notna()]
        X, names = explicit_design(population)
        y = population["churn"].to_numpy(float)
        out["explicit"] = fit(X, y, names)

        run(binary, "churn", DATA, "--formula", FORMULA, "--export-design", tmp / "explicit.csv", "--out", tmp / "e")
        ours = pd.read_csv(tmp / "explicit.csv", dtype={"customer_id": str})
        assert list(ours.columns[2:]) == names, (list(ours.columns[2:]), names)
        assert np.allclose(ours[names].to_numpy(), X, rtol=0, atol=1e-12), "exported design differs from pandas"

        run(binary, "churn", DATA, "--export-design", tmp / "default.csv", "--out", tmp / "d")
        design = pd.read_csv(tmp / "default.csv", dtype={"customer_id": str})
        default_names = list(design.columns[2:])
        out["default"] = fit(design[default_names].to_numpy(float), design["churn"].to_numpy(float), default_names)

        validation = pd.read_csv(tmp / "d" / "validation.csv", dtype={"customer_id": str})
        labels = validation["churn"].to_numpy(int)
        p = validation["probability"].to_numpy(float)
        out["validation"] = {
            "n": int(len(p)), "positives": int(labels.sum()),
            "auc": repr(float(roc_auc_score(labels, p))),
            "ks": repr(float(ks_2samp(p[labels == 1], p[labels == 0]).statistic)),
            "log_loss": repr(float(log_loss(labels, p))),
            "brier": repr(float(brier_score_loss(labels, p))),
        }
    (HERE / "reference.json").write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
