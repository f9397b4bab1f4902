#!/usr/bin/env python3
"""Writes the benchmark's survey.toml: the default one with a one-stage household design on the listing.

Usage: make_survey.py SOURCE_SURVEY_TOML DESTINATION

Households: 22 strata (11 districts x urban/rural), simple random sampling from the listed households,
10,000 allocated proportionally, 50 reserves per stratum. Everything else (enterprises, fieldwork) is kept.
"""
import re
import sys

HOUSEHOLDS = """[sample.households]
stratification = "district_urban_rural"
selection = "srs"
allocation = "proportional"
size = 10000
size_rule = "total"
reserve_per_stratum = 50
minimum_per_stratum = 2

[sample.households.precision]
proportion = 0.5
margin = 0.05
confidence = 0.95
design_effect = 1.0
response_rate = 0.9

"""

source, destination = sys.argv[1], sys.argv[2]
text = open(source, encoding="utf-8").read()
start = text.index("[sample.households]")
end = text.index("[sample.enterprises]")
with open(destination, "x", encoding="utf-8") as out:
    out.write(text[:start] + HOUSEHOLDS + text[end:])
