"""Peer of pair 3: read every row of the demand sheet (榜单, holding the Demands table) with openpyxl in read-only mode (values only).

Usage: peer_xlsx_rows.py ITERATIONS WARMUP FILE   Prints one JSON line: {"ms": [wall], "cpu": [process CPU], "rows": n}.
"""
import io
import json
import sys

import openpyxl

from timing import time_calls


def read(data):
    workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        sheet = workbook["榜单"]
        return [row for row in sheet.iter_rows(values_only=True) if any(v is not None for v in row)]
    finally:
        workbook.close()


def main():
    iterations, warmup, path = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    with open(path, "rb") as f:
        data = f.read()
    wall, cpu, rows = time_calls(lambda: read(data), iterations, warmup)
    print(json.dumps({"ms": wall, "cpu": cpu, "rows": len(rows)}))


if __name__ == "__main__":
    main()
