"""Deterministic generator of synthetic news articles for benchmarks and load tests.

Every word list below is this project's own writing; the articles it builds are
synthetic (made-up people, places, numbers) but shaped like scraped news: a title,
a dateline prefix, paragraphs (some hard-wrapped), section headings and the usual
boilerplate lines (related links, share rows, adverts, credits, a repeated caption,
tags). Output streams, so a million rows cost no more memory than one.

    python bench/generate.py --count 1000 --format jsonl --out /tmp/dump.jsonl
    python bench/generate.py --count 50 --format txt-folder --out /tmp/dump/
"""

from __future__ import annotations

import argparse
import bz2
import csv
import gzip
import io
import json
import lzma
import random
import sys
from collections.abc import Iterator, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any, TextIO

FORMATS = ("jsonl", "jsonl.gz", "jsonl.bz2", "jsonl.xz", "csv", "tsv", "json", "txt-folder")
CSV_COLUMNS = ("id", "title", "text", "url", "date", "author", "language")

# One vocabulary per language. Sentences are built from these slots, so the text is
# made of real words of that language (language detection has something to go on)
# without copying anyone's article.
LANGS: dict[str, dict[str, Any]] = {
    "id": {
        "subjects": ["pemerintah daerah", "warga desa", "para petani", "kementerian keuangan",
                     "tim penyelamat", "pihak kepolisian", "pengusaha lokal", "para nelayan",
                     "dinas kesehatan", "komisi pemilihan", "sekolah negeri", "pedagang pasar"],
        "verbs": ["menyatakan", "mengumumkan", "membahas", "menolak", "mendukung", "meninjau",
                  "menyiapkan", "mempercepat", "menunda", "menyelesaikan", "memperluas"],
        "objects": ["rencana pembangunan jalan", "anggaran tahun depan", "harga beras",
                    "program vaksinasi", "aturan baru tentang parkir",
                    "bantuan untuk korban banjir",
                    "proyek jembatan", "jadwal pemilihan", "kebijakan impor gula",
                    "perbaikan saluran air", "pelatihan guru"],
        "tails": ["di tengah kekhawatiran warga", "setelah rapat yang panjang",
                  "meskipun ada penolakan", "sebelum akhir bulan", "karena cuaca buruk",
                  "dengan dukungan dari pusat", "tanpa penjelasan yang jelas",
                  "untuk pertama kalinya"],
        "said": ["kata", "ujar", "jelas", "ungkap"],
        "roles": ["kepala dinas", "juru bicara", "anggota dewan", "ketua panitia",
                  "warga setempat"],
        "quote_open": ["Kami akan terus memantau situasi ini", "Ini bukan keputusan yang mudah",
                       "Semua pihak harus bekerja sama", "Kami belum menerima laporan resmi"],
        "places": ["Jakarta", "Surabaya", "Medan", "Makassar", "Bandung", "Semarang", "Padang",
                   "Kupang", "Pontianak", "Ambon"],
        "first": ["Budi", "Siti", "Agus", "Dewi", "Rudi", "Ayu", "Hendra", "Lestari", "Wahyu"],
        "last": ["Santoso", "Rahmawati", "Hidayat", "Pratama", "Wijaya", "Siregar", "Nugroho"],
        "publishers": ["KOMPAS.com", "Antara", "EGINDO.co", "detikNews", "Tempo.co"],
        "dateline": "{place}, {pub} - ",
        "months": ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
                   "September", "Oktober", "November", "Desember"],
        "date_text": "{d} {month} {y}",
        "numbers": ["{f} persen", "Rp {f} miliar", "{i} orang", "{i} ton", "{i} kilometer"],
        "decimal": ",",
        "byline": "Penulis: {name}",
        "headings": ["Dampak bagi Warga", "Langkah Berikutnya", "Reaksi Pemerintah",
                     "Latar Belakang", "Pertukaran Pendapat", "Anggaran dan Biaya"],
        "related": ["Baca Juga: {h}", "Baca juga : {h}", "Lihat Juga: {h}"],
        "share": ["Bagikan :", "Share this", "Bagikan artikel ini"],
        "advert": ["ADVERTISEMENT", "SCROLL TO CONTINUE WITH CONTENT", "Iklan"],
        "nav": ["Scroll to Top", "Halaman 2 dari 3", "Kembali ke atas"],
        "credit": ["Sumber : {pub}", "Sumber: {pub}/{ini}"],
        "tags": "Tags: {t}",
        "caption": "Foto: {place} pada {date} ({pub})",
        "initials": "({a}/{b})",
    },
    "en": {
        "subjects": ["the city council", "local farmers", "the finance ministry", "rescue teams",
                     "the police", "small business owners", "the election commission",
                     "hospital staff", "the regional government", "union leaders", "residents"],
        "verbs": ["announced", "rejected", "approved", "delayed", "reviewed", "criticised",
                  "welcomed", "expanded", "questioned", "defended", "postponed"],
        "objects": ["a plan to rebuild the bridge", "next year's budget", "the price of rice",
                    "new rules on parking", "the flood relief programme",
                    "a proposal for more buses",
                    "the schedule for the vote", "a ban on plastic bags", "the water project",
                    "plans for a new school"],
        "tails": ["despite strong opposition", "after a long meeting",
                  "before the end of the month",
                  "because of the bad weather", "for the first time in years",
                  "without giving a reason", "amid growing concern", "with support from abroad"],
        "said": ["said", "told reporters", "added", "explained"],
        "roles": ["a spokesperson", "the mayor", "a council member", "the director", "a resident"],
        "quote_open": ["We will keep watching this closely", "This was not an easy decision",
                       "Everyone has to work together now", "We have not seen an official report"],
        "places": ["LONDON", "Manchester", "Leeds", "Bristol", "Glasgow", "Cardiff", "Belfast",
                   "Norwich", "York", "Dundee"],
        "first": ["James", "Sarah", "Michael", "Emma", "David", "Olivia", "Daniel", "Grace"],
        "last": ["Thompson", "Walker", "Hughes", "Clarke", "Evans", "Morgan", "Bennett"],
        "publishers": ["Reuters", "AP", "The Courier", "Daily Ledger", "News Desk"],
        "dateline": "{place} ({pub}) - ",
        "months": ["January", "February", "March", "April", "May", "June", "July", "August",
                   "September", "October", "November", "December"],
        "date_text": "{month} {d}, {y}",
        "numbers": ["{f} percent", "${f} million", "{i} people", "{i} tonnes", "{i} miles"],
        "decimal": ".",
        "byline": "By {name}",
        "headings": ["What Happens Next", "A Long Dispute", "Reaction in the Region",
                     "Costs and Funding", "Background", "The Numbers"],
        "related": ["Read more: {h}", "READ MORE: {h}", "Related: {h}"],
        "share": ["Share this", "Share this article", "Share on Facebook"],
        "advert": ["ADVERTISEMENT", "Advertisement", "SCROLL TO CONTINUE WITH CONTENT"],
        "nav": ["Back to top", "Page 2 of 3", "Next article"],
        "credit": ["Source: {pub}", "Reporting by {name}; Editing by {name2}"],
        "tags": "Tags: {t}",
        "caption": "Photo: {place}, {date} ({pub})",
        "initials": "({a}/{b})",
    },
    "de": {
        "subjects": ["der Stadtrat", "die Landwirte", "das Finanzministerium", "die Rettungskräfte",
                     "die Polizei", "kleine Unternehmen", "die Wahlkommission", "das Krankenhaus",
                     "die Landesregierung", "die Gewerkschaft", "die Anwohner"],
        "verbs": ["kündigte an", "lehnte ab", "genehmigte", "verschob", "prüfte", "kritisierte",
                  "begrüßte", "erweiterte", "bezweifelte", "verteidigte"],
        "objects": ["den Plan für eine neue Brücke", "den Haushalt für das nächste Jahr",
                    "die Preise für Strom", "neue Regeln für das Parken",
                    "die Hilfe nach dem Hochwasser",
                    "den Ausbau der Buslinien", "den Termin der Wahl",
                    "ein Verbot von Plastiktüten",
                    "das Projekt am Fluss", "den Bau einer Schule"],
        "tails": ["trotz heftiger Kritik", "nach einer langen Sitzung", "noch vor Ende des Monats",
                  "wegen des schlechten Wetters", "zum ersten Mal seit Jahren",
                  "ohne eine Begründung zu nennen", "unter wachsendem Druck",
                  "mit Unterstützung aus Berlin"],
        "said": ["sagte", "erklärte", "betonte", "fügte hinzu"],
        "roles": ["ein Sprecher", "die Bürgermeisterin", "ein Stadtrat", "der Direktor",
                  "eine Anwohnerin"],
        "quote_open": ["Wir werden die Lage genau beobachten", "Das war keine leichte Entscheidung",
                       "Alle müssen jetzt zusammenarbeiten", "Uns liegt noch kein Bericht vor"],
        "places": ["Berlin", "Hamburg", "München", "Köln", "Leipzig", "Dresden", "Bremen",
                   "Hannover", "Stuttgart", "Kiel"],
        "first": ["Thomas", "Anna", "Stefan", "Julia", "Markus", "Katrin", "Jan", "Sabine"],
        "last": ["Müller", "Schneider", "Fischer", "Weber", "Becker", "Hoffmann", "Wagner"],
        "publishers": ["dpa", "AFP", "Tagesbote", "Rundschau", "Nachrichtendienst"],
        "dateline": "{place} ({pub}) - ",
        "months": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
                   "September", "Oktober", "November", "Dezember"],
        "date_text": "{d}. {month} {y}",
        "numbers": ["{f} Prozent", "{f} Millionen Euro", "{i} Menschen", "{i} Tonnen",
                    "{i} Kilometer"],
        "decimal": ",",
        "byline": "Von {name}",
        "headings": ["Wie es weitergeht", "Ein langer Streit", "Reaktionen aus der Region",
                     "Kosten und Finanzierung", "Hintergrund", "Die Zahlen"],
        "related": ["Lesen Sie auch: {h}", "Mehr zum Thema: {h}", "Auch interessant: {h}"],
        "share": ["Artikel teilen", "Teilen", "Share this"],
        "advert": ["Anzeige", "ADVERTISEMENT", "WERBUNG"],
        "nav": ["Nach oben", "Seite 2 von 3", "Zurück zur Startseite"],
        "credit": ["Quelle: {pub}", "Quelle: {pub}/{ini}"],
        "tags": "Schlagwörter: {t}",
        "caption": "Foto: {place}, {date} ({pub})",
        "initials": "({a}/{b})",
    },
    "es": {
        "subjects": ["el ayuntamiento", "los agricultores", "el ministerio de Hacienda",
                     "los equipos de rescate", "la policía", "los pequeños comerciantes",
                     "la junta electoral", "el hospital", "el gobierno regional", "los sindicatos",
                     "los vecinos"],
        "verbs": ["anunció", "rechazó", "aprobó", "aplazó", "revisó", "criticó", "celebró",
                  "amplió", "cuestionó", "defendió"],
        "objects": ["un plan para reconstruir el puente", "el presupuesto del próximo año",
                    "el precio de la luz", "nuevas normas de aparcamiento",
                    "las ayudas tras las inundaciones", "más líneas de autobús",
                    "la fecha de las elecciones", "la prohibición de bolsas de plástico",
                    "el proyecto del río", "la construcción de un colegio"],
        "tails": ["pese a la fuerte oposición", "tras una larga reunión",
                  "antes de que acabe el mes",
                  "por el mal tiempo", "por primera vez en años", "sin dar explicaciones",
                  "en medio de una creciente preocupación", "con el apoyo de la capital"],
        "said": ["dijo", "explicó", "señaló", "añadió"],
        "roles": ["un portavoz", "la alcaldesa", "un concejal", "el director", "una vecina"],
        "quote_open": ["Vamos a seguir la situación de cerca", "No ha sido una decisión fácil",
                       "Todos tenemos que trabajar juntos", "No hemos recibido ningún informe"],
        "places": ["MADRID", "Barcelona", "Sevilla", "Valencia", "Bilbao", "Zaragoza", "Málaga",
                   "Vigo", "Granada", "Oviedo"],
        "first": ["Carlos", "María", "Javier", "Lucía", "Pablo", "Carmen", "Diego", "Elena"],
        "last": ["García", "Martínez", "López", "Sánchez", "Romero", "Navarro", "Torres"],
        "publishers": ["EFE", "Europa Press", "El Diario Local", "Crónica", "Agencia Sur"],
        "dateline": "{place}, ({pub}) - ",
        "months": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
                   "septiembre", "octubre", "noviembre", "diciembre"],
        "date_text": "{d} de {month} de {y}",
        "numbers": ["{f} por ciento", "{f} millones de euros", "{i} personas", "{i} toneladas",
                    "{i} kilómetros"],
        "decimal": ",",
        "byline": "Por {name}",
        "headings": ["Qué pasará ahora", "Una larga disputa", "Reacciones en la región",
                     "Costes y financiación", "Antecedentes", "Las cifras"],
        "related": ["Lea también: {h}", "Te puede interesar: {h}", "Leer más: {h}"],
        "share": ["Compartir", "Comparte esta noticia", "Share this"],
        "advert": ["PUBLICIDAD", "ADVERTISEMENT", "Publicidad"],
        "nav": ["Volver arriba", "Página 2 de 3", "Siguiente noticia"],
        "credit": ["Fuente: {pub}", "Fuente: {pub}/{ini}"],
        "tags": "Etiquetas: {t}",
        "caption": "Foto: {place}, {date} ({pub})",
        "initials": "({a}/{b})",
    },
}

