"""The pipeline, the dump readers, the reader session and the batch engine stay importable
without Textual."""

import subprocess
import sys


def test_text_dumps_and_batch_import_no_textual() -> None:
    code = (
        "import sys, pkgutil, importlib, tui.text, tui.dumps, tui.session, tui.batch\n"
        "import tui.startup, tui.analyser, tui.document_cache\n"
        "for pkg in (tui.text, tui.dumps, tui.session, tui.batch):\n"
        "    for m in pkgutil.iter_modules(pkg.__path__):\n"
        "        importlib.import_module(f'{pkg.__name__}.{m.name}')\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
