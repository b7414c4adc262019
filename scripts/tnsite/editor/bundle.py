"""The editor's third-party code, copied from node_modules at build time.

Nothing is downloaded during the build and nothing is loaded from a CDN: `make build` installs the
pinned npm packages (package-lock.json) and the build copies the files the editor needs into
/admin/. Without node_modules the build stops with the command that installs them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tnsite.atomic import link_or_copy
from tnsite.findings import Msg, SetupMissing

NPM_STAMP_COMMAND = "make build"  # installs the pinned npm packages first


class BundleMissing(SetupMissing):
    """node_modules lacks a package the editor needs; the message says how to install it."""


@dataclass(frozen=True)
class Part:
    package: str  # npm package
    source: str  # folder inside the package
    patterns: tuple[str, ...]  # files to copy (glob, relative to source)
    target: str  # folder inside /admin/


PARTS = (
    Part(
        "decap-cms",
        "dist",
        ("decap-cms.js", "[0-9]*.decap-cms.js", "*.wasm", "decap-cms.js.LICENSE.txt"),
        "vendor/decap-cms",
    ),
    Part("yaml", "browser/dist", ("**/*.js",), "vendor/yaml"),
    Part("yaml", "", ("LICENSE",), "vendor/yaml"),
)


def _package_dir(root: Path, package: str) -> Path:
    folder = root / "node_modules" / package
    if not (folder / "package.json").is_file():
        raise BundleMissing(
            Msg(
                f"the web editor needs the npm package '{package}' in node_modules/: run "
                f"`{NPM_STAMP_COMMAND}` (installs the versions pinned in package-lock.json) "
                "and build again",
                f"trình biên tập web cần gói npm '{package}' trong node_modules/: chạy "
                f"`{NPM_STAMP_COMMAND}` (cài đúng các phiên bản ghi trong package-lock.json) "
                "rồi dựng lại",
            )
        )
    return folder


def copy_bundle(root: Path, admin: Path) -> list[Path]:
    """Copy every part into `admin`; returns the files written."""
    written: list[Path] = []
    for part in PARTS:
        base = _package_dir(root, part.package) / part.source
        found = [p for pattern in part.patterns for p in sorted(base.glob(pattern)) if p.is_file()]
        if not found:
            raise BundleMissing(
                Msg(
                    f"node_modules/{part.package}/{part.source} has none of "
                    f"{', '.join(part.patterns)}: reinstall with `rm -rf node_modules && "
                    f"{NPM_STAMP_COMMAND}`",
                    f"node_modules/{part.package}/{part.source} thiếu các tệp "
                    f"{', '.join(part.patterns)}: cài lại bằng `rm -rf node_modules && "
                    f"{NPM_STAMP_COMMAND}`",
                )
            )
        for file in found:
            dest = admin / part.target / file.relative_to(base)
            link_or_copy(file, dest)  # nothing edits the bundle once it is in the site
            written.append(dest)
    return written
