# The two commands of the README: `make build` and `make test`. Both set up everything
# they need on a fresh Debian machine (Debian packages, virtual environment, pinned
# Python packages) before doing their job. `make serve` is the editors' live preview.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Debian packages:
# - chromium: the browser tests and the benchmark;
# - fonts-morisawa-bizud-gothic/-mincho (BIZ UD), fonts-noto-cjk (fallback): Japanese type
#   in PDFs, caption previews and screenshots;
# - libpango-1.0-0, libpangoft2-1.0-0, libharfbuzz-subset0: WeasyPrint's text layout and
#   fast font subsetting;
# - poppler-utils: pdftotext/pdffonts/pdftoppm to read PDFs back in the tests;
# - ffmpeg (with libass): the caption preview sheets;
# - libgs-common: the CMYK ICC profile (Artifex's SWOP profile, AGPL-3+) of the print PDFs'
#   PDF/X-4 output intent;
# Node.js 20 with npm comes with the machine (html-validate in the tests, lighthouse in
# the benchmark); Debian's nodejs and npm are installed only where there is no npm.
DEBS := chromium fonts-noto-cjk fonts-morisawa-bizud-gothic fonts-morisawa-bizud-mincho \
	libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 poppler-utils ffmpeg libgs-common
export NO_MKDOCS_2_WARNING := 1

.PHONY: build test serve benchmark pdf setup system-packages clean

build: setup
	$(BIN)/python -m hooks.build

test: setup
	$(BIN)/python -m pytest

# `make serve LANG=ja` previews the Japanese edition alone (about twice as fast a rebuild);
# `make serve PREVIEWS=1` also renders the caption preview sheets (slower; off by default).
serve: setup
	LANG=C.UTF-8 PREVIEWS=$(PREVIEWS) KK_BUILD_EN=$(if $(filter ja,$(LANG)),false,true) $(BIN)/python -m mkdocs serve --strict --dirty

# One publication's PDFs (both languages and editions) into site/downloads/, for an
# editor: `make pdf PUB=leaflet` (without PUB: all three). The live preview renders none.
pdf: setup
	$(BIN)/python -m hooks.pdf $(PUB)

setup: system-packages $(VENV)/.installed node_modules/.installed

# Node tools, pinned by package-lock.json.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(VENV)/.installed: requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	touch $@

system-packages:
	@missing=""; \
	for p in $(DEBS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	command -v npm >/dev/null || missing="$$missing nodejs npm"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing Debian packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	  else \
	    echo "These Debian packages are needed; install them as root and run again:$$missing" >&2; \
	    echo "  sudo apt-get install$$missing" >&2; exit 1; \
	  fi; \
	fi

clean:
	rm -rf site .build

# The benchmark (not a test): the build by stage, against plain MkDocs and at scale, the
# editor's loop, page weight, layout shift, Lighthouse, search and the PDFs, into
# benchmarks/results.md.
benchmark: build
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/pdf.py
