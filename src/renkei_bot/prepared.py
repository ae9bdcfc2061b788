"""The engine's indexes, built once per data and code, cached beside the parsed dataset.

At ×1000 (145,000 events) building the store's indexes, the text index and the entity dictionary took
far longer than reading the records. They are pickled together, keyed by the data files' bytes and the
source of every module of the package (any code change is a miss: never a stale index), and read
back with the garbage collector paused and the records rebuilt through their constructors, not
through dataclasses' Python __setstate__ (four times faster).
"""

from __future__ import annotations

import contextlib
import copyreg
import dataclasses
import hashlib
import io
import os
import pickle
from collections.abc import Callable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from renkei_bot import collector, records
from renkei_bot.atomic import write_bytes_atomically
from renkei_bot.followups import Followups, load_followups
from renkei_bot.loader.cache import cache_dir_from_env, remembered_files_key
from renkei_bot.loader.files import data_files, display_path
from renkei_bot.nlu.entities import EntityIndex, entity_strings
from renkei_bot.nlu.facets import Vocabulary, load_vocabulary
from renkei_bot.nlu.glossary import Glossary, load_glossary
from renkei_bot.nlu.intents import Classifier, load_intents, load_synonyms
from renkei_bot.nlu.readings import NO_HONORIFICS, Honorifics, load_honorifics
from renkei_bot.nlu.romaji import TABLE as ROMAJI_TABLE
from renkei_bot.nlu.spelled import Lexicon
from renkei_bot.store import Store

_MAGIC = "renkei-bot prepared indexes v5"  # v5: positions in arrays, equal strings and ids shared
_LANGUAGE_MAGIC = "renkei-bot prepared language v11"  # v11: the vocabulary's kana spellings as a mapping
_LEXICON_MAGIC = "renkei-bot prepared lexicon v7"  # v7: the records' okurigana (by_normal)
_PACKAGE = Path(__file__).parent
KEEP_FILES = 4


@dataclasses.dataclass(frozen=True, slots=True)
class Prepared:
    store: Store
    index: EntityIndex
    cache_hit: bool
    key: str | None = None  # what the cache file is named by (None: no cache)


@dataclasses.dataclass(frozen=True, slots=True)
class Language:
    """What the engine reads from intents/: parsed, checked and compiled once per file contents."""

    key: str | None  # what the cache file is named by (None: no cache)
    classifier: Classifier
    synonyms: Mapping[str, tuple[str, ...]]
    vocabulary: Vocabulary
    glossary: Glossary
    honorifics: Honorifics
    followups: Followups


T = TypeVar("T")


def build_language(intents_dir: Path, key: str | None = None) -> Language:
    return Language(
        key,
        Classifier(load_intents(intents_dir)),
        load_synonyms(intents_dir),
        load_vocabulary(intents_dir),
        load_glossary(intents_dir),
        load_honorifics(intents_dir),
        load_followups(intents_dir),
    )


def load_language(intents_dir: Path, *, env: Mapping[str, str]) -> Language:
    """intents/ compiled, from the cache when it holds these files (parsing the YAML and compiling the
    phrases was a third of a cold `ask`), else built and written there."""
    directory = cache_dir_from_env(env)
    if directory is None:
        return build_language(intents_dir)
    try:
        files = [(p.name, p) for p in sorted(intents_dir.iterdir()) if p.is_file()]
        files.append((ROMAJI_TABLE.name, ROMAJI_TABLE))
        # the files' bytes are read only when their names, sizes, inodes or times changed
        key = _key(remembered_files_key(directory, files, note_kind="intentskey"), _LANGUAGE_MAGIC, directory)
    except OSError:
        return build_language(intents_dir)  # the loaders say what is missing
    path = directory / f"language-{key}.pickle"
    return _kept(path, _LANGUAGE_MAGIC, Language, lambda: build_language(intents_dir, key))


def load_prepared(
    data_dir: Path, *, env: Mapping[str, str], honorifics: Honorifics = NO_HONORIFICS
) -> Prepared:
    """The store (every index built) and the entity dictionary of data_dir, from the cache if it has them."""
    directory = cache_dir_from_env(env)
    if directory is None:
        store = Store.load(data_dir, env=env)
        return Prepared(store, EntityIndex(store.entities, honorifics=honorifics), cache_hit=False)
    files = [(display_path(data_dir, p), p) for p in data_files(data_dir)]
    key = _key(remembered_files_key(directory, files), repr(honorifics), directory)
    path = directory / f"prepared-{key}.pickle"
    found = _read(path)
    if found is not None:
        return Prepared(found[0], found[1], cache_hit=True, key=key)
    store = Store.load(data_dir, env=env)
    store.prepare()
    index = EntityIndex(store.entities, honorifics=honorifics)
    _write(path, store, index)
    return Prepared(store, index, cache_hit=False, key=key)


def lexicon_cache(
    env: Mapping[str, str], *keys: str | None
) -> Callable[[Callable[[], Lexicon]], Lexicon] | None:
    """The speller's lexicon kept beside the prepared indexes, named by the keys of what it is built
    from (the data's prepared indexes and intents/): built on the first question that needs it,
    read back on the first question of a later run (a few milliseconds for the real data, where
    building it is most of a cold `ask`). None when there is no cache."""
    directory = cache_dir_from_env(env)
    if directory is None or any(k is None for k in keys):
        return None
    digest = hashlib.sha256("|".join([_LEXICON_MAGIC, *(k or "" for k in keys)]).encode())
    path = directory / f"lexicon-{digest.hexdigest()}.pickle"

    def cached(build: Callable[[], Lexicon]) -> Lexicon:
        return _kept(path, _LEXICON_MAGIC, Lexicon, build)

    return cached


