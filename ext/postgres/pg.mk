# ---- PostgreSQL ------------------------------------------------------------
# ext/postgres/pg.mk, included by the Makefile: the PostgreSQL targets.
#
#   make pg          build the extension with PGXS (build/pg/backpain.so and
#                    build/pg/backpain--<VERSION>.sql; ext/postgres/Makefile)
#   make pg-install  install it into the server that pg_config names (root)
#   make deps-pg     install (Debian) postgresql-server-dev-NN pinned to the
#                    installed server's exact version, so apt does not
#                    upgrade the server, a C compiler, and what the
#                    PostgreSQL tests use (python3-psycopg2, locales)
#   make test-pg     the binding's C tests without a server (tests/pg/unit/,
#                    make test-pg-unit), then the PostgreSQL tests (tests/pg/)
#                    in throwaway clusters (BACKPAIN_PG_PORT_BASE=N: their
#                    ports are N to N+99)
#   make demo-pg     the reports of sql/postgres/ over the demo cohort of make
#                    demo, loaded into a throwaway cluster (tests/pg/demo.sh)
#   make bench-pg    the PostgreSQL benchmarks at 1,000,000 patients (figures,
#                    no assertions; tests/bench/bench_pg.py)
#   make coverage-pg the PostgreSQL tests against a coverage build of the
#                    extension (build/pg-cov, BP_COVERAGE=1), loaded from a
#                    private copy of the installation (tests/pg/coverage.sh):
#                    build/pg-cov/pg.info, which make coverage merges
#   make lint-pg     cppcheck and clang-tidy over ext/postgres (make lint
#                    checks their format with every other C file)
#
# PG_CONFIG=/path/to/pg_config picks another server.
PG_CONFIG ?= pg_config
PG_BUILD  := build/pg
PG_MAKE    = $(MAKE) --no-print-directory -C $(PG_BUILD) -f $(CURDIR)/ext/postgres/Makefile \
             PG_CONFIG=$(PG_CONFIG)

.PHONY: pg pg-install deps-pg test-pg test-pg-unit lint-pg demo-pg bench-pg pg-cov coverage-pg

pg:
	@mkdir -p $(PG_BUILD)
	@ln -sfn ../../ext $(PG_BUILD)/ext
	$(PG_MAKE)

pg-install: pg
	$(PG_MAKE) install

