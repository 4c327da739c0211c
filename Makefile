# smacalc — see README.md. `make run` serves the calculator, `make test` runs
# every check including the browser tests. Both install what they need.

# Go 1.26.8 (the machines' default) has known vulnerabilities in net/http,
# crypto/tls and crypto/x509; the go command fetches this toolchain itself.
export GOTOOLCHAIN := go1.27.3

GO      ?= go
ADDR    ?= 127.0.0.1:8080
LABEL   := $(shell git describe --always --dirty --tags 2>/dev/null || echo dev)
WASM    := web
FUZZTIME ?= 60s
FUZZTIME_SMOKE ?= 3s
# Browser tests run side by side, each in its own tab and browser context of
# one chromium (e2e/main_test.go); more than about twice the cores only
# queues work in the browser.
E2E_PARALLEL ?= 4

# What is downloaded or built once and kept between runs and between clones:
# the tools, the vulnerability database and axe-core, each under a name that
# carries its version (and the Go toolchain that built it), so a new pin
# never reuses an old build. `make clean-cache` deletes it.
CACHE   ?= $(or $(XDG_CACHE_HOME),$(HOME)/.cache)/smacalc
TOOLS   := $(CACHE)/tools-$(GOTOOLCHAIN)

STATICCHECK_VERSION := v0.8.2
STATICCHECK         := $(TOOLS)/staticcheck-$(STATICCHECK_VERSION)/staticcheck
GOVULNCHECK_VERSION := v1.9.0
GOVULNCHECK         := $(TOOLS)/govulncheck-$(GOVULNCHECK_VERSION)/govulncheck
VULNDB_VERSION      := v0.0.0-20261105234957-e22db6528018
VULNDB              := $(CACHE)/vulndb-$(VULNDB_VERSION)
AXE_VERSION         := 4.14.1
AXE                 := $(CACHE)/axe-core-$(AXE_VERSION)/node_modules/axe-core/axe.min.js
PDFJS_VERSION       := 6.5.438
PDFJS               := $(CACHE)/pdfjs-dist-$(PDFJS_VERSION)/node_modules/pdfjs-dist

# The packages with files that only a js/wasm build compiles (//go:build js,
# wasm, ..., test files included). Vet and staticcheck check every other
# file natively, so only these are checked a second time for the browser.
# Computed from `go list` when used: a new js-only file is covered without
# editing a list here.
GO_FILES = {{range .GoFiles}}{{$$.ImportPath}} {{.}}{{"\n"}}{{end}}{{range .TestGoFiles}}{{$$.ImportPath}} {{.}}{{"\n"}}{{end}}{{range .XTestGoFiles}}{{$$.ImportPath}} {{.}}{{"\n"}}{{end}}
JS_PKGS = $(shell { $(GO) list -e -f '$(GO_FILES)' ./... | sed 's/^/native /'; \
	GOOS=js GOARCH=wasm $(GO) list -e -f '$(GO_FILES)' ./... | sed 's/^/js /'; } | \
	awk '$$1 == "native" { seen[$$2 " " $$3] = 1; next } !seen[$$2 " " $$3] { print $$2 }' | sort -u)

WASM_FLAGS := -trimpath -ldflags='-s -w'

# apt-get needs root; use sudo when not root (CI and these machines are root).
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run build wasm test lint fmt-check vet staticcheck vuln unit e2e \
        fuzz fuzz-smoke bench bench-browser validate deps deps-browser tools go-modules \
        clean clean-cache

## run: build the WASM and serve the calculator on $(ADDR)
run: wasm
	$(GO) run . serve -addr $(ADDR) -wasm $(WASM) -label $(LABEL)

## build: write the static site to dist/
build: wasm
	$(GO) run . build -o dist -wasm $(WASM) -label $(LABEL)

## wasm: compile the browser UI, which the simulation workers run too (go
## build's cache makes this quick when nothing changed)
wasm:
	@mkdir -p $(WASM)
	@rm -f $(WASM)/worker.wasm # a separate worker WASM of older builds
	GOOS=js GOARCH=wasm $(GO) build $(WASM_FLAGS) -o $(WASM)/app.wasm .

## test: everything: formatting, vet, staticcheck, govulncheck, unit tests,
## a short run of every fuzz target, browser tests
test: deps
	@$(MAKE) --no-print-directory lint unit fuzz-smoke e2e

## deps: everything `make test` fetches, fetched side by side (network and
## disk bound: chromium from apt, axe-core from npm, Go modules, the tools
## and the vulnerability database); a no-op once they are there
deps:
	@$(MAKE) --no-print-directory -j4 deps-browser $(AXE) $(PDFJS) tools $(VULNDB)/.complete go-modules

go-modules:
	@$(GO) mod download

tools: $(STATICCHECK) $(GOVULNCHECK)

lint: fmt-check vet staticcheck vuln

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt: not formatted:"; echo "$$out"; exit 1; fi

## vet: go vet natively, and for js/wasm the packages that differ there
vet:
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet $(JS_PKGS)

staticcheck: $(STATICCHECK)
	$(STATICCHECK) ./...
	GOOS=js GOARCH=wasm $(STATICCHECK) $(JS_PKGS)

$(STATICCHECK):
	GOBIN=$(@D) $(GO) install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION)