def _kept(path: Path, magic: str, kind: type[T], build: Callable[[], T]) -> T:
    """The `kind` pickled at `path` under `magic`, else built and written there (atomically; the
    older files of the same name pattern pruned). Any failure to read is a miss, to write is ignored:
    a cache is an optimisation."""
    try:
        raw = path.read_bytes()
        with collector.paused():  # kept for the whole run (the lexicon is read on the first question)
            payload = pickle.loads(raw)  # our own file, in the user's own cache dir
    except Exception:
        payload = None
    if isinstance(payload, tuple) and len(payload) == 2 and payload[0] == magic:
        found = payload[1]
        if isinstance(found, kind):
            return found
    built = build()
    with contextlib.suppress(Exception):
        write_bytes_atomically(path, pickle.dumps((magic, built), protocol=pickle.HIGHEST_PROTOCOL))
        _prune(path, f"{path.name.split('-', 1)[0]}-*.pickle")
    return built


def _key(data_key: str, honorifics: str, directory: Path) -> str:
    return hashlib.sha256(f"{_MAGIC}|{data_key}|{honorifics}|{_code_key(directory)}".encode()).hexdigest()


@lru_cache(maxsize=4)
def _code_key(directory: Path) -> str:
    """The key of the package's source (any change of code is a miss), remembered in the cache dir
    like the data files' key: reading and hashing its 150 modules (1.2 MB) was 3–4 ms of a cold `ask`,
    a stat of each is 0.4 ms."""
    return remembered_files_key(directory, _sources(_PACKAGE), note_kind="codekey")


def _sources(folder: Path, prefix: str = "") -> list[tuple[str, Path]]:
    """The modules under `folder` as (path relative to the package, path), in order (os.scandir: a
    third of the time of Path.rglob); links (data/, intents/) are not followed."""
    found: list[tuple[str, Path]] = []
    with os.scandir(folder) as entries:
        for entry in sorted(entries, key=lambda e: e.name):
            if entry.is_dir(follow_symlinks=False):
                found += _sources(folder / entry.name, f"{prefix}{entry.name}/")
            elif entry.name.endswith(".py") and entry.is_file(follow_symlinks=False):
                found.append((prefix + entry.name, folder / entry.name))
    return found


def _read(path: Path) -> tuple[Store, EntityIndex] | None:
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    try:
        with collector.paused():  # the records and indexes never change once loaded
            payload = pickle.loads(raw)  # our own file, in the user's own cache dir
    except Exception:  # a cache is an optimisation: any failure to read it is a miss
        return None
    if (
        isinstance(payload, tuple)
        and len(payload) == 3
        and payload[0] == _MAGIC
        and isinstance(payload[1], Store)
        and isinstance(payload[2], EntityIndex)
    ):
        return payload[1], payload[2]
    return None


def _write(path: Path, store: Store, index: EntityIndex) -> None:
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = {**copyreg.dispatch_table, **_record_reducers(entity_strings(store.entities))}
    try:
        pickler.dump((_MAGIC, store, index))
        write_bytes_atomically(path, buffer.getvalue())
    except Exception:  # a cache is an optimisation: what cannot be written leaves it off
        return
    _prune(path, "prepared-*.pickle")


def _prune(path: Path, pattern: str) -> None:
    """Keeps the newest KEEP_FILES files of a kind: one per data or code version recently used."""
    with contextlib.suppress(OSError):
        olds = sorted(
            (p for p in path.parent.glob(pattern) if p != path),
            key=lambda p: p.stat().st_mtime,
            reverse=True,
        )
        for old in olds[KEEP_FILES - 1 :]:
            old.unlink(missing_ok=True)


def _record_reducers(canonical: dict[str, str]) -> dict[type, Callable[[Any], tuple[type, tuple[Any, ...]]]]:
    """Each record type rebuilt by its constructor. Equal strings of the records' fields (a type, a
    category, an entity id and every ref to it) are written once and read back as one object: at ×1000
    a third of the records' three million strings are distinct. `canonical` starts with the entities'
    own strings, the very objects the entity index's tables hold (nlu/entities.py, _Sharing)."""
    return {
        cls: _reducer(cls, canonical)
        for cls in vars(records).values()
        if isinstance(cls, type) and dataclasses.is_dataclass(cls) and cls.__module__ == records.__name__
    }


def _reducer(cls: type, canonical: dict[str, str]) -> Callable[[Any], tuple[type, tuple[Any, ...]]]:
    names = tuple(f.name for f in dataclasses.fields(cls))
    return lambda record: (cls, tuple(_canonical(getattr(record, name), canonical) for name in names))


def _canonical(value: object, canonical: dict[str, str]) -> object:
    """The first of the equal strings met (the pickler writes it once, then refers to it), alone or in a
    tuple of strings; any other value as it is."""
    if isinstance(value, str):
        return canonical.setdefault(value, value)
    if isinstance(value, tuple) and value and all(isinstance(v, str) for v in value):
        return tuple(canonical.setdefault(v, v) for v in value)
    return value
