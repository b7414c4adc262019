"""The whole Decap CMS configuration (admin/config.yml), generated at build time.

The production editor signs in to GitHub and works in the editorial workflow (every edit a pull
request that CI checks); tests and the `tnsite edit` command point the same configuration at a
local decap-server that writes straight into a working tree.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from tnsite.config import Project
from tnsite.editor.collections import collections, photo_paths

# Commit and pull-request titles, read by the Department in GitHub's history.
COMMIT_MESSAGES = {
    "create": "Tạo {{collection}} “{{slug}}”",
    "update": "Sửa {{collection}} “{{slug}}”",
    "delete": "Xóa {{collection}} “{{slug}}”",
    "uploadMedia": "Tải lên “{{path}}”",
    "deleteMedia": "Xóa “{{path}}”",
    "openAuthoring": "{{message}}",
}


@dataclass(frozen=True)
class Backend:
    name: str  # "github" or "proxy" (a local decap-server)
    repo: str = ""
    branch: str = "main"
    base_url: str = ""
    auth_endpoint: str = "auth"
    proxy_url: str = ""

    @property
    def origin(self) -> str:
        """The origin the browser must reach besides the site itself (for the CSP)."""
        if self.name == "github":
            return "https://api.github.com"
        parts = urlsplit(self.proxy_url)
        return f"{parts.scheme}://{parts.netloc}"

    def to_config(self) -> dict[str, Any]:
        if self.name == "proxy":
            return {"name": "proxy", "proxy_url": self.proxy_url, "branch": self.branch}
        out: dict[str, Any] = {
            "name": "github",
            "repo": self.repo,
            "branch": self.branch,
            "squash_merges": True,
            "commit_messages": COMMIT_MESSAGES,
        }
        if self.base_url:
            out["base_url"] = self.base_url
            out["auth_endpoint"] = self.auth_endpoint
        return out


def repo_from_site_url(site_url: str) -> str:
    """'https://tayninh.github.io/' → 'tayninh/tayninh.github.io' (a GitHub Pages user site is
    published from the repository of that name); '' for any other address."""
    host = urlsplit(site_url).hostname or ""
    if host.endswith(".github.io") and host.count(".") == 2:
        return f"{host.split('.')[0]}/{host}"
    return ""


def cms_config(project: Project, backend: Backend, ui_language: str = "vi") -> dict[str, Any]:
    photos = photo_paths(project)
    config: dict[str, Any] = {
        "backend": backend.to_config(),
        "locale": ui_language,
        "site_url": project.site_url,
        "display_url": project.site_url,
        "media_folder": photos.folder,
        "public_folder": "/" + photos.folder,
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": collections(project),
    }
    if backend.name == "github":
        config["publish_mode"] = "editorial_workflow"
    return config
