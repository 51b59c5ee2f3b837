#!/usr/bin/env python3
"""Regenerates the ingest fixtures in this folder (needs numpy; run from here):

    python3 make_fixtures.py /path/to/shared/bench/gen_purchases.py

- dirty/: gen_purchases.py --customers 400 --seed 5 --dirty 0.01 (truth.csv dropped);
  manifest.json says which faults were injected and how many.
- gb18030/: the first 300 transactions and their customers of a clean set, with
  Chinese headers as a Chinese shop export writes them, saved as GB18030, CRLF.
- whitespace.txt: 200 rows, headerless, columns customer_id order_date quantity amount
  separated by runs of spaces, as an old fixed-width dump.
"""
import csv, io, os, shutil, subprocess, sys, tempfile

gen = sys.argv[1]
subprocess.run([sys.executable, gen, "--customers", "400", "--seed", "5", "--dirty", "0.01", "--out", "dirty"], check=True)
os.remove("dirty/truth.csv")
tmp = tempfile.mkdtemp()
subprocess.run([sys.executable, gen, "--customers", "300", "--seed", "9", "--out", tmp], check=True)
tx = list(csv.DictReader(open(os.path.join(tmp, "transactions.csv"), encoding="utf-8")))[:300]
cu = list(csv.DictReader(open(os.path.join(tmp, "customers.csv"), encoding="utf-8")))
ids = {r["customer_id"] for r in tx}
FULL = {"北京": "北京市", "上海": "上海市", "天津": "天津市", "重庆": "重庆市", "广西": "广西壮族自治区",
        "内蒙古": "内蒙古自治区", "新疆": "新疆维吾尔自治区", "西藏": "西藏自治区", "宁夏": "宁夏回族自治区"}
os.makedirs("gb18030", exist_ok=True)
def write(path, header, rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(header)
    w.writerows(rows)
    open(path, "wb").write(buf.getvalue().encode("gb18030"))
write("gb18030/transactions.csv", ["订单编号", "客户ID", "下单时间", "实付金额", "数量", "品类", "渠道", "优惠金额"],
      [[r["order_id"], r["customer_id"], r["order_date"].replace("-", "/") + " 10:15:00", "¥" + r["amount"],
        r["quantity"], r["category"], r["channel"], r["discount"]] for r in tx])
write("gb18030/customers.csv", ["客户编号", "注册日期", "性别", "出生年份", "省份", "城市", "来源", "会员等级"],
      [[r["customer_id"], r["signup_date"], {"F": "女", "M": "男"}.get(r["gender"], ""), r["birth_year"],
        FULL.get(r["province"], r["province"] + "省"),
        r["city"], r["source"], r["member_tier"]] for r in cu if r["customer_id"] in ids])
with open("whitespace.txt", "w", encoding="utf-8") as f:
    for r in tx[:200]:
        f.write(f"{r['customer_id']:<10}  {r['order_date']}   {r['quantity']:>4}  {r['amount']:>10}\n")
shutil.rmtree(tmp)
