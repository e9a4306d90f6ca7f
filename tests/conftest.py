"""Suite-wide: the parsed-YAML cache lives in a folder of this run, not the user's; the
shipped boilerplate rules, built once for every cleaning test."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tui.config import load_config
from tui.text.boilerplate_rules import BoilerplateRules


@pytest.fixture(autouse=True, scope="session")
def _own_cache_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    before = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache-home"))
    yield
    if before is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = before


@pytest.fixture(scope="session")
def rules(_own_cache_home: None) -> BoilerplateRules:
    """The rules of the shipped config.yaml."""
    return BoilerplateRules.from_config(load_config().analysis.boilerplate)
