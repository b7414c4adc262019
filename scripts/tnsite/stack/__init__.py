"""The one boundary between the project and the frozen stack under it.

MkDocs 1.6 is the last 1.x, Material for MkDocs 9.x is in maintenance until its announced end
of life, and mkdocs-static-i18n 1.3.1 is its last release. Everything the project knows about
their internals (Material's markup, its JavaScript bundle and search worker, its search
indexer; static-i18n's per-language builds, its fallback rule and the attributes it puts on
files; MkDocs' development server, which `tnsite serve` extends) lives in this package,
behind a version gate, and every rewrite of their output is counted so that an upgrade that
changes them stops the build here instead of failing silently.

The rest of the package uses MkDocs' public plugin API and reads Markdown, data and built HTML;
moving off the stack means rewriting this package, not the checks.
"""
