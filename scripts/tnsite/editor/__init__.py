"""The web editor at /admin/ (Decap CMS): its configuration generated from mkdocs.yml and the
schemas, the translation view's data, the bundle copied from node_modules, and the reporter that
turns `tnsite check` findings into pull-request annotations for the editors."""
