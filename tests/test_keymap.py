"""The keymap: every binding has an id, defaults as in the README, remapping is checked."""

from __future__ import annotations

from tui.keymap import BY_ID, SPECS, Scope, bindings, display_keys, effective_keys, resolve


def test_every_binding_has_a_unique_id() -> None:
    ids = [spec.id for spec in SPECS]
    assert len(ids) == len(set(ids))
    for scope in Scope:
        assert all(b.id for b in bindings(scope))


def test_defaults_match_the_design_table() -> None:
    expect = {
        "cursor_down": "j,down", "cursor_up": "k,up", "next_article": "J", "prev_article": "K",
        "first": "g,home", "last": "G,end", "page_down": "pagedown", "page_up": "pageup",
        "article_page_down": "space,ctrl+f", "article_page_up": "ctrl+b",
        "article_half_down": "ctrl+d", "article_half_up": "ctrl+u", "read_article": "enter",
        "next_section": "right_square_bracket", "prev_section": "left_square_bracket",
        "focus_next": "tab", "focus_previous": "shift+tab", "toggle_boilerplate": "b",
        "toggle_entities": "e", "toggle_meta": "m", "filter": "slash", "next_match": "n",
        "prev_match": "N", "keep": "a", "reject": "x", "skip": "s", "flag": "f", "undo": "u",
        "pick_theme": "t", "help": "question_mark", "quit": "q,ctrl+c", "command_palette": "ctrl+p",
    }
    for binding_id, keys in expect.items():
        assert BY_ID[binding_id].keys == keys, binding_id


def test_no_two_default_bindings_share_a_key() -> None:
    seen: dict[str, str] = {}
    for spec in SPECS:
        if spec.scope in (Scope.MODAL, Scope.HELP):
            continue
        for key in spec.keys.split(","):
            assert key not in seen, f"{key} bound to {seen.get(key)} and {spec.id}"
            seen[key] = spec.id


def test_resolve_accepts_friendly_key_names() -> None:
    keymap, problems = resolve({"help": "?, f1", "next_section": "]"})
    assert problems == []
    assert keymap == {"help": "question_mark,f1", "next_section": "right_square_bracket"}
    assert display_keys(keymap["help"]) == "?, f1"


def test_resolve_reports_unknown_ids_bad_keys_and_clashes() -> None:
    keymap, problems = resolve({"nope": "z", "quit": "ctrl+", "help": 3,
                                "next_article": "b"}, origin="/home/u/config.yaml")
    assert "nope" not in keymap and "quit" not in keymap and "help" not in keymap
    assert keymap["next_article"] == "b"
    text = "\n".join(problems)
    assert "/home/u/config.yaml: keymap: unknown binding id 'nope'" in text
    assert "'ctrl+' is not a key name" in text
    assert "help needs keys" in text
    assert "'b' is bound to both next_article and toggle_boilerplate" in text


def test_effective_keys_overlay_the_defaults() -> None:
    current = effective_keys({"quit": "ctrl+q"})
    assert current["quit"] == "ctrl+q" and current["help"] == "question_mark"


def test_config_yaml_documents_every_binding_id() -> None:
    from tui.resources import bundled

    text = bundled("config.yaml").read_text(encoding="utf-8")
    section = text[text.index("# Remap keys by binding id"):text.index("keymap: {}")]
    for spec in SPECS:
        if spec.id.startswith("label_") and spec.id not in ("label_1", "label_9"):
            continue
        assert spec.id in section, spec.id
