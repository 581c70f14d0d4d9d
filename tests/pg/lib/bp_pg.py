"""bp_pg: what the PostgreSQL tests (tests/pg/*.py) share.

- Tap: a minimal TAP producer (the plan at the end, as tests/tap.h does).
- pg(): a connection to the throwaway cluster of tests/pg/run.sh (PGHOST,
  PGPORT, PGUSER in the environment), in autocommit mode, and
  pg_query(), which gives ("rows", rows) or ("error", sqlstate, message) and
  reconnects after a lost connection, reported as ("crash", text): a crashed
  backend must never pass as an ordinary error.
- sqlite(): an in-memory SQLite database with dist/backpain loaded
  ($BACKPAIN_EXT), through the system Python, which can load extensions.
- core_functions(): the core's bp_functions[], read from the program
  $BP_FUNCTION_LIST prints (tests/pg/bp_functions.c), with the arities of
  each function and its arguments by name.
- V and its makers: one argument value written for both engines (the value
  SQLite binds, the PostgreSQL expression of the type the call needs), and
  Call, which runs one call through both and normalises the answers: JSON
  compared parsed (jsonb reorders keys), booleans as booleans, dates as
  YYYY-MM-DD text, errors as their exact message.
"""
import json
import math
import os
import sqlite3
import subprocess
import sys

import psycopg2
import psycopg2.extensions

# Results come back as Python values; jsonb is parsed by psycopg2, dates
# are read from to_jsonb()'s ISO text (never from DateStyle's).
CORE_SQLSTATES = {"22023", "22007", "22008", "22P02", "54000"}


class Tap:
    def __init__(self):
        self.count = 0
        self.failed = 0

    def ok(self, passed, name, diagnostic=None):
        self.count += 1
        if not passed:
            self.failed += 1
        print(("ok" if passed else "not ok") + " %d - %s" % (self.count, name))
        if not passed and diagnostic:
            self.diag(diagnostic)
        sys.stdout.flush()
        return passed

    def equal(self, got, want, name):
        return self.ok(got == want, name, "got:  %r\nwant: %r" % (got, want))

    def diag(self, text):
        for line in str(text).splitlines():
            print("#   " + line)

    def done(self):
        print("1..%d" % self.count)
        sys.exit(1 if self.failed else 0)


def pg(dbname=None, **server):
    """A connection (autocommit); server: host, port, ... of another server."""
    conn = psycopg2.connect(dbname=dbname or os.environ.get("PGDATABASE", "postgres"), **server)
    conn.autocommit = True
    return conn


class Pg:
    """A connection that survives a crashed backend (and says so)."""

    def __init__(self, dbname=None, setup=(), **server):
        self.dbname = dbname
        self.server = server
        self.setup = list(setup)
        self.crashes = 0
        self._connect()

    def _connect(self):
        self.conn = pg(self.dbname, **self.server)
        for statement in self.setup:
            self.conn.cursor().execute(statement)

    def query(self, sql, params=None):
        try:
            cursor = self.conn.cursor()
            cursor.execute(sql, params)
            rows = cursor.fetchall() if cursor.description is not None else []
            return ("rows", rows)
        except (psycopg2.OperationalError, psycopg2.InterfaceError) as e:
            if self.conn.closed or getattr(e, "pgcode", None) is None:
                self.crashes += 1
                self._connect()
                return ("crash", str(e))
            return ("error", e.pgcode, e.diag.message_primary)
        except psycopg2.Error as e:
            return ("error", e.pgcode, e.diag.message_primary)

    def run(self, sql, params=None):
        """A statement that must succeed; its rows."""
        outcome = self.query(sql, params)
        if outcome[0] != "rows":
            raise RuntimeError("%s failed: %r" % (sql[:200], outcome))
        return outcome[1]


def sqlite():
    conn = sqlite3.connect(":memory:")
    conn.enable_load_extension(True)
    conn.load_extension(os.environ.get("BACKPAIN_EXT", "dist/backpain"))
    return conn


def sqlite_query(conn, sql, params=()):
    try:
        return ("rows", conn.execute(sql, params).fetchall())
    except sqlite3.Error as e:
        return ("error", None, str(e))


# ---- Values written for both engines ---------------------------------------

class CoreFunction:
    """One row of bp_functions[]: name, min_args, max_args (-1: variadic),
    kind (scalar, aggregate, window), returns, and signatures: the argument
    names of each arity, read from the core's text ("start, end [, as_of]"
    is three signatures, "weeks | onset, as_of" two), {} when variadic."""

    def __init__(self, line):
        self.name, lo, hi, self.kind, self.returns, self.arguments = line.split("|", 5)
        self.min_args, self.max_args = int(lo), int(hi)
        self.signatures = {}
        if self.max_args < 0:
            return
        for alternative in self.arguments.split(" | "):
            required = [a.strip() for a in alternative.split("[")[0].split(",") if a.strip()]
            names = [a.strip() for a in alternative.replace("[", "").replace("]", "").split(",")
                     if a.strip()]
            for n in range(len(required), len(names) + 1):
                self.signatures[n] = names[:n]

    def arities(self):
        return ["variadic"] if self.max_args < 0 else list(range(self.min_args, self.max_args + 1))


def core_functions():
    tool = os.environ.get("BP_FUNCTION_LIST", "build/pg/tests/bp_functions")
    out = subprocess.run([tool], check=True, capture_output=True, text=True).stdout
    return [CoreFunction(line) for line in out.splitlines()]


