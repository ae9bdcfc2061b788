"""Warm answer latency beside its floor, and the same questions over corpora grown ×N.

The pipeline is what a user waits for after the process is up: understand, query, and render both
the text and the Block Kit message. The floor is the least any answer costs: a bare SudachiPy
tokenize (mode C, no Token objects) of the question plus one rapidfuzz extractOne over the entity
names. Both are timed question by question, interleaved, so a noisy neighbour slows both alike.
"""

from __future__ import annotations

import gc
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import sudachipy
from rapidfuzz import fuzz, process

from renkei_bot import paths
from renkei_bot.answers.render import to_blocks, to_text
from renkei_bot.engine import Engine
from stats import percentile
from synth import write_corpus


@dataclass(frozen=True)
class Warm:
    p50: float
    p99: float
    max: float
    floor_p50: float
    floor_p99: float
    samples: int

    @property
    def ratio(self) -> float:
        return self.p50 / self.floor_p50


@dataclass(frozen=True)
class Growth:
    copies: int
    events: int
    entities: int
    generate: float
    build: float  # Engine.load with an empty cache: parse, index, write the caches
    p50: float
    p99: float
    max: float
    slowest: tuple[tuple[float, str], ...]  # the slowest questions (seconds, question)
    outcomes: tuple[tuple[str, bool], ...]  # (intent, found) per question, in order


def _pipeline(engine: Engine, today: date) -> Callable[[str], object]:
    def run(question: str) -> object:
        answer = engine.ask(question, today=today)
        return to_text(answer), to_blocks(answer)

    return run


def _timed(fn: Callable[[str], object], question: str) -> float:
    started = time.perf_counter()
    fn(question)
    return time.perf_counter() - started


def warm_latency(questions: Sequence[str], today: date, *, rounds: int) -> Warm:
    engine = Engine.load(paths.DATA_DIR, paths.INTENTS_DIR, env={})
    pipeline = _pipeline(engine, today)
    tokenizer = sudachipy.Dictionary().tokenizer(sudachipy.SplitMode.C)
    names = [e.name for e in engine.store.entities]

    def floor(question: str) -> object:
        return tokenizer.tokenize(question), process.extractOne(question, names, scorer=fuzz.ratio)

    for question in questions:  # warm up: caches, the dictionary's pages, lazily built indexes
        pipeline(question)
        floor(question)
    full: list[float] = []
    bare: list[float] = []
    for _ in range(rounds):
        for question in questions:
            full.append(_timed(pipeline, question))
            bare.append(_timed(floor, question))
    return Warm(
        p50=percentile(full, 50),
        p99=percentile(full, 99),
        max=max(full),
        floor_p50=percentile(bare, 50),
        floor_p99=percentile(bare, 99),
        samples=len(full),
    )


def growth(
    questions: Sequence[str],
    today: date,
    *,
    sizes: Sequence[int],
    rounds: Callable[[int], int],
    work: Path,
) -> list[Growth]:
    """Each size: write the ×N corpus into `work`, load it (filling the caches there), and ask.

    A question's time is its fastest of the rounds: one slow round on a shared machine is noise,
    a question slow in every round is the code.
    """
    out: list[Growth] = []
    # Copies are dated centuries ahead (synth.OFFSET); an answer that trips on them is logged by the engine.
    logging.getLogger("renkei_bot").setLevel(logging.CRITICAL)
    for copies in sizes:
        data, cache = work / f"data-x{copies}", work / f"cache-x{copies}"
        started = time.perf_counter()
        counts = write_corpus(paths.DATA_DIR, data, copies=copies)
        generate = time.perf_counter() - started
        started = time.perf_counter()
        engine = Engine.load(data, paths.INTENTS_DIR, env={"RENKEI_CACHE_DIR": str(cache)})
        build = time.perf_counter() - started
        pipeline = _pipeline(engine, today)
        outcomes = []
        for question in questions:  # warm up, and what each question is understood as
            answer = engine.ask(question, today=today)
            outcomes.append((answer.intent, answer.found))
            pipeline(question)
        best = [min(_timed(pipeline, q) for _ in range(rounds(copies))) for q in questions]
        slowest = sorted(zip(best, questions, strict=True), reverse=True)[:5]
        out.append(
            Growth(
                copies=copies,
                events=counts["events"],
                entities=counts["entities"],
                generate=generate,
                build=build,
                p50=percentile(best, 50),
                p99=percentile(best, 99),
                max=max(best),
                slowest=tuple(slowest),
                outcomes=tuple(outcomes),
            )
        )
        del engine, pipeline
        gc.collect()
    return out
