# corridor — the two commands that matter:
#   make demo   build the demo end to end on embedded DuckDB and print what it found
#   make test   run every test (pytest: kernels, dbt on DuckDB, dbt on PostgreSQL, sqlfluff, the report in Chromium)
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export DBT_PROFILES_DIR := $(CURDIR)
export CORRIDOR_DUCKDB_PATH ?= $(CURDIR)/build/corridor.duckdb
EVENTS ?= 10000000
# pytest-xdist workers for make test: whole test files go to a worker (--dist loadfile), so a file's fixtures are built once
TEST_WORKERS ?= 2

.PHONY: demo report browser test bench bench-peers bench-incremental bench-intervals bench-spark calibration validation-sim label-free-study lint seeds clean venv venv-dbt1.10 venv-spark wheel

venv: $(STAMP)

# A second dbt minor for the tests (integration_tests/pytest/test_dbt_versions.py): dbt-core 1.10 in its own venv.
OTHER_DBT_VENV := .venv-dbt1.10
venv-dbt1.10: $(OTHER_DBT_VENV)/.installed

# corridor itself too (no dependencies): the profiles load its dbt-duckdb plugin (corridor.duckdb_plugin).
$(OTHER_DBT_VENV)/.installed: requirements-dbt1.10.lock pyproject.toml
	test -x $(OTHER_DBT_VENV)/bin/python || $(PYTHON) -m venv $(OTHER_DBT_VENV)
	$(OTHER_DBT_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-dbt1.10.lock
	$(OTHER_DBT_VENV)/bin/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

# Apache Spark in-process (dbt-spark's session method, pyspark 4; Java 17 on PATH) in its own venv, so the main venv
# stays lean: integration_tests/pytest/test_spark.py and `make bench-spark` run dbt from it (docs/engines.md).
SPARK_VENV := .venv-spark
venv-spark: $(SPARK_VENV)/.installed

$(SPARK_VENV)/.installed: requirements-spark.lock
	test -x $(SPARK_VENV)/bin/python || $(PYTHON) -m venv $(SPARK_VENV)
	$(SPARK_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-spark.lock
	touch $@

# The wheel of the corridor command and package (dist/corridor-<version>-py3-none-any.whl); see docs/install.md.
wheel: venv
	rm -rf build/lib build/bdist.* dist
	$(BIN)/python -m pip wheel --quiet --disable-pip-version-check --no-deps --wheel-dir dist .
	@ls dist/*.whl

$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "corridor needs Python 3.11, found " + sys.version' 
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

# The demo's event seed (5.7 MB) is generated, not tracked: seeded and byte-identical on every run (3 s).
DEMO_EVENTS := seeds/demo/corridor_demo_production_events.csv

$(DEMO_EVENTS): python/corridor/demo_data.py | $(STAMP)
	$(BIN)/python -m corridor.demo_data seeds --out seeds/demo

demo: venv $(DEMO_EVENTS)
	$(BIN)/corridor demo
	$(BIN)/corridor report

# The HTML report of build/corridor.duckdb, into build/reports/<run>/index.html (index: build/reports/index.html).
report: venv
	$(BIN)/corridor report

# The report's tests render it in headless Chromium: Debian's package (not a browser download), installed when missing.
CHROMIUM ?= /usr/bin/chromium
browser:
	@if [ ! -x "$(CHROMIUM)" ]; then \
		if [ "$$(id -u)" -eq 0 ]; then SUDO=; else SUDO=sudo; fi; \
		echo "installing Debian's chromium for the report tests"; \
		$$SUDO apt-get update -q && \
		$$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium; \
	fi

test: venv venv-dbt1.10 venv-spark browser $(DEMO_EVENTS)
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile --no-loadscope-reorder

lint: venv
	$(BIN)/ruff check python integration_tests setup.py
	$(BIN)/ruff format --check python integration_tests setup.py
	$(BIN)/sqlfluff lint --processes 2 models analyses

bench: venv
	$(BIN)/python -m corridor_tools.bench --events $(EVENTS)

# NannyML in its own virtualenv (build/venv-nannyml), timed on the same Parquet files as corridor's whole build.
PEER_EVENTS ?= 1000000
# corridor builds timed against NannyML: demo (the demo profile), scoped (NannyML's scope) and scoped-parquet
# (the same, reading the Parquet files in place): docs/benchmarks.md
PEER_BUILDS ?= demo,scoped
# each side run PEER_ROUNDS times in alternating order, reported by its fastest round (docs/benchmarks.md)
PEER_ROUNDS ?= 1
NANNYML_VENV := build/venv-nannyml
$(NANNYML_VENV)/.installed:
	test -x $(NANNYML_VENV)/bin/python || $(PYTHON) -m venv $(NANNYML_VENV)
	# nannyml 0.13 imports statsmodels without declaring it; pinned to what the recorded figures ran with
	$(NANNYML_VENV)/bin/python -m pip install --quiet --disable-pip-version-check nannyml==0.13.1 pandas==3.1.1 \
		numpy==2.4.6 scipy==1.17.1 scikit-learn==1.9.1 pyarrow==26.0.1 statsmodels==0.15.0
	touch $@

bench-peers: venv $(NANNYML_VENV)/.installed
	NML_DISABLE_USAGE_LOGGING=1 $(BIN)/python -m corridor_tools.bench_peers --events $(PEER_EVENTS) \
		--nannyml-python $(NANNYML_VENV)/bin/python --builds $(PEER_BUILDS) --rounds $(PEER_ROUNDS)

# A daily scheduled run (docs/incremental.md): DAYS days of history at EVENTS_PER_DAY events a day, a full build,
# then one new day plus late data built incrementally; both timed. On a shared machine: DAYS=30 EVENTS_PER_DAY=100000.
# PARTIAL_PARSE=1 times each daily run a second time with dbt's saved parse of the full build (a scheduled run in the
# same project folder) next to the run that parses from scratch.
DAYS ?= 90
# the new day's late rows: lookback (about events inside corridor_lookback_days), all, or both runs
LATE_DATA ?= both
EVENTS_PER_DAY ?= 1000000
bench-incremental: venv
	$(BIN)/python -m corridor_tools.bench_incremental --days $(DAYS) --events-per-day $(EVENTS_PER_DAY) --late-data $(LATE_DATA) \
		$(if $(PARTIAL_PARSE),--partial-parse)

# corridor's label-free estimate against NannyML's CBPE on NannyML's car-loan data (docs/label-free.md).
label-free-study: venv $(NANNYML_VENV)/.installed
	$(BIN)/python -m corridor_tools.label_free_study --nannyml-python $(NANNYML_VENV)/bin/python

# The whole build on local Spark (every core) next to DuckDB's, same events (corridor_tools.bench_spark; docs/engines.md).
# SPARK_EVENTS="10000000 100000000" is what the issue asks; run it on a machine of its own, not a shared one.
SPARK_EVENTS ?= 1000000
bench-spark: venv venv-spark
	$(BIN)/python -m corridor_tools.bench_spark --events $(SPARK_EVENTS)

bench-intervals: venv
	$(BIN)/python -m corridor_tools.bench_intervals

calibration: venv
	$(BIN)/python -m corridor_tools.calibration

# The validation corridor's false-alarm rate and power by simulation, through its compiled SQL: rewrites
# docs/validation_simulations.md (3-5 minutes on 2 cores; integration_tests/pytest/test_validation_statistics.py
# asserts the same simulations).
validation-sim: venv $(DEMO_EVENTS)
	$(BIN)/python -m corridor_tools.validation_sim

seeds: venv
	$(BIN)/python -m corridor.demo_data seeds --out seeds/demo

clean:
	rm -rf build dist target logs dbt_packages integration_tests/target integration_tests/dbt_packages integration_tests/logs
