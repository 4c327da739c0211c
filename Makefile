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
# the tools and axe-core, each under a name that carries its version (and
# the Go toolchain that built it), so a new pin never reuses an old build.
# `make clean-cache` deletes it. (The vulnerability database is a module in
# Go's module cache, below.)
CACHE   ?= $(or $(XDG_CACHE_HOME),$(HOME)/.cache)/smacalc
TOOLS   := $(CACHE)/tools-$(GOTOOLCHAIN)

STATICCHECK_VERSION := v0.8.2
STATICCHECK         := $(TOOLS)/staticcheck-$(STATICCHECK_VERSION)/staticcheck
GOVULNCHECK_VERSION := v1.9.0
GOVULNCHECK         := $(TOOLS)/govulncheck-$(GOVULNCHECK_VERSION)/govulncheck
# The Go vulnerability database: the OSV entries of the pinned
# golang.org/x/vulndb module (vuln.go.dev cannot be reached from here), read
# as they are from Go's module cache, where `go mod download` checked them
# against the checksum database.
VULNDB_VERSION      := v0.0.0-20261105234957-e22db6528018
VULNDB_MODULE       := golang.org/x/vulndb@$(VULNDB_VERSION)
AXE_VERSION         := 4.14.1
AXE                 := $(CACHE)/axe-core-$(AXE_VERSION)/node_modules/axe-core/axe.min.js
PDFJS_VERSION       := 6.5.438
PDFJS               := $(CACHE)/pdfjs-dist-$(PDFJS_VERSION)/node_modules/pdfjs-dist

# The packages with files that only a js/wasm build compiles (//go:build js,
# wasm, ..., test files included). Vet and staticcheck check every other
# file natively, so only these are checked a second time for the browser.
# Computed from `go list` when first used (then kept for the rest of this
# make: vet and staticcheck both need it): a new js-only file is covered
# without editing a list here. GNU make before 4.4 does not pass exported
# variables to $(shell): GOTOOLCHAIN is set there again (with `go env -w
# GOTOOLCHAIN=local` and go 1.26 the list came out empty, and vet and
# staticcheck for js/wasm checked only the root package).
GO_FILES = {{range .GoFiles}}{{$$.ImportPath}} {{.}}{{"\n"}}{{end}}{{range .TestGoFiles}}{{$$.ImportPath}} {{.}}{{"\n"}}{{end}}{{range .XTestGoFiles}}{{$$.ImportPath}} {{.}}{{"\n"}}{{end}}
JS_PKGS = $(eval JS_PKGS := $(shell export GOTOOLCHAIN=$(GOTOOLCHAIN); { $(GO) list -e -f '$(GO_FILES)' ./... | sed 's/^/native /'; \
	GOOS=js GOARCH=wasm $(GO) list -e -f '$(GO_FILES)' ./... | sed 's/^/js /'; } | \
	awk '$$1 == "native" { seen[$$2 " " $$3] = 1; next } !seen[$$2 " " $$3] { print $$2 }' | sort -u))$(JS_PKGS)

WASM_FLAGS := -trimpath -ldflags='-s -w'
# vet and staticcheck for js/wasm compile the packages they check against
# with -trimpath too, the WASM build's compile flag: the build cache then
# holds one js/wasm compile of each package, which `make wasm` (e2e) reuses,
# instead of two. (-ldflags only changes the link.) Their messages still name
# the files as they are in the tree.
JS_ENV := GOOS=js GOARCH=wasm GOFLAGS="$$GOFLAGS -trimpath"

# The fuzz targets' test binaries, instrumented for fuzzing (`go test -c
# -fuzz=.`), one per package, kept in the clone between runs (`*.test` is
# ignored by git): `go test -c` leaves an up-to-date binary alone, so a
# second run links none of them again.
FUZZBIN := .fuzz

# apt-get needs root; use sudo when not root (CI and these machines are root).
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run build wasm test test-graph check lint fmt-check vet vet-native vet-js staticcheck unit-js \
        staticcheck-native staticcheck-js vuln unit e2e \
        fuzz fuzz-build fuzz-smoke bench bench-browser validate deps deps-browser tools \
        go-modules vulndb clean clean-cache

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
## a short run of every fuzz target, the browser tests, in three steps:
## 1. `make test-graph`: what `make deps` fetches, every check of `make
##    check` but the fuzzing, and the WASM build, in one graph (below);
## 2. the fuzzing, alone, as `make check` runs it;
## 3. the browser tests, alone (`make e2e`, its installs and WASM up to
##    date by then): chromium's tabs take both cores, and a test waits on
##    pages that anything beside it would slow.
test:
	@$(MAKE) --no-print-directory test-graph
	@$(MAKE) --no-print-directory fuzz-smoke FUZZ_BUILD=
	@$(MAKE) --no-print-directory e2e

