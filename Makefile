# SETA dossiers: `make run` serves the app, `make test` runs the suite. Both set up everything.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000
comma := ,
# The development targets run with DEBUG on; the settings fail safe to off (docs/configuration.md).
export DEBUG ?= true

PHONY_EXTRA := worker benchmark-pdf-memory benchmark-fairness benchmark-scale-out backup restore image stack-test
.PHONY: $(PHONY_EXTRA) run test test-fast setup system-deps db db-stop db-status migrate seed accounts lint benchmark benchmark-web clean-db

run: setup migrate seed accounts
	scripts/run.sh $(HOST):$(PORT)

worker: setup migrate
	$(BIN)/python manage.py procrastinate worker

# Test processes: one per core (pytest-xdist), each with its own test database; each takes its share
# of the test list and, when done, half of what another still has waiting (work stealing).
TEST_JOBS ?= auto
XDIST := -n $(TEST_JOBS) --dist worksteal

# Python's bytecode cache stays on for the test runs, also where the environment turns it off
# (PYTHONDONTWRITEBYTECODE): every test process, and every server, worker and command a test
# starts, would otherwise compile the application and rewrite the tests' asserts anew (2 s each).
test test-fast: export PYTHONDONTWRITEBYTECODE :=

# Everything, in freshly created test databases (what CI runs).
test: setup
	$(BIN)/lint-imports
	$(BIN)/python -m pytest $(XDIST) --create-db $(PYTEST_ARGS)

# The unit and db lanes (not browser, seed or system), keeping the test databases (README, "Tests").
test-fast: setup
	$(BIN)/python -m pytest $(XDIST) --reuse-db -m "unit or db" $(PYTEST_ARGS)

setup: system-deps $(STAMP) db

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

system-deps:
	@scripts/system-deps.sh

db:
	@$(PYTHON) -m seta.devdb start

db-stop:
	@$(PYTHON) -m seta.devdb stop

db-status:
	@$(PYTHON) -m seta.devdb status

migrate: setup
	$(BIN)/python manage.py migrate --noinput

seed: migrate
	$(BIN)/python manage.py load_seed_cases
	$(BIN)/python manage.py load_seed_explorations

accounts: migrate
	$(BIN)/python manage.py ensure_demo_accounts

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports

benchmark: setup migrate seed
	$(BIN)/python manage.py benchmark_pdfs

benchmark-pdf-memory: setup migrate
	$(BIN)/python manage.py benchmark_pdf_memory

benchmark-fairness: setup migrate seed
	$(BIN)/python manage.py benchmark_pdf_fairness

# The app's pages versus the Django admin at 10,000 synthetic cases, in a separate database.
benchmark-web: setup
	@scripts/wrk-dep.sh
	$(BIN)/python manage.py benchmark_web $(BENCHMARK_ARGS)

# The case list with one and with two web processes (docs/scaling.md), on the benchmark database.
benchmark-scale-out: setup
	@scripts/wrk-dep.sh
	$(BIN)/python manage.py benchmark_scale_out $(BENCHMARK_ARGS)

# A backup folder under BACKUP_DIR (default var/backups); restore with BACKUP=<that folder>.
BACKUP_DIR ?= var/backups
backup: setup
	$(BIN)/python manage.py backup $(BACKUP_DIR)

restore: setup
	@test -n "$(BACKUP)" || { echo "usage: make restore BACKUP=var/backups/seta-backup-…"; exit 2; }
	$(BIN)/python manage.py restore $(BACKUP)

# The container image (podman as root; docs/deployment.md). The Debian base image is made locally
# with debootstrap when no registry has it; pip's CA bundle goes in as an optional build secret.
PODMAN := podman --runtime runc
PODMAN_LIMITS := --ulimit nofile=16384:16384 --ulimit nproc=16384:16384
IMAGE ?= localhost/seta-dossiers:latest
PIP_CA ?= $(shell $(PYTHON) -m pip config get global.cert 2>/dev/null || echo /etc/ssl/certs/ca-certificates.crt)

image:
	deploy/base-image.sh
	$(PODMAN) build $(PODMAN_LIMITS) $(if $(wildcard $(PIP_CA)),--secret id=pip-ca$(comma)src=$(PIP_CA)) \
		-f deploy/Containerfile -t $(IMAGE) .

# Builds the image, runs web + worker + PostgreSQL, logs in, makes and downloads a report, stops them.
stack-test: image
	IMAGE=$(IMAGE) deploy/stack-test.sh
