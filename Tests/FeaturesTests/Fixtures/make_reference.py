#!/usr/bin/env python3
"""Regenerates the feature reference fixture (needs numpy, pandas 3.1.1, statsmodels, scikit-learn):

    python3 make_reference.py /path/to/shared/bench

- data/: gen_purchases.py --customers 600 --seed 21 (clean; truth.csv and manifest.json dropped)
- pandas/: the pandas peer pipeline's output on data/ as of 2025-07-01 with a 90-day horizon,
  and as of 2025-10-01 (features-2025-10-01.csv), which the Swift tests compare against.
"""
import os, shutil, subprocess, sys

bench = sys.argv[1]
here = os.path.dirname(os.path.abspath(__file__))
data = os.path.join(here, "data")
subprocess.run([sys.executable, os.path.join(bench, "gen_purchases.py"), "--customers", "600", "--seed", "21",
                "--out", data], check=True, stdout=subprocess.DEVNULL)
for f in ("truth.csv", "manifest.json"):
    os.remove(os.path.join(data, f))
out = os.path.join(here, "pandas")
for as_of, name in (("2025-07-01", "features.csv"), ("2025-10-01", "features-2025-10-01.csv")):
    tmp = os.path.join(here, "tmp-out")
    subprocess.run([sys.executable, os.path.join(bench, "peers", "pandas_pipeline.py"), "--data", data,
                    "--as-of", as_of, "--horizon", "90", "--out", tmp, "--no-oot"], check=True, stdout=subprocess.DEVNULL)
    os.makedirs(out, exist_ok=True)
    shutil.copy(os.path.join(tmp, "features.csv"), os.path.join(out, name))
    shutil.rmtree(tmp)
