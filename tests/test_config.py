"""The one config loader: layering, validation messages, and the packaged defaults."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.config import ConfigError, load_config


@pytest.fixture(autouse=True)
def _no_user_config(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("WARTA_CONFIG", raising=False)
    monkeypatch.delenv("WARTA_THEME", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "user.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_load_without_problems() -> None:
    config = load_config()
    assert config.problems == ()
    assert config.get("ui.theme") == "warta-dark"
    assert config.get("entities.backend") == "crf"
    assert config.analysis.detect_language is True


def test_user_file_overrides_key_by_key(tmp_path: Path) -> None:
    path = _write(tmp_path, "ui:\n  theme: warta-light\n")
    config = load_config(path)
    assert config.get("ui.theme") == "warta-light"
    assert config.get("ui.measure") == load_config().get("ui.measure")  # untouched sibling
    assert config.sources[-1] == path


def test_layers_apply_in_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path, "ui:\n  theme: warta-light\n")
    monkeypatch.setenv("WARTA_THEME", "high-contrast")
    assert load_config(path).get("ui.theme") == "high-contrast"  # env beats file
    assert load_config(path, ["ui.theme=ansi"]).get("ui.theme") == "ansi"  # flags beat env


def test_xdg_and_env_locations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    xdg = tmp_path / "xdg" / "warta"
    xdg.mkdir(parents=True)
    (xdg / "config.yaml").write_text("ui:\n  measure: 70\n", encoding="utf-8")
    assert load_config().get("ui.measure") == 70
    other = _write(tmp_path, "ui:\n  measure: 60\n")
    monkeypatch.setenv("WARTA_CONFIG", str(other))
    assert load_config().get("ui.measure") == 60


def test_unknown_key_names_file_key_and_allowed(tmp_path: Path) -> None:
    path = _write(tmp_path, "ui:\n  colour: red\n")
    config = load_config(path)
    (problem,) = config.problems
    assert str(path) in problem
    assert "'ui.colour'" in problem
    assert "theme" in problem and "measure" in problem  # what is allowed there
    assert config.get("ui.theme") == "warta-dark"  # the rest still loads


def test_wrong_kind_and_bad_choice_keep_the_default(tmp_path: Path) -> None:
    path = _write(tmp_path, "ui:\n  measure: wide\nentities:\n  backend: magic\n")
    config = load_config(path)
    assert len(config.problems) == 2
    measure, backend = sorted(config.problems)
    assert "'entities.backend'" in measure and "crf, rules, spacy" in measure
    assert "'ui.measure'" in backend and "a number" in backend
    assert config.get("ui.measure") == load_config().get("ui.measure")
    assert config.get("entities.backend") == "crf"


def test_unknown_boilerplate_reason_is_reported(tmp_path: Path) -> None:
    path = _write(tmp_path, "boilerplate:\n  patterns:\n    junk:\n      en: ['^foo']\n")
    (problem,) = load_config(path).problems
    assert "unknown reason 'junk'" in problem and "related" in problem


def test_keymap_accepts_any_binding_id_with_string_keys(tmp_path: Path) -> None:
    path = _write(tmp_path, "keymap:\n  next_article: ctrl+n\n")
    assert load_config(path).get("keymap") == {"next_article": "ctrl+n"}
    bad = _write(tmp_path, "keymap:\n  next_article: 3\n")
    assert "key strings" in load_config(bad).problems[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ui: [unclosed\n", "line"),
        ("- just\n- a list\n", "top level must be a mapping"),
    ],
)
def test_unusable_file_is_one_line_error(tmp_path: Path, text: str, expected: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    message = str(info.value)
    assert str(path) in message and expected in message and "\n" not in message


def test_missing_explicit_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="config file not found"):
        load_config(tmp_path / "nope.yaml")


def test_set_needs_key_and_value() -> None:
    with pytest.raises(ConfigError, match=r"expected section\.key=value"):
        load_config(None, ["ui.theme"])


def test_a_yaml_error_at_the_end_names_a_line_the_file_has(tmp_path: Path) -> None:
    path = tmp_path / "user.yaml"
    path.write_text("analysis:\n  language: [yes\n", encoding="utf-8")  # two lines
    with pytest.raises(ConfigError) as refused:
        load_config(path)
    message = str(refused.value)
    assert "line 3" not in message and "line 2" in message
    assert message.startswith(f"{path}: line 2: ") and "\n" not in message
