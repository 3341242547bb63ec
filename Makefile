# Tilsyn: developer and CI entry points. `make test` is the test command (README, .ci/run).

SHELL := /bin/bash
.DEFAULT_GOAL := test

PYTHON ?= python3.11
VENV := .venv
VPY := $(VENV)/bin/python
DEV_STAMP := $(VENV)/.stamp-dev
BUILD_STAMP := $(VENV)/.stamp-build
PYTEST_ARGS ?=

UI_SOURCES := $(wildcard forms/*.ui)
UI_OUTPUTS := $(patsubst forms/%.ui,tilsyn/ui/forms/ui_%.py,$(UI_SOURCES))

.PHONY: venv system-deps run test ui screenshots build

venv: $(DEV_STAMP)

# Re-installs only when pyproject.toml is newer than the stamp (or the venv is gone).
$(DEV_STAMP): pyproject.toml
	@test -x $(VPY) || $(PYTHON) -m venv $(VENV)
	$(VPY) -m pip install --disable-pip-version-check -q -e '.[dev]'
	@touch $@

$(BUILD_STAMP): $(DEV_STAMP)
	$(VPY) -m pip install --disable-pip-version-check -q -e '.[build]'
	@touch $@

system-deps:
	@bash scripts/ensure-system-deps.sh

run: system-deps venv
	@if [ -z "$${DISPLAY:-}" ] && [ -z "$${WAYLAND_DISPLAY:-}" ] && [ -z "$${QT_QPA_PLATFORM:-}" ]; then \
		echo "No display: DISPLAY, WAYLAND_DISPLAY and QT_QPA_PLATFORM are all unset." >&2; \
		echo "  Run it on a virtual screen:   xvfb-run -a make run" >&2; \
		echo "Ingen skærm: DISPLAY, WAYLAND_DISPLAY og QT_QPA_PLATFORM er ikke sat." >&2; \
		echo "  Kør programmet på en virtuel skærm:   xvfb-run -a make run" >&2; \
		exit 2; \
	fi
	$(VENV)/bin/tilsyn

test: system-deps venv
	QT_QPA_PLATFORM=offscreen $(VPY) -m pytest -q $(PYTEST_ARGS)

# Compiles only the forms whose .ui is newer than their ui_*.py. The script leaves a file as it
# is when its content would not change; the touch keeps make from trying again next time.
# --tidy then adds tilsyn/ui/forms/__init__.py if missing and removes ui_*.py without a .ui.
ui: $(UI_OUTPUTS)
	@$(VPY) scripts/compile_ui.py --tidy

tilsyn/ui/forms/ui_%.py: forms/%.ui scripts/compile_ui.py | $(DEV_STAMP)
	$(VPY) scripts/compile_ui.py $<
	@touch $@

screenshots: system-deps venv
	QT_QPA_PLATFORM=offscreen $(VPY) -m tilsyn.ui.screenshots docs/

build: system-deps $(BUILD_STAMP)
	$(VPY) -m PyInstaller --noconfirm --log-level WARN build_spec.spec
	QT_QPA_PLATFORM=offscreen dist/tilsyn/tilsyn --self-test
