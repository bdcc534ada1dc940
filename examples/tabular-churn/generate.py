#!/usr/bin/env python3
"""Writes churn.csv: a made-up subscription churn table for the tabular-mlp example (Python 3 standard library only).

    python3 generate.py > churn.csv

The same seed always writes the same file. Each row is a customer; `churned` (1 or 0) follows a logistic model of the
other columns plus noise, so it is learnable but not perfectly predictable. About 3% of total_charges, 2% of
internet_service and 1% of monthly_charges are left empty (missing)."""
import csv
import math
import random
import sys

SEED = 20261205
ROWS = 5000

CONTRACTS = [("month-to-month", 0.55), ("one-year", 0.25), ("two-year", 0.20)]
PAYMENTS = [("electronic-check", 0.35), ("mailed-check", 0.20), ("bank-transfer", 0.22), ("credit-card", 0.23)]
INTERNET = [("fiber", 0.45), ("dsl", 0.35), ("none", 0.20)]
REGIONS = [("north", 0.25), ("south", 0.30), ("east", 0.20), ("west", 0.25)]
COLUMNS = [
    "tenure_months", "monthly_charges", "total_charges", "contract", "payment_method", "internet_service",
    "support_calls", "senior", "has_partner", "region", "churned",
]


def pick(rng, choices):
    return rng.choices([c for c, _ in choices], weights=[w for _, w in choices])[0]


def poisson(rng, mean):
    # Knuth's method: fine for small means.
    limit, k, p = math.exp(-mean), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def customer(rng):
    contract = pick(rng, CONTRACTS)
    tenure = max(1, min(72, int(rng.expovariate(1 / (8 if contract == "month-to-month" else 30))) + 1))
    internet = pick(rng, INTERNET)
    base = {"fiber": 85.0, "dsl": 55.0, "none": 25.0}[internet]
    monthly = round(max(18.0, rng.gauss(base, 12.0)), 2)
    total = round(monthly * tenure * rng.uniform(0.95, 1.05), 2)
    payment = pick(rng, PAYMENTS)
    calls = poisson(rng, 1.5)
    senior = "yes" if rng.random() < 0.16 else "no"
    partner = "yes" if rng.random() < 0.48 else "no"
    region = pick(rng, REGIONS)  # no effect on churn: a distractor column

    logit = (-1.8
             + {"month-to-month": 1.1, "one-year": -0.4, "two-year": -1.5}[contract]
             - 0.035 * tenure
             + 0.018 * (monthly - 65)
             + 0.45 * calls
             + (0.55 if payment == "electronic-check" else 0.0)
             + (0.35 if internet == "fiber" else 0.0)
             + (0.30 if senior == "yes" else 0.0)
             - (0.25 if partner == "yes" else 0.0)
             + rng.gauss(0, 0.8))
    churned = 1 if rng.random() < 1 / (1 + math.exp(-logit)) else 0

    return {
        "tenure_months": tenure,
        "monthly_charges": "" if rng.random() < 0.01 else f"{monthly:.2f}",
        "total_charges": "" if rng.random() < 0.03 else f"{total:.2f}",
        "contract": contract,
        "payment_method": payment,
        "internet_service": "" if rng.random() < 0.02 else internet,
        "support_calls": calls,
        "senior": senior,
        "has_partner": partner,
        "region": region,
        "churned": churned,
    }


def main():
    rng = random.Random(SEED)
    writer = csv.DictWriter(sys.stdout, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for _ in range(ROWS):
        writer.writerow(customer(rng))


if __name__ == "__main__":
    main()
