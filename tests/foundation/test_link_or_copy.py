import errno
import os
from pathlib import Path

from tnsite.atomic import link_or_copy
from tnsite.images.cache import ContentCache


def test_a_cached_file_reaches_the_site_as_a_read_only_link(tmp_path: Path) -> None:
    cache = ContentCache(tmp_path / "cache")
    cache.store("ab" * 32, {"card.png": b"png bytes"}, {"note": None})
    dest = tmp_path / "site" / "assets" / "card.png"
    cache.place("ab" * 32, "card.png", dest)
    source = cache.folder("ab" * 32) / "card.png"
    assert dest.read_bytes() == b"png bytes"
    assert os.path.samefile(source, dest)
    # Read-only for everyone: a tool editing the built file in place fails (except as root,
    # which ignores modes) instead of changing the cache under every later build.
    assert not dest.stat().st_mode & 0o222


def test_an_older_writable_entry_is_made_read_only_when_placed(tmp_path: Path) -> None:
    cache = ContentCache(tmp_path / "cache")
    key = "cd" * 32
    folder = cache.store(key, {"card.png": b"old"}, {})
    (folder / "card.png").chmod(0o644)
    cache.place(key, "card.png", tmp_path / "out.png")
    assert not (folder / "card.png").stat().st_mode & 0o222


def test_an_existing_file_is_replaced_not_written_through(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    first.write_bytes(b"first")
    second.write_bytes(b"second")
    dest = tmp_path / "site" / "file"
    link_or_copy(first, dest)
    link_or_copy(second, dest)  # a rebuild into the same folder (the preview)
    assert dest.read_bytes() == b"second"
    assert first.read_bytes() == b"first"


def test_a_file_system_without_links_gets_a_copy(tmp_path: Path, monkeypatch) -> None:
    def refuse(src: object, dst: object) -> None:
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr(os, "link", refuse)
    source = tmp_path / "source"
    source.write_bytes(b"bytes")
    dest = tmp_path / "dest"
    link_or_copy(source, dest)
    assert dest.read_bytes() == b"bytes"
    assert not os.path.samefile(source, dest)
