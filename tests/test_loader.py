from __future__ import annotations

import copy
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from datafixture import COUNTS, ENTITIES, EVENTS, PARTNERS, event, write_dataset, write_yaml
from renkei_bot.errors import DataError
from renkei_bot.loader import load, load_dataset
from renkei_bot.loader.cache import cache_dir_from_env, cache_key, files_key, remembered_files_key
from renkei_bot.loader.dataset import _fast_load, _YamlLoader
from renkei_bot.paths import DATA_DIR


def _load(data: Path) -> Any:
    return load_dataset(data, use_cache=False)


def _error(data: Path) -> str:
    with pytest.raises(DataError) as info:
        _load(data)
    return str(info.value)


def _events_with(tmp_path: Path, *changes: dict[str, Any], index: int = 7) -> Path:
    """The fixture with changes to one event (by default ev-20160426-2, which nothing refers to)."""
    events = copy.deepcopy(EVENTS)
    for change in changes:
        for key, value in change.items():
            if key.startswith("date."):
                events[index]["date"][key[5:]] = value
            else:
                events[index][key] = value
    return write_dataset(tmp_path, events=events)


# --- a valid dataset ---------------------------------------------------------------------------
def test_valid_dataset_loads_into_records(tmp_path: Path) -> None:
    ds = _load(write_dataset(tmp_path))
    assert len(ds.events) == len(EVENTS)
    assert len(ds.entities) == len(ENTITIES)
    assert ds.files == (
        "data/corrections.yaml",
        "data/counts.yaml",
        "data/entities.yaml",
        "data/events.yaml",
        "data/partners.yaml",
    )
    first = ds.events[0]
    assert first.date.start == date(2016, 4, 26)
    assert first.details == ("・締結式を実施", "(1) 協定書に署名")
    assert first.lines == (43,)
    month = next(e for e in ds.events if e.id == "ev-202101-1")
    assert (month.date.start, month.date.precision, month.fiscal_year) == (date(2021, 1, 1), "month", 2020)
    undated = next(e for e in ds.events if e.id == "ev-undated-1")
    assert undated.date.start is None and undated.fiscal_year is None
    assert (undated.date.after, undated.date.before) == (date(2017, 1, 19), date(2017, 1, 27))
    assert ds.partners.total == 159 and [p.members for p in ds.partners.partners] == [144, 15]
    assert ds.counts.row("agreement").values == ((2015, None), (2016, 159))
    assert ds.counts.flags[0].fiscal_year == 2016
    assert ds.corrections[0].right == "京都府市長会"
    assert next(e for e in ds.entities if e.id == "tokachi").parent == "hokkaido"


def test_hand_written_events_file_is_merged(tmp_path: Path) -> None:
    data = write_dataset(tmp_path)
    write_yaml(data / "events-2022.yaml", {"events": [event("ev-20220501-1", "2022-05-01", refs=["minato"])]})
    ds = _load(data)
    assert len(ds.events) == len(EVENTS) + 1
    assert ds.events[0].id == "ev-20220501-1"  # files load in name order: events-2022.yaml first
    assert ds.files[:2] == ("data/corrections.yaml", "data/counts.yaml")
    assert "data/events-2022.yaml" in ds.files


def test_non_yaml_files_and_subfolders_are_ignored(tmp_path: Path) -> None:
    data = write_dataset(tmp_path)
    (data / "source").mkdir()
    (data / "source" / "doc.yaml").write_text("not: [valid", encoding="utf-8")
    (data / "README.md").write_text("# data", encoding="utf-8")
    assert len(_load(data).events) == len(EVENTS)


def test_unquoted_yaml_dates_are_accepted(tmp_path: Path) -> None:
    data = write_dataset(tmp_path)
    (data / "events-extra.yaml").write_text(
        "events:\n- id: ev-x\n  date: {text: '', precision: day, start: 2022-05-01}\n"
        "  fiscal_year: 2022\n  title: t\n  category: c\n",
        encoding="utf-8",
    )
    assert next(e for e in _load(data).events if e.id == "ev-x").date.start == date(2022, 5, 1)
    text = (data / "events-extra.yaml").read_text(encoding="utf-8")
    (data / "events-extra.yaml").write_text(text.replace("2022-05-01", "2022-04-31"), encoding="utf-8")
    assert (
        _error(data)
        == "data/events-extra.yaml: event 'ev-x': date '2022-04-31' is not a date on the calendar; fix the month or the day"
    )


