# Keel. The two set-up commands are `make run` and `make test` (see README).
SHELL := /bin/bash
export CGO_ENABLED := 1
GO ?= go
BIN := bin/keel

.PHONY: run test build deps test-deps vet lint unit fuzz bench package clean

## run: install what is missing, build Keel and open it on the default database
run: deps
	$(GO) build -o $(BIN) ./cmd/keel
	./$(BIN)

## test: install what is missing, then vet, staticcheck, the race-enabled test suite and a short run of every fuzz target
test: test-deps
	$(GO) vet ./...
	$(GO) tool staticcheck ./...
	$(GO) test -race -count=1 ./...
	@$(MAKE) --no-print-directory fuzz FUZZTIME=$(FUZZ_SMOKE)

## build: build bin/keel
build: deps
	$(GO) build -o $(BIN) ./cmd/keel

deps:
	@.ci/deps build

test-deps:
	@.ci/deps test

# Fuzz targets as package:Name. Counts, not durations (-fuzztime=Nx): a
# time-based run stalls on a 2-core machine. `make test` runs each for
# FUZZ_SMOKE inputs (about 15 s in all once built); `make fuzz` runs each
# for FUZZTIME, 100,000 by default (about 15 minutes in all on 2 cores), or
# e.g. `make fuzz FUZZTIME=1000000x`. A failing input is saved under the
# package's testdata/fuzz and then runs with every `go test`.
FUZZ_TARGETS := assessment:FuzzParseRecordJSON assessment:FuzzValidateRecord assessment:FuzzGenerate \
	assessment:FuzzParseExport report:FuzzSanitize report:FuzzRenderText
FUZZ_SMOKE := 300x
FUZZTIME ?= 100000x
# ORACLE_RECORDS random assessments go through the safety oracle in
# `make fuzz` (the normal test run checks 10,000); skipped in the smoke run.
ORACLE_RECORDS ?= 100000

## fuzz: every fuzz target for FUZZTIME inputs (default 100000x), and the safety oracle on ORACLE_RECORDS records
fuzz:
	@set -e; for t in $(FUZZ_TARGETS); do \
		pkg=$${t%%:*}; name=$${t#*:}; \
		echo "fuzz ./$$pkg $$name -fuzztime=$(FUZZTIME)"; \
		$(GO) test ./$$pkg -run '^$$' -fuzz "^$$name\$$" -fuzztime=$(FUZZTIME); \
	done
	@if [ "$(FUZZTIME)" != "$(FUZZ_SMOKE)" ]; then \
		echo "safety oracle: $(ORACLE_RECORDS) records"; \
		KEEL_ORACLE_RECORDS=$(ORACLE_RECORDS) $(GO) test ./assessment -run '^TestSafetyOracle$$' -count=1 -timeout 30m; \
	fi

## bench: every benchmark, as recorded in docs/PERFORMANCE.md
bench:
	$(GO) test -run '^$$' -bench . -benchmem -count=5 ./...

## package: a Linux desktop package (tar.xz with .desktop file and icon)
package: build
	$(GO) tool fyne package --os linux --release --exe $(BIN) --name Keel --app-id com.keelcoach.keel --app-version 0.1.0 --icon assets/icon.png
	mkdir -p dist && mv Keel.tar.xz dist/
	@ls -l dist/Keel.tar.xz

clean:
	rm -rf bin dist
