# Two commands set everything up: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test typecheck bench ingest eval readme clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

## make run: Slack when SLACK_BOT_TOKEN is set, otherwise the console chat
run: $(STAMP)
	@if [ -n "$$SLACK_BOT_TOKEN" ]; then $(BIN)/renkei-bot serve; else $(BIN)/renkei-bot chat; fi

## make test: ruff, then the whole test suite
test: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/python -m pytest

typecheck: $(STAMP)
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py

ingest: $(STAMP)
	$(BIN)/renkei-bot ingest data/source/000_f2877384e18cb53a.txt -o data/

eval: $(STAMP)
	$(BIN)/renkei-bot eval tests/eval/dev.yaml

readme: $(STAMP)
	$(BIN)/cog -r -I docs README.md

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache
