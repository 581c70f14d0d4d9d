# tests/fuzz/fuzz.mk: libFuzzer harnesses for backpain.
#
# A makefile fragment: the main Makefile includes it, and it also works on
# its own from the repository root:
#
#   make -f tests/fuzz/fuzz.mk fuzz                  # every harness, 60 s each
#   make -f tests/fuzz/fuzz.mk fuzz FUZZ_SECONDS=600 # longer runs
#   make -f tests/fuzz/fuzz.mk -j2 fuzz              # two harnesses at a time
#   make -f tests/fuzz/fuzz.mk fuzz-run-fuzz_sql     # one harness
#   make -f tests/fuzz/fuzz.mk fuzz-build            # build only
#
# Each harness is built with clang's libFuzzer, AddressSanitizer and
# UndefinedBehaviorSanitizer into build/fuzz/, and run on a writable copy of
# its committed seed corpus (build/fuzz/corpus/<harness>/, which keeps
# growing from run to run; the repository is never written). A crash, leak,
# sanitizer report or timeout makes the target fail; libFuzzer writes the
# offending input to build/fuzz/artifacts/<harness>-crash-<sha1> and the log
# is build/fuzz/logs/<harness>.log.
#
# Paths are relative to the repository root. Every variable is prefixed
# FUZZ_ so that nothing clashes with the main Makefile.

FUZZ_CC       ?= clang
FUZZ_SECONDS  ?= 60
# Extra libFuzzer flags, e.g. FUZZ_ARGS='-jobs=2 -workers=2'.
FUZZ_ARGS     ?=
# Extra compile flags for the harnesses. Changing them rebuilds the
# harnesses.
FUZZ_DEFINES  ?=
FUZZ_DIR      := tests/fuzz
FUZZ_OUT      := build/fuzz
FUZZ_VERSION  := $(shell cat VERSION)

FUZZ_SANITIZERS := -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
FUZZ_WARNINGS   := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
                   -Wmissing-prototypes
FUZZ_CFLAGS     := -std=c11 -g -O1 -fno-omit-frame-pointer $(FUZZ_WARNINGS) \
                   $(FUZZ_SANITIZERS) -Iext/core -Iext/sqlite \
                   -DBACKPAIN_VERSION='"$(FUZZ_VERSION)"' \
                   -D_POSIX_C_SOURCE=200809L $(FUZZ_DEFINES)
FUZZ_LIBS       := -lm

# Quiet like the main Makefile; V=1 prints every command.
ifeq ($(V),1)
  FUZZ_Q :=
else
  FUZZ_Q := @
endif

# The core (plain C, no SQLite) and everything (core and SQL bindings).
include sources.mk
FUZZ_CORE_SRC := $(CORE_SOURCES)
FUZZ_ALL_SRC  := $(CORE_SOURCES) $(SQLITE_SOURCES)
FUZZ_HEADERS  := $(CORE_HEADERS) $(SQLITE_HEADERS)

FUZZ_CORE_NAMES := fuzz_date fuzz_list fuzz_recognise fuzz_plan
FUZZ_NAMES      := $(FUZZ_CORE_NAMES) fuzz_sql fuzz_pg
FUZZ_BINS       := $(FUZZ_NAMES:%=$(FUZZ_OUT)/%)

# libFuzzer options shared by every run. A single input that runs longer
# than -timeout seconds is a failure (a hang).
FUZZ_RUN_FLAGS := -max_total_time=$(FUZZ_SECONDS) -timeout=25 \
                  -print_final_stats=1 $(FUZZ_ARGS)

.PHONY: fuzz fuzz-build fuzz-clean fuzz-force $(FUZZ_NAMES:%=fuzz-run-%)

fuzz: $(FUZZ_NAMES:%=fuzz-run-%)

fuzz-build: $(FUZZ_BINS)

# The compile flags, rewritten only when they change, so that a new
# FUZZ_DEFINES or VERSION rebuilds every harness.
$(FUZZ_OUT)/cflags: fuzz-force
	@mkdir -p $(@D)
	@echo '$(FUZZ_CFLAGS)' | cmp -s - $@ || echo '$(FUZZ_CFLAGS)' > $@