## vuln: govulncheck against a local copy of the Go vulnerability database
vuln: $(GOVULNCHECK) $(VULNDB)/.complete
	$(GOVULNCHECK) -db file://$(VULNDB) ./...

$(GOVULNCHECK):
	GOBIN=$(@D) $(GO) install golang.org/x/vuln/cmd/govulncheck@$(GOVULNCHECK_VERSION)

# The online database cannot be reached here: build it from the pinned
# golang.org/x/vulndb module (about a minute, once; cached outside the repo).
$(VULNDB)/.complete:
	@echo "building the Go vulnerability database in $(VULNDB) (once)"
	@rm -rf $(VULNDB) && mkdir -p $(VULNDB)
	@src=$$($(GO) mod download -json golang.org/x/vulndb@$(VULNDB_VERSION) | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",*$$/\1/p'); \
	cd $(VULNDB) && $(GO) run golang.org/x/vulndb/cmd/indexdb@$(VULNDB_VERSION) -vulns "$$src/data/osv" -out $(VULNDB) >/dev/null
	@touch $@

## unit: Go tests of every package, with each fuzz target's seed corpus
unit:
	$(GO) test -count=1 ./...

## e2e: browser tests in headless chromium (installs chromium, axe-core and pdf.js when missing)
e2e: deps-browser $(AXE) $(PDFJS) wasm
	SMACALC_E2E=1 SMACALC_WASM_DIR=$(CURDIR)/$(WASM) SMACALC_AXE=$(AXE) SMACALC_PDFJS=$(PDFJS) $(GO) test -count=1 -parallel $(E2E_PARALLEL) -timeout 20m ./e2e/

deps-browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing chromium (Debian package)"; \
	  $(SUDO) apt-get update -qq >/dev/null && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium >/dev/null; }

# axe-core (accessibility rules) from the npm registry, pinned, outside the repo.
$(AXE):
	@echo "installing axe-core $(AXE_VERSION) (npm)"
	@mkdir -p $(CACHE)/axe-core-$(AXE_VERSION)
	@npm install --silent --no-audit --no-fund --prefix $(CACHE)/axe-core-$(AXE_VERSION) axe-core@$(AXE_VERSION) >/dev/null

# pdf.js (Mozilla's PDF reader) from the npm registry, pinned, outside the
# repo: the e2e tests read the printed report back page by page with it
# (e2e/pdf_pages_test.go). Its optional native canvas is for node, not
# needed in the browser.
$(PDFJS):
	@echo "installing pdfjs-dist $(PDFJS_VERSION) (npm)"
	@mkdir -p $(CACHE)/pdfjs-dist-$(PDFJS_VERSION)
	@npm install --silent --no-audit --no-fund --omit=optional --prefix $(CACHE)/pdfjs-dist-$(PDFJS_VERSION) pdfjs-dist@$(PDFJS_VERSION) >/dev/null

## fuzz: run every fuzz target for $(FUZZTIME) each (inputs that fail are
## written to the package's testdata/fuzz and then run by every `go test`).
## Each package's test binary is compiled once, with the fuzzing
## instrumentation, and run once per target: `go test -fuzz` per target
## would link it again for every one.
fuzz:
	@set -e; bin=$$(mktemp -d); trap 'rm -rf "$$bin"' EXIT; \
	fuzzcache=$$($(GO) env GOCACHE)/fuzz; \
	$(GO) list -f '{{.ImportPath}} {{.Dir}}' ./... | while read -r pkg dir; do \
	  grep -qs '^func Fuzz' "$$dir"/*_test.go || continue; \
	  $(GO) test -c -fuzz=. -o "$$bin/fuzz.test" "$$pkg"; \
	  for target in $$(cd "$$dir" && "$$bin/fuzz.test" -test.list '^Fuzz' | grep '^Fuzz'); do \
	    echo "fuzz $$pkg $$target ($(FUZZTIME))"; \
	    (cd "$$dir" && "$$bin/fuzz.test" -test.run '^$$' -test.fuzz "^$$target$$" -test.fuzztime $(FUZZTIME) \
	      -test.fuzzcachedir "$$fuzzcache/$$pkg" -test.paniconexit0) || exit 1; \
	  done; \
	done

## fuzz-smoke: every fuzz target for a few seconds (part of `make test`)
fuzz-smoke:
	@$(MAKE) --no-print-directory fuzz FUZZTIME=$(FUZZTIME_SMOKE)

## validate: regenerate docs/VALIDATION.md (the model against published research)
validate:
	$(GO) run ./validate -out docs

## bench: Go benchmarks (simulation kernel, tax engine)
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./calc/...

## bench-browser: the calculator's speed in headless chromium; the last line is JSON
bench-browser: deps-browser wasm
	@SMACALC_E2E=1 SMACALC_BENCH=1 SMACALC_WASM_DIR=$(CURDIR)/$(WASM) \
	  $(GO) test -count=1 -run '^TestBrowserBenchmark$$' ./e2e/ -v | grep '^{' | tail -1

clean:
	rm -rf $(WASM) dist e2e/artifacts

## clean-cache: delete the tools, vulnerability database and axe-core kept in
## $(CACHE) (Go's own caches: `go clean -cache -modcache`)
clean-cache:
	rm -rf $(CACHE)
