"""warta: a keyboard-driven terminal reader for dumps of scraped news articles."""

__version__ = "0.1.0"
