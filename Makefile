# Two commands set everything up: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RUN_STAMP := $(VENV)/.installed-run
DEV_STAMP := $(VENV)/.installed-dev

.PHONY: run test typecheck bench ingest eval readme clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# make run needs the runtime dependencies only; make test (and the other targets) add the dev tools.
$(RUN_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $(RUN_STAMP)

$(DEV_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(RUN_STAMP) $(DEV_STAMP)

## make run: Slack when SLACK_BOT_TOKEN is set, otherwise the console chat
run: $(RUN_STAMP)
	@if [ -n "$$SLACK_BOT_TOKEN" ]; then $(BIN)/renkei-bot serve; else $(BIN)/renkei-bot chat; fi

## make test: ruff, then the whole test suite
test: $(DEV_STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/python -m pytest

typecheck: $(DEV_STAMP)
	$(BIN)/mypy

## make bench [DEV_SET=path/to/dev.yaml]: latency at ×1 and ×1000, start-up, cold start, memory
bench: $(DEV_STAMP)
	$(BIN)/python benchmarks/bench.py $(if $(DEV_SET),--dev $(DEV_SET),)

ingest: $(RUN_STAMP)
	$(BIN)/renkei-bot ingest data/source/000_f2877384e18cb53a.txt -o data/

eval: $(RUN_STAMP)
	$(BIN)/renkei-bot eval tests/eval/dev.yaml

readme: $(DEV_STAMP)
	$(BIN)/cog -r -I docs README.md docs/*.md

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache
