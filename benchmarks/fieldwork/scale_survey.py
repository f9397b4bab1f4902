#!/usr/bin/env python3
"""Make a dataset's sample K times the default sample (benchmark helper).

`planner generate dataset --scale K` copies communes, enterprises and enumerators K times but keeps
survey.toml, whose precision targets give the same sample whatever the frame size. This rewrites the
dataset's survey.toml so that the fieldwork grows with the dataset:

* households: `size = K × HOUSEHOLDS` with `allocation = "equal"` (the default sample is about 165 households
  in each of the 11 districts, so equal allocation keeps its shape);
* enterprises: `size = K × ENTERPRISES` (Kish allocation as before).

K need not be an integer: the tight variant is the default dataset itself with K ≈ 2.4, a larger take that
needs about 90 % of the enumerators' time. Sizes are rounded to the nearest unit.

usage: scale_survey.py DATASET_DIR K [--households N] [--enterprises N]
"""
import argparse
import re
import sys


def set_key(text, section, key, value):
    """Sets `key = value` in `[section]`, replacing the key if present, else adding it after the header."""
    header = "[%s]\n" % section
    start = text.find(header)
    if start < 0:
        sys.exit("survey.toml has no [%s] section" % section)
    body_start = start + len(header)
    next_section = re.search(r"^\[", text[body_start:], flags=re.M)
    body_end = body_start + next_section.start() if next_section else len(text)
    body = text[body_start:body_end]
    line = "%s = %s\n" % (key, value)
    pattern = re.compile(r"^%s\s*=.*\n" % re.escape(key), flags=re.M)
    body = pattern.sub(line, body, count=1) if pattern.search(body) else line + body
    return text[:body_start] + body + text[body_end:]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("dataset")
    parser.add_argument("scale", type=float)
    # The default dataset's main sample: 1,849 households (allocated 1,814, rounded up by the take) and
    # 364 enterprises.
    parser.add_argument("--households", type=int, default=1815)
    parser.add_argument("--enterprises", type=int, default=364)
    args = parser.parse_args()
    path = args.dataset.rstrip("/") + "/survey.toml"
    text = open(path, encoding="utf-8").read()
    text = set_key(text, "sample.households", "allocation", '"equal"')
    text = set_key(text, "sample.households", "size", str(round(args.scale * args.households)))
    text = set_key(text, "sample.enterprises", "size", str(round(args.scale * args.enterprises)))
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


if __name__ == "__main__":
    main()
