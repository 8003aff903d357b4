#!/usr/bin/env python3
"""Writes src/text/un_country_names.inc, the table of the UN's short country names in the six
languages, from the copies in testdata/un_country_names/ (see its README.md): the UNTERM short
names, then the later changes. Run it after either file changes; countries_test.cc checks the
table against the same files.

Usage: scripts/un-country-names.py > src/text/un_country_names.inc
       scripts/un-country-names.py --areas > src/text/un_area_names.inc

With --areas it writes the table of the UN's names of areas that are not States (Hong Kong,
Macao, Taiwan), from testdata/un_country_names/un_areas.csv: a language without a UN name there
is left empty and keeps ICU's name.
"""
import sys
import csv
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT / "testdata" / "un_country_names"
LANGS = ["en", "fr", "es", "ru", "zh", "ar"]

# ISO 3166-1 alpha-2 code of each row, keyed by its English UNTERM short name (our table: the
# source names States, not codes).
CODES = {
    "Afghanistan": "AF", "Albania": "AL", "Algeria": "DZ", "Andorra": "AD", "Angola": "AO",
    "Antigua and Barbuda": "AG", "Argentina": "AR", "Armenia": "AM", "Australia": "AU",
    "Austria": "AT", "Azerbaijan": "AZ", "Bahamas (the)": "BS", "Bahrain": "BH",
    "Bangladesh": "BD", "Barbados": "BB", "Belarus": "BY", "Belgium": "BE", "Belize": "BZ",
    "Benin": "BJ", "Bhutan": "BT", "Bolivia (Plurinational State of)": "BO",
    "Bosnia and Herzegovina": "BA", "Botswana": "BW", "Brazil": "BR", "Brunei Darussalam": "BN",
    "Bulgaria": "BG", "Burkina Faso": "BF", "Burundi": "BI", "Cabo Verde": "CV",
    "Cambodia": "KH", "Cameroon": "CM", "Canada": "CA", "Central African Republic (the)": "CF",
    "Chad": "TD", "Chile": "CL", "China": "CN", "Colombia": "CO", "Comoros (the)": "KM",
    "Congo (the)": "CG", "Costa Rica": "CR", "Côte d'Ivoire": "CI", "Croatia": "HR",
    "Cuba": "CU", "Cyprus": "CY", "Czechia": "CZ",
    "Democratic People's Republic of Korea (the)": "KP",
    "Democratic Republic of the Congo (the)": "CD", "Denmark": "DK", "Djibouti": "DJ",
    "Dominica": "DM", "Dominican Republic (the)": "DO", "Ecuador": "EC", "Egypt": "EG",
    "El Salvador": "SV", "Equatorial Guinea": "GQ", "Eritrea": "ER", "Estonia": "EE",
    "Eswatini": "SZ", "Ethiopia": "ET", "Fiji": "FJ", "Finland": "FI", "France": "FR",
    "Gabon": "GA", "Gambia (the)": "GM", "Georgia": "GE", "Germany": "DE", "Ghana": "GH",
    "Greece": "GR", "Grenada": "GD", "Guatemala": "GT", "Guinea": "GN", "Guinea-Bissau": "GW",
    "Guyana": "GY", "Haiti": "HT", "Honduras": "HN", "Hungary": "HU", "Iceland": "IS",
    "India": "IN", "Indonesia": "ID", "Iran (Islamic Republic of)": "IR", "Iraq": "IQ",
    "Ireland": "IE", "Israel": "IL", "Italy": "IT", "Jamaica": "JM", "Japan": "JP",
    "Jordan": "JO", "Kazakhstan": "KZ", "Kenya": "KE", "Kiribati": "KI", "Kuwait": "KW",
    "Kyrgyzstan": "KG", "Lao People's Democratic Republic (the)": "LA", "Latvia": "LV",
    "Lebanon": "LB", "Lesotho": "LS", "Liberia": "LR", "Libya": "LY", "Liechtenstein": "LI",
    "Lithuania": "LT", "Luxembourg": "LU", "Madagascar": "MG", "Malawi": "MW",
    "Malaysia": "MY", "Maldives": "MV", "Mali": "ML", "Malta": "MT",
    "Marshall Islands (the)": "MH", "Mauritania": "MR", "Mauritius": "MU", "Mexico": "MX",
    "Micronesia (Federated States of)": "FM", "Monaco": "MC", "Mongolia": "MN",
    "Montenegro": "ME", "Morocco": "MA", "Mozambique": "MZ", "Myanmar": "MM", "Namibia": "NA",
    "Nauru": "NR", "Nepal": "NP", "Netherlands (the)": "NL", "New Zealand": "NZ",
    "Nicaragua": "NI", "Niger (the)": "NE", "Nigeria": "NG", "North Macedonia": "MK",
    "Norway": "NO", "Oman": "OM", "Pakistan": "PK", "Palau": "PW", "Panama": "PA",
    "Papua New Guinea": "PG", "Paraguay": "PY", "Peru": "PE", "Philippines (the)": "PH",
    "Poland": "PL", "Portugal": "PT", "Qatar": "QA", "Republic of Korea (the)": "KR",
    "Republic of Moldova (the)": "MD", "Romania": "RO", "Russian Federation (the)": "RU",
    "Rwanda": "RW", "Saint Kitts and Nevis": "KN", "Saint Lucia": "LC",
    "Saint Vincent and the Grenadines": "VC", "Samoa": "WS", "San Marino": "SM",
    "Sao Tome and Principe": "ST", "Saudi Arabia": "SA", "Senegal": "SN", "Serbia": "RS",
    "Seychelles": "SC", "Sierra Leone": "SL", "Singapore": "SG", "Slovakia": "SK",
    "Slovenia": "SI", "Solomon Islands": "SB", "Somalia": "SO", "South Africa": "ZA",
    "South Sudan": "SS", "Spain": "ES", "Sri Lanka": "LK", "Sudan (the)": "SD",
    "Suriname": "SR", "Sweden": "SE", "Switzerland": "CH", "Syrian Arab Republic (the)": "SY",
    "Tajikistan": "TJ", "Thailand": "TH", "Timor-Leste": "TL", "Togo": "TG", "Tonga": "TO",
    "Trinidad and Tobago": "TT", "Tunisia": "TN", "Turkey": "TR", "Turkmenistan": "TM",
    "Tuvalu": "TV", "Uganda": "UG", "Ukraine": "UA", "United Arab Emirates (the)": "AE",
    "United Kingdom of Great Britain and Northern Ireland (the)": "GB",
    "United Republic of Tanzania (the)": "TZ", "United States of America (the)": "US",
    "Uruguay": "UY", "Uzbekistan": "UZ", "Vanuatu": "VU",
    "Venezuela (Bolivarian Republic of)": "VE", "Viet Nam": "VN", "Yemen": "YE",
    "Zambia": "ZM", "Zimbabwe": "ZW", "Holy See (the) *": "VA",
    "State of Palestine (the) *": "PS", "Cook Islands (the) **": "CK", "Niue **": "NU",
}