# --- one problem of each kind -----------------------------------------------------------------
def test_bad_date_names_file_event_and_field(tmp_path: Path) -> None:
    data = _events_with(tmp_path, {"id": "x", "date.start": "2016-13-01", "fiscal_year": 2016})
    assert _error(data) == (
        "data/events.yaml: event 'x': date '2016-13-01' is not a date on the calendar; fix the month or the day"
    )


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"date.precision": "week"}, "date.precision 'week' is not one of day, month, unknown"),
        ({"date.start": "2016-4-26"}, "date '2016-4-26' is not YYYY-MM-DD"),
        ({"date.end": "2016-04-01"}, "date.end '2016-04-01' is before the start '2016-04-26'"),
        ({"date.precision": "month"}, "date '2016-04-26' is not YYYY-MM (date.precision is month)"),
        ({"date.after": "2016-01-01"}, "date.after/before are only for precision unknown"),
        ({"date.days": ["2016-04-27", "2016-04-26"]}, "date.days are not in order"),
        ({"fiscal_year": 2015}, "fiscal_year 2015 does not match the date 2016-04-26"),
        ({"fiscal_year": None}, "field 'fiscal_year' is missing; for 2016-04-26 it is 2016"),
        ({"title": ""}, "title is empty"),
        ({"title": None}, "field 'title' is missing"),
        ({"ordinal": "二"}, "ordinal '二' is not a whole number"),
        ({"lines": [0]}, "lines[0] 0 is not a line number"),
        ({"details": "one"}, "details is not a list"),
        ({"categroy": "x"}, "unknown field 'categroy'"),
        ({"id": "ev 1"}, "id 'ev 1' is not an id"),
        ({"mentions": [{"date": "5/20", "text": "提出"}]}, "mentions[0].date '5/20' is not YYYY-MM-DD"),
    ],
)
def test_each_event_problem_is_named(tmp_path: Path, change: dict[str, Any], expected: str) -> None:
    message = _error(_events_with(tmp_path, change))
    assert "data/events.yaml: event " in message
    assert expected in message


def test_unknown_precision_must_not_carry_a_date(tmp_path: Path) -> None:
    message = _error(_events_with(tmp_path, {"date.start": "2017-01-20"}, index=1))
    assert "event 'ev-undated-1': date.start/end/days are set but date.precision is unknown" in message


def test_fiscal_year_turns_in_april(tmp_path: Path) -> None:
    ok = _events_with(tmp_path / "a", {"date.start": "2017-03-31", "fiscal_year": 2016})
    assert _load(ok).events[0].fiscal_year == 2016
    bad = _events_with(tmp_path / "b", {"date.start": "2017-04-01", "fiscal_year": 2016})
    assert "falls in fiscal year 2017 (April–March); set it to 2017" in _error(bad)


def test_duplicate_id_across_two_files(tmp_path: Path) -> None:
    data = write_dataset(tmp_path)
    write_yaml(data / "events-2022.yaml", {"events": [event("ev-20160426-1", "2022-05-01")]})
    assert _error(data) == (
        "data/events.yaml: event 'ev-20160426-1': id 'ev-20160426-1' is already used in "
        "data/events-2022.yaml; give one of them another id"
    )


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"refs": ["nowhere"]}, "refs 'nowhere' is not the id of any entity"),
        ({"series": "series-nope"}, "series 'series-nope' is not the id of any entity"),
        ({"corrections": ["nope"]}, "corrections 'nope' is not the id of any correction"),
    ],
)
def test_dangling_event_references(tmp_path: Path, change: dict[str, Any], expected: str) -> None:
    assert _error(
        _events_with(tmp_path, change)
    ) == f"data/events.yaml: event 'ev-20160426-2': {expected}; " + (
        "add it to corrections.yaml or fix the id"
        if "correction" in expected
        else "add the entity to entities.yaml or fix the id"
    )


def test_dangling_partner_entity_and_event(tmp_path: Path) -> None:
    data = write_dataset(tmp_path)
    partners = copy.deepcopy(PARTNERS)
    partners["partners"][0]["event"] = "ev-gone"
    partners["partners"][1]["id"] = "kyoto-gone"
    write_yaml(data / "partners.yaml", partners)
    message = _error(data)
    assert message.startswith("2 problems in the data files:")
    assert (
        "data/partners.yaml: partner 'hokkaido-chosonkai': event 'ev-gone' is not the id of any event"
        in message
    )
    assert "data/partners.yaml: partner 'kyoto-gone': id 'kyoto-gone' is not the id of any entity" in message


