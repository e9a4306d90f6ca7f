"""Data files shipped with the text pipeline (see README.md here for sources and licences)."""
