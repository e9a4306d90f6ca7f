"""The reader's session without Textual: triage rules, analysis, watching other writers.

Between the screens and the dumps: the screens call in and get Outcomes or callbacks
back, the store and the dump stay below. Never imports textual (tests/test_layers.py,
and the import-linter contract in pyproject.toml).
"""
