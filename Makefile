# What the README tells people to type. Needs only python3 and make: uv is
# bootstrapped into .tools/ when it is not on PATH.
UV := $(shell command -v uv 2>/dev/null)
ifeq ($(UV),)
UV := .tools/bin/uv
endif
PYTHON ?= python3

.PHONY: setup system-deps run test bench lint clean

setup: .venv/.synced

.tools/bin/uv:
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet uv

.venv/.synced: pyproject.toml uv.lock $(if $(filter .tools/bin/uv,$(UV)),.tools/bin/uv)
	$(UV) sync --frozen --python $(PYTHON)
	touch $@

run: setup
	.venv/bin/l10n run

system-deps:
	scripts/system-deps

test: setup system-deps
	.venv/bin/pytest

bench: setup
	.venv/bin/python bench/segmenter.py
	.venv/bin/python bench/startup.py
	.venv/bin/python bench/check.py
	.venv/bin/python bench/checks.py
	.venv/bin/python bench/mt.py
	.venv/bin/python bench/tm.py
	.venv/bin/python bench/align.py
	.venv/bin/python bench/update.py

lint: setup
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .

clean:
	rm -rf .venv .tools dist
