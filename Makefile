# backpain: build, test and benchmark.
#
#   make demo       build, generate a 10,000-patient cohort, print the reports
#   make report     the HTML dashboard of that cohort: build/report/report.html
#   make deps       install what the build needs (Debian: gcc make sqlite3
#                   libsqlite3-dev perl locales lcov)
#   make            dist/backpain.so (the loadable extension)
#   make static     dist/libbackpain.a, compiled with -DSQLITE_CORE
#   make test       every test, through prove: in-process, and the SQL case
#                   files once more through the system sqlite3 shell
#   make asan       the same suite under AddressSanitizer + UBSan
#   make test-sqlite352  the suite against SQLite 3.52 (from the npm package
#                   sqlite3@6.0.1): its library in-process, and its shell
#   make deps-clients    install what the clients need: the Debian packages
#                   that are missing (CLIENT_DEBS) and better-sqlite3@12
#                   (npm, into build/node)
#   make test-clients    real clients: Python's sqlite3, sqlite-utils,
#                   Node's better-sqlite3@12, and the HTML report in headless
#                   Chromium; a client that is not installed is reported as
#                   "skipped: ... not installed" (REQUIRE_CLIENTS=1: a failure)
#   make valgrind   the suite under valgrind memcheck (any error or leak fails)
#   make threads    8 threads, 8 connections, the whole workload at once,
#                   with backpain and SQLite (3.52) under ThreadSanitizer
#   make coverage   line and branch coverage of ext/ by the SQLite and the
#                   PostgreSQL tests (gcov, lcov): fails below 100 % of the
#                   lines or 95 % of the branches of ext/core, ext/sqlite or
#                   ext/postgres
#   make fuzz       every libFuzzer harness for FUZZ_SECONDS (default 60)
#                   (tests/fuzz/fuzz.mk, with clang)
#   make oom        the SQL suite with each allocation failing in turn, under
#                   ASan: every one for files of up to OOM_POINTS (default
#                   1000) allocations, a fixed sample of OOM_POINTS for larger
#   make bench      the benchmarks (figures, no assertions)
#   make pg         the PostgreSQL extension (ext/postgres/pg.mk: also
#                   pg-install, deps-pg, test-pg)
#   make format     clang-format every C file (.clang-format)
#   make lint       clang-format check, cppcheck and clang-tidy (fails on any finding)
#   make clean
#
# Each build variant has its own directory: build/rel, build/asan,
# build/static. The rules for one variant come from the template below.

.DEFAULT_GOAL := all

CC      ?= cc
V       ?= 0
# Quiet by default; V=1 prints every command.
ifeq ($(V),1)
  Q :=
  SAY := @true
else
  Q := @
  SAY := @echo
endif
PROVE   ?= prove
VERSION := $(shell cat VERSION)

WARNINGS    := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
               -Wmissing-prototypes
BASE_CFLAGS := -std=c11 $(WARNINGS) -fPIC -fvisibility=hidden -Iext/core \
               -DBACKPAIN_VERSION='"$(VERSION)"' -D_POSIX_C_SOURCE=200809L
LIBS        := -lm

SANITIZERS   := -fsanitize=address,undefined -fno-sanitize-recover=all
REL_FLAGS    := -O2 -g
ASAN_FLAGS   := -O1 -g -fno-omit-frame-pointer $(SANITIZERS)
STATIC_FLAGS := -O2 -g -DSQLITE_CORE
COV_FLAGS    := -O0 -g --coverage

# The sources of each layer (ext/core, ext/sqlite, ext/postgres).
include sources.mk
HEADERS     := $(CORE_HEADERS) $(SQLITE_HEADERS)
EXT_SOURCES := $(CORE_SOURCES) $(SQLITE_SOURCES)

