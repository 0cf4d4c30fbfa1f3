"""Model -> {path under docs/: text}. No file I/O here; site.py writes what these return."""