# Core harnesses link the core alone, as the unit tests do.
$(FUZZ_CORE_NAMES:%=$(FUZZ_OUT)/%): $(FUZZ_OUT)/%: $(FUZZ_DIR)/%.c \
    $(FUZZ_CORE_SRC) $(FUZZ_HEADERS) $(FUZZ_DIR)/fuzz.mk $(FUZZ_DIR)/fuzz_check.h $(FUZZ_OUT)/cflags
	@mkdir -p $(@D)
	@echo "  CC      $@"
	$(FUZZ_Q)$(FUZZ_CC) $(FUZZ_CFLAGS) -o $@ $< $(FUZZ_CORE_SRC) $(FUZZ_LIBS)

# The SQL harness links the whole extension statically into the fuzzer,
# with the system SQLite.
$(FUZZ_OUT)/fuzz_sql: $(FUZZ_DIR)/fuzz_sql.c $(FUZZ_ALL_SRC) $(FUZZ_HEADERS) \
    $(FUZZ_DIR)/fuzz.mk $(FUZZ_DIR)/fuzz_check.h tests/support/every_function.h $(FUZZ_OUT)/cflags
	@mkdir -p $(@D)
	@echo "  CC      $@"
	$(FUZZ_Q)$(FUZZ_CC) $(FUZZ_CFLAGS) -DSQLITE_CORE -o $@ $< $(FUZZ_ALL_SRC) \
	  -lsqlite3 $(FUZZ_LIBS)

# The PostgreSQL harness links the core, the binding's parts that need no
# server (ext/postgres/pg_value.c, pg_state.c) and the stand-ins of
# tests/support/pg_standins.c for the server functions they call; it needs
# PostgreSQL's server headers (make deps-pg), not a server.
FUZZ_PG_CONFIG ?= pg_config
FUZZ_PG_SRC     := ext/postgres/pg_value.c ext/postgres/pg_state.c tests/support/pg_standins.c
$(FUZZ_OUT)/fuzz_pg: $(FUZZ_DIR)/fuzz_pg.c $(FUZZ_CORE_SRC) $(FUZZ_PG_SRC) $(FUZZ_HEADERS) \
    $(POSTGRES_HEADERS) tests/support/pg_standins.h tests/support/pg_state_decode.h $(FUZZ_DIR)/fuzz.mk $(FUZZ_DIR)/fuzz_check.h \
    $(FUZZ_OUT)/cflags
	@mkdir -p $(@D)
	@echo "  CC      $@"
	$(FUZZ_Q)$(FUZZ_CC) $(FUZZ_CFLAGS) -Iext/postgres -Itests/support -D_GNU_SOURCE \
	  -isystem $$($(FUZZ_PG_CONFIG) --includedir-server) -o $@ $< $(FUZZ_CORE_SRC) $(FUZZ_PG_SRC) \
	  $(FUZZ_LIBS)

# Runs one harness: seeds are copied (never moved) into the working corpus;
# on failure the end of the log is shown and the target fails.
$(FUZZ_NAMES:%=fuzz-run-%): fuzz-run-%: $(FUZZ_OUT)/%
	@mkdir -p $(FUZZ_OUT)/corpus/$* $(FUZZ_OUT)/artifacts $(FUZZ_OUT)/logs
	@cp -f $(FUZZ_DIR)/corpus/$*/* $(FUZZ_OUT)/corpus/$*/
	@echo "  FUZZ    $* ($(FUZZ_SECONDS) s)"
	@if ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 \
	    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	    $(FUZZ_OUT)/$* $(FUZZ_RUN_FLAGS) -dict=$(FUZZ_DIR)/$*.dict \
	      -artifact_prefix=$(FUZZ_OUT)/artifacts/$*- \
	      $(FUZZ_OUT)/corpus/$* > $(FUZZ_OUT)/logs/$*.log 2>&1; then \
	  grep -E '^#[0-9]+[[:space:]]+DONE|^stat::number_of_executed_units|^stat::peak_rss_mb' \
	    $(FUZZ_OUT)/logs/$*.log | sed 's/^/          /'; \
	else \
	  tail -n 60 $(FUZZ_OUT)/logs/$*.log; \
	  echo "  FAIL    $*: see $(FUZZ_OUT)/logs/$*.log and $(FUZZ_OUT)/artifacts/"; \
	  exit 1; \
	fi

fuzz-clean:
	rm -rf $(FUZZ_OUT)
