# make site: a virtual environment with the pinned dependencies, then the site in site/.
# make test: lint, types and the whole test suite (browser tests need Debian's chromium).
# make bench: synthetic corpora of 100, 1,000 and 10,000 articles through the pipeline; tables in bench/RESULTS.md.
# make ingest FILES="~/captures/a.txt ~/captures/b.jsonl": captures -> content/raw/ and content/articles/.
# make new TITLE="A headline": a new article file with every field explained.
# make check: validate content/ without writing anything. make schema: regenerate the front matter's schema.
VENV := .venv
PYTHON := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: site test serve generate check ingest new schema lint clean bench

$(STAMP): requirements.txt requirements-dev.txt constraints.txt
	python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt -c constraints.txt
	touch $(STAMP)

site: $(STAMP)
	$(PYTHON) -m generator build

generate: $(STAMP)
	$(PYTHON) -m generator generate

check: $(STAMP)
	$(PYTHON) -m generator check

ingest: $(STAMP)
	$(PYTHON) -m generator ingest $(FILES)

new: $(STAMP)
	$(PYTHON) -m generator new --title "$(TITLE)"

schema: $(STAMP)
	$(PYTHON) -m generator schema

serve: $(STAMP)
	$(PYTHON) -m generator serve

lint: $(STAMP)
	$(VENV)/bin/ruff check generator tests bench
	$(VENV)/bin/ruff format --check generator tests bench
	$(VENV)/bin/mypy generator

test: lint
	$(PYTHON) -m pytest

clean:
	rm -rf site $(VENV)

bench: $(STAMP)
	$(PYTHON) bench/synthetic.py 100 1000 10000 --incremental --results bench/RESULTS.md
