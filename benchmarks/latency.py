"""Warm answer latency beside its floor, and the same questions over corpora grown ×N.

The pipeline is what a user waits for after the process is up: understand, query, and render both
the text and the Block Kit message. The floor is the least any answer costs: a bare SudachiPy
tokenize (mode C, no Token objects) of the question plus one rapidfuzz extractOne over the entity
names. Both are timed question by question, interleaved, so a noisy neighbour slows both alike.
"""

from __future__ import annotations

import gc
import logging
import shutil
import tempfile
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
from renkei_bot.loader import load
from renkei_bot.nlu.intents import Classifier, load_intents
from renkei_bot.store import Store
from stats import percentile
from synth import write_corpus


@dataclass(frozen=True)
class Warm:
    p50: float
    p99: float
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
    load_cold: float
    load_warm: float
    index: float  # building the Engine's in-memory indexes (entity dictionary, selector)
    p50: float
    p99: float


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
    engine = Engine.load(paths.DATA_DIR, paths.INTENTS_DIR)
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
        floor_p50=percentile(bare, 50),
        floor_p99=percentile(bare, 99),
        samples=len(full),
    )


def _questions_latency(engine: Engine, questions: Sequence[str], today: date, rounds: int) -> list[float]:
    pipeline = _pipeline(engine, today)
    for question in questions:
        pipeline(question)
    times: list[float] = []
    for _ in range(rounds):
        times.extend(_timed(pipeline, q) for q in questions)
    return times


def growth(
    questions: Sequence[str], today: date, *, sizes: Sequence[int], rounds: Callable[[int], int]
) -> list[Growth]:
    """Each size: write the ×N corpus, load it with an empty cache then a warm one, and ask."""
    classifier = Classifier(load_intents(paths.INTENTS_DIR))
    out: list[Growth] = []
    # Copies are dated centuries ahead (synth.OFFSET); an answer that trips on them is logged by the engine.
    logging.getLogger("renkei_bot").setLevel(logging.CRITICAL)
    work = Path(tempfile.mkdtemp(prefix="renkei-bench-"))
    try:
        for copies in sizes:
            data, cache = work / f"data-x{copies}", work / f"cache-x{copies}"
            started = time.perf_counter()
            counts = write_corpus(paths.DATA_DIR, data, copies=copies)
            generate = time.perf_counter() - started
            started = time.perf_counter()
            cold = load(data, cache_dir=cache)
            load_cold = time.perf_counter() - started
            started = time.perf_counter()
            hit = load(data, cache_dir=cache)
            load_warm = time.perf_counter() - started
            assert not cold.cache_hit and hit.cache_hit, "the loader cache did not behave"
            started = time.perf_counter()
            engine = Engine(Store(hit.dataset), classifier)
            index = time.perf_counter() - started
            del cold, hit
            times = _questions_latency(engine, questions, today, rounds(copies))
            out.append(
                Growth(
                    copies=copies,
                    events=counts["events"],
                    entities=counts["entities"],
                    generate=generate,
                    load_cold=load_cold,
                    load_warm=load_warm,
                    index=index,
                    p50=percentile(times, 50),
                    p99=percentile(times, 99),
                )
            )
            del engine
            gc.collect()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return out
