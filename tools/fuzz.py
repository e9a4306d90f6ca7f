"""Fuzz the dump readers and the text pipeline for a fixed time (`make fuzz`).

    tools/fuzz.py [--seconds 600] [--out bench/out/fuzz]

Two targets share one input space. The first byte of an input picks the target: below
128 the rest is written to a temporary file with one of the dump suffixes and one of the
compressions (or as raw bytes under a `.gz` name) and read through `formats.open_file`
and `formats.iter_records`; from 128 up it is decoded as UTF-8 (bad bytes replaced) and
analysed by `Pipeline.analyse`, its first line as the title when the byte is odd.

A reader may refuse a file only with DumpError (and skip a record only with RecordError,
which `iter_records` reports); any other exception is a finding. So is an input that
takes more than `--slow` seconds. Findings are saved once per signature (exception type
and the innermost frame under tui/) in OUT/findings/, with the traceback beside the
input, and listed in OUT/summary.json.

With atheris installed (`pip install -e '.[fuzz]'`) the search is coverage-guided
(libFuzzer) in a child process; a hard hang (libFuzzer's `-timeout`) or a crash of the
interpreter ends the child, its input is kept, and a new child carries on with the same
corpus until the time is up. Without atheris the seeds are mutated at random in-process
(no coverage guidance, no protection against a hard hang).

Seeds: the files in seeds/ and tests/data/ (and the JSON Lines seed rewritten as JSON
and CSV), each with the first byte that routes it to the matching reader or the pipeline.
"""

from __future__ import annotations

import argparse
import bz2
import contextlib
import csv
import gzip
import hashlib
import io
import json
import lzma
import os
import random
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SUFFIXES = ("", ".txt", ".md", ".jsonl", ".ndjson", ".json", ".csv", ".tsv", ".tab")
COMPRESSIONS = ("none", "gz", "bz2", "xz", "raw-gz")
PIPELINE = 128  # first byte from here on: the pipeline target
MAX_LEN = 32768
RECORDS_PER_INPUT = 200  # records read per reader input (bounds one execution)
HANG_SECONDS = 30  # libFuzzer's -timeout: an input running longer ends the child
STATS_EVERY = 2.0  # seconds between writes of the execution counter


def reader_mode(suffix: str, compression: str = "none") -> int:
    """The first byte that routes an input to this suffix and compression."""
    return SUFFIXES.index(suffix) + len(SUFFIXES) * COMPRESSIONS.index(compression)


def describe(data: bytes) -> str:
    """What an input exercises, e.g. `reader .jsonl gz` or `pipeline (title)`."""
    if not data:
        return "empty"
    mode = data[0]
    if mode >= PIPELINE:
        return "pipeline" + (" (title)" if mode & 1 else "")
    suffix = SUFFIXES[mode % len(SUFFIXES)] or "(no suffix)"
    return f"reader {suffix} {COMPRESSIONS[(mode // len(SUFFIXES)) % len(COMPRESSIONS)]}"


def _compress(payload: bytes, compression: str) -> tuple[bytes, str]:
    """The bytes to write and the extra suffix for one compression."""
    if compression == "gz":
        return gzip.compress(payload, compresslevel=1, mtime=0), ".gz"
    if compression == "bz2":
        return bz2.compress(payload, compresslevel=1), ".bz2"
    if compression == "xz":
        return lzma.compress(payload, preset=0), ".xz"
    if compression == "raw-gz":
        return payload, ".gz"  # not gzip at all, or damaged gzip when it starts like one
    return payload, ""


