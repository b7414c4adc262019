# Two commands on a fresh machine: `make build` and `make test`. Both create .venv and install
# the pinned dependencies (requirements.txt, with hashes) on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
TNSITE := $(BIN)/tnsite
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

.PHONY: build serve edit check status mark new move delete test lint audit check-external bench lock clean properdocs

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip==25.3
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	$(BIN)/python -m compileall -q scripts/tnsite
	touch $@

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

build: $(STAMP) $(NODE_STAMP)
	@scripts/system-deps.sh build
	$(TNSITE) build

# Live preview; a refused build shows its findings in the browser until the file is fixed.
serve: $(STAMP)
	$(TNSITE) serve --dev-addr 127.0.0.1:8000

# The web editor on this machine, writing into this working tree (no GitHub account needed).
edit: build
	$(TNSITE) edit

check: $(STAMP) $(NODE_STAMP)
	$(TNSITE) check

status: $(STAMP)
	$(TNSITE) status

# make mark PAGES="docs/km/a.md docs/en/a.md": these translations are up to date with their source.
mark: $(STAMP)
	$(TNSITE) mark $(PAGES)

# make new PAGE=du-lich/cho-bien-gioi.md TITLE="Chợ biên giới"; for a Vietnamese page written by
# hand (copied, or made on GitHub), make new PAGE=… declares its translations pending and adds it
# to the menu. The values reach the command through the environment (make exports the variables
# given on its command line), so a title with quotes, `#` or `$` arrives as typed.
new: $(STAMP)
	$(TNSITE) new "$$PAGE" --title "$$TITLE" $(if $(DESCRIPTION),--description "$$DESCRIPTION")

# make move FROM=du-lich/cho.md TO=thuong-mai/cho-bien-gioi.md: rename or move a page in every
# language, updating the links to it, the nav, data records and translation metadata.
move: $(STAMP)
	$(TNSITE) move "$$FROM" "$$TO"

# make delete PAGE=du-lich/cho.md: delete a page in every language. Refused while other pages
# link to it (they are listed); FORCE=1 replaces each of those links by its text.
delete: $(STAMP)
	$(TNSITE) delete "$$PAGE" $(if $(FORCE),--force)

lint: $(STAMP) $(NODE_STAMP)
	$(BIN)/ruff check scripts tests
	$(BIN)/ruff format --check scripts tests
	$(BIN)/mypy

test: $(STAMP) $(NODE_STAMP)
	@scripts/system-deps.sh test
	$(MAKE) --no-print-directory build
	$(MAKE) --no-print-directory check
	$(MAKE) --no-print-directory lint
	$(BIN)/pytest -n 2 --dist loadgroup

audit: $(STAMP) $(NODE_STAMP)
	@scripts/system-deps.sh test
	@test -f site/index.html || $(MAKE) --no-print-directory build
	$(TNSITE) audit

# The site built with ProperDocs (a drop-in fork of MkDocs 1.6.1) instead of MkDocs, then checked.
properdocs: $(STAMP)
	@scripts/system-deps.sh build
	$(BIN)/properdocs build --strict -f mkdocs.yml -d .cache/properdocs-site
	$(TNSITE) check-links --site-dir .cache/properdocs-site

check-external: $(STAMP)
	$(TNSITE) check-external

lock:
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras -o requirements.txt requirements.in

clean:
	rm -rf site reports .cache
