#!/usr/bin/env python3
"""Rewrites a data folder in the shape of a Chinese shop export (dev tooling, not run by analyze):
Chinese headers, GB18030 bytes, CRLF line ends, 下单时间 with a time of day, amounts as ¥12.50,
gender as 男/女 and provinces by their full names (广东省, 广西壮族自治区, 北京市 …).

    python3 datasets/to_chinese_export.py datasets/sample datasets/sample-gb18030
    python3 datasets/to_chinese_export.py SRC DST --rows 300   # first 300 transactions and their customers
"""
import argparse, csv, io, os

FULL = {"北京": "北京市", "上海": "上海市", "天津": "天津市", "重庆": "重庆市", "广西": "广西壮族自治区",
        "内蒙古": "内蒙古自治区", "新疆": "新疆维吾尔自治区", "西藏": "西藏自治区", "宁夏": "宁夏回族自治区"}
GENDER = {"F": "女", "M": "男"}


def write(path, header, rows):
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows([header] + rows)
    with open(path, "wb") as f:
        f.write(buffer.getvalue().encode("gb18030"))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("src")
    ap.add_argument("dst")
    ap.add_argument("--rows", type=int, help="keep only the first N transactions and their customers")
    a = ap.parse_args()
    read = lambda name: list(csv.DictReader(open(os.path.join(a.src, name), encoding="utf-8-sig", newline="")))
    tx = read("transactions.csv")
    if a.rows:
        tx = tx[: a.rows]
    ids = {r["customer_id"] for r in tx}
    cu = [r for r in read("customers.csv") if not a.rows or r["customer_id"] in ids]
    os.makedirs(a.dst, exist_ok=True)
    write(os.path.join(a.dst, "transactions.csv"), ["订单编号", "客户ID", "下单时间", "实付金额", "数量", "品类", "渠道", "优惠金额"],
          [[r["order_id"], r["customer_id"], r["order_date"].replace("-", "/") + " 10:15:00", "¥" + r["amount"],
            r["quantity"], r["category"], r["channel"], r["discount"]] for r in tx])
    write(os.path.join(a.dst, "customers.csv"), ["客户编号", "注册日期", "性别", "出生年份", "省份", "城市", "来源", "会员等级"],
          [[r["customer_id"], r["signup_date"], GENDER.get(r["gender"], ""), r["birth_year"],
            FULL.get(r["province"], r["province"] + "省"), r["city"], r["source"], r["member_tier"]] for r in cu])
    if not a.rows and os.path.exists(os.path.join(a.src, "events.csv")):
        write(os.path.join(a.dst, "events.csv"), ["客户ID", "事件日期", "事件类型", "数值"],
              [[r["customer_id"], r["event_date"], r["event_type"], r["value"]] for r in read("events.csv")])


if __name__ == "__main__":
    main()