def test_entity_parent_must_resolve_and_not_loop(tmp_path: Path) -> None:
    data = write_dataset(tmp_path)
    entities = copy.deepcopy(ENTITIES)
    entities[0]["parent"] = "obihiro"  # hokkaido → obihiro → tokachi → hokkaido
    entities.append({"id": "lost", "name": "迷子", "type": "municipality", "parent": "atlantis"})
    entities.append({"id": "odd", "name": "謎", "type": "planet"})
    write_yaml(data / "entities.yaml", {"entities": entities})
    message = _error(data)
    assert "entity 'hokkaido': parent makes a loop (hokkaido → obihiro → tokachi → hokkaido)" in message
    assert "entity 'lost': parent 'atlantis' is not the id of any entity" in message
    assert "entity 'odd': type 'planet' is not one of partner, ward" in message


def test_malformed_yaml_gives_file_line_and_column(tmp_path: Path) -> None:
    data = write_dataset(tmp_path)
    (data / "events-2022.yaml").write_text("events:\n- id: a\n  title: [unclosed\n", encoding="utf-8")
    message = _error(data)
    assert message.startswith("data/events-2022.yaml:4:1: YAML syntax error: ")
    assert "fix the syntax there" in message


def test_unknown_top_level_key_names_it_and_the_accepted_ones(tmp_path: Path) -> None:
    data = write_dataset(tmp_path)
    write_yaml(data / "venues.yaml", {"venues": [{"id": "v"}]})
    assert _error(data) == (
        "data/venues.yaml: no known top-level key (found: venues); a data file has exactly one of "
        "events, entities, partners, rows (the counts table), corrections"
    )


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "data/extra.yaml: the file is empty"),
        (b"- a\n- b\n", "data/extra.yaml: the top level is a list, not a mapping"),
        (b"events: []\n\xff\xfe", "data/extra.yaml: is not UTF-8 text"),
        (
            b"events: []\nentities: []\n",
            "data/extra.yaml: more than one top-level key (found: events, entities)",
        ),
        (b"events: []\ngenerated: yes\n", "data/extra.yaml: unknown field 'generated'"),
    ],
)
def test_broken_files(tmp_path: Path, content: bytes, expected: str) -> None:
    data = write_dataset(tmp_path)
    (data / "extra.yaml").write_bytes(content)
    assert expected in _error(data)


def test_wrong_partner_total(tmp_path: Path) -> None:
    data = write_dataset(tmp_path)
    write_yaml(data / "partners.yaml", {**PARTNERS, "total": 372})
    assert _error(data) == (
        "data/partners.yaml: the partners' members add up to 159, but total is 372; "
        "fix the figures to match the source"
    )


def test_exactly_one_partners_and_one_counts_file(tmp_path: Path) -> None:
    data = write_dataset(tmp_path)
    write_yaml(data / "partners-2.yaml", PARTNERS)
    (data / "counts.yaml").unlink()
    message = _error(data)
    assert "the partners table is in more than one file (data/partners-2.yaml, data/partners.yaml)" in message
    assert "no counts file: one *.yaml file with a top-level 'rows:' list is required" in message


def test_counts_problems(tmp_path: Path) -> None:
    data = write_dataset(tmp_path)
    counts = copy.deepcopy(COUNTS)
    counts["rows"][0]["values"] = {2015: None}
    counts["flags"][0]["row"] = "nope"
    counts["as_of"] = "8月1日"
    write_yaml(data / "counts.yaml", counts)
    message = _error(data)
    assert "data/counts.yaml: row 'agreement': values has no figure for [2016]" in message
    assert "as_of '8月1日' is not MM-DD" in message


def test_many_problems_are_reported_together_up_to_twenty(tmp_path: Path) -> None:
    events = EVENTS + [event(f"ev-{i}", f"2016-{i + 13}-01") for i in range(25)]
    data = write_dataset(tmp_path, events=events)
    message = _error(data)
    lines = message.splitlines()
    assert lines[0] == "25 problems in the data files:"
    assert (
        lines[1]
        == "- data/events.yaml: event 'ev-0': date '2016-13-01' is not a date on the calendar; fix the month or the day"
    )
    assert len(lines) == 1 + 20 + 1
    assert lines[-1].startswith("… and 5 more")


def test_missing_data_dir(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="no such data directory"):
        _load(tmp_path / "nope")
    (tmp_path / "empty").mkdir()
    with pytest.raises(DataError, match=r"no \*\.yaml files"):
        _load(tmp_path / "empty")


