"""Tests use the same GitHub-Pages-like server as the audit."""

from tnsite.audit.server import SiteServer

__all__ = ["SiteServer"]
