#!/usr/bin/env python3
"""Converts vega-datasets' data/penguins.json to penguins.csv (standard library only).

    npm pack vega-datasets@3.2.1 && tar xzf vega-datasets-3.2.1.tgz
    python3 convert.py package/data/penguins.json > penguins.csv

Columns are renamed to palmerpenguins' snake_case names; a null becomes an empty cell, and so does the one "." in
the Sex column (an unrecorded sex in the original data)."""
import csv
import json
import sys

COLUMNS = [
    ("Species", "species"),
    ("Island", "island"),
    ("Beak Length (mm)", "bill_length_mm"),
    ("Beak Depth (mm)", "bill_depth_mm"),
    ("Flipper Length (mm)", "flipper_length_mm"),
    ("Body Mass (g)", "body_mass_g"),
    ("Sex", "sex"),
]


def cell(value):
    return "" if value is None or value == "." else value


def main(path):
    with open(path, encoding="utf-8") as f:
        records = json.load(f)
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow([name for _, name in COLUMNS])
    for record in records:
        writer.writerow([cell(record[key]) for key, _ in COLUMNS])


if __name__ == "__main__":
    main(sys.argv[1])