# --- the fast YAML builder gives what yaml.load gives ------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "a: 1\nb: -2\nc: +3\nd: 0\ne: 012\nf: 0x1F\ng: 1_000\nh: 1.5\ni: .inf\nj: 1e3\n",
        "a: yes\nb: No\nc: true\nd: OFF\ne: null\nf: ~\ng:\nh: ''\ni: 'yes'\nj: \"1\"\n",
        "a: 2016-04-26\nb: 08-01\nc: 2021-01\nd: 令和3年 1月\ne: →5/20提出\nf: 'it''s'\n",
        "years: {2015: 574, 2016: null}\nlist: [a, [b, c], {d: e}]\n",
        "text: |\n  two\n  lines\nfolded: >\n  one\n  line\nnum: !!str 12\n",
        "- 1\n- two\n- - 3\n",
        "",
        "just a string",
    ],
)
def test_fast_yaml_matches_yaml_load(text: str) -> None:
    assert _fast_load(text)[0] == yaml.load(text, Loader=_YamlLoader)


BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{c}: &{c} [{', '.join(f'*{p}' for _ in range(9))}]\n"
    for p, c in zip("abcdefgh", "bcdefghi", strict=True)
)


@pytest.mark.parametrize(
    ("text", "at"),
    [
        (BOMB, "1:4"),  # 9^9 lists from 500 bytes: refused at the first anchor, nothing is expanded
        ("base: &base {fiscal_year: 2022}\nevents:\n- {<<: *base, id: ev-a, title: A}\n", "1:7"),
        ("events:\n- !!map {id: a}\n- &x {id: b}\n", "3:3"),  # the slow path (a tag) refuses them too
    ],
)
def test_yaml_anchors_and_aliases_are_refused(tmp_path: Path, text: str, at: str) -> None:
    assert len(BOMB) < 600
    data = write_dataset(tmp_path)
    (data / "events-extra.yaml").write_text(text, encoding="utf-8")
    assert f"data/events-extra.yaml:{at}: YAML anchors and aliases (&name, *name) are not allowed" in _error(
        data
    )


def test_duplicate_yaml_keys_are_reported(tmp_path: Path) -> None:
    data = write_dataset(tmp_path)
    (data / "events-2022.yaml").write_text("events:\n- id: a\n  title: one\n  title: two\n", encoding="utf-8")
    assert "data/events-2022.yaml:4:10: the key 'title' appears twice in one mapping; keep one" in _error(
        data
    )


# --- the cache ----------------------------------------------------------------------------------
def test_cache_hit_then_invalidated_by_a_change(tmp_path: Path) -> None:
    data, cache = write_dataset(tmp_path), tmp_path / "cache"
    first = load(data, cache_dir=cache)
    assert not first.cache_hit and first.cache_file is not None and first.cache_file.exists()
    second = load(data, cache_dir=cache)
    assert second.cache_hit and second.dataset == first.dataset

    events = copy.deepcopy(EVENTS)
    events[0]["title"] = "改題"
    write_dataset(tmp_path, events=events)
    third = load(data, cache_dir=cache)
    assert not third.cache_hit and third.dataset.events[0].title == "改題"

    write_yaml(data / "events-2022.yaml", {"events": [event("ev-new", "2022-05-01")]})
    fourth = load(data, cache_dir=cache)
    assert not fourth.cache_hit and fourth.dataset.events[0].id == "ev-new"
    (data / "events-2022.yaml").unlink()
    assert load(data, cache_dir=cache).dataset == third.dataset


def test_corrupt_cache_is_ignored_and_rebuilt(tmp_path: Path) -> None:
    data, cache = write_dataset(tmp_path), tmp_path / "cache"
    first = load(data, cache_dir=cache)
    assert first.cache_file is not None
    first.cache_file.write_bytes(b"\x80\x05 not a pickle")
    second = load(data, cache_dir=cache)
    assert not second.cache_hit and second.dataset == first.dataset
    assert load(data, cache_dir=cache).cache_hit


def test_invalid_data_is_never_cached(tmp_path: Path) -> None:
    data, cache = _events_with(tmp_path, {"date.start": "2016-13-01"}), tmp_path / "cache"
    for _ in range(2):
        with pytest.raises(DataError):
            load(data, cache_dir=cache)
    assert not list(cache.glob("*.pickle")) if cache.exists() else True


def test_unwritable_cache_dir_disables_the_cache(tmp_path: Path) -> None:
    data = write_dataset(tmp_path)
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    loaded = load(data, cache_dir=blocker / "cache")
    assert not loaded.cache_hit and loaded.cache_file is None
    assert len(loaded.dataset.events) == len(EVENTS)


