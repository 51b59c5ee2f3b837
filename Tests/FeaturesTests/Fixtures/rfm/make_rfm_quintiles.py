"""Reference RFM quintile scores from pandas, for RFMScoresTests.

Run from this folder:  python3 make_rfm_quintiles.py   (numpy, pandas)
Writes rfm_quintiles.csv: customer_id, recency_days, frequency, monetary_total
(empty = missing) and the expected scores r, f, m (0 = no score).

The rule (data contract, "RFM scores"): among customers with a value, rank
0..n-1 from worst to best with ties broken by customer_id ascending, then
score = floor(rank * 5 / n) + 1.  pandas does the ranking independently:
the frame is sorted by customer_id (Python str order = code points) and
Series.rank(method="first") numbers tied values in that order.  Recency is
ranked on -recency_days (fewer days = better).  n is a multiple of 5 for each
measure, so the scores must also equal pd.qcut(rank, 5, labels=False) + 1,
which the script asserts.
"""
import numpy as np
import pandas as pd

rng = np.random.default_rng(20251123)
N = 1000

# ASCII ids with a shared prefix, zero-padded and not, so that "CUST12" and
# "CUST0012" both occur and string order differs from numeric order.
numbers = rng.choice(100_000, size=N, replace=False)
ids = [f"CUST{n:05d}" if i % 3 else f"CUST{n}" for i, n in enumerate(numbers)]
assert len(set(ids)) == N

recency = rng.integers(1, 731, size=N).astype(float)
recency[rng.choice(N, size=50, replace=False)] = np.nan  # no purchase: n = 950
frequency = rng.poisson(2.0, size=N).astype(float)  # many ties, zeros included: n = 1000
monetary = np.round(rng.lognormal(5.0, 1.0, size=N) / 10.0) * 10.0  # ties at multiples of 10
monetary[rng.choice(N, size=20, replace=False)] *= -0.1  # refund-heavy customers
monetary[rng.choice(N, size=25, replace=False)] = np.nan  # n = 975

df = pd.DataFrame(
    {"customer_id": ids, "recency_days": recency, "frequency": frequency, "monetary_total": monetary}
)
by_id = df.sort_values("customer_id", kind="mergesort").reset_index(drop=True)


def scores(values: pd.Series) -> pd.Series:
    rank = values.rank(method="first") - 1  # 0-based; ties in customer_id order
    n = int(values.notna().sum())
    assert n % 5 == 0
    score = np.floor(rank * 5 / n) + 1
    via_qcut = pd.qcut(rank, 5, labels=False) + 1
    assert (score.dropna() == via_qcut.dropna()).all()
    return score.fillna(0).astype(int)


by_id["r"] = scores(-by_id["recency_days"])
by_id["f"] = scores(by_id["frequency"])
by_id["m"] = scores(by_id["monetary_total"])

out = by_id.sample(frac=1.0, random_state=7)  # rows in no particular order
out.to_csv("rfm_quintiles.csv", index=False, float_format="%.10g", na_rep="")
print(out[["r", "f", "m"]].apply(pd.Series.value_counts))
