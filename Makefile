# plantrack — build, test, demo, install, bench, reliability, fuzz.
# The two commands that matter on a fresh machine: `make demo` and `make test`.

SWIFT      ?= swift
PREFIX     ?= /usr/local
# Release builds link the Swift runtime statically, and libstdc++ (which the runtime needs) too:
# the dynamic loader's symbol lookups for libstdc++.so were 0.5 ms of every start-up, a tenth of a
# `progress add` (docs/PERFORMANCE.md). --static-swift-stdlib asks for a plain -lstdc++, so a
# linker script named libstdc++.so, first on the search path, points it at the archive. Without
# the archive (no `cc -print-file-name`), libstdc++ stays dynamic and nothing else changes.
LIBSTDCXX_A := $(shell $(CC) -print-file-name=libstdc++.a 2>/dev/null)
STATIC_CXX  := $(CURDIR)/.build/static-libstdc++
STATIC_CXX_FLAGS := $(if $(filter /%,$(LIBSTDCXX_A)),-Xswiftc -L$(STATIC_CXX))
RELEASE    := -c release --static-swift-stdlib $(STATIC_CXX_FLAGS)
DEBUG_BIN   = $(shell $(SWIFT) build --show-bin-path)
RELEASE_BIN = $(shell $(SWIFT) build $(RELEASE) --show-bin-path)
DEMO_DB    ?= $(or $(TMPDIR),/tmp)/plantrack-demo.db

.PHONY: build release test demo install bench reliability fuzz accuracy clean

build:
	$(SWIFT) build

# The linker script is rewritten every time, so it follows the compiler's current libstdc++.a.
release:
	$(if $(STATIC_CXX_FLAGS),mkdir -p "$(STATIC_CXX)" && echo 'INPUT($(LIBSTDCXX_A))' > "$(STATIC_CXX)/libstdc++.so")
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

# Benchmarks against the sqlite3 shell and the SQLite C API (docs/PERFORMANCE.md). The Swift side
# of the Storage case is a package of its own (bench/), so it never ships. Data in bench-data/.
BENCH_BUILD = .build/bench
bench: release
	$(SWIFT) build $(RELEASE) --package-path bench --scratch-path $(BENCH_BUILD)
	$(CC) -O2 -o $(BENCH_BUILD)/storage_step bench/storage_step.c $$(pkg-config --cflags --libs sqlite3)
	python3 bench/run.py --plantrack "$(RELEASE_BIN)/plantrack" \
		--storage-step "$$($(SWIFT) build $(RELEASE) --package-path bench --scratch-path $(BENCH_BUILD) --show-bin-path)/StorageStep" \
		--c-step "$(BENCH_BUILD)/storage_step"

# The reliability suite at full size on the release binary: 8x250 concurrent writers, kill -9 at
# random moments, the bad-input corpus with 50 MB lines, backups under load. `make test` runs the
# same tests reduced.
RELIABILITY = ConcurrencyTests|CrashSafetyTests|BadInputCorpusTests|BackupTests|IntegrityTests|MixedLoadTests
reliability: release
	$(SWIFT) build --build-tests
	PLANTRACK_BIN="$(RELEASE_BIN)/plantrack" PLANTRACK_RELIABILITY=full $(SWIFT) test --skip-build --filter '$(RELIABILITY)'

# libFuzzer on the importer's text rules and the CSV reader, FUZZ_SECONDS per target (Fuzz/).
FUZZ_SECONDS ?= 60
fuzz:
	SWIFT="$(SWIFT)" sh scripts/fuzz.sh $(FUZZ_SECONDS)

# The importer's rules against the fixture corpus: precision and recall per document and in total.
# ACCURACY_FLAGS=--details lists what was missed or extra; --draft writes NAME.draft.json answer keys to review.
accuracy:
	$(SWIFT) build --product ImporterAccuracy
	"$(DEBUG_BIN)/ImporterAccuracy" Tests/Fixtures/plans $(ACCURACY_FLAGS)

clean:
	$(SWIFT) package clean
	rm -rf .build
