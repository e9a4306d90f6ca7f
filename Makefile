# `make run` and `make test` bootstrap .venv themselves on a fresh machine.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python

FUZZ_SECONDS ?= 600

.PHONY: run test lint bench fuzz model clean

$(VENV)/.base: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e .
	touch $@

$(VENV)/.test: pyproject.toml $(VENV)/.base
	$(PY) -m pip install -q -e '.[test]'
	touch $@

$(VENV)/.fuzz: pyproject.toml $(VENV)/.base
	$(PY) -m pip install -q -e '.[fuzz]'
	touch $@

run: $(VENV)/.base
	$(VENV)/bin/warta seeds

test: lint
	$(PY) -m pytest -q -n auto

lint: $(VENV)/.test
	$(PY) -m ruff check tui tests bench tools
	$(VENV)/bin/lint-imports

bench: $(VENV)/.test
	$(PY) bench/run_all.py

# Not part of `make test`: runs for FUZZ_SECONDS (default ten minutes).
fuzz: $(VENV)/.fuzz
	$(PY) tools/fuzz.py --seconds $(FUZZ_SECONDS)

# Retrains the entity tagger from ../shared/data/ner (seeded) into tui/text/data/ and
# prints its dev-split scores; tests/test_tagger_model.py checks the two stay in step.
model: $(VENV)/.base
	$(PY) tools/train_tagger.py

clean:
	rm -rf $(VENV) build dist *.egg-info
