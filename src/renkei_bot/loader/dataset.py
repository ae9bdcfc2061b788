"""Validated loading of data/*.yaml into a Dataset. The only module that imports yaml.

Every *.yaml file directly in the data dir is loaded (sorted by name); its top-level key says what it
holds: events, entities, partners, rows (the counts table) or corrections. Several events, entities
or corrections files are merged (a hand-written events-2022.yaml sits beside the generated
events.yaml); there must be exactly one partners file and one counts file. Problems are collected
and raised together in one DataError, each naming the file, the record, the field and the fix.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from renkei_bot.errors import DataError
from renkei_bot.loader import manifest
from renkei_bot.loader.cache import cache_dir_from_env, cache_key, cache_path, read_cache, write_cache
from renkei_bot.loader.checks import Collected, assemble
from renkei_bot.loader.events import parse_events
from renkei_bot.loader.fields import Problems, Reader
from renkei_bot.loader.files import data_files, display_path
from renkei_bot.loader.tables import parse_corrections, parse_counts, parse_entities, parse_partners
from renkei_bot.records import Dataset

# libyaml's CSafeLoader parses about ten times faster; PyYAML built without libyaml lacks it.
_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TAG = "tag:yaml.org,2002:"


class _YamlLoader(_Base):  # type: ignore[valid-type,misc]
    """Unquoted dates stay strings: we check them ourselves, and PyYAML would raise a bare
    ValueError without a line number for 2016-04-31."""


_YamlLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != _TAG + "timestamp"]
    for first, resolvers in _Base.yaml_implicit_resolvers.items()
}
_RESOLVERS: dict[str, list[tuple[str, re.Pattern[str]]]] = _YamlLoader.yaml_implicit_resolvers
_SIMPLE_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_NO_KEY = object()


class _Unusual(Exception):
    """Something the fast builder leaves to PyYAML's own (slower) loader: tags, complex keys."""


class _Alias(Exception):
    """An anchor or alias (&x, *x): refused, as a few hundred bytes of them can expand beyond memory."""

    def __init__(self, mark: Any) -> None:
        super().__init__()
        self.mark = mark


def _refuse_aliases(text: str) -> None:
    """Raise _Alias at the first anchor or alias; parse events only, nothing is built or expanded."""
    for event in yaml.parse(text, Loader=_Base):
        if type(event) is yaml.AliasEvent or getattr(event, "anchor", None):
            raise _Alias(event.start_mark)


def _scalar(event: Any) -> object:
    value: str = event.value
    if event.tag not in (None, "!", _TAG + "str"):
        raise _Unusual
    if not event.implicit[0]:  # quoted, or tagged !!str
        return value
    for tag, regexp in _RESOLVERS.get(value[:1], ()):  # the same resolution as SafeLoader
        if regexp.match(value):
            if tag == _TAG + "null":
                return None
            if tag == _TAG + "int" and _SIMPLE_INT.fullmatch(value):
                return int(value)
            if tag in (_TAG + "int", _TAG + "float", _TAG + "bool"):
                return _CONSTRUCTOR.yaml_constructors[tag](_CONSTRUCTOR, yaml.ScalarNode(tag, value))
            raise _Unusual
    return value


