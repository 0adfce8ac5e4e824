# Keel. The two set-up commands are `make run` and `make test` (see README).
SHELL := /bin/bash
export CGO_ENABLED := 1
GO ?= go
BIN := bin/keel

.PHONY: run test build deps test-deps windows-deps vet lint unit fuzz bench package package-windows windows-build clean

## run: install what is missing, build Keel and open it on the default database
run: deps
	$(GO) build -o $(BIN) ./cmd/keel
	./$(BIN)

## test: install what is missing, then vet, staticcheck, the race-enabled test suite (beside a throwaway PostgreSQL server, so the storage tests run on both stores) and a short run of every fuzz target
# .ci/with-postgres starts the server in a temporary folder on a loopback
# port, sets KEEL_TEST_POSTGRES for the tests, and stops and deletes it when
# they end, passed or failed.
test: test-deps
	$(GO) vet ./...
	$(GO) tool staticcheck ./...
	.ci/with-postgres $(GO) test -race -count=1 ./...
	@$(MAKE) --no-print-directory windows-build
	@$(MAKE) --no-print-directory fuzz FUZZTIME=$(FUZZ_SMOKE)

## build: build bin/keel
build: deps
	$(GO) build -o $(BIN) ./cmd/keel

deps:
	@.ci/deps build

test-deps:
	@.ci/deps test

windows-deps:
	@.ci/deps windows

# Windows (64-bit), cross-compiled with Debian's MinGW-w64 gcc: go-sqlite3
# and Fyne's GLFW driver are cgo, so Go alone cannot build Keel.exe.
WINDOWS_ENV := GOOS=windows GOARCH=amd64 CGO_ENABLED=1 CC=x86_64-w64-mingw32-gcc
# The version and build number come from FyneApp.toml, like the app ID.
APP_VERSION := $(shell sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml)
APP_BUILD := $(shell sed -n 's/^Build *= *\([0-9]*\)/\1/p' FyneApp.toml)

# The build Fyne's packager makes for --release (tools v1.7.2: optimised
# and hardened C, -trimpath, the release tag). windows-build uses the same,
# so it checks what ships and shares its compiled packages with
# package-windows. Debian's MinGW-w64 keeps the hardening checks in libssp,
# linked in statically (Keel.exe needs no libssp-0.dll beside it).
WINDOWS_CFLAGS := -O3 -pipe -D_FORTIFY_SOURCE=3 -fstack-protector-strong
WINDOWS_LDFLAGS := -extldflags=-l:libssp.a

## windows-build: check that Keel still builds for Windows (part of `make test`; the first run compiles SQLite, GLFW and OpenGL with MinGW: about 9 minutes of CPU)
# It also vets the packages with Windows-only files.
windows-build:
	$(WINDOWS_ENV) CGO_CFLAGS="$(WINDOWS_CFLAGS)" $(GO) build -trimpath -tags release -ldflags=$(WINDOWS_LDFLAGS) -o /dev/null ./cmd/keel
	$(WINDOWS_ENV) CGO_CFLAGS="$(WINDOWS_CFLAGS)" $(GO) vet -trimpath -tags release ./cmd/keel ./assessment/platform ./assessment/atomicfile

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

## package-windows: dist/Keel.exe for 64-bit Windows, with the icon and version from FyneApp.toml
# Fyne's packager turns the icon into a Windows icon, writes the version
# information and a manifest into a resource object (cmd/keel/fyne.syso)
# and builds with -H windowsgui (no console window) and, for --release,
# -s -w (no symbol table or debug information). It runs in cmd/keel and
# leaves Keel.exe there. The packager itself is built for this machine
# first, with the host's compiler, which is why CC is set only after.
# libssp goes to the final link only (the packager reads -ldflags from
# GOFLAGS), so the packages windows-build compiled stay cached. The
# packager takes -ldflags out of GOFLAGS in its first build, so that build
# is skipped: it only runs when there is no executable yet, and the empty
# keel.exe named by --executable is overwritten by the one build, made
# with the resources.
WINDOWS_GOFLAGS := $(shell $(GO) env GOFLAGS) -ldflags=$(WINDOWS_LDFLAGS)
package-windows: windows-deps
	rm -f cmd/keel/keel.exe cmd/keel/Keel.exe cmd/keel/fyne.syso cmd/keel/fyne_metadata_init.go
	touch cmd/keel/keel.exe
	fyne=$$($(GO) tool -n fyne) && cd cmd/keel && \
		$(WINDOWS_ENV) GOFLAGS="$(WINDOWS_GOFLAGS)" "$$fyne" package --os windows --release --executable keel.exe \
		--name Keel --app-id com.keelcoach.keel --app-version $(APP_VERSION) --app-build $(APP_BUILD) \
		--icon $(CURDIR)/assets/icon.png
	mkdir -p dist && mv -f cmd/keel/Keel.exe dist/Keel.exe
	KEEL_WINDOWS_EXE=$(CURDIR)/dist/Keel.exe $(GO) test -count=1 -run '^TestWindowsExe$$' ./cmd/keel
	@ls -l dist/Keel.exe
	@echo "Keel for Windows written to $(CURDIR)/dist/Keel.exe"

clean:
	rm -rf bin dist
	rm -f cmd/keel/keel.exe cmd/keel/Keel.exe cmd/keel/fyne.syso cmd/keel/fyne_metadata_init.go
