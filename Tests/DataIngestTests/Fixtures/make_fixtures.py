#!/usr/bin/env python3
"""Regenerates the ingest fixtures in this folder (needs numpy; run from here):

    python3 make_fixtures.py /path/to/shared/bench/gen_purchases.py

- dirty/: gen_purchases.py --customers 400 --seed 5 --dirty 0.01 (truth.csv dropped);
  manifest.json says which faults were injected and how many.
- gb18030/: the first 300 transactions and their customers of a clean set, rewritten by
  datasets/to_chinese_export.py as a Chinese shop export: Chinese headers, GB18030, CRLF.
- whitespace.txt: 200 rows, headerless, columns customer_id order_date quantity amount
  separated by runs of spaces, as an old fixed-width dump.
"""
import csv, os, shutil, subprocess, sys, tempfile

gen = sys.argv[1]
subprocess.run([sys.executable, gen, "--customers", "400", "--seed", "5", "--dirty", "0.01", "--out", "dirty"], check=True)
os.remove("dirty/truth.csv")
tmp = tempfile.mkdtemp()
subprocess.run([sys.executable, gen, "--customers", "300", "--seed", "9", "--out", tmp], check=True)
subprocess.run([sys.executable, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../datasets/to_chinese_export.py"),
                tmp, "gb18030", "--rows", "300"], check=True)
tx = list(csv.DictReader(open(os.path.join(tmp, "transactions.csv"), encoding="utf-8")))[:300]
with open("whitespace.txt", "w", encoding="utf-8") as f:
    for r in tx[:200]:
        f.write(f"{r['customer_id']:<10}  {r['order_date']}   {r['quantity']:>4}  {r['amount']:>10}\n")
shutil.rmtree(tmp)
