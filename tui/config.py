"""The one config loader: defaults < user file < environment < flags, validated key by key."""

from __future__ import annotations

import copy
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from tui.dumps.limits import DumpLimits
from tui.resources import bundled, user_dir
from tui.text.entities import BACKENDS
from tui.text.model import Reason
from tui.text.settings import AnalysisSettings
from tui.yaml_files import YamlError, parse_yaml, read_yaml_file

# Paths whose mapping keys are the user's own (binding ids, languages, reasons).
_OPEN_MAPPINGS = {"keymap", "boilerplate.patterns"}
# Keys whose value must be one of a fixed set.
_CHOICES: dict[str, tuple[str, ...]] = {"entities.backend": BACKENDS}
# Environment variables that set one key each.
_ENV_KEYS = {"WARTA_THEME": "ui.theme"}
# Keys holding boilerplate patterns: a mapping reason -> language -> list, or a list
# (`boilerplate.closing.<reason>.<language>` are lists too).
_PATTERN_MAPPINGS = {"boilerplate.patterns"}
_PATTERN_LISTS = {"boilerplate.closers", "boilerplate.closer_leads"}
# Numbers that must be more than zero.
_POSITIVE = {"analysis.max_chars", "analysis.time_budget", "analysis.words_per_minute"}


class ConfigError(ValueError):
    """A config problem, already worded as one line for the user."""


@dataclass(frozen=True, eq=False)
class Config:
    """The merged configuration, the files it came from and what was wrong in them."""

    data: dict[str, Any]
    sources: tuple[Path, ...] = ()
    problems: tuple[str, ...] = ()

    def get(self, dotted: str) -> Any:
        """The value at `section.key`."""
        node: Any = self.data
        for part in dotted.split("."):
            node = node[part]
        return node

    @cached_property
    def analysis(self) -> AnalysisSettings:
        """The pipeline's settings, built once per Config (pipelines are cached per settings)."""
        return AnalysisSettings(
            detect_language=bool(self.get("analysis.detect_language")),
            words_per_minute=int(self.get("analysis.words_per_minute")),
            max_chars=int(self.get("analysis.max_chars")),
            time_budget=float(self.get("analysis.time_budget")),
            boilerplate=self.data["boilerplate"],
            entities=self.data["entities"],
        )

    @cached_property
    def dump_limits(self) -> DumpLimits:
        """The readers' caps on one record and one inflated file (section `dump`)."""
        return DumpLimits.from_config(self.data["dump"])


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _check_value(path: str, default: Any, value: Any) -> str | None:
    """Why `value` cannot replace `default` at `path`, or None when it can."""
    if path in _CHOICES:
        if value not in _CHOICES[path]:
            return f"must be one of {', '.join(_CHOICES[path])}, not {value!r}"
        return None
    if isinstance(default, bool) != isinstance(value, bool):
        return f"must be {_kind(default)}, not {value!r}"
    if isinstance(default, int | float) and not isinstance(value, int | float):
        return f"must be {_kind(default)}, not {value!r}"
    if not isinstance(default, int | float) and type(default) is not type(value):
        return f"must be {_kind(default)}, not {value!r}"
    if path.startswith("dump.") and value <= 0:
        return f"must be a positive number, not {value!r}"
    if path == "boilerplate.patterns":
        bad = [r for r in value if r not in Reason.__members__.values()]
        if bad:
            allowed = ", ".join(r.value for r in Reason)
            return f"has unknown reason {bad[0]!r}; allowed: {allowed}"
    if path == "keymap" and not all(isinstance(v, str) for v in value.values()):
        return "maps binding ids to key strings such as \"ctrl+n,J\""
    if path in _POSITIVE and value <= 0:
        return f"must be more than 0, not {value!r}"
    return None


def _is_pattern_list(path: str) -> bool:
    return path in _PATTERN_LISTS or path.startswith("boilerplate.closing.")


def _patterns_in(value: Any) -> set[str]:
    """Every pattern string in a pattern mapping or list (to skip probing known ones)."""
    if isinstance(value, dict):
        return {rx for v in value.values() for rx in _patterns_in(v)}
    if isinstance(value, list):
        return {rx for rx in value if isinstance(rx, str)}
    return set()


