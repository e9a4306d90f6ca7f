"""Text understanding: plain Python over plain data; no Textual, no file I/O."""
