"""Benchmarks of the site's tooling (run as scripts: `.venv/bin/python bench/links.py`)."""
