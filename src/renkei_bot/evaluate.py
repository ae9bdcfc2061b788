"""`renkei-bot eval`: run a question set through the engine and score the answers.

A question passes when `found` is as expected and the plain-text answer contains what `expect` asks
for: every `dates` entry (shown in any calendar), every `all` string, and one string of each `any`
group. A `head` block (same keys) must be met by the answer's first line alone: a one-fact question
is answered only when the fact leads the answer. The intent report follows Rasa's intent_report shape: per intent precision, recall, F1,
support and confused_with. A question-set label that names a topic rather than an intent (ward,
person, …) is left out of the intent report but counts in the accuracy.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from renkei_bot.answers.render import to_text
from renkei_bot.engine import Engine
from renkei_bot.errors import DataError


@dataclass(frozen=True)
class Case:
    id: str
    question: str
    found: bool
    label: str
    today: date
    expect: Mapping[str, Any] = field(default_factory=dict)
    head: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Result:
    case: Case
    found: bool
    intent: str
    text: str
    passed: bool
    problems: tuple[str, ...]


def load_cases(path: Path) -> list[Case]:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataError(f"{path}: cannot read the question set: {exc}") from None
    if not isinstance(raw, Mapping) or not isinstance(raw.get("questions"), list):
        raise DataError(f"{path}: expected a mapping with 'questions: [...]' (see ../shared/eval/dev.yaml)")
    default_today = _as_date(raw.get("today"), path, "today") or date.today()
    cases = []
    for i, item in enumerate(raw["questions"]):
        if not isinstance(item, Mapping) or not isinstance(item.get("q"), str):
            raise DataError(f"{path}: question #{i + 1}: needs 'q' (the question text)")
        cases.append(
            Case(
                id=str(item.get("id", i + 1)),
                question=item["q"],
                found=bool(item.get("found", True)),
                label=str(item.get("intent", "")),
                today=_as_date(item.get("today"), path, f"question {item.get('id')} today") or default_today,
                expect=item.get("expect") or {},
                head=item.get("head") or {},
            )
        )
    return cases


def _as_date(value: object, path: Path, what: str) -> date | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise DataError(f"{path}: {what}: '{value}' is not YYYY-MM-DD") from None


def date_shown(iso: str, text: str) -> bool:
    """2016-04-26 is shown as 2016年（平成28年）4月26日, 2016/4/26 or 2016-04-26; 2015-12 as 2015年…12月."""
    if iso in text:
        return True
    parts = [int(p) for p in iso.split("-")]
    year = parts[0]
    if len(parts) == 2:
        return re.search(rf"{year}年(?:（[^）]*）)?{parts[1]}月", text) is not None
    month, day = parts[1], parts[2]
    head = rf"{year}年(?:（[^）]*）)?"
    return bool(
        re.search(rf"{head}{month}月{day}日", text)
        or f"{year}/{month}/{day}" in text
        # the end of a range that does not repeat what it shares: 2019年（平成31年）1月8日～2月14日
        or re.search(rf"{head}[0-9]{{1,2}}月[0-9]{{1,2}}日～{month}月{day}日", text)
        or re.search(rf"{head}{month}月[0-9]{{1,2}}日～{day}日", text)
        # a later day of a list of days, as format_span writes it: 2016年（平成28年）11月26日、27日
        or re.search(rf"{head}{month}月[0-9]{{1,2}}日(?:、[0-9]{{1,2}}日)*、{day}日", text)
    )


_ERA_NOTE = re.compile(r"（(?:明治|大正|昭和|平成|令和)[0-9元]+年度?）")


def check(case: Case, found: bool, text: str) -> tuple[str, ...]:
    """What the answer misses. An expected "2019年10月" is also met by 2019年（令和元年）10月."""
    problems: list[str] = []
    if found != case.found:
        problems.append(f"found={found}, expected {case.found}")
    if not case.found:
        return tuple(problems)
    problems += _missing(case.expect, text)
    first = text.split("\n", 1)[0]
    problems += [f"first line: {p}" for p in _missing(case.head, first)]
    return tuple(problems)


def _missing(expect: Mapping[str, Any], text: str) -> list[str]:
    text = f"{text}\n{_ERA_NOTE.sub('', text)}"
    problems = [f"date {d} not shown" for d in expect.get("dates", []) if not date_shown(str(d), text)]
    problems += [f"missing '{s}'" for s in expect.get("all", []) if str(s) not in text]
    for group in expect.get("any", []):
        if not any(str(s) in text for s in group):
            problems.append(f"none of {list(group)}")
    return problems


def run(engine: Engine, cases: Sequence[Case]) -> list[Result]:
    results = []
    for case in cases:
        answer = engine.ask(case.question, today=case.today)
        text = to_text(answer)
        problems = check(case, answer.found, text)
        results.append(Result(case, answer.found, answer.intent, text, not problems, problems))
    return results


def gold_intents(engine: Engine) -> dict[str, str]:
    """Question-set label → our intent, from each intent's own name and its `covers` list."""
    mapping: dict[str, str] = {}
    for spec in engine.classifier.specs:
        mapping[spec.name] = spec.name
        for label in spec.covers:
            mapping[label] = spec.name
    return mapping


def intent_report(results: Sequence[Result], gold: Mapping[str, str]) -> dict[str, Any]:
    pairs = [(gold[r.case.label], r.intent) for r in results if r.case.label in gold]
    names = sorted({g for g, _ in pairs} | {p for _, p in pairs})
    report: dict[str, Any] = {}
    for name in names:
        tp = sum(1 for g, p in pairs if g == name and p == name)
        predicted = sum(1 for _, p in pairs if p == name)
        support = sum(1 for g, _ in pairs if g == name)
        precision = tp / predicted if predicted else 0.0
        recall = tp / support if support else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        confused = Counter(p for g, p in pairs if g == name and p != name)
        report[name] = {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1-score": round(f1, 4),
            "support": support,
            "confused_with": dict(confused.most_common()),
        }
    correct = sum(1 for g, p in pairs if g == p)
    report["accuracy"] = round(correct / len(pairs), 4) if pairs else 0.0
    return report


def by_label(results: Sequence[Result]) -> dict[str, tuple[int, int]]:
    table: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for r in results:
        table[r.case.label][0] += int(r.passed)
        table[r.case.label][1] += 1
    return {label: (ok, n) for label, (ok, n) in sorted(table.items())}
