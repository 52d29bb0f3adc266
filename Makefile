# counter_app — see README.md. Every target sets up what it needs first.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# Every Debian package the app and its tests need, in one list (tests/
# test_fresh_machine.py reads it): the Qt runtime, fonts, PostgreSQL; scanners
# (python-sane builds against libsane-dev; sane-utils: scanimage for IT); OCR
# of scanned copies (files/ocr.py); the signing tests' PKCS#11 token (SoftHSM2,
# its module in libsofthsm2, configured per test in tmp).
APT_PACKAGES := poppler-utils fonts-liberation fonts-liberation2 fonts-dejavu-core fontconfig \
	libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 \
	libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 \
	libxcb-randr0 libxcb-render-util0 libxcb-image0 xvfb xauth \
	postgresql \
	libsane1 libsane-dev sane-utils \
	tesseract-ocr tesseract-ocr-vie \
	softhsm2 libsofthsm2
OUT ?= out/demo

.PHONY: all run test soak bench demo central lint translations screenshots sysdeps venv clean

all: test

sysdeps:
	@missing=""; for p in $(APT_PACKAGES); do \
		dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing system packages:$$missing"; \
		SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[test]"
	touch $(STAMP)

venv: $(STAMP)

run: sysdeps venv
	@if [ -z "$$DISPLAY$$WAYLAND_DISPLAY" ] && [ -z "$$QT_QPA_PLATFORM" ]; then \
		echo "No display found: starting under Xvfb"; \
		xvfb-run -a $(VENV)/bin/counter-app; \
	else $(VENV)/bin/counter-app; fi

# The whole suite, slow tests included, spread over one worker per core
# (pytest-xdist; each worker has its own PostgreSQL cluster and temp dirs).
# TEST_WORKERS=0 runs it in one process. The tests marked "alone" measure how
# fast the window answers, so they run after the others, one at a time.
# The slowest tests are listed at the end: CI must stay under 20 minutes.
TEST_WORKERS ?= auto
test: sysdeps venv
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -n $(TEST_WORKERS) --dist worksteal -m "not alone" --durations=20
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -m alone

demo: sysdeps venv
	QT_QPA_PLATFORM=offscreen COUNTER_APP_DATA_DIR=$${COUNTER_APP_DATA_DIR:-out/demo-data} \
		$(VENV)/bin/counter-app demo --out $(OUT)
	@# Sync part: two counters of one agency work offline, then sync to a
	@# central database of their own (a new one each run, in the local cluster).
	@url=$$($(PY) -m counter_app.devtools.local_cluster_cli start --dir out/central \
		--database counter_demo_$$(date +%Y%m%d%H%M%S)) && rm -rf out/demo-sync && \
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/counter-app central --url "$$url" demo --dir out/demo-sync

# A local PostgreSQL cluster as the central database (data in out/central);
# prints its SQLAlchemy URL. Stop it with
# $(PY) -m counter_app.devtools.local_cluster_cli stop --dir out/central
central: sysdeps venv
	@$(PY) -m counter_app.devtools.local_cluster_cli start --dir out/central

# The sync's random fault schedule for SOAK_SECONDS (tools/soak.py, its own
# throwaway cluster); prints lost / doubled / stalled and fails if any is not 0.
SOAK_SECONDS ?= 300
SOAK_SEED ?=
soak: sysdeps venv
	QT_QPA_PLATFORM=offscreen $(PY) tools/soak.py --seconds $(SOAK_SECONDS) \
		$(if $(SOAK_SEED),--seed $(SOAK_SEED))

# Every benchmark with its floor (bench/run_all.py; about a quarter of an hour
# on two cores); BENCH_QUICK=1 runs each part with a few rows in under a minute, as
# make test does (tests/test_bench_quick.py). Fails, naming the part, if one fails.
# bench_scan.py: 10 A4 pages at 300 dpi from SANE's test scanner to a saved, hashed
# PDF against the raw SANE read plus img2pdf of the same pages (issue 18 point 8).
BENCH_QUICK ?=
bench: sysdeps venv
	QT_QPA_PLATFORM=offscreen $(PY) bench/run_all.py $(if $(BENCH_QUICK),--quick)

# The desk's windows over a scripted day, drawn offscreen at 1366×768 into
# docs/screenshots/*.png (tools/screenshots.py lists them).
screenshots: sysdeps venv
	$(PY) tools/screenshots.py --out docs/screenshots

lint: venv
	$(VENV)/bin/ruff check counter_app tests bench
	$(VENV)/bin/ruff format --check counter_app tests bench

# Extract every tr()/QT_TRANSLATE_NOOP string into the .ts (keeping existing
# translations), then compile the .qm the app loads. qtbase_vi.ts holds Qt's
# own dialogs in Vietnamese (Qt ships none); lupdate never touches it.
translations: venv
	$(VENV)/bin/pyside6-lupdate -extensions py -no-obsolete counter_app -ts resources/translations/counter_app_vi.ts
	$(VENV)/bin/pyside6-lrelease resources/translations/counter_app_vi.ts -qm resources/translations/counter_app_vi.qm
	$(VENV)/bin/pyside6-lrelease resources/translations/qtbase_vi.ts -qm resources/translations/qtbase_vi.qm

clean:
	rm -rf $(VENV) out build dist *.egg-info .pytest_cache