# The article UNTERM writes after a short name ("Bahamas (the)", "Afghanistan (l')") is for
# running text; a list shows the name alone. " *" marks the UN's observer States, " **" the
# States that are not members of the UN.
ARTICLE = re.compile(r" \((the|le|la|les|l'|el|los|las)\)$")


def display(name):
    name = re.sub(r" \*+$", "", name.strip())
    return ARTICLE.sub("", name)


def rows():
    out = {}
    with open(DATA / "unterm_short_names.csv", encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        next(reader)
        for row in reader:
            out[CODES[row[0]]] = [display(n) for n in row]
    with open(DATA / "changes.csv", encoding="utf-8", newline="") as f:
        for change in csv.DictReader(f):
            out[change["code"]][LANGS.index(change["lang"])] = change["name"]
    return out


def cpp(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def areas():
    out = {}
    with open(DATA / "un_areas.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            out.setdefault(row["code"], [""] * len(LANGS))[LANGS.index(row["lang"])] = row["name"]
    return out


def main():
    if sys.argv[1:] == ["--areas"]:
        print("// Generated by scripts/un-country-names.py --areas from testdata/un_country_names/"
              "un_areas.csv: do not edit.")
        print("// code, then the UN's name in en, fr, es, ru, zh, ar (\"\": none found, ICU's name).")
        print("// clang-format off")
        for code, names in sorted(areas().items()):
            print("{" + cpp(code) + ", {" + ", ".join(cpp(n) for n in names) + "}},")
        print("// clang-format on")
        return
    print("// Generated by scripts/un-country-names.py from testdata/un_country_names/: do not edit.")
    print("// code, then the UN short name in en, fr, es, ru, zh, ar.")
    print("// clang-format off")
    for code, names in sorted(rows().items()):
        print("{" + cpp(code) + ", {" + ", ".join(cpp(n) for n in names) + "}},")
    print("// clang-format on")


if __name__ == "__main__":
    main()