WRAP = 72  # column at which "hard-wrapped" paragraphs are broken


class _Writer:
    """Builds one article from a seeded Random and a language's vocabulary."""

    def __init__(self, rng: random.Random, lang: str) -> None:
        self.r = rng
        self.v = LANGS[lang]
        self.lang = lang

    def pick(self, key: str) -> str:
        return self.r.choice(self.v[key])

    def name(self) -> str:
        return f"{self.pick('first')} {self.pick('last')}"

    def number(self) -> str:
        i = self.r.choice((self.r.randint(2, 99), self.r.randint(100, 9999)))
        f = f"{self.r.randint(1, 50)}{self.v['decimal']}{self.r.randint(1, 9)}"
        return self.pick("numbers").format(i=i, f=f)

    def date_text(self, when: date) -> str:
        return self.v["date_text"].format(d=when.day, month=self.v["months"][when.month - 1],
                                          y=when.year)

    def headline(self) -> str:
        subj = self.pick("subjects")
        text = f"{subj} {self.pick('verbs')} {self.pick('objects')}"
        return text[0].upper() + text[1:]

    def sentence(self, when: date) -> str:
        r = self.r
        kind = r.random()
        if kind < 0.45:
            s = (f"{self.pick('subjects')} {self.pick('verbs')} {self.pick('objects')} "
                 f"{self.pick('tails')}")
        elif kind < 0.65:
            s = (f"{self.pick('subjects')} {self.pick('verbs')} {self.pick('objects')} "
                 f"({self.number()}) {self.pick('tails')}")
        elif kind < 0.8:
            quote = f"\u201c{self.pick('quote_open')},\u201d"
            return (f"{quote} {self.pick('said')} {self.name()}, {self.pick('roles')}, "
                    f"{self.pick('places').title()}.")
        elif kind < 0.9:
            s = (f"{self.name()}, {self.pick('roles')}, {self.pick('said')} "
                 f"{self.pick('subjects')} {self.pick('verbs')} {self.pick('objects')}")
        else:
            s = (f"{self.date_text(when)}: {self.pick('subjects')} {self.pick('verbs')} "
                 f"{self.pick('objects')} {self.pick('tails')}")
        return s[0].upper() + s[1:] + "."

    def paragraph(self, when: date) -> str:
        return " ".join(self.sentence(when) for _ in range(self.r.randint(2, 4)))

    def wrap(self, text: str) -> list[str]:
        lines: list[str] = []
        cur = ""
        for word in text.split(" "):
            if cur and len(cur) + 1 + len(word) > WRAP:
                lines.append(cur)
                cur = word
            else:
                cur = f"{cur} {word}" if cur else word
        if cur:
            lines.append(cur)
        return lines

    def article(self, serial: int, chars: int) -> dict[str, Any]:
        r = self.r
        when = date(2020, 1, 1) + timedelta(days=r.randint(0, 1800))
        pub = self.pick("publishers")
        place = self.pick("places")
        title = self.headline()
        author = self.name()
        caption = self.v["caption"].format(place=place.title(), date=self.date_text(when), pub=pub)
        blocks: list[list[str]] = []
        if r.random() < 0.3:
            blocks.append([self.v["byline"].format(name=author)])
        if r.random() < 0.4:  # a photo caption scraped twice, as galleries often are
            blocks.append([caption, caption])
        first = self.v["dateline"].format(place=place, pub=pub) + self.paragraph(when)
        blocks.append([first])
        size = len(title) + len(first)
        n_par = 1
        while size < chars:
            roll = r.random()
            if roll < 0.08:
                line = self.pick("related").format(h=self.headline())
                blocks.append([line])
            elif roll < 0.12:
                blocks.append([self.pick("advert")])
            elif roll < 0.18 and n_par >= 2:
                blocks.append([self.pick("headings")])
            else:
                par = self.paragraph(when)
                n_par += 1
                blocks.append(self.wrap(par) if r.random() < 0.25 else [par])
                size += len(par)
            size += 1
        tail: list[list[str]] = []
        if r.random() < 0.5:
            tail.append([self.v["initials"].format(a=author[:3].lower(),
                                                   b=self.pick("last")[:3].lower())])
        ini = "".join(w[0] for w in self.name().split())
        credit = self.pick("credit").format(pub=pub, ini=ini, name=author, name2=self.name())
        tail.append([credit])
        if r.random() < 0.6:
            tags = ", ".join([*r.sample(self.v["places"], 2), self.pick("subjects")])
            tail.append([self.v["tags"].format(t=tags)])
        tail.append([self.pick("share")])
        if r.random() < 0.5:
            tail.append([self.pick("nav")])
        text = "\n\n".join("\n".join(b) for b in blocks + tail) + "\n"
        slug = "-".join(title.lower().split()[:6])
        return {
            "id": f"{self.lang}-{serial:07d}",
            "title": title,
            "text": text,
            "url": f"https://news.example/{self.lang}/{when.isoformat()}/{slug}",
            "date": when.isoformat(),
            "author": author,
            "language": self.lang,
        }


