"""Every YAML file the project reads goes through here, and the one it writes for programs:
libyaml's parser when the text is valid, PyYAML's own parser when it is not.

A build reads the data files, front matter of every page in every language, the pending list
and the strings many times over; PyYAML's pure-Python parser spends about fourteen times longer
on them than libyaml does, and the nodes (tags, values, line and column of every value) are the
same. The messages editors see are built from PyYAML's errors (`tnsite.yamlerrors.explain`
knows their wording and where they point), so a text libyaml refuses is parsed again by PyYAML
to raise exactly the error it always raised.
"""

from __future__ import annotations

from typing import Any

import yaml

IMPOSSIBLE_DATE = "impossible date"


class SafeLoader(yaml.SafeLoader):
    """PyYAML's safe loader, except that a date that does not exist (`2025-02-30`) is a YAML
    error at its line, like any other mistake in the file, not a Python error that stops the
    whole build without saying where."""


def _timestamp(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)  # type: ignore[arg-type]
    except ValueError:
        raise yaml.constructor.ConstructorError(
            None, None, f"{IMPOSSIBLE_DATE} {node.value!r}", node.start_mark
        ) from None


SafeLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)
_C_AVAILABLE = bool(getattr(yaml, "__with_libyaml__", False))
_FAST: dict[type[yaml.SafeLoader], type[Any]] = {}


def _fast(loader: type[yaml.SafeLoader]) -> type[Any] | None:
    """libyaml's parser with the resolvers and constructors of `loader` (None without libyaml)."""
    if not _C_AVAILABLE:
        return None
    if loader in _FAST:
        return _FAST[loader]
    _FAST[loader] = type(
        f"C{loader.__name__}",
        (yaml.CSafeLoader,),
        {
            "yaml_implicit_resolvers": loader.yaml_implicit_resolvers,
            "yaml_path_resolvers": loader.yaml_path_resolvers,
            "yaml_constructors": loader.yaml_constructors,
            "yaml_multi_constructors": loader.yaml_multi_constructors,
        },
    )
    return _FAST[loader]


def compose(text: str, loader: type[yaml.SafeLoader] = SafeLoader) -> yaml.Node | None:
    """The document's node tree (None for an empty document); raises PyYAML's `YAMLError`."""
    fast = _fast(loader)
    if fast is not None:
        try:
            return yaml.compose(text, Loader=fast)
        except yaml.YAMLError:
            pass
    return yaml.compose(text, Loader=loader)


def construct(node: yaml.Node | None, loader: type[yaml.SafeLoader] = SafeLoader) -> Any:
    """The Python value of a composed node, so a file is parsed once for nodes and values."""
    if node is None:
        return None
    constructor = (_fast(loader) or loader)("")
    return constructor.construct_document(node)


def load(text: str, loader: type[yaml.SafeLoader] = SafeLoader) -> Any:
    """The document's value (None for an empty document); raises PyYAML's `YAMLError`."""
    fast = _fast(loader)
    if fast is not None:
        try:
            return yaml.load(text, Loader=fast)
        except yaml.YAMLError:
            pass
    return yaml.load(text, Loader=loader)


def dump(value: Any, **options: Any) -> str:
    """YAML text for a file only programs read (the web editor's configuration), written by
    libyaml's emitter when there is one. Text whose bytes are hashed (translation snapshots)
    keeps PyYAML's own emitter, so that its hashes never change with the emitter."""
    dumper = yaml.CSafeDumper if _C_AVAILABLE else yaml.SafeDumper
    return str(yaml.dump(value, Dumper=dumper, **options))
