"""
A clerk at LibreOffice Calc, driven headless through UNO: opens each unit workbook, types into
cells as a person does (the text goes through Calc's input line: "80%" becomes 0.8 shown as a
percentage, "15/10/2025" stays text under an English locale), optionally sorts the data rows or
inserts a row, and saves as .xlsx ("Calc Office Open XML").

usage: python3 libreoffice_clerk.py JOBS.json     (run with Debian's /usr/bin/python3 and python3-uno)
JOBS.json: [{"in": path, "out": path, "typed": [{"sheet": "...", "cell": "F3", "text": "80%"}],
             "insert_after": 5 | null, "typed_new": [...], "sort_desc_by": 1 | null,
             "pause_before": seconds | null}]
In that order: typing, then a row inserted (0-based index) and typed into, then the rows sorted.
"""
import json
import os
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect():
    profile = tempfile.mkdtemp(prefix="lo-clerk-")
    pipe = "lo_clerk_%d" % os.getpid()
    proc = subprocess.Popen(
        [
            "soffice",
            "-env:UserInstallation=file://" + profile,
            "--headless",
            "--invisible",
            "--nologo",
            "--norestore",
            "--accept=pipe,name=%s;urp;" % pipe,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(120):
        try:
            ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
            return proc, ctx
        except Exception:
            time.sleep(0.5)
    raise RuntimeError("LibreOffice did not start")


def main():
    jobs = json.load(open(sys.argv[1], encoding="utf-8"))
    proc, ctx = connect()
    try:
        smgr = ctx.ServiceManager
        desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
        for job in jobs:
            if job.get("pause_before"):
                time.sleep(job["pause_before"])
            url = uno.systemPathToFileUrl(os.path.abspath(job["in"]))
            doc = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
            frame = doc.getCurrentController().getFrame()
            sheets = doc.getSheets()
            for sheet_name in {t["sheet"] for t in job.get("typed", [])} | {"Nhiệm vụ"}:
                if sheets.hasByName(sheet_name):
                    sheets.getByName(sheet_name).unprotect("")
            for t in job.get("typed", []):
                doc.getCurrentController().setActiveSheet(sheets.getByName(t["sheet"]))
                dispatcher.executeDispatch(frame, ".uno:GoToCell", "", 0, (prop("ToPoint", t["cell"]),))
                dispatcher.executeDispatch(frame, ".uno:EnterString", "", 0, (prop("StringName", t["text"]),))
            if job.get("insert_after"):
                sheet = sheets.getByName("Nhiệm vụ")
                sheet.getRows().insertByIndex(job["insert_after"], 1)
                for t in job.get("typed_new", []):
                    doc.getCurrentController().setActiveSheet(sheet)
                    dispatcher.executeDispatch(frame, ".uno:GoToCell", "", 0, (prop("ToPoint", t["cell"]),))
                    dispatcher.executeDispatch(frame, ".uno:EnterString", "", 0, (prop("StringName", t["text"]),))
            if job.get("sort_desc_by") is not None:
                sheet = sheets.getByName("Nhiệm vụ")
                cursor = sheet.createCursor()
                cursor.gotoEndOfUsedArea(False)
                last_col = cursor.getRangeAddress().EndColumn
                last_row = cursor.getRangeAddress().EndRow
                rng = sheet.getCellRangeByPosition(0, 1, last_col, last_row)
                field = uno.createUnoStruct("com.sun.star.table.TableSortField")
                field.Field = job["sort_desc_by"]
                field.IsAscending = False
                rng.sort((prop("SortFields", uno.Any("[]com.sun.star.table.TableSortField", (field,))),))
            out = uno.systemPathToFileUrl(os.path.abspath(job["out"]))
            doc.storeToURL(out, (prop("FilterName", "Calc Office Open XML"),))
            doc.close(True)
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        proc.wait(timeout=60)


main()