def generate(n: int, seed: int = 0, chars: int = 3000,
             langs: Sequence[str] = ("id", "en", "de", "es")) -> Iterator[dict[str, Any]]:
    """Yield `n` synthetic articles, the same ones for the same seed, about `chars` long."""
    rng = random.Random(seed)
    writers = {lang: _Writer(rng, lang) for lang in langs}
    order = list(langs)
    for i in range(n):
        yield writers[order[i % len(order)]].article(i, chars)


def as_txt(article: dict[str, Any]) -> str:
    """The article as a plain text file: title line, blank line, body."""
    return f"{article['title']}\n\n{article['text']}"


def _open_out(out: str, fmt: str) -> TextIO:
    if out == "-":
        if fmt.endswith((".gz", ".bz2", ".xz")):
            raise SystemExit("generate: compressed output needs --out PATH")
        return sys.stdout
    if fmt.endswith(".gz"):
        # compresslevel 1: the benchmark wants volume, not a small file.
        return io.TextIOWrapper(gzip.open(out, "wb", compresslevel=1), encoding="utf-8")
    if fmt.endswith(".bz2"):
        return io.TextIOWrapper(bz2.open(out, "wb", compresslevel=1), encoding="utf-8")
    if fmt.endswith(".xz"):
        return io.TextIOWrapper(lzma.open(out, "wb", preset=0), encoding="utf-8")
    return open(out, "w", encoding="utf-8", newline="")