def _fast_load(text: str) -> tuple[object, list[tuple[object, Any]]]:
    """What yaml.load gives, built straight from libyaml's parse events (about 4x faster than
    PyYAML's composer and constructor), plus the duplicate mapping keys that yaml.load hides."""
    root: object = None
    stack: list[Any] = []  # open lists and dicts
    keys: list[object] = []  # per open container: the mapping key waiting for its value
    duplicates: list[tuple[object, Any]] = []  # (key, yaml mark)
    parser = _Base(text)
    get_event: Callable[[], Any] = (
        parser.get_event
    )  # not yaml.parse: its generator costs as much as libyaml's parsing
    try:
        while True:
            event = get_event()
            kind = type(event)
            if kind is yaml.ScalarEvent:
                value: object = _scalar(event)
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                if event.tag is not None and event.tag not in (_TAG + "map", _TAG + "seq"):
                    raise _Unusual
                value = {} if kind is yaml.MappingStartEvent else []
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                stack.pop()
                keys.pop()
                continue
            elif kind is yaml.AliasEvent:
                raise _Alias(event.start_mark)
            elif kind is yaml.StreamEndEvent:
                break
            elif kind is yaml.DocumentStartEvent and root is not None:
                raise _Unusual  # a second document: let yaml.load say so
            else:
                continue
            if event.anchor:
                raise _Alias(event.start_mark)
            if not stack:
                root = value
            elif type(stack[-1]) is list:
                stack[-1].append(value)
            elif keys[-1] is _NO_KEY:
                if isinstance(value, (dict, list)):
                    raise _Unusual  # a complex key
                keys[-1] = value
            else:
                if keys[-1] in stack[-1]:
                    duplicates.append((keys[-1], event.start_mark))
                stack[-1][keys[-1]] = value
                keys[-1] = _NO_KEY
            if kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                stack.append(value)
                keys.append(_NO_KEY)
    finally:
        parser.dispose()
    return root, duplicates


# top-level key → (what the file holds, the other top-level keys allowed beside it)
KINDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "events": ("events", ("source",)),
    "entities": ("entities", ()),
    "partners": ("partners", ("source", "line", "total", "total_line")),
    "rows": ("counts", ("source", "line", "as_of", "years", "notes", "flags")),
    "corrections": ("corrections", ()),
}
_ACCEPTED = "events, entities, partners, rows (the counts table), corrections"


@dataclass(frozen=True, slots=True)
class Loaded:
    dataset: Dataset
    cache_hit: bool
    cache_file: Path | None  # where the cache is (or would be); None when the cache is off


def load_dataset(
    data_dir: Path,
    *,
    cache_dir: Path | None = None,
    env: Mapping[str, str] | None = None,
    use_cache: bool = True,
) -> Dataset:
    """Load and validate every *.yaml in data_dir; raise DataError naming every problem found."""
    return load(data_dir, cache_dir=cache_dir, env=env, use_cache=use_cache).dataset


def load(
    data_dir: Path,
    *,
    cache_dir: Path | None = None,
    env: Mapping[str, str] | None = None,
    use_cache: bool = True,
) -> Loaded:
    """As load_dataset, also saying whether the cache served it.

    The cache dir is `cache_dir`, else from env (os.environ when None): $RENKEI_CACHE_DIR,
    $XDG_CACHE_HOME/renkei-bot or ~/.cache/renkei-bot. use_cache=False or RENKEI_CACHE_DIR=off turns it off.
    """
    files = read_files(data_dir)
    manifest.check(data_dir, files)
    directory: Path | None = None
    if use_cache:
        directory = (
            cache_dir if cache_dir is not None else cache_dir_from_env(os.environ if env is None else env)
        )
    key = cache_key(files)
    if directory is not None:
        cached = read_cache(directory, key)
        if cached is not None:
            return Loaded(cached, cache_hit=True, cache_file=cache_path(directory, key))
    dataset = parse_files(files)
    written = write_cache(directory, key, dataset) if directory is not None else None
    return Loaded(dataset, cache_hit=False, cache_file=written)


def read_files(data_dir: Path) -> list[tuple[str, bytes]]:
    """(display name, bytes) of every *.yaml file in data_dir, sorted by name."""
    return [(display_path(data_dir, path), _read(data_dir, path)) for path in data_files(data_dir)]