def _usable_patterns(path: str, value: Any, known: set[str], origin: str,
                     problems: list[str]) -> Any:
    """`value` without the patterns that do not compile or backtrack too long, each
    reported as one line; patterns in `known` (already accepted) are not probed again."""
    if isinstance(value, dict):
        return {key: _usable_patterns(f"{path}.{key}", sub, known, origin, problems)
                for key, sub in value.items()}
    if not isinstance(value, list):
        problems.append(f"{origin}: '{path}' must be a list of patterns, not {value!r}")
        return []
    from tui.text.bounded_regex import pattern_problem  # the regex package: only when needed

    kept: list[str] = []
    for n, rx in enumerate(value):
        why = ("must be a string" if not isinstance(rx, str)
               else None if rx in known else pattern_problem(rx))
        if why is None:
            kept.append(rx)
        else:
            problems.append(f"{origin}: '{path}[{n}]' {why}; ignored ({rx!r})")
    return kept


def merge(base: dict[str, Any], override: Mapping[str, Any], origin: str,
          problems: list[str], prefix: str = "") -> None:
    """Lay `override` over `base` in place, keeping only keys and values the defaults allow."""
    for key, value in override.items():
        path = f"{prefix}{key}"
        if key not in base and prefix.rstrip(".") not in _OPEN_MAPPINGS:
            allowed = ", ".join(sorted(base)) or "none"
            problems.append(f"{origin}: unknown key '{path}' (allowed here: {allowed})")
            continue
        default = base.get(key)
        if isinstance(default, dict) and isinstance(value, dict) and path not in _OPEN_MAPPINGS:
            merge(default, value, origin, problems, prefix=f"{path}.")
            continue
        if default is not None and (why := _check_value(path, default, value)):
            problems.append(f"{origin}: '{path}' {why}")
            continue
        if path in _PATTERN_MAPPINGS or _is_pattern_list(path):
            value = _usable_patterns(path, value, _patterns_in(default), origin, problems)
        base[key] = value


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = read_yaml_file(path)
    except YamlError as exc:
        where = f" line {exc.line + 1}:" if exc.line is not None else ""
        raise ConfigError(f"{path}:{where} {exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror})") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: the top level must be a mapping of sections")
    return data


def user_config_path(explicit: str | os.PathLike[str] | None = None) -> Path | None:
    """The user's config file: --config, then $WARTA_CONFIG, then the XDG location."""
    if explicit:
        return Path(explicit)
    if env := os.environ.get("WARTA_CONFIG"):
        return Path(env)
    candidate = user_dir("config") / "config.yaml"
    return candidate if candidate.exists() else None


def _parse_set(item: str) -> tuple[str, Any]:
    key, sep, raw = item.partition("=")
    if not sep or not key:
        raise ConfigError(f"--set {item}: expected section.key=value")
    try:
        return key.strip(), parse_yaml(raw)
    except YamlError:
        return key.strip(), raw


def _nest(dotted: str, value: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    node = out
    parts = dotted.split(".")
    for part in parts[:-1]:
        node = node.setdefault(part, {})
    node[parts[-1]] = value
    return out


def load_config(path: str | os.PathLike[str] | None = None,
                overrides: Iterable[str] = ()) -> Config:
    """Load the packaged defaults, then the user's file, env and `--set` overrides.

    A problem in the user's layers is recorded in `problems` and that key keeps its
    default; an unreadable or unparsable user file raises ConfigError (one line).
    """
    defaults_path = bundled("config.yaml")
    data = copy.deepcopy(_read_yaml(defaults_path))
    problems: list[str] = []
    sources = [defaults_path]
    user = user_config_path(path)
    if user is not None:
        if not user.exists():
            raise ConfigError(f"{user}: config file not found")
        merge(data, _read_yaml(user), str(user), problems)
        sources.append(user)
    for var, dotted in _ENV_KEYS.items():
        if var in os.environ:
            merge(data, _nest(dotted, os.environ[var]), f"${var}", problems)
    for item in overrides:
        key, value = _parse_set(item)
        merge(data, _nest(key, value), f"--set {key}", problems)
    return Config(data, tuple(sources), tuple(problems))
