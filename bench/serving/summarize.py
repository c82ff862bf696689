"""Turns run.sh's results.tsv into markdown: every figure, then prodline against the floor and the peers."""
import csv
import sys

rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
for r in rows:
    r["req_s"] = float(r["req_s"] or 0)
    r["rows_s"] = r["req_s"] * int(r["rows"])
get = {(r["server"], r["model"], r["rows"], r["conns"]): r for r in rows}
FLOORS = ("nginx", "netty")  # fixed bodies: the machine's HTTP floor, and the JVM's (Netty alone)
servers = [s for s in dict.fromkeys(r["server"] for r in rows)]
prodlines = [s for s in servers if s.startswith("prodline")]
peers = [s for s in servers if s in ("flask", "fastapi")]

print("| server | model | rows/request | connections | requests/s | rows/s | p50 ms | p90 ms | p99 ms | errors |")
print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
for r in rows:
    model = "fixed body" if r["server"] in FLOORS else r["model"]
    print(f"| {r['server']} | {model} | {r['rows']} | {r['conns']} | {r['req_s']:,.0f} | {r['rows_s']:,.0f} | "
          f"{r['p50_ms']} | {r['p90_ms']} | {r['p99_ms']} | {r['errors']} |")

print()
print("| model | rows/request | connections | prodline config | prodline rows/s | vs nginx floor | vs Netty floor "
      "| best Python peer | peer rows/s | prodline / peer | prodline p99 ms |")
print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
for model in ("xgb", "mlp"):
    for n in ("1", "64"):
        for c in sorted({r["conns"] for r in rows}, key=int):
            floor = get.get(("nginx", "xgb", n, c))
            jvm = get.get(("netty", "xgb", n, c))
            cands = [get[(p, model, n, c)] for p in peers if (p, model, n, c) in get]
            best = max(cands, key=lambda r: r["rows_s"]) if cands else None
            for p in prodlines:
                r = get.get((p, model, n, c))
                if r is None:
                    continue
                vs_floor = f"{r['req_s'] / floor['req_s']:.0%}" if floor and floor["req_s"] else "-"
                vs_jvm = f"{r['req_s'] / jvm['req_s']:.0%}" if jvm and jvm["req_s"] else "-"
                vs_peer = f"{r['rows_s'] / best['rows_s']:.1f}x" if best and best["rows_s"] else "-"
                print(f"| {model} | {n} | {c} | {p} | {r['rows_s']:,.0f} | {vs_floor} | {vs_jvm} | "
                      f"{best['server'] if best else '-'} | {best['rows_s'] if best else 0:,.0f} | {vs_peer} | "
                      f"{r['p99_ms']} |")
