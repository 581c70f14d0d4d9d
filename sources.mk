# sources.mk: the one list of backpain's C sources, by layer. The Makefile,
# tests/fuzz/fuzz.mk and the PostgreSQL build (ext/postgres/Makefile) all
# include it, so a new file joins every build by being put in its directory.
#
#   ext/core/      engine-free C: no file here includes an engine header
#                  (tests/layers.sh proves it)
#   ext/sqlite/    the SQLite binding
#   ext/postgres/  the PostgreSQL binding
CORE_SOURCES     := $(sort $(wildcard ext/core/*.c))
CORE_HEADERS     := $(sort $(wildcard ext/core/*.h))
SQLITE_SOURCES   := $(sort $(wildcard ext/sqlite/*.c))
SQLITE_HEADERS   := $(sort $(wildcard ext/sqlite/*.h))
POSTGRES_SOURCES := $(sort $(wildcard ext/postgres/*.c))
POSTGRES_HEADERS := $(sort $(wildcard ext/postgres/*.h))
