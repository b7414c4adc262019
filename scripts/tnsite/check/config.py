"""Options of the check plugin."""

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class CheckConfig(Config):
    # Where the findings of the last build go (JSON, project-relative).
    report = c.Type(str, default="reports/check.json")
    # Run the checks of the built site (links, anchors, hreflang, sitemap) after the build.
    site_checks = c.Type(bool, default=True)
    # Where results of the build's scans, renders and checks are kept between builds, by the
    # digest of their inputs and of the code (tnsite.memo); "" keeps them in memory only.
    kept_results = c.Type(str, default=".cache/memo")
