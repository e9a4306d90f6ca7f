# `make run` and `make test` bootstrap .venv themselves on a fresh machine.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python

.PHONY: run test lint bench model clean

$(VENV)/.base: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e .
	touch $@

$(VENV)/.test: pyproject.toml $(VENV)/.base
	$(PY) -m pip install -q -e '.[test]'
	touch $@

run: $(VENV)/.base
	$(VENV)/bin/warta seeds

test: lint
	$(PY) -m pytest -q

lint: $(VENV)/.test
	$(PY) -m ruff check tui tests bench tools

bench: $(VENV)/.test
	$(PY) bench/run_all.py

# Retrains the entity tagger from ../shared/data/ner (seeded) into tui/text/data/ and
# prints its dev-split scores; tests/test_tagger_model.py checks the two stay in step.
model: $(VENV)/.base
	$(PY) tools/train_tagger.py

clean:
	rm -rf $(VENV) build dist *.egg-info
