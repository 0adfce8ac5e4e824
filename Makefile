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

## test: install what is missing, then vet, staticcheck and the race-enabled test suite
test: test-deps
	$(GO) vet ./...
	$(GO) tool staticcheck ./...
	$(GO) test -race -count=1 ./...

## build: build bin/keel
build: deps
	$(GO) build -o $(BIN) ./cmd/keel

deps:
	@.ci/deps build

test-deps:
	@.ci/deps test

## fuzz: the fuzz targets for longer than the test suite runs them
fuzz:
	$(GO) test ./assessment -run '^$$' -fuzz '^FuzzParseRecordJSON$$' -fuzztime=200000x
	$(GO) test ./assessment -run '^$$' -fuzz '^FuzzGenerate$$' -fuzztime=200000x

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