class Target:
    """The function every input runs through; raises only for a finding."""

    def __init__(self, folder: Path) -> None:
        from tui.config import load_config
        from tui.dumps import formats
        from tui.dumps.sniff import DumpError
        from tui.text.pipeline import Pipeline

        self.folder = folder
        self.formats = formats
        self.dump_error = DumpError
        self.pipeline = Pipeline(load_config().analysis)

    def __call__(self, data: bytes) -> None:
        """Run one input through the target its first byte names."""
        if not data:
            return
        mode, payload = data[0], data[1:]
        if mode >= PIPELINE:
            self._pipeline(payload, titled=bool(mode & 1))
        else:
            self._reader(payload, SUFFIXES[mode % len(SUFFIXES)],
                         COMPRESSIONS[(mode // len(SUFFIXES)) % len(COMPRESSIONS)])

    def _pipeline(self, payload: bytes, titled: bool) -> None:
        from tui.text.model import Record

        text = payload.decode("utf-8", "replace")
        title = None
        if titled:
            title, _, text = text.partition("\n")
        doc = self.pipeline.analyse(Record("fuzz", text, title=title))
        json.dumps(doc.to_dict(), ensure_ascii=False)

    def _reader(self, payload: bytes, suffix: str, compression: str) -> None:
        body, extra = _compress(payload, compression)
        path = self.folder / f"input{suffix}{extra}"
        path.write_bytes(body)
        problems: list[str] = []
        try:
            for n, record in enumerate(self.formats.iter_records(str(path), problems.append)):
                record.text.encode("utf-8", "surrogatepass")
                if n >= RECORDS_PER_INPUT:
                    break
            with contextlib.closing(self.formats.open_file(path, str(path))) as reader:
                for j in range(min(len(reader), RECORDS_PER_INPUT)):
                    reader.index_of(reader.id_at(j))
        except self.dump_error:
            pass  # the one way a reader may refuse a file
        finally:
            path.unlink(missing_ok=True)


def signature(exc: BaseException) -> str:
    """Exception type plus the innermost frame in tui/: one finding however often it recurs."""
    where = "?"
    for frame in traceback.extract_tb(exc.__traceback__):
        if f"{os.sep}tui{os.sep}" in frame.filename:
            where = f"{Path(frame.filename).relative_to(ROOT)}:{frame.lineno}"
    return f"{type(exc).__name__} at {where}"


class Findings:
    """Findings saved once per signature, and the execution counter, under OUT."""

    def __init__(self, out: Path, slow: float) -> None:
        self.out = out
        self.slow = slow
        self.folder = out / "findings"
        self.folder.mkdir(parents=True, exist_ok=True)
        self.executions = 0
        self._last_stats = 0.0
        self._stats = out / f"executions-{os.getpid()}.json"

    def run(self, target: Callable[[bytes], None], data: bytes) -> None:
        """Run one input; keep it when it raises something unexpected or is slow."""
        started = time.perf_counter()
        try:
            target(data)
        except Exception as exc:
            self.keep(signature(exc), data, "".join(traceback.format_exception(exc)))
        elapsed = time.perf_counter() - started
        if elapsed > self.slow:
            self.keep(f"slow {describe(data)}", data, f"took {elapsed:.1f} s\n", elapsed)
        self.executions += 1
        now = time.monotonic()
        if now - self._last_stats > STATS_EVERY:
            self._last_stats = now
            self._stats.write_text(json.dumps({"executions": self.executions}))

    def keep(self, sig: str, data: bytes, detail: str, elapsed: float = 0.0) -> None:
        """Save the input of a new signature (a slow one: the slowest so far)."""
        name = hashlib.sha1(sig.encode(), usedforsecurity=False).hexdigest()[:12]
        meta = self.folder / f"{name}.json"
        if meta.exists():
            old = json.loads(meta.read_text())
            if not elapsed or elapsed <= old.get("seconds", 0):
                return
        (self.folder / f"{name}.input").write_bytes(data)
        meta.write_text(json.dumps({"signature": sig, "input": describe(data),
                                    "bytes": len(data), "seconds": round(elapsed, 2),
                                    "detail": detail[-4000:]}, indent=1))
        print(f"fuzz: finding: {sig} ({describe(data)}, {len(data)} bytes)",
              file=sys.stderr, flush=True)


def seeds() -> Iterator[bytes]:
    """The seed inputs, each behind the byte that routes it."""
    wire: list[dict[str, Any]] = []
    for path in sorted((ROOT / "seeds").iterdir()):
        data = path.read_bytes()
        if path.suffix == ".jsonl":
            wire = [json.loads(x) for x in data.decode().splitlines() if x.strip()]
            yield bytes([reader_mode(".jsonl")]) + data
            yield bytes([reader_mode(".jsonl", "gz")]) + data
        elif path.suffix == ".txt":
            yield bytes([reader_mode(".txt")]) + data
            yield bytes([PIPELINE + 1]) + data
    if wire:
        yield bytes([reader_mode(".json")]) + json.dumps(wire, ensure_ascii=False).encode()
        table = io.StringIO()
        fields = sorted({k for row in wire for k in row})
        writer = csv.DictWriter(table, fieldnames=fields)
        writer.writeheader()
        writer.writerows({k: v if isinstance(v, str) else json.dumps(v) for k, v in row.items()}
                         for row in wire)
        yield bytes([reader_mode(".csv")]) + table.getvalue().encode()
    for path in sorted((ROOT / "tests" / "data").rglob("*")):
        if path.is_file() and path.suffix in (".txt", ".tsv") and "fuzz" not in path.parts:
            data = path.read_bytes()[:MAX_LEN - 1]
            yield bytes([PIPELINE if path.suffix == ".txt" else reader_mode(".tsv")]) + data


def write_seeds(folder: Path) -> int:
    """The seeds as files in `folder` (the corpus libFuzzer starts from); how many."""
    folder.mkdir(parents=True, exist_ok=True)
    n = 0
    for n, data in enumerate(seeds(), 1):
        (folder / f"seed-{n:04d}").write_bytes(data)
    return n


def worker(out: Path, fuzzer_args: list[str]) -> None:
    """One atheris child: coverage-guided until libFuzzer's -max_total_time."""
    import atheris  # type: ignore[import-not-found,import-untyped,unused-ignore]

    with atheris.instrument_imports(include=["tui"]):
        import tui.dumps.formats
        import tui.text.pipeline  # noqa: F401
    findings = Findings(out, float(os.environ.get("FUZZ_SLOW", "2")))
    with tempfile.TemporaryDirectory(prefix="warta-fuzz-") as tmp:
        target = Target(Path(tmp))
        atheris.Setup([sys.argv[0], *fuzzer_args], lambda data: findings.run(target, data))
        atheris.Fuzz()


def mutate(rng: random.Random, data: bytes, pool: list[bytes]) -> bytes:
    """A random mutation: flip, insert, delete, repeat, splice or truncate (fallback mode)."""
    buf = bytearray(data or b"\0")
    for _ in range(rng.randint(1, 8)):
        op = rng.randrange(6)
        at = rng.randrange(len(buf) or 1)
        if op == 0 and buf:
            buf[at] ^= 1 << rng.randrange(8)
        elif op == 1:
            buf[at:at] = bytes(rng.choice(b"{}[]\",:\n\r\t\\\x00\xff\xc3=") for _ in range(4))
        elif op == 2:
            del buf[at:at + rng.randint(1, 64)]
        elif op == 3:
            buf[at:at] = buf[at:at + rng.randint(1, 32)] * rng.randint(2, 200)
        elif op == 4:
            other = rng.choice(pool)
            buf[at:] = other[rng.randrange(len(other) or 1):]
        else:
            del buf[max(1, at):]
    return bytes(buf[:MAX_LEN])


def fallback(out: Path, seconds: float) -> int:
    """Random mutation of the seeds for `seconds` in this process; the executions."""
    print("fuzz: atheris is not installed: random mutation without coverage guidance",
          file=sys.stderr)
    findings = Findings(out, float(os.environ.get("FUZZ_SLOW", "2")))
    pool = list(seeds())
    rng = random.Random(int(os.environ.get("FUZZ_SEED", "1")))
    deadline = time.monotonic() + seconds
    with tempfile.TemporaryDirectory(prefix="warta-fuzz-") as tmp:
        target = Target(Path(tmp))
        for data in pool:
            findings.run(target, data)
        while time.monotonic() < deadline:
            findings.run(target, mutate(rng, rng.choice(pool), pool))
    return findings.executions


def supervise(out: Path, seconds: float) -> int:
    """Run atheris children until `seconds` are used up; the executions of all of them."""
    corpus, seed_dir, artifacts = out / "corpus", out / "seeds", out / "artifacts"
    for folder in (corpus, artifacts):
        folder.mkdir(parents=True, exist_ok=True)
    print(f"fuzz: {write_seeds(seed_dir)} seeds", file=sys.stderr)
    deadline = time.monotonic() + seconds
    log = out / "worker.log"
    executions = 0
    restarts = 0
    while (left := int(deadline - time.monotonic())) > 5:
        before = set(artifacts.iterdir())
        args = [f"-max_total_time={left}", f"-timeout={HANG_SECONDS}", f"-max_len={MAX_LEN}",
                "-rss_limit_mb=3072", f"-artifact_prefix={artifacts}/", "-print_final_stats=1",
                str(corpus), str(seed_dir)]
        with open(log, "a", encoding="utf-8") as fh:
            child = subprocess.run([sys.executable, __file__, "--worker", "--out", str(out),
                                    "--", *args], cwd=ROOT, stdout=fh, stderr=fh,
                                   env={**os.environ, "PYTHONPATH": str(ROOT)}, check=False)
        for path in sorted(set(artifacts.iterdir()) - before):
            print(f"fuzz: child ended ({child.returncode}) on {path.name}: "
                  f"{describe(path.read_bytes())}", file=sys.stderr)
        for stats in out.glob("executions-*.json"):
            executions += json.loads(stats.read_text())["executions"]
            stats.unlink()
        if child.returncode == 0:
            break
        restarts += 1
    print(f"fuzz: {restarts} restarts after a hang or crash", file=sys.stderr)
    return executions


def summarise(out: Path, seconds: float, executions: int, engine: str) -> dict[str, Any]:
    """Write OUT/summary.json and print it: time, executions, findings."""
    found = [json.loads(p.read_text()) for p in sorted((out / "findings").glob("*.json"))]
    hangs = sorted(p.name for p in (out / "artifacts").glob("*")) \
        if (out / "artifacts").exists() else []
    summary = {"engine": engine, "seconds": round(seconds), "executions": executions,
               "findings": [{k: f[k] for k in ("signature", "input", "bytes", "seconds")}
                            for f in found],
               "libfuzzer_artifacts": hangs}
    (out / "summary.json").write_text(json.dumps(summary, indent=1))
    print(json.dumps(summary, indent=1))
    return summary


def main(argv: list[str] | None = None) -> int:
    """Parse the options and fuzz for the given time."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float,
                        default=float(os.environ.get("FUZZ_SECONDS", "600")))
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "fuzz")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("fuzzer_args", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    if args.worker:
        worker(args.out, args.fuzzer_args)
        return 0
    args.out.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    try:
        import atheris  # type: ignore[import-not-found,import-untyped,unused-ignore] # noqa: F401
    except ImportError:
        executions = fallback(args.out, args.seconds)
        engine = "random mutation"
    else:
        executions = supervise(args.out, args.seconds)
        engine = "atheris"
    summarise(args.out, time.monotonic() - started, executions, engine)
    return 0


if __name__ == "__main__":
    sys.exit(main())
