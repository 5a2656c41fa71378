# plantrack — build, test, demo, install, bench.
# The two commands that matter on a fresh machine: `make demo` and `make test`.

SWIFT      ?= swift
PREFIX     ?= /usr/local
RELEASE    := -c release --static-swift-stdlib
DEBUG_BIN   = $(shell $(SWIFT) build --show-bin-path)
RELEASE_BIN = $(shell $(SWIFT) build $(RELEASE) --show-bin-path)
DEMO_DB    ?= $(or $(TMPDIR),/tmp)/plantrack-demo.db

.PHONY: build release test demo install bench reliability fuzz clean

build:
	$(SWIFT) build

release:
	$(SWIFT) build $(RELEASE) --product plantrack

# Unit tests (Swift Testing) and end-to-end tests that run the built binary on temporary databases.
test:
	$(SWIFT) build --build-tests
	PLANTRACK_BIN="$(DEBUG_BIN)/plantrack" $(SWIFT) test --skip-build

# The main job on the bundled documents, on a throw-away database.
demo: build
	@DB="$(DEMO_DB)" BIN="$(DEBUG_BIN)/plantrack" sh scripts/demo.sh

install: release
	install -d "$(PREFIX)/bin"
	install -m 0755 "$(RELEASE_BIN)/plantrack" "$(PREFIX)/bin/plantrack"

bench: release
	@echo "benchmarks: not built yet (issue 6)"

clean:
	$(SWIFT) package clean
	rm -rf .build