## test-graph: `make deps`, `make check` but its fuzzing, and `make wasm`,
## $(TEST_JOBS) at a time in one graph (each one's output together): each
## starts as soon as what it needs is there, so on a fresh clone the
## compiles start while downloads go on (npm, apt, the vulnerability
## database), not after the slowest of them, and the WASM's link (one
## thread) runs beside other work instead of before the browser tests with
## a core idle. The Go toolchain comes first, alone: every go command needs
## it. Then at once the tool builds (staticcheck, then govulncheck: they
## need only the toolchain and fetch their own modules); once the module's
## dependencies are downloaded, vet for js/wasm and the fuzz builds; once
## the tools are built too, vet natively (they share the standard library's
## native compiles: two go commands compiling the same package at once
## would each compile it, the build cache being read only before a compile
## starts); then the rest as in `make check`, and the WASM after the js/wasm
## vet, whose compiles it reuses. Three at a time: a job waiting on the
## network holds a slot, and go commands on two cores still keep both busy.
TEST_JOBS ?= 3
test-graph:
	@$(GO) version >/dev/null
	@$(MAKE) --no-print-directory -j$(TEST_JOBS) --output-sync=target \
	  deps-browser $(AXE) $(PDFJS) go-modules vulndb $(STATICCHECK) $(GOVULNCHECK) \
	  vet-native fuzz-build vet-js staticcheck-native unit staticcheck-js unit-js vuln fmt-check wasm \
	  CHECK_GRAPH=1 TEST_GRAPH=1 UNIT_VET=-vet=off

## check: every check but the browser tests, in two steps:
## 1. every check but the fuzzing, $(CHECK_JOBS) at a time (each one's
##    output together), each started as soon as a slot is free and what it
##    reuses is built, with no step waiting for the slowest of another:
##    vet (which compiles every package, natively and for js/wasm), the
##    fuzz targets' instrumented builds (other compiles: the
##    instrumentation is a compile flag of every package in the binary),
##    gofmt and govulncheck (which loads from source) from the start;
##    staticcheck once the vet of its GOOS has compiled what it loads, the
##    unit tests once staticcheck has compiled the test variants, so two
##    go commands never compile the same package at once (each would
##    compile it: the build cache is only read before a compile starts).
##    The unit tests skip `go test`'s own vet
##    pass (-vet=off), whose analyzers (atomic, bool, buildtags, directive,
##    errorsas, ifaceassert, nilfunc, printf, stringintconv, tests) `go
##    vet` ran on the same packages, test files included;
## 2. the fuzzing, alone: each target fuzzes for a fixed time, so anything
##    beside it would take its CPU and lower its executions.
CHECK_JOBS ?= 2
check:
	@$(MAKE) --no-print-directory -j$(CHECK_JOBS) --output-sync=target \
	  vet-native fuzz-build vet-js staticcheck-native unit staticcheck-js unit-js vuln fmt-check \
	  CHECK_GRAPH=1 UNIT_VET=-vet=off
	@$(MAKE) --no-print-directory fuzz-smoke FUZZ_BUILD=

# The order inside the graphs of `make check` (CHECK_GRAPH) and `make
# test-graph` (TEST_GRAPH, above), as order-only prerequisites: a target
# run alone (`make unit`, `make vet-native`, `make wasm`) waits for nothing.
#
# The unit tests wait for staticcheck too: its `go list -export -test`
# compiles every package's test variant (`p [p.test]`, the package with
# its _test.go files) that `go test` then links, and side by side each
# would compile them. (The goal lists name a target before those that wait
# for it: make reports a goal already made as another's prerequisite as
# "up to date", as if it had not run.)
ifdef CHECK_GRAPH
staticcheck-native: | vet-native
unit: | staticcheck-native
staticcheck-js: | vet-js
unit-js: | staticcheck-js
endif
ifdef TEST_GRAPH
vet-native vet-js fuzz-build vuln: | go-modules
vet-native: | $(STATICCHECK) $(GOVULNCHECK)
$(GOVULNCHECK): | $(STATICCHECK)
vuln: | vulndb
wasm: | vet-js
endif

## deps: everything `make test` fetches, fetched side by side (network and
## disk bound: chromium from apt, axe-core from npm, Go modules, the tools
## and the vulnerability database); a no-op once they are there. The Go
## toolchain comes first, alone: every other step's go command needs it.
deps:
	@$(GO) version >/dev/null
	@$(MAKE) --no-print-directory -j4 deps-browser $(AXE) $(PDFJS) tools vulndb go-modules