PG_ONLY = object()  # a value SQLite has no counterpart for


class V:
    def __init__(self, label, sqlite_value, pg_sql):
        self.label = label
        self.sqlite = sqlite_value
        self.pg = pg_sql

    def __repr__(self):
        return self.label


def quote(text):
    return "'" + text.replace("'", "''") + "'"


NULL = V("NULL", None, "NULL")


def I(n):
    """An integer: SQLite INTEGER; PostgreSQL integer, or bigint past it."""
    if -2147483648 <= n <= 2147483647:
        return V(str(n), n, "(%d)" % n)
    return V(str(n), n, "%s::bigint" % quote(str(n)))


def R(text):
    """A number written with a fraction or an exponent: SQLite REAL; PostgreSQL
    numeric, as a literal of that text is in each engine."""
    if text in ("Infinity", "-Infinity"):
        return V(text, float(text.replace("Infinity", "inf")), "%s::numeric" % quote(text))
    return V(text, float(text), "%s::numeric" % quote(text))


def F(x):
    """A double precision value (recommend_plan): SQLite REAL."""
    if math.isinf(x):
        literal = "'Infinity'" if x > 0 else "'-Infinity'"
    else:
        literal = repr(x)
    return V("%r::float8" % x, x, "%s::float8" % literal)


def T(text, label=None):
    """Text: SQLite TEXT; a PostgreSQL string literal."""
    shown = label or (repr(text) if len(text) <= 40 else "%d characters" % len(text))
    return V(shown, text, quote(text))


def D(iso, pg_literal=None):
    """A date: SQLite text YYYY-MM-DD; PostgreSQL date."""
    return V("date " + iso, iso, "DATE %s" % quote(pg_literal or iso))


def B(data):
    """A blob: SQLite BLOB; PostgreSQL bytea."""
    return V("blob " + data.hex(), data, "'\\x%s'::bytea" % data.hex())


def BOOL(flag):
    """A boolean: SQLite 1/0; PostgreSQL boolean."""
    return V(str(flag).lower(), 1 if flag else 0, "true" if flag else "false")


def JSONB(text):
    """JSON: SQLite text; PostgreSQL jsonb."""
    return V("jsonb " + text, text, "%s::jsonb" % quote(text))


def ARRAY(items):
    """A list: SQLite json_array(...) text; PostgreSQL text[]."""
    text = json.dumps(items, separators=(",", ":"), ensure_ascii=False)
    elements = ", ".join("NULL" if x is None else quote(x) for x in items)
    return V("text[] " + text, text, "ARRAY[%s]::text[]" % elements)


def PGONLY(label, pg_sql):
    return V(label, PG_ONLY, pg_sql)


# ---- One call through both engines --------------------------------------


def normalise_sqlite(value, returns):
    if value is None:
        return None
    if returns == "json":
        return json.loads(value)
    if returns == "boolean":
        return bool(value)
    return value


def date_from_pg_json(text):
    """to_jsonb(date) text as the core writes dates (year 0 is 1 BC)."""
    if text.endswith(" BC"):
        year, rest = text[:-3].split("-", 1)
        return "%04d-%s" % (1 - int(year), rest)
    return text


def normalise_pg(value, returns):
    if value is not None and returns == "date":
        return date_from_pg_json(value)
    return value


def outcome_text(outcome):
    if outcome[0] == "rows":
        return "value %r" % (outcome[1],)
    if outcome[0] == "error":
        return "error %s" % outcome[2]
    return "CRASH %s" % outcome[1]


class Call:
    """func(args) through both engines. kind: scalar, aggregate or window
    (the latter two over one row, as tests/capi/bad_input.c calls them)."""

    def __init__(self, func, args, returns, kind="scalar"):
        self.func = func
        self.args = args
        self.returns = returns
        self.kind = kind

    def describe(self):
        return "%s(%s)" % (self.func, ", ".join(a.label for a in self.args))

    def pg_only(self):
        return any(a.sqlite is PG_ONLY for a in self.args)

    def sqlite_sql(self):
        call = "%s(%s)" % (self.func, ", ".join("?" for _ in self.args))
        if self.kind == "window":
            return "SELECT %s OVER (ORDER BY 1) FROM (SELECT 1)" % call
        if self.kind == "aggregate":
            return "SELECT %s FROM (SELECT 1)" % call
        return "SELECT " + call

    def pg_sql(self):
        call = "%s(%s)" % (self.func, ", ".join(a.pg for a in self.args))
        if self.kind == "window":
            return "SELECT to_jsonb(%s OVER (ORDER BY 1)) FROM (SELECT 1) AS one" % call
        if self.kind == "aggregate":
            return "SELECT to_jsonb(%s) FROM (SELECT 1) AS one" % call
        return "SELECT to_jsonb(%s)" % call

    def run_sqlite(self, conn):
        outcome = sqlite_query(conn, self.sqlite_sql(), [a.sqlite for a in self.args])
        if outcome[0] == "rows":
            return ("rows", normalise_sqlite(outcome[1][0][0], self.returns))
        return outcome

    def run_pg(self, conn):
        outcome = conn.query(self.pg_sql())
        if outcome[0] == "rows":
            return ("rows", normalise_pg(outcome[1][0][0], self.returns))
        return outcome


def same_outcome(a, b):
    if a[0] != b[0]:
        return False
    if a[0] == "rows":
        return a[1] == b[1]
    return a[2] == b[2]
