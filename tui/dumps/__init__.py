"""Reading dumps of articles from disk; no Textual."""