def _read(data_dir: Path, path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise DataError(f"{display_path(data_dir, path)}: cannot be read ({exc.strerror}); check it") from exc


def record_counts(files: list[tuple[str, bytes]]) -> dict[str, int]:
    """The number of records in each (display name, bytes) file, for the manifest; DataError if unreadable."""
    problems = Problems()
    counts: dict[str, int] = {}
    for where, content in files:
        top = _parse_yaml(problems, where, content)
        kinds = [key for key in (top or {}) if key in KINDS]
        items = top.get(kinds[0]) if top is not None and len(kinds) == 1 else None
        counts[where] = len(items) if isinstance(items, list) else 0
    problems.raise_if_any()
    return counts


def parse_files(files: list[tuple[str, bytes]]) -> Dataset:
    """(display name, bytes) of each file → a validated Dataset, or DataError with every problem."""
    problems = Problems()
    collected = Collected(files=[name for name, _ in files])
    for where, content in files:
        top = _parse_yaml(problems, where, content)
        if top is not None:
            _collect(problems, where, top, collected)
    dataset = assemble(problems, collected)
    problems.raise_if_any()
    assert dataset is not None  # assemble returns None only after adding a problem
    return dataset


def _parse_yaml(problems: Problems, where: str, content: bytes) -> dict[object, object] | None:
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as exc:
        problems.add(f"{where}: is not UTF-8 text (bad byte at offset {exc.start}); save it as UTF-8")
        return None
    try:
        try:
            top, duplicates = _fast_load(text)
        except _Unusual:
            _refuse_aliases(text)
            top, duplicates = yaml.load(text, Loader=_YamlLoader), []  # a safe loader
    except _Alias as exc:
        at = f"{where}:{exc.mark.line + 1}:{exc.mark.column + 1}"
        problems.add(
            f"{at}: YAML anchors and aliases (&name, *name) are not allowed in data files; write the value out"
        )
        return None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        at = f"{where}:{mark.line + 1}:{mark.column + 1}" if mark else where
        what = " ".join(part for part in (exc.context, exc.problem) if part)
        problems.add(f"{at}: YAML syntax error: {what}; fix the syntax there")
        return None
    except yaml.YAMLError as exc:
        problems.add(f"{where}: YAML error: {exc}")
        return None
    for key, mark in duplicates:
        problems.add(
            f"{where}:{mark.line + 1}:{mark.column + 1}: the key {key!r} appears twice in one mapping; "
            "keep one (YAML would silently drop the first)"
        )
    if top is None:
        problems.add(f"{where}: the file is empty; give it a top-level key ({_ACCEPTED}) or delete it")
        return None
    if not isinstance(top, dict):
        problems.add(
            f"{where}: the top level is a {type(top).__name__}, not a mapping; "
            f"start the file with one of the keys {_ACCEPTED}"
        )
        return None
    return top


def _collect(problems: Problems, where: str, top: dict[object, object], into: Collected) -> None:
    kinds = [key for key in top if key in KINDS]
    if len(kinds) != 1:
        found = ", ".join(str(key) for key in top) or "none"
        what = "no known" if not kinds else "more than one"
        problems.add(
            f"{where}: {what} top-level key (found: {found}); a data file has exactly one of {_ACCEPTED}"
        )
        return
    key = str(kinds[0])
    kind, others = KINDS[key]
    if kind == "partners":
        table = parse_partners(problems, where, top)
        if table is not None:
            into.partners.append((where, table))
        return
    if kind == "counts":
        counts = parse_counts(problems, where, top)
        if counts is not None:
            into.counts.append((where, counts))
        return
    reader = Reader(problems, where, top)
    reader.only((key, *others))
    reader.text("source", required=False)
    items = reader.sequence(key)
    if kind == "events":
        into.events.extend((where, e) for e in parse_events(problems, where, items, into.invalid_ids))
    elif kind == "entities":
        into.entities.extend((where, e) for e in parse_entities(problems, where, items, into.invalid_ids))
    else:
        into.corrections.extend(
            (where, c) for c in parse_corrections(problems, where, items, into.invalid_ids)
        )