def test_cache_dir_from_env() -> None:
    assert cache_dir_from_env({"RENKEI_CACHE_DIR": "/c", "XDG_CACHE_HOME": "/x"}) == Path("/c")
    assert cache_dir_from_env({"RENKEI_CACHE_DIR": "off", "HOME": "/h"}) is None
    assert cache_dir_from_env({"XDG_CACHE_HOME": "/x", "HOME": "/h"}) == Path("/x/renkei-bot")
    assert cache_dir_from_env({"HOME": "/h"}) == Path("/h/.cache/renkei-bot")
    assert cache_dir_from_env({}) is None


def test_cache_dir_taken_from_the_env_mapping(tmp_path: Path) -> None:
    data = write_dataset(tmp_path)
    env = {"RENKEI_CACHE_DIR": str(tmp_path / "envcache")}
    assert not load(data, env=env).cache_hit
    assert load(data, env=env).cache_hit
    assert not load(data, env={"RENKEI_CACHE_DIR": "off"}).cache_hit


# --- the real data -----------------------------------------------------------------------------
needs_data = pytest.mark.skipif(
    not (DATA_DIR / "events.yaml").exists(), reason="data/ not generated yet (renkei-bot ingest)"
)


@needs_data
def test_real_data_loads_cleanly() -> None:
    ds = load_dataset(DATA_DIR, use_cache=False)
    assert len(ds.partners.partners) == 13
    assert sum(p.members for p in ds.partners.partners) == ds.partners.total == 372
    assert len(ds.counts.rows) == 4 and len(ds.counts.years) == 7
    assert all(len(row.values) == 7 for row in ds.counts.rows)
    assert len(ds.events) > 100
    undated = [e for e in ds.events if e.date.precision == "unknown"]
    assert undated and all(e.date.start is None for e in undated)
    entity_ids = {e.id for e in ds.entities}
    assert all(ref in entity_ids for e in ds.events for ref in e.refs)
    assert {p.id for p in ds.partners.partners} <= entity_ids
    assert sum(1 for row in ds.counts.rows for _, v in row.values if v is not None) == 27  # 28 cells, one —
    assert [(f.row, f.fiscal_year) for f in ds.counts.flags] == [("agreement", 2019)]


@needs_data
def test_real_data_files_parse_the_same_with_the_fast_builder() -> None:
    for path in sorted(DATA_DIR.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        fast, duplicates = _fast_load(text)
        assert fast == yaml.load(text, Loader=_YamlLoader), path
        assert duplicates == [], path


@needs_data
def test_real_data_through_the_cache(tmp_path: Path) -> None:
    first = load(DATA_DIR, cache_dir=tmp_path)
    second = load(DATA_DIR, cache_dir=tmp_path)
    assert not first.cache_hit and second.cache_hit and second.dataset == first.dataset


def test_files_key_is_the_cache_key_of_the_files_bytes(tmp_path: Path) -> None:
    # read a piece at a time (the prepared cache's key at start-up), the same key as of the whole bytes
    contents = {"a.yaml": b"", "b.yaml": "出来事\n".encode() * 400_000, "c.yaml": b"x"}
    for name, content in contents.items():
        (tmp_path / name).write_bytes(content)
    named = [(name, tmp_path / name) for name in contents]
    assert files_key(named) == cache_key(list(contents.items()))
    assert files_key(named[:2]) != files_key(named)


def test_remembered_files_key_is_the_files_key_until_a_file_changes(tmp_path: Path) -> None:
    data, cache = tmp_path / "data", tmp_path / "cache"
    data.mkdir()
    (data / "a.yaml").write_bytes(b"events: []\n")
    (data / "b.yaml").write_bytes(b"x: 1\n")
    named = [(p.name, p) for p in sorted(data.iterdir())]
    # files written just now are hashed every time (their next write could share their timestamps)
    assert remembered_files_key(cache, named) == files_key(named)
    assert not list(cache.glob("datakey-*"))
    # settled files (racy_seconds=-1 takes these as settled): the key is noted, then read back
    first = remembered_files_key(cache, named, racy_seconds=-1)
    assert first == files_key(named)
    assert [p.read_text() for p in cache.glob("datakey-*")] == [first]
    assert remembered_files_key(cache, named, racy_seconds=-1) == first
    # the same size, other bytes, put in place as editors and git do (a new file renamed over it: a
    # new inode; a write in place within one clock tick is what racy_seconds guards against)
    (data / "b.new").write_bytes(b"x: 2\n")
    (data / "b.new").replace(data / "b.yaml")
    changed = remembered_files_key(cache, named, racy_seconds=-1)
    assert changed == files_key(named) != first
