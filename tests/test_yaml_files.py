"""YAML files are parsed once per content, then read back from a JSON copy."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from tui import yaml_files


def test_a_yaml_file_is_parsed_once_then_read_from_its_json_copy(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    path = tmp_path / "a.yaml"
    path.write_text("ui: {theme: warta-light, measure: 70}\nkeymap: {quit: x}\n", "utf-8")
    first = yaml_files.read_yaml_file(path)
    assert first == {"ui": {"theme": "warta-light", "measure": 70}, "keymap": {"quit": "x"}}
    assert len(list((tmp_path / "cache" / "warta" / "parsed").glob("*.json"))) == 1

    def no_parse(source: str) -> None:
        raise AssertionError("parsed again")

    monkeypatch.setattr(yaml_files, "parse_yaml", no_parse)
    assert yaml_files.read_yaml_file(path) == first  # the same bytes: the copy
    path.write_text("ui: {measure: 71}\n", "utf-8")
    with pytest.raises(AssertionError, match="parsed again"):
        yaml_files.read_yaml_file(path)  # changed: parsed again


def test_the_parse_cache_keeps_only_what_json_gives_back(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    dated = tmp_path / "d.yaml"
    dated.write_text("when: 2024-05-01\n1: one\n", "utf-8")
    assert yaml_files.read_yaml_file(dated) == {"when": datetime.date(2024, 5, 1), 1: "one"}
    assert not (tmp_path / "cache" / "warta" / "parsed").exists()  # not kept: JSON would differ
    good = tmp_path / "g.yaml"
    good.write_text("a: [1, 2]\n", "utf-8")
    yaml_files.read_yaml_file(good)
    (kept,) = (tmp_path / "cache" / "warta" / "parsed").glob("*.json")
    kept.write_text("{not json", "utf-8")  # damaged: parsed again, and mended
    assert yaml_files.read_yaml_file(good) == {"a": [1, 2]}
    assert json.loads(kept.read_text("utf-8")) == {"a": [1, 2]}
    bad = tmp_path / "b.yaml"
    bad.write_text("a: [1,\nb: 2\n", "utf-8")
    with pytest.raises(yaml_files.YamlError) as err:
        yaml_files.read_yaml_file(bad)
    assert err.value.line is not None