UNIT_NAMES := $(patsubst tests/unit/%.c,%,$(wildcard tests/unit/*.c))
CAPI_NAMES := $(patsubst tests/capi/%.c,%,$(wildcard tests/capi/*.c))
SQL_TESTS  := $(wildcard tests/sql/*.test)
TEST_SUPPORT := $(wildcard tests/support/*.h)

# The system shell, for the SQL case files run through a sqlite3 shell.
SQLITE3 ?= sqlite3

# SQLite 3.52, the "one recent release" the suite also runs against.
SQLITE352 := build/sqlite-3.52
SQLITE352_LIBS := $(SQLITE352)/sqlite3.o -lpthread -ldl -lm
SQLITE352_FLAGS := -DSQLITE_THREADSAFE=1 -DSQLITE_ENABLE_MATH_FUNCTIONS

# A locale whose decimal separator is a comma, for the tests that prove
# answers do not depend on the host's locale. Built without root from
# Debian's locales package; tests find it through LOCPATH=build/locale.
COMMA_LOCALE := build/locale/de_DE.UTF-8

# $(1) variant, $(2) compile flags, $(3) link flags, $(4) SQLite to link
define variant_rules
$(1)_CORE    := $$(CORE_SOURCES:ext/%.c=build/$(1)/%.o)
$(1)_BINDING := $$(SQLITE_SOURCES:ext/%.c=build/$(1)/%.o)
$(1)_TESTS   := $$(UNIT_NAMES:%=build/$(1)/tests/%) $$(CAPI_NAMES:%=build/$(1)/tests/%) \
                build/$(1)/tests/test_max_days

build/$(1)/core/%.o: ext/core/%.c $$(CORE_HEADERS) VERSION
	@mkdir -p $$(@D)
	$$(SAY) "  CC      $$@"
	$$(Q)$$(CC) $$(BASE_CFLAGS) $(2) $$(CFLAGS) -c $$< -o $$@

build/$(1)/sqlite/%.o: ext/sqlite/%.c $$(HEADERS) VERSION
	@mkdir -p $$(@D)
	$$(SAY) "  CC      $$@"
	$$(Q)$$(CC) $$(BASE_CFLAGS) -Iext/sqlite $(2) $$(CFLAGS) -c $$< -o $$@

build/$(1)/backpain.so: $$($(1)_CORE) $$($(1)_BINDING)
	$$(SAY) "  LD      $$@"
	$$(Q)$$(CC) -shared $(3) $$(LDFLAGS) -o $$@ $$^ $$(LIBS)

# The same extension under another version number, for the upgrade test
# (tests/capi/upgrade.c): only bp_calls.c uses the version.
build/$(1)/upgrade/bp_calls.o: ext/core/bp_calls.c $$(CORE_HEADERS) VERSION
	@mkdir -p $$(@D)
	$$(SAY) "  CC      $$@"
	$$(Q)$$(CC) $$(filter-out -DBACKPAIN_VERSION=%,$$(BASE_CFLAGS)) \
	  -DBACKPAIN_VERSION='"$$(VERSION)-upgrade-test"' $(2) $$(CFLAGS) -c $$< -o $$@

build/$(1)/upgrade/backpain.so: build/$(1)/upgrade/bp_calls.o \
    $$(filter-out build/$(1)/core/bp_calls.o,$$($(1)_CORE)) $$($(1)_BINDING)
	$$(SAY) "  LD      $$@"
	$$(Q)$$(CC) -shared $(3) $$(LDFLAGS) -o $$@ $$^ $$(LIBS)

# ---- Test hooks (tests/hooks/) -------------------------------------------
# Limits changed in a test build: test_max_days links the core with
# bp_content_relaxant.c compiled with -DBP_TEST_RELAXANT_MAX_DAYS=14 and
# -DBP_TEST_START_DOSE_MG=7.5 (the hooks that file documents; nothing else
# sets them), and checks that the plan's reasons and every overdue answer
# follow the table.
HOOK_DEFINES := -DBP_TEST_RELAXANT_MAX_DAYS=14 -DBP_TEST_START_DOSE_MG=7.5
build/$(1)/hooks/bp_content_relaxant.o: ext/core/bp_content_relaxant.c $$(CORE_HEADERS) VERSION
	@mkdir -p $$(@D)
	$$(SAY) "  CC      $$@ ($$(HOOK_DEFINES))"
	$$(Q)$$(CC) $$(BASE_CFLAGS) $$(HOOK_DEFINES) $(2) $$(CFLAGS) -c $$< -o $$@

build/$(1)/tests/test_max_days: tests/hooks/test_max_days.c tests/tap.h \
    build/$(1)/hooks/bp_content_relaxant.o $$($(1)_CORE) $$(HEADERS)
	@mkdir -p $$(@D)
	$$(SAY) "  CC      $$@"
	$$(Q)$$(CC) $$(BASE_CFLAGS) $(2) -Itests -o $$@ $$< build/$(1)/hooks/bp_content_relaxant.o \
	  $$(filter-out build/$(1)/core/bp_content_relaxant.o,$$($(1)_CORE)) $(3) $$(LIBS)
# ---- end of test hooks ----------------------------------------------------

build/$(1)/libbackpain.a: $$($(1)_CORE) $$($(1)_BINDING)
	$$(SAY) "  AR      $$@"
	$$(Q)rm -f $$@
	$$(Q)ar rcs $$@ $$^

# Unit tests link the core alone: proof that it does not need SQLite.
build/$(1)/tests/%: tests/unit/%.c tests/tap.h $$($(1)_CORE) $$(HEADERS)
	@mkdir -p $$(@D)
	$$(SAY) "  CC      $$@"
	$$(Q)$$(CC) $$(BASE_CFLAGS) $(2) -Itests -o $$@ $$< $$($(1)_CORE) $(3) $$(LIBS)

# C programs that open SQLite and load the extension like any client.
build/$(1)/tests/%: tests/capi/%.c tests/tap.h $$(TEST_SUPPORT) $$(HEADERS)
	@mkdir -p $$(@D)
	$$(SAY) "  CC      $$@"
	$$(Q)$$(CC) $$(BASE_CFLAGS) -Iext/sqlite $(2) -Itests -o $$@ $$< $(3) $(4) -ldl $$(LIBS)

build/$(1)/sqltap: tests/sqltap.c
	@mkdir -p $$(@D)
	$$(SAY) "  CC      $$@"
	$$(Q)$$(CC) $$(BASE_CFLAGS) $(2) -o $$@ $$< $(3) $(4) $$(LIBS)

# The whole suite against this variant; tests/run tells prove how to run
# each kind of test file.
suite-$(1): build/$(1)/backpain.so build/$(1)/upgrade/backpain.so build/$(1)/sqltap \
    $$($(1)_TESTS) $$(COMMA_LOCALE)
	BACKPAIN_EXT=build/$(1)/backpain BACKPAIN_EXT_UPGRADE=build/$(1)/upgrade/backpain \
	  SQLTAP=build/$(1)/sqltap \
	  $$(PROVE) --exec tests/run $$($(1)_TESTS) $$(SQL_TESTS)

# The SQL case files through a sqlite3 shell (SHELL_PATH, default: system).
cli-suite-$(1): build/$(1)/backpain.so build/$(1)/sqltap
	BACKPAIN_EXT=build/$(1)/backpain SQLTAP=build/$(1)/sqltap SQLTAP_CLI=$$(SHELL_PATH) \
	  $$(PROVE) --exec tests/run $$(SQL_TESTS)
endef

$(eval $(call variant_rules,rel,$(REL_FLAGS),,-lsqlite3))
$(eval $(call variant_rules,asan,$(ASAN_FLAGS),$(SANITIZERS),-lsqlite3))
$(eval $(call variant_rules,static,$(STATIC_FLAGS),,-lsqlite3))
$(eval $(call variant_rules,v352,$(REL_FLAGS) -I$(SQLITE352),,$(SQLITE352_LIBS)))
$(eval $(call variant_rules,cov,$(COV_FLAGS),--coverage,-lsqlite3))

.PHONY: format lint all static test asan oom valgrind threads coverage coverage-c bench clean test-sqlite352 test-clients deps-clients demo report deps \
        suite-rel suite-asan suite-static suite-v352 cli-suite-rel cli-suite-v352
.DELETE_ON_ERROR:

all: dist/backpain.so

$(COMMA_LOCALE):
	@mkdir -p $(@D)
	$(SAY) "  LOCALE  $@"
	$(Q)localedef -i de_DE -f UTF-8 $@ || { rm -rf $@; \
	  echo "localedef failed: install Debian's locales package (make deps)"; exit 1; }

# Copied then renamed, so that a process that has the old file loaded keeps
# it intact (cp over a loaded library would change its code under it).
dist/backpain.so: build/rel/backpain.so
	@mkdir -p dist
	$(Q)cp $< $@.tmp && mv -f $@.tmp $@

static: dist/libbackpain.a

# The synthetic cohort generator (fixtures/).
build/gen_cohort: fixtures/gen_cohort.c ext/core/bp_date.c ext/core/bp_date.h
	@mkdir -p $(@D)
	$(SAY) "  CC      $@"
	$(Q)$(CC) -std=c11 $(WARNINGS) -O2 -Iext/core -o $@ $< ext/core/bp_date.c -lsqlite3

# An application that links the static build and uses it with no loading step.
build/static/static_client: tests/clients/static_client.c tests/tap.h dist/libbackpain.a ext/sqlite/backpain.h
	@mkdir -p $(@D)
	$(SAY) "  CC      $@"
	$(Q)$(CC) $(BASE_CFLAGS) -Iext/sqlite -O2 -Itests -o $@ $< dist/libbackpain.a -lsqlite3 $(LIBS)

dist/libbackpain.a: build/static/libbackpain.a
	@mkdir -p dist
	$(Q)cp $< $@.tmp && mv -f $@.tmp $@

test: dist/backpain.so suite-rel build/static/static_client build/gen_cohort build/rel/bench/bench_cohort
	$(MAKE) --no-print-directory cli-suite-rel SHELL_PATH=$(SQLITE3)
	BACKPAIN_EXT=build/rel/backpain SQLTAP=build/rel/sqltap SQLTAP_LOCALE=de_DE.UTF-8 \
	  $(PROVE) --exec tests/run $(SQL_TESTS)
	BACKPAIN_EXT=dist/backpain SQLTAP=build/rel/sqltap $(PROVE) --exec tests/run \
	  build/static/static_client tests/cohort.sh tests/layers.sh tests/docs.sh

# SQLite 3.52: fetched once, compiled once (about 40 s).
$(SQLITE352)/sqlite3.c:
	tests/support/fetch-sqlite352.sh $(SQLITE352)

$(SQLITE352)/sqlite3.o: $(SQLITE352)/sqlite3.c
	$(SAY) "  CC      $@ (SQLite 3.52 amalgamation)"
	$(Q)$(CC) -O2 -fPIC $(SQLITE352_FLAGS) -c $< -o $@

$(SQLITE352)/sqlite3: $(SQLITE352)/sqlite3.o
	$(SAY) "  LD      $@ (SQLite 3.52 shell)"
	$(Q)$(CC) -O2 $(SQLITE352_FLAGS) -o $@ $(SQLITE352)/shell.c $(SQLITE352_LIBS)

# Objects of the v352 variant include the 3.52 headers.
$(v352_CORE) $(v352_BINDING): $(SQLITE352)/sqlite3.c

test-sqlite352: $(SQLITE352)/sqlite3 $(SQLITE352)/sqlite3.o
	$(MAKE) --no-print-directory suite-v352
	$(MAKE) --no-print-directory cli-suite-v352 SHELL_PATH=$(SQLITE352)/sqlite3

asan: export ASAN_OPTIONS = detect_leaks=1:exitcode=23
asan: export UBSAN_OPTIONS = print_stacktrace=1:halt_on_error=1
asan: suite-asan

# The suite under valgrind memcheck: any memory error or leak (definite,
# indirect or possible) ends the test with status 99.
VALGRIND_CMD := valgrind -q --error-exitcode=99 --leak-check=full \
  --show-leak-kinds=definite,indirect,possible --errors-for-leak-kinds=definite,indirect,possible

valgrind: dist/backpain.so build/rel/upgrade/backpain.so build/rel/sqltap $(rel_TESTS) \
    build/static/static_client
	BACKPAIN_EXT=build/rel/backpain BACKPAIN_EXT_UPGRADE=build/rel/upgrade/backpain \
	  SQLTAP=build/rel/sqltap VALGRIND="$(VALGRIND_CMD)" \
	  $(PROVE) --exec tests/run $(rel_TESTS) $(SQL_TESTS) build/static/static_client

# Coverage of ext/ (gcov, lcov): make coverage runs the C tests with the
# coverage build (build/cov; make coverage-c: the SQLite suite of unit, C API
# and SQL tests, a short OOM sweep, and the PostgreSQL binding's C tests of
# tests/pg/unit/), then the PostgreSQL tests against a coverage build of the
# extension (make coverage-pg, ext/postgres/pg.mk: build/pg-cov), merges
# everything into build/cov/ext.info (HTML in build/cov/html) and fails below
# 100 % of the lines or 95 % of the branches of any layer, ext/core,
# ext/sqlite or ext/postgres (tests/coverage_check.sh, which also counts the
# exclusion markers). Needs lcov (make deps) and what make test-pg needs
# (make deps-pg).
LCOV := lcov --quiet --rc lcov_branch_coverage=1
# lcov's own output (Debian's 1.16 warns about redefined subroutines on
# every run) goes to a log, shown when lcov fails.
LCOV_LOG := build/cov/lcov.log
LCOV_RUN  = run_lcov() { $(LCOV) "$$@" >>$(LCOV_LOG) 2>&1 || { cat $(LCOV_LOG); exit 1; }; }; run_lcov

# The out-of-memory paths are reached by an OOM sweep with a
# coverage-instrumented runner: the first 300 allocations of each SQL case
# file, and every allocation of the two small files written for it
# (COV_OOM_WHOLE: edge_paths.test, oom_paths.test, about 1,600 in all); lcov
# merges the runs per source.
COV_OOM_SQLTAP := build/cov/oom/sqltap
COV_OOM_WHOLE  := tests/sql/edge_paths.test tests/sql/oom_paths.test

# The interrupt check of an extension built against SQLite older than 3.41
# (the system's 3.40 headers, as build/cov's is) when it runs in SQLite
# 3.41 or later: tests/capi/limits.c linked with SQLite 3.52, with the
# coverage build of the extension (make test-sqlite352 fetches 3.52).
COV_LIMITS352 := build/cov/tests/limits352

# The static link (-DSQLITE_CORE) and sqlite3_backpain_init called by the
# application itself: tests/clients/static_client.c with the extension's
# sources compiled for coverage.
COV_STATIC_CLIENT := build/cov/static/static_client

$(COV_STATIC_CLIENT): tests/clients/static_client.c tests/tap.h $(EXT_SOURCES) $(HEADERS) VERSION
	@mkdir -p $(@D)
	$(SAY) "  CC      $@"
	$(Q)$(CC) $(BASE_CFLAGS) -Iext/sqlite $(COV_FLAGS) -DSQLITE_CORE -Itests -o $@ \
	  tests/clients/static_client.c $(EXT_SOURCES) --coverage -lsqlite3 $(LIBS)

$(COV_LIMITS352): tests/capi/limits.c tests/tap.h $(SQLITE352)/sqlite3.o
	@mkdir -p $(@D)
	$(SAY) "  CC      $@ (SQLite 3.52)"
	$(Q)$(CC) $(BASE_CFLAGS) -I$(SQLITE352) -O0 -g -Itests -o $@ $< $(SQLITE352_LIBS)

$(COV_OOM_SQLTAP): tests/sqltap.c $(EXT_SOURCES) $(HEADERS) VERSION
	@mkdir -p $(@D)
	$(SAY) "  CC      $@"
	$(Q)$(CC) $(BASE_CFLAGS) -Iext/sqlite $(COV_FLAGS) -fvisibility=default -DSQLITE_CORE \
	  -DSQLTAP_STATIC_EXTENSION -o $@ $(EXT_SOURCES) tests/sqltap.c --coverage -rdynamic \
	  -lsqlite3 -ldl $(LIBS)

# The C tests: build/cov/c.info (ext/postgres/pg.mk adds the binding's C
# tests to the prerequisites).
coverage-c: $(COV_OOM_SQLTAP) $(COV_LIMITS352) $(COV_STATIC_CLIENT)
	@find build/cov -name '*.gcda' -delete
	$(MAKE) --no-print-directory suite-cov
	BACKPAIN_EXT=build/cov/backpain $(PROVE) --exec tests/run $(COV_LIMITS352) $(COV_STATIC_CLIENT)
	OOM_POINTS=300 $(PROVE) --exec '$(COV_OOM_SQLTAP) --oom' $(filter-out $(COV_OOM_WHOLE),$(SQL_TESTS))
	OOM_POINTS=100000 $(PROVE) --exec '$(COV_OOM_SQLTAP) --oom' $(COV_OOM_WHOLE)
	$(PROVE) --exec tests/run $(PG_UNIT_COV)
	@rm -f $(LCOV_LOG)
	$(Q)$(LCOV_RUN) --capture --directory build/cov --output-file build/cov/c.info

coverage: coverage-c coverage-pg
	@rm -f $(LCOV_LOG)
	$(Q)$(LCOV_RUN) --add-tracefile build/cov/c.info --add-tracefile $(PG_COV_BUILD)/pg.info \
	  --output-file build/cov/all.info
	$(Q)$(LCOV_RUN) --extract build/cov/all.info '$(CURDIR)/ext/*' --output-file build/cov/ext.info
	$(Q)genhtml --quiet --branch-coverage --output-directory build/cov/html build/cov/ext.info \
	  >>$(LCOV_LOG) 2>&1 || { cat $(LCOV_LOG); exit 1; }
	@$(LCOV) --list build/cov/ext.info 2>/dev/null
	@echo "  COVER   build/cov/ext.info (HTML: build/cov/html/index.html)"
	tests/coverage_check.sh build/cov/ext.info

# Threads: the extension, SQLite itself (the 3.52 amalgamation) and the
# test, all compiled with ThreadSanitizer, so that a race across the
# boundary between SQLite and backpain is seen too.
THREADS_TEST := build/tsan/threads
TSAN_SQLITE := build/tsan/sqlite3.o

$(TSAN_SQLITE): $(SQLITE352)/sqlite3.c
	@mkdir -p $(@D)
	$(SAY) "  CC      $@ (SQLite 3.52 amalgamation, ThreadSanitizer)"
	$(Q)$(CC) -O1 -g -fsanitize=thread $(SQLITE352_FLAGS) -c $< -o $@

$(THREADS_TEST): tests/threads/threads.c tests/tap.h tests/support/test_util.h $(EXT_SOURCES) \
    $(HEADERS) VERSION $(TSAN_SQLITE)
	@mkdir -p $(@D)
	$(SAY) "  CC      $@"
	$(Q)$(CC) $(BASE_CFLAGS) -Iext/sqlite -I$(SQLITE352) -O1 -g -fsanitize=thread -DSQLITE_CORE \
	  -Itests -o $@ $(EXT_SOURCES) tests/threads/threads.c $(TSAN_SQLITE) -fsanitize=thread \
	  -lpthread -ldl $(LIBS)

threads: $(THREADS_TEST)
	TSAN_OPTIONS=halt_on_error=1:exitcode=66 $(PROVE) --exec '' $(THREADS_TEST)

# Out-of-memory sweep: sqltap with the extension compiled in (SQLITE_CORE),
# under AddressSanitizer, with a counting allocator that fails the N-th
# allocation (see tests/sqltap.c). Symbols are exported (-rdynamic, default
# visibility) so the sweep can tell a fault inside backpain from one inside
# SQLite alone.
OOM_SQLTAP := build/oom/sqltap
OOM_POINTS ?= 1000

$(OOM_SQLTAP): tests/sqltap.c $(EXT_SOURCES) $(HEADERS) VERSION
	@mkdir -p $(@D)
	$(SAY) "  CC      $@"
	$(Q)$(CC) $(BASE_CFLAGS) -Iext/sqlite $(ASAN_FLAGS) -fvisibility=default -DSQLITE_CORE \
	  -DSQLTAP_STATIC_EXTENSION -o $@ $(EXT_SOURCES) tests/sqltap.c $(SANITIZERS) -rdynamic \
	  -lsqlite3 -ldl $(LIBS)

oom: $(OOM_SQLTAP)
	OOM_POINTS=$(OOM_POINTS) ASAN_OPTIONS=detect_leaks=1:exitcode=23 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  $(PROVE) --exec '$(OOM_SQLTAP) --oom' $(SQL_TESTS)

# Real clients. make deps-clients installs them; make test-clients installs
# nothing and runs those that are there (tests/clients/run). better-sqlite3
# builds from source; node-gyp gets Node's headers from /usr/include/node
# (libnode-dev) rather than the network.
NODE_PREFIX := build/node
BETTER_SQLITE3 := $(NODE_PREFIX)/node_modules/better-sqlite3/package.json
CLIENT_TESTS := tests/clients/python_client.py tests/clients/sqlite_utils_client.sh \
                tests/clients/node_client.js tests/report.sh tests/clients/skip.sh
# The one list of Debian packages the clients need (.ci/run uses it through
# make deps-clients), each as package:file, the file that shows it installed.
CLIENT_DEBS := python3:/usr/bin/python3 sqlite-utils:/usr/bin/sqlite-utils \
               chromium:/usr/bin/chromium nodejs:/usr/bin/node npm:/usr/bin/npm \
               libnode-dev:/usr/include/node/node.h g++:/usr/bin/g++
REQUIRE_CLIENTS ?= 0

$(BETTER_SQLITE3):
	@mkdir -p $(NODE_PREFIX)
	npm install --prefix $(NODE_PREFIX) --no-audit --no-fund --no-save --nodedir=/usr \
	  better-sqlite3@12

deps-clients:
	@missing=; for p in $(CLIENT_DEBS); do [ -e "$${p#*:}" ] || missing="$$missing $${p%%:*}"; done; \
	  if [ -z "$$missing" ]; then echo "deps-clients: the Debian packages are installed"; exit 0; fi; \
	  if [ "$$(id -u)" -eq 0 ]; then sudo=; else sudo=sudo; fi; \
	  echo "deps-clients: installing$$missing"; \
	  $$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing
	@if [ -f $(BETTER_SQLITE3) ]; then echo "deps-clients: better-sqlite3 is installed in $(NODE_PREFIX)"; \
	  else $(MAKE) --no-print-directory $(BETTER_SQLITE3); fi

test-clients: dist/backpain.so
	BACKPAIN_EXT=dist/backpain NODE_PATH=$(NODE_PREFIX)/node_modules REQUIRE_CLIENTS=$(REQUIRE_CLIENTS) \
	  $(PROVE) --exec tests/clients/run $(CLIENT_TESTS)

# The demo cohort and what is made from it.
DEMO_PATIENTS ?= 10000
DEMO_SEED ?= 2026
DEMO_DB := build/demo/cohort.db

$(DEMO_DB): build/gen_cohort
	@mkdir -p $(@D)
	@rm -f $@
	build/gen_cohort --patients $(DEMO_PATIENTS) --seed $(DEMO_SEED) --out $@

demo: dist/backpain.so $(DEMO_DB)
	@$(SQLITE3) $(DEMO_DB) < sql/demo.sql

report: dist/backpain.so $(DEMO_DB)
	@mkdir -p build/report
	$(SQLITE3) -batch $(DEMO_DB) < sql/report_html.sql > build/report/report.html
	@echo "wrote build/report/report.html"

deps:
	@if [ "$$(id -u)" -eq 0 ]; then sudo=; else sudo=sudo; fi; \
	  $$sudo apt-get update && $$sudo apt-get install -y gcc make sqlite3 libsqlite3-dev perl locales lcov

BENCHES := $(patsubst tests/bench/%.c,build/rel/bench/%,$(wildcard tests/bench/*.c))

build/rel/bench/%: tests/bench/%.c tests/support/test_util.h tests/bench/bench_open.h
	@mkdir -p $(@D)
	$(SAY) "  CC      $@"
	$(Q)$(CC) $(BASE_CFLAGS) -O2 -o $@ $< -lsqlite3 $(LIBS)

# Cohorts for bench_cohort (the 1,000,000-patient one is about 700 MB).
BENCH_COHORTS := build/bench/cohort_10000.db build/bench/cohort_100000.db \
                 build/bench/cohort_1000000.db

build/bench/cohort_%.db: build/gen_cohort
	@mkdir -p $(@D)
	@rm -f $@
	build/gen_cohort --patients $* --seed 1 --out $@

bench: dist/backpain.so $(BENCHES) $(BENCH_COHORTS)
	@for b in $(BENCHES); do BACKPAIN_EXT=dist/backpain $$b || exit 1; done

clean:
	rm -rf build dist

# libFuzzer harnesses: make fuzz FUZZ_SECONDS=N (tests/fuzz/README.md).
include tests/fuzz/fuzz.mk

# PostgreSQL: make pg, pg-install, deps-pg, test-pg (ext/postgres/pg.mk).
include ext/postgres/pg.mk

# ---- Style and static analysis ------------------------------------------
# Every C file of the project (the fuzz corpora are data).
C_FILES := $(sort $(filter-out tests/fuzz/corpus/%,$(wildcard ext/*/*.c ext/*/*.h tests/*.c tests/pg/unit/*.c \
             tests/*.h tests/*/*.c tests/*/*.h fixtures/*.c)))
# Warnings clang-tidy checks (a short list: real bugs, not taste). Left out:
# valist.Uninitialized, which clang 14 reports for every va_start'ed
# vsnprintf on x86-64 (a known false positive of its va_list model).
TIDY_CHECKS := -*,bugprone-*,-bugprone-easily-swappable-parameters,-bugprone-reserved-identifier,$\
               -bugprone-narrowing-conversions,clang-analyzer-*,$\
               -clang-analyzer-security.insecureAPI.DeprecatedOrUnsafeBufferHandling,$\
               -clang-analyzer-valist.Uninitialized,$\
               misc-redundant-expression,readability-misleading-indentation
TIDY_FLAGS  := -std=c11 -Iext/core -Iext/sqlite -DBACKPAIN_VERSION='"$(VERSION)"' \
               -D_POSIX_C_SOURCE=200809L

format:
	clang-format -i $(C_FILES)

lint:
	@echo "  FORMAT  clang-format --dry-run (make format fixes it)"
	$(Q)clang-format --dry-run --Werror $(C_FILES)
	@echo "  CPPCHECK ext/"
	$(Q)cppcheck --quiet --error-exitcode=1 --enable=warning,portability,performance --std=c11 \
	  --inline-suppr -Iext/core -Iext/sqlite -DBACKPAIN_VERSION='"$(VERSION)"' \
	  $(CORE_SOURCES) $(SQLITE_SOURCES)
	@echo "  TIDY    ext/core ext/sqlite"
	@mkdir -p build
	$(Q)clang-tidy --quiet --warnings-as-errors='*' --checks='$(TIDY_CHECKS)' \
	  $(CORE_SOURCES) $(SQLITE_SOURCES) -- $(TIDY_FLAGS) > build/tidy.log 2>&1; \
	  status=$$?; grep -v 'warnings\? generated' build/tidy.log; exit $$status
