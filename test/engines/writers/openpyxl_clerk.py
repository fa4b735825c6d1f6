"""
A clerk's workbook as openpyxl (an independent .xlsx writer, Debian's python3-openpyxl) saves it:
values typed as numbers, as percentages (a number with the 0% format), as text; rows appended or
deleted; a header retyped. openpyxl keeps no formula values: every formula is saved without one.

usage: python3 openpyxl_clerk.py JOBS.json
JOBS.json: [{"in": path, "out": path,
             "cells": [{"sheet": "...", "cell": "F3", "value": 0.8 | "80%" | null, "format": "0%" | null,
                        "date": "2025-10-15" | null}],
             "delete_rows": [5], "header": {"cell": "H1", "text": "Kết quả"}}]
"""
import datetime
import json
import sys

import openpyxl

for job in json.load(open(sys.argv[1], encoding="utf-8")):
    wb = openpyxl.load_workbook(job["in"])
    for c in job.get("cells", []):
        cell = wb[c["sheet"]][c["cell"]]
        if c.get("date"):
            y, m, d = (int(x) for x in c["date"].split("-"))
            cell.value = datetime.datetime(y, m, d)
            cell.number_format = "dd/mm/yyyy"
        else:
            cell.value = c["value"]
        if c.get("format"):
            cell.number_format = c["format"]
    if job.get("header"):
        wb["Nhiệm vụ"][job["header"]["cell"]] = job["header"]["text"]
    for r in sorted(job.get("delete_rows", []), reverse=True):
        wb["Nhiệm vụ"].delete_rows(r, 1)
    wb.save(job["out"])
