"""Train the entity tagger's models from ../shared/data/ner and print dev-split scores.

    python tools/train_tagger.py [--data DIR] [--out DIR] [--only id|en] [--set KEY=VALUE]

One CRF (python-crfsuite) per model language: "id" (Indonesian and Malay) from NERGrit
and NERP train, "en" from UNER English-EWT train. Only train splits are trained on; the
valid/dev splits are scored after training, through the same recogniser warta runs
(tui/text/ner_tagger.py), and nothing else is read. Each training sentence is joined into
text, tokenized as at run time, given the rule recogniser's labels as features, and a
seeded share of the cased sentences is added again lower-cased, so the tagger reads text
without capitals too. Writes ner_<lang>.crfsuite and ner_tagger.json (settings, the
sha256 of every data file, a digest of data + settings + this script + the feature code,
dev scores) into tui/text/data/. `--set` changes a setting for an experiment (e.g.
`--set c1=0.2 --set models.en.lower_share=0`); write those to another `--out`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import eval_entities as ee  # noqa: E402

from tui.text import gazetteer, ner_features  # noqa: E402
from tui.text.ner_rules import RuleRecogniser  # noqa: E402
from tui.text.ner_tagger import SIDECAR, TaggerRecogniser  # noqa: E402

# ../shared/data beside the checkout; WARTA_SHARED_DATA names another copy of it.
DATA = Path(os.environ.get("WARTA_SHARED_DATA") or ROOT.parent / "shared" / "data") / "ner"
OUT = ROOT / "tui" / "text" / "data"
# The code that decides what the model learns besides the settings: the features, and
# how the TSV files become text and spans.
SOURCES = (ROOT / "tui" / "text" / "ner_features.py", ROOT / "bench" / "eval_entities.py")

# Everything that decides what a model is; its digest is recorded beside the models.
# Chosen on the dev splits (micro F1, NERGrit valid / NERP valid / EWT dev): L-BFGS CRF
# with rule features .718/.778/.694; without them .716/.783/.688; averaged perceptron
# .721/.765/.669 (8 MB); NERGrit alone for id .723/.540; lower_share 0.5 .721/.783/.685;
# c1 0.1 c2 0.05 .723/.774/.695; that plus neighbour affixes and shape n-grams (features
# v2) .734/.776/.695.
SETTINGS: dict[str, Any] = {
    "seed": 20240611,
    "algorithm": "lbfgs",
    "c1": 0.1,
    "c2": 0.05,
    "max_iterations": 150,
    "min_freq": 1,
    "models": {
        "id": {
            "train": ["id_nergrit_train.tsv", "id_nerp_train.tsv"],
            "dev": ["id_nergrit_valid.tsv", "id_nerp_valid.tsv"],
            "lower_share": 0.3,
            "rule_features": True,
        },
        "en": {
            "train": ["en_uner-ewt_train-draft.tsv"],
            "dev": ["en_uner-ewt_dev.tsv"],
            "lower_share": 0.3,
            "rule_features": True,
        },
    },
}


def sha256(path: Path) -> str:
    """Hex sha256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def code_digest(settings: dict[str, Any]) -> str:
    """Digest of the settings, this script, the feature code and the TSV reader (no data)."""
    h = hashlib.sha256()
    h.update(json.dumps(settings, sort_keys=True).encode())
    for path in (Path(__file__), *SOURCES):
        h.update(path.read_bytes().replace(b"\r\n", b"\n"))
    return h.hexdigest()


def full_digest(code: str, data_sha: dict[str, str]) -> str:
    """Digest of the code digest and every data file's sha256 (by name)."""
    h = hashlib.sha256(code.encode())
    for name in sorted(data_sha):
        h.update(f"{name}:{data_sha[name]}".encode())
    return h.hexdigest()


def training_items(
    paths: list[Path], lang: str, lower_share: float, rules: bool, rng: random.Random
) -> tuple[list[list[list[str]]], list[list[str]]]:
    """Features and BIO tags of every training sentence (plus the lower-cased copies)."""
    featurizer = TaggerRecogniser().models.featurizer()
    recogniser = RuleRecogniser()
    xs: list[list[list[str]]] = []
    ys: list[list[str]] = []

    def add(para: ee.Paragraph) -> None:
        tokens = ner_features.tokenize(para.text)
        if not tokens:
            return
        tags = ["O"] * len(tokens)
        for start, end, label in para.spans:
            first = True
            for k, tok in enumerate(tokens):
                if tok.end > start and tok.start < end:
                    tags[k] = ("B-" if first else "I-") + label
                    first = False
        ents = recogniser.recognise([para.text], lang)[0] if rules else []
        xs.append(featurizer.features(tokens, ents))
        ys.append(tags)

    for path in paths:
        for pairs in ee.read_tsv(path):
            para = ee.tsv_sentence(pairs)
            add(para)
            cased = any(ch.isupper() for ch in para.text)
            if cased and rng.random() < lower_share and len(para.text.lower()) == len(para.text):
                add(ee.Paragraph(para.text.lower(), para.spans))
    return xs, ys


