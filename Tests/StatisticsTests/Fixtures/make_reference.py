#!/usr/bin/env python3
"""Reference figures from pandas for the Statistics tests (dev tooling).

Regenerate (from the package root; pandas 3.1.1, numpy 2.x):

    python3 Tests/StatisticsTests/Fixtures/make_reference.py \
        --generator /work/shared/bench/gen_purchases.py

It runs `gen_purchases.py --customers 300 --seed 11` into a temporary folder,
trims the tables to the columns the tests need, plants a few deterministic
oddities (blank categories, gender spellings, missing / impossible birth
years), writes transactions.csv and customers.csv next to this script, and
then computes every reference figure with pandas from those two CSV files
alone into reference.json. The Swift tests read the same CSVs and compare
their results with these numbers; nothing here is computed by our code.

Definitions follow shared/spec/data-contract.md: orders are rows grouped by
(customer_id, order_id), dated by their earliest row, amount = sum of rows; a
purchase is an order with amount > 0. Quantiles are pandas' default (numpy
"linear", Hyndman-Fan type 7). NaN becomes null in the JSON.
"""
import argparse
import json
import math
import os
import subprocess
import sys
import tempfile

import numpy as np
import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
REFERENCE_YEAR = 2025


def plant_oddities(transactions, customers):
    """Deterministic edge cases the generator does not produce."""
    t = transactions.copy()
    t.loc[t.index % 97 == 5, "category"] = ""
    c = customers.copy()
    i = c.index
    c.loc[i % 13 == 1, "gender"] = "女"
    c.loc[i % 17 == 2, "gender"] = "male"
    c.loc[i % 19 == 3, "gender"] = " 男性 "
    c.loc[i % 23 == 4, "gender"] = ""
    c.loc[i % 29 == 5, "gender"] = "unknown"
    c.loc[i % 31 == 6, "birth_year"] = ""
    c.loc[i % 37 == 7, "birth_year"] = "1800"
    c.loc[i % 41 == 8, "birth_year"] = "2030"
    return t, c


def write_fixtures(generator):
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, generator, "--customers", "300", "--seed", "11",
                        "--out", tmp], check=True, stdout=subprocess.DEVNULL)
        t = pd.read_csv(os.path.join(tmp, "transactions.csv"), dtype=str, keep_default_na=False)
        c = pd.read_csv(os.path.join(tmp, "customers.csv"), dtype=str, keep_default_na=False)
    t = t[["customer_id", "order_id", "order_date", "amount", "category", "discount"]]
    c = c[["customer_id", "gender", "birth_year", "province"]]
    t, c = plant_oddities(t, c)
    for frame in (t, c):
        for column in frame.columns:
            assert not frame[column].str.contains('[,"\n]').any(), column
    t.to_csv(os.path.join(HERE, "transactions.csv"), index=False, lineterminator="\n")
    c.to_csv(os.path.join(HERE, "customers.csv"), index=False, lineterminator="\n")