go-modules:
	@$(GO) mod download

vulndb:
	@$(GO) mod download $(VULNDB_MODULE)

# One after the other: both compile go/types, go/parser and the rest of the
# standard library they share, and two go commands at once would each
# compile them (the build cache is only read before a compile starts). The
# downloads in `make deps` go on beside them.
tools:
	@$(MAKE) --no-print-directory -j1 $(STATICCHECK)
	@$(MAKE) --no-print-directory -j1 $(GOVULNCHECK)

lint: fmt-check vet staticcheck vuln

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt: not formatted:"; echo "$$out"; exit 1; fi

## vet: go vet natively, and for js/wasm the packages that differ there
vet: vet-native vet-js

vet-native:
	$(GO) vet ./...

vet-js:
	@test -n "$(JS_PKGS)" || { echo "vet-js: go list found no js/wasm packages"; exit 1; }
	$(JS_ENV) $(GO) vet $(JS_PKGS)

staticcheck: staticcheck-native staticcheck-js

staticcheck-native: $(STATICCHECK)
	$(STATICCHECK) ./...

staticcheck-js: $(STATICCHECK)
	@test -n "$(JS_PKGS)" || { echo "staticcheck-js: go list found no js/wasm packages"; exit 1; }
	$(JS_ENV) $(STATICCHECK) $(JS_PKGS)

$(STATICCHECK):
	GOBIN=$(@D) $(GO) install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION)