deps-pg:
	@if [ "$$(id -u)" -eq 0 ]; then sudo=; else sudo=sudo; fi; \
	  server=$$(dpkg-query -W -f='$${db:Status-Abbrev} $${Package} $${Version}\n' 'postgresql-[0-9]*' \
	    2>/dev/null | awk '$$1 == "ii" && $$2 ~ /^postgresql-[0-9]+$$/ { print $$2, $$3 }' | \
	    sort -V | tail -n 1); \
	  if [ -z "$$server" ]; then \
	    echo "deps-pg: no PostgreSQL server package (postgresql-NN) is installed"; exit 1; fi; \
	  major=$${server%% *}; major=$${major#postgresql-}; version=$${server#* }; \
	  echo "deps-pg: server postgresql-$$major $$version: postgresql-server-dev-$$major=$$version"; \
	  $$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	    "postgresql-server-dev-$$major=$$version" gcc make python3-psycopg2 locales

# The core's list of functions, printed for tests/pg/surface.py.
PG_FUNCTION_LIST := $(PG_BUILD)/tests/bp_functions

$(PG_FUNCTION_LIST): tests/pg/bp_functions.c $(rel_CORE) $(CORE_HEADERS)
	@mkdir -p $(@D)
	$(SAY) "  CC      $@"
	$(Q)$(CC) $(BASE_CFLAGS) -O2 -o $@ $< $(rel_CORE) $(LIBS)

# The binding's C tests (tests/pg/unit/): ext/postgres/pg_value.c and
# pg_state.c linked with the core and the stand-ins of
# tests/support/pg_standins.c instead of a server, under AddressSanitizer
# and UBSan (make test-pg), or instrumented for gcov (make coverage).
PG_UNIT_NAMES   := $(patsubst tests/pg/unit/%.c,%,$(wildcard tests/pg/unit/*.c))
PG_UNIT_SOURCES := ext/postgres/pg_value.c ext/postgres/pg_state.c tests/support/pg_standins.c
PG_UNIT_DEPS    := $(PG_UNIT_SOURCES) tests/support/pg_standins.h tests/support/pg_state_decode.h tests/tap.h $(CORE_HEADERS) \
                   $(POSTGRES_HEADERS)
PG_UNIT_CFLAGS   = $(BASE_CFLAGS) -Iext/postgres -Itests -Itests/support -D_GNU_SOURCE \
                   -isystem $(shell $(PG_CONFIG) --includedir-server)
PG_UNIT_TESTS   := $(PG_UNIT_NAMES:%=$(PG_BUILD)/unit/%)
PG_UNIT_COV     := $(PG_UNIT_NAMES:%=build/cov/pgunit/%)

$(PG_BUILD)/unit/%: tests/pg/unit/%.c $(PG_UNIT_DEPS) $(asan_CORE)
	@mkdir -p $(@D)
	$(SAY) "  CC      $@"
	$(Q)$(CC) $(PG_UNIT_CFLAGS) $(ASAN_FLAGS) -o $@ $< $(PG_UNIT_SOURCES) $(asan_CORE) \
	  $(SANITIZERS) $(LIBS)

build/cov/pgunit/%: tests/pg/unit/%.c $(PG_UNIT_DEPS) $(cov_CORE)
	@mkdir -p $(@D)
	$(SAY) "  CC      $@"
	$(Q)$(CC) $(PG_UNIT_CFLAGS) $(COV_FLAGS) -o $@ $< $(PG_UNIT_SOURCES) $(cov_CORE) --coverage $(LIBS)

# make coverage-c (the Makefile) runs them too.
coverage-c: $(PG_UNIT_COV)

test-pg-unit: $(PG_UNIT_TESTS)
	ASAN_OPTIONS=detect_leaks=1:exitcode=23 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  $(PROVE) --exec tests/run $(PG_UNIT_TESTS)

test-pg: test-pg-unit pg-install dist/backpain.so $(PG_FUNCTION_LIST) $(COMMA_LOCALE) build/gen_cohort
	BP_FUNCTION_LIST=$(PG_FUNCTION_LIST) tests/pg/run.sh

# The coverage build, in its own directory; tests/pg/coverage.sh installs it
# into a private copy of the installation, never into the system's. lcov
# names the sources by the path they were compiled from (build/pg-cov/ext/,
# the link): they are renamed to ext/, as the SQLite part names them.
PG_COV_BUILD := build/pg-cov
PG_COV_MAKE   = $(MAKE) --no-print-directory -C $(PG_COV_BUILD) -f $(CURDIR)/ext/postgres/Makefile \
                PG_CONFIG=$(PG_CONFIG) BP_COVERAGE=1

pg-cov:
	@mkdir -p $(PG_COV_BUILD)
	@ln -sfn ../../ext $(PG_COV_BUILD)/ext
	$(PG_COV_MAKE)

coverage-pg: pg-cov dist/backpain.so $(PG_FUNCTION_LIST) $(COMMA_LOCALE) build/gen_cohort
	BP_FUNCTION_LIST=$(PG_FUNCTION_LIST) tests/pg/coverage.sh $(PG_COV_BUILD)
	@mkdir -p build/cov
	@rm -f $(LCOV_LOG)
	$(Q)$(LCOV_RUN) --capture --directory $(PG_COV_BUILD) --output-file $(PG_COV_BUILD)/captured.info
	$(Q)sed 's|^SF:$(CURDIR)/$(PG_COV_BUILD)/ext/|SF:$(CURDIR)/ext/|' $(PG_COV_BUILD)/captured.info \
	  > $(PG_COV_BUILD)/pg.info

demo-pg: pg-install $(DEMO_DB)
	tests/pg/demo.sh $(DEMO_DB)

# The 1,000,000-patient cohort of make bench (build/bench/cohort_1000000.db),
# loaded once into clusters kept under build/bench/pg (BENCH_PG_PATIENTS
# picks another size of build/bench/cohort_N.db).
BENCH_PG_PATIENTS ?= 1000000

bench-pg: pg-install build/bench/cohort_$(BENCH_PG_PATIENTS).db
	tests/bench/bench_pg.sh build/bench/cohort_$(BENCH_PG_PATIENTS).db

# The checks of make lint, over the PostgreSQL binding, with PostgreSQL's
# headers as system headers.
lint-pg:
	@echo "  CPPCHECK ext/postgres"
	$(Q)cppcheck --quiet --error-exitcode=1 --enable=warning,portability,performance --std=c11 \
	  --inline-suppr -Iext/core -Iext/postgres -DBACKPAIN_VERSION='"$(VERSION)"' $(POSTGRES_SOURCES)
	@echo "  TIDY    ext/postgres"
	@mkdir -p build
	$(Q)clang-tidy --quiet --warnings-as-errors='*' --checks='$(TIDY_CHECKS)' $(POSTGRES_SOURCES) -- \
	  $(TIDY_FLAGS) -Iext/postgres -isystem $$($(PG_CONFIG) --includedir-server) -D_GNU_SOURCE \
	  > build/tidy-pg.log 2>&1; status=$$?; grep -v 'warnings generated' build/tidy-pg.log; exit $$status