def train_one(lang: str, cfg: dict[str, Any], settings: dict[str, Any], data: Path,
              out: Path) -> str:
    """Train one model into `out`; its file name."""
    import pycrfsuite

    rng = random.Random(f"{settings['seed']}:{lang}")
    t0 = time.perf_counter()
    xs, ys = training_items([data / n for n in cfg["train"]], lang, cfg["lower_share"],
                            cfg["rule_features"], rng)
    print(f"[{lang}] {len(xs)} training sequences, features in {time.perf_counter() - t0:.0f} s",
          flush=True)
    trainer = pycrfsuite.Trainer(algorithm=settings["algorithm"], verbose=False)
    for x, y in zip(xs, ys, strict=True):
        trainer.append(x, y)
    params: dict[str, Any] = {"max_iterations": settings["max_iterations"],
                              "feature.minfreq": settings["min_freq"]}
    if settings["algorithm"] == "lbfgs":
        params.update({"c1": settings["c1"], "c2": settings["c2"]})
    trainer.set_params(params)
    name = f"ner_{lang}.crfsuite"
    t0 = time.perf_counter()
    trainer.train(str(out / name))
    print(f"[{lang}] trained in {time.perf_counter() - t0:.0f} s, "
          f"{(out / name).stat().st_size / 1e6:.1f} MB", flush=True)
    return name


def dev_scores(out: Path, settings: dict[str, Any], data: Path,
               only: str | None) -> dict[str, Any]:
    """Scores of the written models on each dev split, cased and lower-cased."""
    recogniser = TaggerRecogniser(out)

    def recognise(paragraphs: list[str], lang: str) -> list[list[ee.SpanTuple]]:
        found = recogniser.recognise(paragraphs, lang)
        return [[(e.start, e.end, str(e.label)) for e in ents] for ents in found]

    result: dict[str, Any] = {}
    for lang, cfg in settings["models"].items():
        if only and lang != only:
            continue
        for name in cfg["dev"]:
            for lower in (False, True):
                articles = ee.tsv_articles(data / name, lang, lower)
                if lower and all(
                    p.text == p.text.lower()
                    for a in ee.tsv_articles(data / name, lang) for p in a.paragraphs[:1]
                ):
                    continue  # already lower-case (NERP)
                scores = ee.score_tsv(articles, recognise)
                key = name + (" (lower-cased)" if lower else "")
                print(ee.format_tsv(key, scores), flush=True)
                result[key] = {
                    label: {"p": round(c.precision, 3), "r": round(c.recall, 3),
                            "f1": round(c.f1, 3)}
                    for label, c in [*scores.labels.items(),
                                     ("micro", scores.micro(scores.labels))]
                }
    return result


def _apply(settings: dict[str, Any], assignment: str) -> None:
    key, _, value = assignment.partition("=")
    node = settings
    parts = key.split(".")
    for part in parts[:-1]:
        node = node[part]
    old = node[parts[-1]]
    node[parts[-1]] = type(old)(json.loads(value)) if not isinstance(old, str) else value


def main(argv: list[str] | None = None) -> int:
    """Train, write, score."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--only", choices=sorted(SETTINGS["models"]))
    ap.add_argument("--set", action="append", default=[], metavar="KEY=VALUE")
    args = ap.parse_args(argv)
    settings = json.loads(json.dumps(SETTINGS))
    for assignment in args.set:
        _apply(settings, assignment)
    if not args.data.is_dir():
        print(f"train_tagger: no training data at {args.data}", file=sys.stderr)
        return 2
    gazetteer.load()
    args.out.mkdir(parents=True, exist_ok=True)
    sidecar = args.out / SIDECAR
    old = json.loads(sidecar.read_text(encoding="utf-8")) if sidecar.exists() else {}
    models: dict[str, Any] = dict(old.get("models", {})) if args.only else {}
    data_sha = {n: sha256(args.data / n) for cfg in settings["models"].values()
                for n in cfg["train"] + cfg["dev"]}
    with tempfile.TemporaryDirectory() as tmp:
        for lang, cfg in settings["models"].items():
            if args.only and lang != args.only:
                continue
            name = train_one(lang, cfg, settings, args.data, Path(tmp))
            (args.out / name).write_bytes((Path(tmp) / name).read_bytes())
            models[lang] = {"file": name, "rule_features": cfg["rule_features"]}
    code = code_digest(settings)
    meta = {
        "feature_version": ner_features.FEATURE_VERSION,
        "models": models,
        "settings": settings,
        "data_sha256": data_sha,
        "code_digest": code,
        "digest": full_digest(code, data_sha),
        "dev": {},
    }
    sidecar.write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    meta["dev"] = dev_scores(args.out, settings, args.data, args.only)
    if args.only:
        meta["dev"] = {**old.get("dev", {}), **meta["dev"]}
    sidecar.write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