def write(articles: Iterator[dict[str, Any]], fmt: str, out: str) -> int:
    """Write articles in format `fmt` to `out` (a file, a folder for txt-folder, or -)."""
    count = 0
    if fmt == "txt-folder":
        if out == "-":
            raise SystemExit("generate: txt-folder needs --out FOLDER")
        folder = Path(out)
        folder.mkdir(parents=True, exist_ok=True)
        for a in articles:
            (folder / f"{a['id']}.txt").write_text(as_txt(a), encoding="utf-8")
            count += 1
        return count
    fh = _open_out(out, fmt)
    try:
        if fmt.startswith("jsonl"):
            dumps = json.dumps
            for a in articles:
                fh.write(dumps(a, ensure_ascii=False))
                fh.write("\n")
                count += 1
        elif fmt in ("csv", "tsv"):
            w = csv.DictWriter(fh, fieldnames=CSV_COLUMNS,
                               delimiter="," if fmt == "csv" else "\t")
            w.writeheader()
            for a in articles:
                w.writerow(a)
                count += 1
        elif fmt == "json":
            fh.write('{"articles": [\n')
            for a in articles:
                fh.write((",\n" if count else "") + json.dumps(a, ensure_ascii=False))
                count += 1
            fh.write("\n]}\n")
        else:
            raise SystemExit(f"generate: unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    finally:
        if fh is not sys.stdout:
            fh.close()
        else:
            fh.flush()
    return count


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: write --count articles in --format to --out."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--count", type=int, default=1000)
    p.add_argument("--format", choices=FORMATS, default="jsonl")
    p.add_argument("--chars", type=int, default=3000, help="target article length")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--langs", default="id,en,de,es", help="comma-separated: id,en,de,es")
    p.add_argument("--out", default="-", help="file, folder (txt-folder) or - for stdout")
    args = p.parse_args(argv)
    langs = [x.strip() for x in args.langs.split(",") if x.strip()]
    unknown = [x for x in langs if x not in LANGS]
    if unknown:
        p.error(f"unknown language(s) {', '.join(unknown)}; known: {', '.join(LANGS)}")
    n = write(generate(args.count, args.seed, args.chars, langs), args.format, args.out)
    print(f"generate: wrote {n} articles ({args.format}) to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