## vuln: govulncheck against the pinned Go vulnerability database.
## govulncheck reads a directory of OSV entries (ID.json) and indexes them
## itself (x/vuln internal/client newHybridSource: the same modules index,
## with its own fixed-version rule), so the module's data/osv is used as it
## is: no database build (x/vulndb's cmd/indexdb compiled ~700 packages).
## Checked against the indexdb-built database: the same 187 entries and 435
## findings for a go1.26.8 program using net/http, crypto/tls and x509.
vuln: $(GOVULNCHECK)
	@osv=$$($(GO) mod download -json $(VULNDB_MODULE) | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",*$$/\1/p')/data/osv; \
	test -d "$$osv" || { echo "vuln: no $$osv"; exit 1; }; \
	echo "$(GOVULNCHECK) -db file://$$osv ./..."; \
	$(GOVULNCHECK) -db file://$$osv ./...

$(GOVULNCHECK):
	GOBIN=$(@D) $(GO) install golang.org/x/vuln/cmd/govulncheck@$(GOVULNCHECK_VERSION)

## unit: Go tests of every package, with each fuzz target's seed corpus.
## Go's test cache answers for a package whose test binary, environment
## variables read and files opened (the goldens, testdata, fuzz corpora) are
## all unchanged since it last passed: the tests are deterministic (calc is
## pure, seeded; the site tests serve on loopback), so a rerun could only
## repeat the pass. `make unit UNIT_FLAGS=-count=1` runs every one anyway.
## Every package but e2e, whose tests all need chromium and SMACALC_E2E=1
## (`make e2e`): without it e2e's TestMain exits before any test runs, a
## run go test never caches, so `go test ./...` linked and ran e2e.test in
## every check to prove nothing (2 CPU-s each time, issue 29); vet and
## staticcheck check its files, `make e2e` runs it.
UNIT_FLAGS ?=
UNIT_PKGS = $$($(GO) list ./... | grep -vx smacalc/e2e)
unit:
	$(GO) test $(UNIT_VET) $(UNIT_FLAGS) $(UNIT_PKGS)

## unit-js: the unit tests of the packages with their own code for js/wasm
## that can run outside a browser, compiled for js/wasm and run under
## Node.js by Go's go_js_wasm_exec (calc/internal/minmax: its wasm Min and
## Max against the builtins, which are runtime calls there), and those
## whose code is shaped for V8 (calc/internal/market's kernel reads the
## exponent's index from the float's bits, lotbook revalues two lots an
## iteration: round 9): their tests check the same bits under V8.
UNIT_JS_PKGS := ./calc/internal/minmax/ ./calc/internal/market/ ./calc/internal/lotbook/
unit-js:
	$(JS_ENV) $(GO) test $(UNIT_VET) -exec="$$($(GO) env GOROOT)/lib/wasm/go_js_wasm_exec" $(UNIT_JS_PKGS)

## e2e: browser tests in headless chromium (installs chromium, axe-core and pdf.js when missing)
e2e: deps-browser $(AXE) $(PDFJS) wasm
	SMACALC_E2E=1 SMACALC_WASM_DIR=$(CURDIR)/$(WASM) SMACALC_AXE=$(AXE) SMACALC_PDFJS=$(PDFJS) $(GO) test -count=1 -parallel $(E2E_PARALLEL) -timeout 20m ./e2e/

# chromium-headless-shell is chromium's old headless mode, which the browser
# tests run in (about 30 % less CPU than the whole browser: e2e/main_test.go,
# chromiumPath); bench-browser measures chromium itself.
deps-browser:
	@command -v chromium >/dev/null 2>&1 && command -v chromium-headless-shell >/dev/null 2>&1 || { \
	  echo "installing chromium and chromium-headless-shell (Debian packages)"; \
	  $(SUDO) apt-get update -qq >/dev/null && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium chromium-headless-shell >/dev/null; }

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
# The packages with fuzz targets, as "import-path dir" lines.
FUZZ_PKGS = $(GO) list -f '{{.ImportPath}} {{.Dir}}' ./... | while read -r pkg dir; do \
	  grep -qs '^func Fuzz' "$$dir"/*_test.go && echo "$$pkg $$dir"; done; true

# What no fuzz binary may compile: `go test -fuzz` instruments every
# package of the binary (the standard library included), so a fuzz package
# importing the server or the UI framework compiles them, and crypto/tls
# and the rest below them, a second time in a fresh `make check` (issue 29:
# ~145 CPU-s for three targets). The code a target fuzzes lives in a
# package without them (app/savedfile, site/logo, cli/taxcmd;
# docs/ARCHITECTURE.md, "Packages").
FUZZ_FORBIDDEN := net/http github.com/maxence-charriere/go-app/v10/pkg/app

## fuzz-build: compile each fuzz package's test binary once, with the fuzzing
## instrumentation, into $(FUZZBIN)/ (`go test -fuzz` per target would link
## it again for every one). Linked without DWARF (-ldflags=-w), as `go test`
## links the binaries it runs itself (`go test -c` keeps it for debuggers):
## a failing input's stack trace comes from the runtime's own line tables;
## the link takes about a quarter less CPU (site's: 2.4 instead of 3.2 CPU-s).
## First, one `go list` of the test binaries' imports refuses a fuzz
## package that would compile $(FUZZ_FORBIDDEN) (naming it).
fuzz-build:
	@set -e; mkdir -p $(FUZZBIN); pkgs=$$( ($(FUZZ_PKGS)) | cut -d" " -f1); \
	test -n "$$pkgs" || { echo "fuzz-build: go list found no fuzz targets"; exit 1; }; \
	forbidden="$(patsubst %,-e %,$(FUZZ_FORBIDDEN))"; \
	if $(GO) list -deps -test $$pkgs | grep -qxF $$forbidden; then \
	  for pkg in $$pkgs; do \
	    $(GO) list -deps -test $$pkg | grep -xF $$forbidden | sed "s|^|fuzz-build: $$pkg's fuzz binary would compile |"; \
	  done; \
	  echo "fuzz-build: move the fuzzed code into a package that imports none of $(FUZZ_FORBIDDEN) (docs/ARCHITECTURE.md, Packages)"; \
	  exit 1; \
	fi; \
	for pkg in $$pkgs; do \
	  $(GO) test -c -fuzz=. -ldflags=-w -o "$(FUZZBIN)/$$(echo "$$pkg" | tr / _).test" "$$pkg"; \
	done

# What the fuzzing waits for: the binaries' build, which `make check` has
# just run when it fuzzes (each `go test -c` would only find its binary up to
# date, at the cost of loading and hashing the package's whole build again).
FUZZ_BUILD ?= fuzz-build

## fuzz: run every fuzz target for $(FUZZTIME) each (inputs that fail are
## written to the package's testdata/fuzz and then run by every `go test`),
## one after the other, each with its package's binary from fuzz-build
fuzz: $(FUZZ_BUILD)
	@set -e; fuzzcache=$$($(GO) env GOCACHE)/fuzz; bin=$(CURDIR)/$(FUZZBIN); \
	($(FUZZ_PKGS)) | while read -r pkg dir; do \
	  test="$$bin/$$(echo "$$pkg" | tr / _).test"; \
	  for target in $$(cd "$$dir" && "$$test" -test.list '^Fuzz' | grep '^Fuzz'); do \
	    echo "fuzz $$pkg $$target ($(FUZZTIME))"; \
	    (cd "$$dir" && "$$test" -test.run '^$$' -test.fuzz "^$$target$$" -test.fuzztime $(FUZZTIME) \
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
	rm -rf $(WASM) dist e2e/artifacts $(FUZZBIN)

## clean-cache: delete the tools and axe-core kept in $(CACHE) (Go's own
## caches, the vulnerability database among the modules: `go clean -cache
## -modcache`)
clean-cache:
	rm -rf $(CACHE)
