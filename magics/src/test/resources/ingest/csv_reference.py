#!/usr/bin/python3
"""The reference side of CsvDifferentialTest: reads each generated file with Python's csv module and
converts each cell as the file's manifest entry says the column is written, with Python's own int(),
float() and datetime.strptime(), independently of Sluice.

    csv_reference.py MANIFEST.json OUT.json

Each cell comes out as a tagged string: "i:<int>", "f:<repr of the float>", "s:<text>",
"d:<yyyy-mm-dd>", "t:<yyyy-mm-ddThh:mm:ss>", or null for a missing value.
"""
import csv
import datetime
import json
import sys

MISSING = {"", "NA", "NaN", "null", "NULL", "N/A"}


def cell(text, column, entry):
    if text in MISSING:
        return None
    kind = column["kind"]
    if kind in ("int", "long"):
        return "i:" + str(int(text.replace(entry["thousands"], "") if entry["thousands"] else text))
    if kind == "dec":
        plain = text
        if entry["thousands"]:
            plain = plain.replace(entry["thousands"], "")
        plain = plain.replace(entry["decimal"], ".")
        return "f:" + repr(float(plain))
    if kind == "date":
        return "d:" + datetime.datetime.strptime(text, column["format"]).date().isoformat()
    if kind == "datetime":
        return "t:" + datetime.datetime.strptime(text, column["format"]).isoformat()
    return "s:" + text


def read(entry):
    with open(entry["path"], encoding=entry["encoding"], newline="") as f:
        rows = list(csv.reader(f, delimiter=entry["sep"], quotechar='"'))
    header, body = rows[0], [r for r in rows[1:] if r]
    columns = entry["columns"]
    assert len(header) == len(columns), (entry["path"], header)
    return [[cell(row[c], columns[c], entry) for row in body] for c in range(len(columns))]


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        manifest = json.load(f)
    out = {entry["path"]: read(entry) for entry in manifest}
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        json.dump(out, f)


main()