def clean(x):
    """JSON-safe numbers: NaN -> None, numpy scalars -> Python."""
    if isinstance(x, dict):
        return {k: clean(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [clean(v) for v in x]
    if isinstance(x, (np.integer,)):
        return int(x)
    if isinstance(x, (float, np.floating)):
        return None if math.isnan(x) else float(x)
    return x


def summary(series):
    d = series.describe()
    return {"count": int(d["count"]), "missing": int(series.isna().sum()),
            "mean": d["mean"], "std": d["std"], "min": d["min"], "p25": d["25%"],
            "median": d["50%"], "p75": d["75%"], "max": d["max"], "skew": series.skew()}


def frequencies(series):
    shares = series.value_counts(normalize=True)
    counts = series.value_counts()
    return {"missing": int(series.isna().sum()),
            "entries": [{"value": v, "count": int(counts[v]), "share": shares[v]}
                        for v in shares.index]}


def normalised_gender(value):
    if pd.isna(value) or value.strip() == "":
        return np.nan
    key = value.strip().lower()
    if key in ("男", "男性", "m", "male"):
        return "male"
    if key in ("女", "女性", "f", "female"):
        return "female"
    return "other"


def age_band(year):
    if pd.isna(year):
        return "missing"
    if year != int(year):
        return "invalid"
    age = REFERENCE_YEAR - int(year)
    if age < 0 or age > 120:
        return "invalid"
    for upper, label in ((17, "<18"), (24, "18-24"), (34, "25-34"), (44, "35-44"),
                         (54, "45-54"), (64, "55-64")):
        if age <= upper:
            return label
    return "65+"


def compute_reference():
    t = pd.read_csv(os.path.join(HERE, "transactions.csv"),
                    dtype={"customer_id": str, "order_id": str, "category": str},
                    parse_dates=["order_date"])
    c = pd.read_csv(os.path.join(HERE, "customers.csv"),
                    dtype={"customer_id": str, "gender": str, "province": str},
                    keep_default_na=False, na_values={"gender": [""], "birth_year": [""],
                                                      "province": [""]})
    ref = {"source": "pandas " + pd.__version__ + ", numpy " + np.__version__}

    orders = (t.groupby(["customer_id", "order_id"], sort=False)
              .agg(day=("order_date", "min"), amount=("amount", "sum"),
                   discount=("discount", "sum"))
              .reset_index())
    orders["month"] = orders["day"].dt.to_period("M")
    purchases = orders[orders["amount"] > 0]

    ref["rows"] = int(len(t))
    ref["orders"] = {"count": int(len(orders)), "purchases": int(len(purchases)),
                     "amount_total": orders["amount"].sum(),
                     "discount_total": orders["discount"].sum()}
    ref["amount_rows"] = summary(t["amount"])
    ref["amount_orders"] = summary(orders["amount"])

    ref["category"] = frequencies(t["category"])
    ref["province"] = frequencies(c["province"])
    ref["gender"] = frequencies(c["gender"])
    ref["gender_normalised"] = frequencies(c["gender"].map(normalised_gender))
    bands = c["birth_year"].map(age_band).value_counts()
    ref["age_bands"] = {"reference_year": REFERENCE_YEAR,
                        "counts": {k: int(v) for k, v in bands.items()}}

    months = pd.period_range(orders["month"].min(), orders["month"].max(), freq="M")
    first_month = purchases.groupby("customer_id")["month"].min()
    monthly = pd.DataFrame({
        "purchases": purchases.groupby("month").size(),
        "revenue": orders.groupby("month")["amount"].sum(),
        "refunds": orders[orders["amount"] <= 0].groupby("month").size(),
        "active_customers": purchases.groupby("month")["customer_id"].nunique(),
        "new_customers": first_month.value_counts(),
    }).reindex(months).fillna(0)
    ref["monthly"] = {"months": [str(m) for m in months]}
    for column in monthly.columns:
        values = monthly[column]
        ref["monthly"][column] = ([float(v) for v in values] if column == "revenue"
                                  else [int(v) for v in values])

    per_customer = purchases.groupby("customer_id").size()
    ref["repeat"] = {"buyers": int((per_customer >= 1).sum()),
                     "repeat_buyers": int((per_customer >= 2).sum()),
                     "repeat_rate": (per_customer >= 2).sum() / (per_customer >= 1).sum()}

    ordered = purchases.sort_values(["customer_id", "day"])
    gaps = ordered.groupby("customer_id")["day"].diff().dropna().dt.days.astype(float)
    bins = pd.cut(gaps, [-1, 7, 14, 30, 60, 90, 180, 365, np.inf], right=True,
                  labels=["0-7", "8-14", "15-30", "31-60", "61-90", "91-180", "181-365", ">365"])
    ref["interpurchase"] = {"summary": summary(gaps),
                            "histogram": {str(k): int(v) for k, v in
                                          bins.value_counts(sort=False).items()}}

    pairs = purchases[["customer_id", "month"]].drop_duplicates().copy()
    pairs["cohort"] = pairs["customer_id"].map(first_month)
    pairs["offset"] = (pairs["month"] - pairs["cohort"]).map(lambda d: d.n)
    matrix = pairs.groupby(["cohort", "offset"]).size().unstack(fill_value=0)
    cohorts = pd.period_range(first_month.min(), first_month.max(), freq="M")
    last = orders["month"].max()
    width = (last - cohorts[0]).n + 1
    matrix = matrix.reindex(index=cohorts, columns=range(width), fill_value=0)
    sizes = first_month.value_counts().reindex(cohorts, fill_value=0)
    counts = [[int(matrix.loc[p, k]) if (p + k) <= last else None for k in range(width)]
              for p in cohorts]
    shares = [[(counts[i][k] / int(sizes[p]) if counts[i][k] is not None and sizes[p] > 0
                else None) for k in range(width)] for i, p in enumerate(cohorts)]
    ref["cohorts"] = {"cohorts": [str(p) for p in cohorts],
                      "sizes": [int(s) for s in sizes], "counts": counts, "shares": shares}

    as_of = t["order_date"].max() + pd.Timedelta(days=1)
    by = orders.groupby("customer_id", sort=True)
    first_day = purchases.groupby("customer_id")["day"].min()
    last_day = purchases.groupby("customer_id")["day"].max()
    activity = pd.DataFrame({
        "purchases": by["amount"].agg(lambda a: (a > 0).sum()).astype(float),
        "revenue": by["amount"].sum(),
        "refunds": by["amount"].agg(lambda a: (a <= 0).sum()).astype(float),
    })
    activity["average_order_value"] = (activity["revenue"] / activity["purchases"]).where(
        activity["purchases"] > 0)
    activity["tenure_days"] = (as_of - first_day).dt.days.reindex(activity.index).astype(float)
    activity["recency_days"] = (as_of - last_day).dt.days.reindex(activity.index).astype(float)
    ref["customer_activity"] = {"as_of": as_of.strftime("%Y-%m-%d"),
                                "customer_id": list(activity.index)}
    for column in ["purchases", "revenue", "average_order_value", "tenure_days",
                   "recency_days", "refunds"]:
        ref["customer_activity"][column] = list(activity[column])

    with open(os.path.join(HERE, "reference.json"), "w", encoding="utf-8") as f:
        json.dump(clean(ref), f, ensure_ascii=False, indent=1, allow_nan=False)
        f.write("\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--generator", default="/work/shared/bench/gen_purchases.py")
    parser.add_argument("--skip-fixtures", action="store_true",
                        help="recompute reference.json from the committed CSVs only")
    args = parser.parse_args()
    if not args.skip_fixtures:
        write_fixtures(args.generator)
    compute_reference()


if __name__ == "__main__":
    main()
