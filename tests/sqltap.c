/*
** sqltap: runs one SQL case file against SQLite and reports TAP.
**
**   BACKPAIN_EXT=dist/backpain sqltap tests/sql/relaxant_days.test
**   BACKPAIN_EXT=dist/backpain sqltap --cli /usr/bin/sqlite3 tests/sql/relaxant_days.test
**
** The first form runs the statements in this process, through the SQLite
** library sqltap was linked with. The second writes the case file as a
** script for a sqlite3 shell, runs that shell once, and matches its output
** and its "near line N:" error lines back to the cases: the same suite then
** tests the shell's .load path and the shell's SQLite version.
**
** A case file is SQL that the sqlite3 shell could also read:
**
**   -- a description: the comment lines just above a statement name it
**   SELECT relaxant_days('2024-01-01', '2024-01-21');
**   -- => 21
**
** Directive comments on the lines right after a statement say what it
** must give; each statement with directives is one TAP test:
**   -- => a|b        one expected row, columns joined by '|', NULL as NULL;
**                    repeat for more rows, in order
**   -- (no rows)     the statement returns no row
**   -- ~> text       the rows (as above, one per line) contain this text;
**                    for output whose wording varies between SQLite
**                    versions (EXPLAIN QUERY PLAN)
**   -- error: text   the statement fails with exactly this message
**   -- error~ text   the statement fails with a message containing text
** A statement with no directive is set-up: it must succeed, and only a
** failure is reported (as a failed test).
**
** Dot-commands at the start of a line:
**   .load [path]     load an extension; no path means $BACKPAIN_EXT
**   .open path       close the database and open this file instead
**   .read path       run the SQL in this file (rows it returns are ignored)
**
** Built with -DSQLTAP_STATIC_EXTENSION and linked with the static library,
** the runner calls sqlite3_backpain_init for .load instead of loading a
** file, and offers a third form:
**
**   sqltap --oom tests/sql/relaxant_days.test
**
** which installs a counting allocator (SQLITE_CONFIG_MALLOC), runs the file
** once cleanly (it must pass) to count T allocations, then reruns it with
** the N-th allocation failing, for N = 1..T when T is at most $OOM_POINTS
** (default 1000); for a larger T, for N = 1..500 and then a fixed spread
** sample of the rest (bit-reversed order, so any prefix covers the whole
** range) up to $OOM_POINTS runs, or fewer when the file says so on a line
** "-- oom-points: N" (for files whose every run is slow). What is swept
** depends only on the file and $OOM_POINTS, never on the machine's speed,
** and is reported. Under a
** fault, every case must match its expectation up to the first that does
** not, and that one must fail with "out of memory": no crash, no wrong
** result passed off as right. After each run the allocator must hold no
** allocation that SQLite did not hold before it: no leak.
** The failing allocation's call stack says whether the fault fired inside
** backpain (a bp_* or sqlite3_backpain_init frame, resolved with dladdr)
** or inside SQLite alone. Deviations under a fault inside SQLite alone are
** SQLite's own behaviour (for example, 3.40's json_valid() gives 0, and
** opening the TEMP database gives SQLITE_CANTOPEN): they are counted and
** reported, not failed.
**
** In-process, the runner also registers test_unsafe(x), which returns x and
** is NOT innocuous: the negative control of the trusted_schema tests. The
** shell has no such function, so with --cli a statement that uses it, or
** whose expectation names it, is reported as skipped.
*/
#ifdef SQLTAP_STATIC_EXTENSION
#define _GNU_SOURCE /* dladdr(), Dl_info */
#endif
#include <sqlite3.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bp_common.h"

#ifdef SQLTAP_STATIC_EXTENSION
#include <dlfcn.h>
#include <execinfo.h>

#include "backpain.h"
#endif

typedef struct {
  char *data;
  size_t len, cap;
} buffer;

static void bail(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  printf("Bail out! ");
  vprintf(fmt, ap);
  printf("\n");
  va_end(ap);
  exit(2);
}

static void buffer_append(buffer *b, const char *s, size_t n) {
  if (b->len + n + 1 > b->cap) {
    size_t cap = (b->cap == 0 ? 256 : b->cap);
    while (b->len + n + 1 > cap) cap *= 2;
    char *grown = realloc(b->data, cap);
    if (grown == NULL) bail("out of memory");
    b->data = grown;
    b->cap = cap;
  }
  if (n > 0) memcpy(b->data + b->len, s, n);
  b->len += n;
  b->data[b->len] = '\0';
}

static void buffer_text(buffer *b, const char *s) { buffer_append(b, s, strlen(s)); }

static const char *buffer_str(const buffer *b) { return b->data ? b->data : ""; }

/* ---- Case files --------------------------------------------------------- */

typedef enum {
  EXPECT_NOTHING,
  EXPECT_ROWS,
  EXPECT_ROWS_PART,
  EXPECT_ERROR,
  EXPECT_ERROR_PART
} expect_kind;

typedef enum { UNIT_DOT, UNIT_STATEMENT } unit_kind;

typedef struct {
  unit_kind kind;
  buffer text; /* the dot-command line, or the statement */
  int line;    /* first line in the case file */
  char *name;  /* test name */
  expect_kind expect;
  buffer want; /* expected rows (each ending in \n) or message */
  /* filled by the runs */
  int ran, ok;
  buffer rows, error;
} unit;

typedef struct {
  unit *units;
  size_t count, cap;
} unit_list;

static unit *new_unit(unit_list *list, unit_kind kind, int line) {
  if (list->count == list->cap) {
    list->cap = list->cap ? list->cap * 2 : 64;
    list->units = realloc(list->units, list->cap * sizeof(unit));
    if (list->units == NULL) bail("out of memory");
  }
  unit *u = &list->units[list->count++];
  memset(u, 0, sizeof(*u));
  u->kind = kind;
  u->line = line;
  return u;
}

static int starts_with(const char *s, const char *prefix) {
  return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* A directive comment, or EXPECT_NOTHING for any other line. */
static expect_kind directive_kind(const char *line, const char **text) {
  static const struct {
    const char *prefix;
    expect_kind kind;
  } directives[] = {{"-- => ", EXPECT_ROWS},
                    {"-- ~> ", EXPECT_ROWS_PART},
                    {"-- error: ", EXPECT_ERROR},
                    {"-- error~ ", EXPECT_ERROR_PART}};
  if (strcmp(line, "-- =>") == 0) {
    *text = "";
    return EXPECT_ROWS;
  }
  if (strcmp(line, "-- (no rows)") == 0) {
    *text = NULL;
    return EXPECT_ROWS;
  }
  for (size_t i = 0; i < BP_COUNT(directives); i++) {
    if (starts_with(line, directives[i].prefix)) {
      *text = line + strlen(directives[i].prefix);
      return directives[i].kind;
    }
  }
  return EXPECT_NOTHING;
}

/* A one-line test name: white space runs become one space, cut at 100. */
static char *squash(const char *text) {
  size_t n = 0;
  char *out = malloc(strlen(text) + 4);
  if (out == NULL) bail("out of memory");
  for (const char *p = text; *p && n < 100; p++) {
    int space = *p == ' ' || *p == '\n' || *p == '\t' || *p == '\r';
    if (space && (n == 0 || out[n - 1] == ' ')) continue;
    out[n++] = space ? ' ' : *p;
  }
  while (n > 0 && out[n - 1] == ' ') n--;
  if (n == 100) {
    memcpy(out + n, "...", 3);
    n += 3;
  }
  out[n] = '\0';
  return out;
}

static char *read_file(const char *path) {
  FILE *f = fopen(path, "rb");
  buffer b = {0};
  char chunk[4096];
  size_t n;
  if (f == NULL) return NULL;
  while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) buffer_append(&b, chunk, n);
  fclose(f);
  buffer_text(&b, "");
  return b.data;
}

/* Splits a case file into dot-commands and statements with expectations. */
static void parse_cases(const char *source, const char *path, unit_list *list) {
  buffer description = {0}, line = {0};
  unit *open_statement = NULL; /* statement still being read */
  unit *collecting = NULL;     /* complete statement taking directives */
  int line_no = 0;
  const char *p = source;
  while (*p) {
    const char *end = strchr(p, '\n');
    if (end == NULL) end = p + strlen(p);
    const char *trim = end;
    while (trim > p && (trim[-1] == ' ' || trim[-1] == '\t' || trim[-1] == '\r')) trim--;
    line.len = 0;
    buffer_append(&line, p, (size_t)(trim - p));
    const char *text = NULL;
    expect_kind kind = directive_kind(buffer_str(&line), &text);
    line_no++;

    if (collecting != NULL && kind != EXPECT_NOTHING &&
        (collecting->expect == EXPECT_NOTHING || collecting->expect == kind)) {
      collecting->expect = kind;
      if (text != NULL) {
        buffer_text(&collecting->want, text);
        if (kind == EXPECT_ROWS) buffer_text(&collecting->want, "\n");
      }
    } else {
      collecting = NULL;
      const char *l = buffer_str(&line);
      if (open_statement == NULL && l[0] == '\0') {
        description.len = 0;
      } else if (open_statement == NULL && starts_with(l, "--")) {
        const char *c = l + 2;
        while (*c == ' ') c++;
        if (description.len) buffer_text(&description, " ");
        buffer_text(&description, c);
      } else if (open_statement == NULL && l[0] == '.') {
        unit *u = new_unit(list, UNIT_DOT, line_no);
        buffer_text(&u->text, l);
        description.len = 0;
      } else {
        if (open_statement == NULL) {
          open_statement = new_unit(list, UNIT_STATEMENT, line_no);
          open_statement->name = squash(description.len ? buffer_str(&description) : l);
          description.len = 0;
        }
        buffer_text(&open_statement->text, l);
        buffer_text(&open_statement->text, "\n");
        if (sqlite3_complete(buffer_str(&open_statement->text))) {
          collecting = open_statement;
          open_statement = NULL;
        }
      }
    }
    p = *end ? end + 1 : end;
  }
  if (open_statement != NULL) {
    printf("not ok 1 - statement without a terminating semicolon (%s:%d)\n1..1\n", path,
           open_statement->line);
    exit(1);
  }
  free(description.data);
  free(line.data);
}

/* ---- Running in this process -------------------------------------------- */

static void test_unsafe(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  (void)argc;
  sqlite3_result_value(ctx, argv[0]);
}

/* Opens a database with extension loading and test_unsafe(); NULL and an
** error message in *error (sqlite3_malloc'ed) when that fails. */
static sqlite3 *open_database(const char *filename, char **error) {
  sqlite3 *db = NULL;
  int rc = sqlite3_open(filename, &db);
  if (rc == SQLITE_OK) {
    sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 1, NULL);
    rc = sqlite3_create_function(db, "test_unsafe", 1, SQLITE_UTF8, NULL, test_unsafe, NULL, NULL);
  }
  if (rc != SQLITE_OK) {
    *error = sqlite3_mprintf("cannot open %s: %s", filename,
                             db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    sqlite3_close(db);
    return NULL;
  }
  return db;
}

/* Appends one result row as text: columns joined by '|', NULL as NULL.
** Returns 0 when a value cannot be read (out of memory). */
static int append_row(buffer *out, sqlite3_stmt *stmt) {
  int columns = sqlite3_column_count(stmt);
  for (int i = 0; i < columns; i++) {
    if (i > 0) buffer_text(out, "|");
    switch (sqlite3_column_type(stmt, i)) {
      case SQLITE_NULL:
        buffer_text(out, "NULL");
        break;
      case SQLITE_BLOB: {
        const unsigned char *blob = sqlite3_column_blob(stmt, i);
        int n = sqlite3_column_bytes(stmt, i);
        buffer_text(out, "X'");
        for (int k = 0; k < n; k++) {
          char hex[3];
          snprintf(hex, sizeof(hex), "%02X", blob[k]);
          buffer_text(out, hex);
        }
        buffer_text(out, "'");
        break;
      }
      default: {
        const char *text = (const char *)sqlite3_column_text(stmt, i);
        if (text == NULL) return 0;
        buffer_append(out, text, (size_t)sqlite3_column_bytes(stmt, i));
      }
    }
  }
  buffer_text(out, "\n");
  return 1;
}

/* Runs sql; fills rows, or error (and returns 0). */
static int run_sql(sqlite3 *db, const char *sql, buffer *rows, buffer *error) {
  const char *tail = sql;
  while (*tail) {
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v2(db, tail, -1, &stmt, &tail) != SQLITE_OK) {
      buffer_text(error, sqlite3_errmsg(db));
      return 0;
    }
    if (stmt == NULL) break; /* only comments or spaces were left */
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      if (!append_row(rows, stmt)) {
        buffer_text(error, "out of memory (reading a result)");
        sqlite3_finalize(stmt);
        return 0;
      }
    }
    if (rc != SQLITE_DONE) {
      buffer_text(error, sqlite3_errmsg(db));
      sqlite3_finalize(stmt);
      return 0;
    }
    sqlite3_finalize(stmt);
  }
  return 1;
}

/* Loads the extension named by `path` (or, in the static build, calls its
** entry point). Returns SQLITE_OK, or an error with *error set. */
static int load_extension(sqlite3 *db, const char *path, char **error) {
#ifdef SQLTAP_STATIC_EXTENSION
  (void)path;
  return sqlite3_backpain_init(db, error, NULL);
#else
  if (path == NULL) bail(".load without a path and BACKPAIN_EXT is not set");
  return sqlite3_load_extension(db, path, NULL, error);
#endif
}

/* Runs every unit. A failing dot-command ends the run: with stop_on_setup,
** the failure is recorded on its unit (the OOM sweep judges it); else the
** runner bails out. */
static void run_in_process(unit_list *list, const char *extension, int stop_on_setup) {
  char *error = NULL;
  sqlite3 *db = open_database(":memory:", &error);
  for (size_t i = 0; i < list->count && error == NULL; i++) {
    unit *u = &list->units[i];
    const char *text = buffer_str(&u->text);
    if (u->kind == UNIT_STATEMENT) {
      u->ran = 1;
      u->ok = run_sql(db, text, &u->rows, &u->error);
      continue;
    }
    if (starts_with(text, ".load")) {
      const char *arg = text + 5;
      while (*arg == ' ') arg++;
      load_extension(db, *arg ? arg : extension, &error);
    } else if (starts_with(text, ".open ")) {
      sqlite3_close(db);
      db = open_database(text + 6, &error);
    } else if (starts_with(text, ".read ")) {
      char *sql = read_file(text + 6);
      if (sql == NULL) bail("cannot read %s (line %d)", text + 6, u->line);
      sqlite3_exec(db, sql, NULL, NULL, &error);
      free(sql);
    } else {
      bail("unknown dot-command at line %d: %s", u->line, text);
    }
    if (error != NULL) {
      if (!stop_on_setup) bail("%s (line %d): %s", text, u->line, error);
      u->ran = 1;
      u->ok = 0;
      buffer_text(&u->error, error);
    }
  }
  if (error != NULL && db == NULL && !stop_on_setup) bail("%s", error);
  sqlite3_free(error);
  sqlite3_close(db);
}

/* ---- Running through a sqlite3 shell ------------------------------------- */

static size_t count_lines(const char *text) {
  size_t n = 0;
  for (; *text; text++) n += *text == '\n';
  return n;
}

static void run_through_shell(unit_list *list, const char *shell, const char *extension) {
  char script[] = "/tmp/sqltap-script-XXXXXX";
  char out_path[] = "/tmp/sqltap-out-XXXXXX";
  char err_path[] = "/tmp/sqltap-err-XXXXXX";
  int fds[3] = {mkstemp(script), mkstemp(out_path), mkstemp(err_path)};
  if (fds[0] < 0 || fds[1] < 0 || fds[2] < 0) bail("cannot create temporary files");
  for (int k = 0; k < 3; k++) close(fds[k]);

  /* The script, and the script line range of each statement. */
  buffer s = {0};
  size_t line = 0;
  size_t *first = calloc(list->count, sizeof(size_t));
  size_t *last = calloc(list->count, sizeof(size_t));
  buffer_text(&s,
              ".mode list\n.separator |\n.nullvalue NULL\n.headers off\n"
              "SELECT '# SQLite ' || sqlite_version() || ', through the shell';\n");
  line += 5;
  for (size_t i = 0; i < list->count; i++) {
    unit *u = &list->units[i];
    const char *text = buffer_str(&u->text);
    char marker[64];
    if (u->kind == UNIT_DOT) {
      /* Rows a dot-command prints (.read) belong to no case. */
      buffer_text(&s, ".print @@sqltap none\n");
      line++;
      if (strcmp(text, ".load") == 0) {
        if (extension == NULL) bail(".load without a path and BACKPAIN_EXT is not set");
        buffer_text(&s, ".load ");
        buffer_text(&s, extension);
        buffer_text(&s, "\n");
      } else {
        buffer_text(&s, text);
        buffer_text(&s, "\n");
      }
      line++;
      continue;
    }
    if (strstr(text, "test_unsafe") != NULL || strstr(buffer_str(&u->want), "test_unsafe")) {
      continue; /* skipped: see the header */
    }
    snprintf(marker, sizeof(marker), ".print @@sqltap %zu\n", i);
    buffer_text(&s, marker);
    line++;
    first[i] = line + 1;
    buffer_text(&s, text);
    line += count_lines(text);
    last[i] = line;
    u->ran = 1;
    u->ok = 1;
  }
  FILE *f = fopen(script, "w");
  if (f == NULL || fwrite(s.data, 1, s.len, f) != s.len || fclose(f) != 0) {
    bail("cannot write %s", script);
  }
  buffer command = {0};
  buffer_text(&command, "'");
  buffer_text(&command, shell);
  buffer_text(&command, "' -batch :memory: < ");
  buffer_text(&command, script);
  buffer_text(&command, " > ");
  buffer_text(&command, out_path);
  buffer_text(&command, " 2> ");
  buffer_text(&command, err_path);
  if (system(command.data) == -1) bail("cannot run %s", shell);

  /* Standard output: rows after each "@@sqltap i" marker. */
  char *out = read_file(out_path);
  char *err = read_file(err_path);
  if (out == NULL || err == NULL) bail("cannot read the shell's output");
  unit *current = NULL;
  for (char *p = out; *p;) {
    char *end = strchr(p, '\n');
    size_t len = end ? (size_t)(end - p) : strlen(p);
    if (starts_with(p, "@@sqltap none")) {
      current = NULL;
    } else if (starts_with(p, "@@sqltap ")) {
      current = &list->units[strtoul(p + 9, NULL, 10)];
    } else if (current == NULL && starts_with(p, "# SQLite ")) {
      printf("%.*s\n", (int)len, p);
    } else if (current != NULL) {
      buffer_append(&current->rows, p, len);
      buffer_text(&current->rows, "\n");
    }
    p = end ? end + 1 : p + len;
  }
  /* Standard error: "... near line N: message" belongs to the statement
  ** whose script lines hold N; indented lines after it are context. */
  for (char *p = err; *p;) {
    char *end = strchr(p, '\n');
    size_t len = end ? (size_t)(end - p) : strlen(p);
    char *near = strstr(p, "near line ");
    if (near != NULL && (end == NULL || near < end)) {
      size_t at = strtoul(near + 10, NULL, 10);
      char *message = strstr(near, ": ");
      for (size_t i = 0; message != NULL && i < list->count; i++) {
        if (list->units[i].ran && at >= first[i] && at <= last[i]) {
          size_t message_len = len - (size_t)(message + 2 - p);
          list->units[i].ok = 0;
          /* The shell adds " (N)" for an error code other than SQLITE_ERROR
          ** (18 for SQLITE_TOOBIG); the in-process runner sees the message
          ** alone, so the suffix is dropped. */
          size_t digits = 0;
          while (digits + 1 < message_len && message[2 + message_len - 2 - digits] >= '0' &&
                 message[2 + message_len - 2 - digits] <= '9') {
            digits++;
          }
          if (digits > 0 && message_len > digits + 3 && message[2 + message_len - 1] == ')' &&
              message[2 + message_len - 2 - digits] == '(' &&
              message[2 + message_len - 3 - digits] == ' ') {
            message_len -= digits + 3;
          }
          buffer_append(&list->units[i].error, message + 2, message_len);
        }
      }
    }
    p = end ? end + 1 : p + len;
  }
  unlink(script);
  unlink(out_path);
  unlink(err_path);
  free(out);
  free(err);
  free(first);
  free(last);
  free(s.data);
  free(command.data);
}

/* ---- Reporting -------------------------------------------------------------- */

static void diag_lines(const char *label, const char *text) {
  printf("#   %s", label);
  for (const char *p = text; *p; p++) {
    putchar(*p);
    if (*p == '\n' && p[1] != '\0') printf("#   %*s", (int)strlen(label), "");
  }
  if (text[0] == '\0' || text[strlen(text) - 1] != '\n') putchar('\n');
}

typedef struct {
  const char *path;
  int tests, failures;
} report_state;

static void report(report_state *r, int pass, const char *name, int line, const char *skip) {
  r->tests++;
  if (!pass) r->failures++;
  printf("%s %d - %s (%s:%d)", pass ? "ok" : "not ok", r->tests, name, r->path, line);
  if (skip) printf(" # SKIP %s", skip);
  printf("\n");
}

/* 1 if a unit that ran gave what its directives ask for. */
static int unit_matches(const unit *u) {
  const char *rows = buffer_str(&u->rows), *error = buffer_str(&u->error);
  const char *want = buffer_str(&u->want);
  switch (u->expect) {
    case EXPECT_NOTHING:
      return u->ok;
    case EXPECT_ROWS:
      return u->ok && strcmp(rows, want) == 0;
    case EXPECT_ROWS_PART:
      return u->ok && strstr(rows, want) != NULL;
    case EXPECT_ERROR:
      return !u->ok && strcmp(error, want) == 0;
    case EXPECT_ERROR_PART:
      return !u->ok && strstr(error, want) != NULL;
  }
  return 0;
}

static void report_unit(report_state *r, const unit *u) {
  const char *rows = buffer_str(&u->rows), *error = buffer_str(&u->error);
  const char *want = buffer_str(&u->want);
  int pass = unit_matches(u);
  if (!u->ran) {
    if (u->expect != EXPECT_NOTHING) {
      report(r, 1, u->name, u->line, "test_unsafe() is registered by sqltap only");
    }
    return;
  }
  if (u->expect == EXPECT_NOTHING) {
    if (!pass) {
      report(r, 0, u->kind == UNIT_DOT ? "dot-command failed" : "set-up statement failed", u->line,
             NULL);
      diag_lines("error: ", error);
    }
    return;
  }
  report(r, pass, u->name, u->line, NULL);
  if (pass) return;
  if (u->expect == EXPECT_ROWS || u->expect == EXPECT_ROWS_PART) {
    if (!u->ok) {
      diag_lines("error: ", error);
    } else {
      diag_lines("got:  ", rows[0] ? rows : "(no rows)\n");
      diag_lines(u->expect == EXPECT_ROWS ? "want: " : "want, within: ",
                 want[0] ? want : "(no rows)\n");
    }
  } else {
    if (u->ok) {
      diag_lines("no error; rows: ", rows[0] ? rows : "(none)\n");
    } else {
      diag_lines("got error:  ", error);
    }
    diag_lines("want error: ", want);
  }
}

/* ---- Out-of-memory sweep ------------------------------------------------ */

/* The counting allocator. Test-harness state, so globals are fine here. */
static sqlite3_mem_methods oom_base;
static long long oom_count, oom_fail_at, oom_outstanding;
static int oom_fired;

#ifdef SQLTAP_STATIC_EXTENSION
#define OOM_FRAMES 64
static void *oom_frames[OOM_FRAMES];
static int oom_frame_count;
#endif

/* Records where the fault fires, and fails the allocation. */
static void *oom_fire(void) {
  oom_fired = 1;
#ifdef SQLTAP_STATIC_EXTENSION
  oom_frame_count = backtrace(oom_frames, OOM_FRAMES);
#endif
  return NULL;
}

/* 1 if a backpain function was on the stack of the failed allocation. */
static int oom_fired_in_backpain(void) {
#ifdef SQLTAP_STATIC_EXTENSION
  for (int i = 0; i < oom_frame_count; i++) {
    Dl_info info;
    if (dladdr(oom_frames[i], &info) && info.dli_sname != NULL &&
        (strncmp(info.dli_sname, "bp_", 3) == 0 ||
         strcmp(info.dli_sname, "sqlite3_backpain_init") == 0)) {
      return 1;
    }
  }
#endif
  return 0;
}

static void *oom_malloc(int n) {
  if (++oom_count == oom_fail_at) return oom_fire();
  void *p = oom_base.xMalloc(n);
  if (p != NULL) oom_outstanding++;
  return p;
}

static void oom_free(void *p) {
  if (p != NULL) oom_outstanding--;
  oom_base.xFree(p);
}

static void *oom_realloc(void *p, int n) {
  if (++oom_count == oom_fail_at) return oom_fire();
  return oom_base.xRealloc(p, n);
}

static void oom_install(void) {
  static sqlite3_mem_methods counting;
  if (sqlite3_config(SQLITE_CONFIG_GETMALLOC, &oom_base) != SQLITE_OK) bail("GETMALLOC");
  counting = oom_base;
  counting.xMalloc = oom_malloc;
  counting.xFree = oom_free;
  counting.xRealloc = oom_realloc;
  if (sqlite3_config(SQLITE_CONFIG_MALLOC, &counting) != SQLITE_OK) bail("CONFIG_MALLOC");
  if (sqlite3_initialize() != SQLITE_OK) bail("sqlite3_initialize");
#ifdef SQLTAP_STATIC_EXTENSION
  oom_frame_count = backtrace(oom_frames, OOM_FRAMES); /* loads the unwinder now */
#endif
}

static void reset_results(unit_list *list) {
  for (size_t i = 0; i < list->count; i++) {
    unit *u = &list->units[i];
    u->ran = u->ok = 0;
    u->rows.len = u->error.len = 0;
    if (u->rows.data) u->rows.data[0] = '\0';
    if (u->error.data) u->error.data[0] = '\0';
  }
}

/* Under a fault: every unit matches up to the first that does not, which
** must have failed with "out of memory". One exception is SQLite's own:
** sqlite3_result_error() copies the message and ignores a failed copy, so
** a statement whose expected outcome is an error message from a function
** can end with SQLITE_ERROR and no message ("SQL logic error") when that
** copy is the failing allocation (sqlite3.c 3.40 and 3.52 alike). Writes
** the reason when the run is not acceptable. */
static int oom_verdict(const unit_list *list, char *why, size_t size) {
  for (size_t i = 0; i < list->count; i++) {
    const unit *u = &list->units[i];
    if (!u->ran || unit_matches(u)) continue;
    if (!u->ok && strstr(buffer_str(&u->error), "out of memory") != NULL) return 1;
    if (!u->ok && strcmp(buffer_str(&u->error), "SQL logic error") == 0 &&
        (u->expect == EXPECT_ERROR || u->expect == EXPECT_ERROR_PART)) {
      return 1;
    }
    snprintf(why, size, "line %d: %s%.200s", u->line,
             u->ok ? "wrong result, no error: " : "error: ",
             u->ok ? buffer_str(&u->rows) : buffer_str(&u->error));
    return 0;
  }
  return 1;
}

/* The k-th N to try, of T: first 1..head in order, then a spread over the
** rest (bit-reversed order), so that any prefix covers the whole range. */
static long long oom_pick(long long k, long long head, int bits) {
  if (k < head) return k + 1;
  unsigned long long x = (unsigned long long)(k - head), reversed = 0;
  for (int b = 0; b < bits; b++) reversed |= ((x >> b) & 1ULL) << (bits - 1 - b);
  return head + 1 + (long long)reversed;
}

static int run_oom_sweep(unit_list *list, const char *path, const char *extension,
                         long long file_points) {
  report_state r = {path, 0, 0};
  long long points = getenv("OOM_POINTS") ? atoll(getenv("OOM_POINTS")) : 1000;
  if (points < 1) bail("OOM_POINTS must be at least 1");
  if (file_points > 0 && file_points < points) points = file_points;
  char why[512];
  oom_install();
  /* The clean run: everything passes, and T allocations are counted. */
  oom_fail_at = 0;
  oom_count = 0;
  run_in_process(list, extension, 1);
  long long total = oom_count;
  int clean = 1;
  for (size_t i = 0; i < list->count; i++) {
    if (list->units[i].ran && !unit_matches(&list->units[i])) clean = 0;
  }
  report(&r, clean, "runs cleanly with no fault injected", 0, NULL);
  if (!clean) return 1;
  printf("# %lld allocations in a clean run\n", total);

  long long head = total < 500 ? total : 500, rest = total - head;
  int bits = 0;
  while ((1LL << bits) < rest) bits++;
  long long span = rest > 0 ? (1LL << bits) : 0, tried = 0, failures = 0, inside_sqlite = 0;
  for (long long k = 0; k < head + span && tried < points; k++) {
    long long n = oom_pick(k, head, bits);
    if (n > total) continue; /* outside the range after bit reversal */
    reset_results(list);
    long long before = oom_outstanding;
    oom_count = 0;
    oom_fired = 0;
    oom_fail_at = n;
    run_in_process(list, extension, 1);
    oom_fail_at = 0;
    tried++;
    int ok = oom_verdict(list, why, sizeof(why));
    if (!ok && oom_fired && !oom_fired_in_backpain()) {
      /* SQLite's own behaviour under a fault in SQLite alone. */
      if (++inside_sqlite <= 5) printf("# allocation %lld (inside SQLite alone): %s\n", n, why);
      ok = 1;
    }
    if (ok && oom_outstanding != before) {
      snprintf(why, sizeof(why), "%lld allocations leaked", oom_outstanding - before);
      ok = 0;
    }
    if (!ok && ++failures <= 10) printf("# allocation %lld failing: %s\n", n, why);
  }
  if (inside_sqlite > 0) {
    printf("# %lld runs deviated under a fault inside SQLite alone (not backpain's code)\n",
           inside_sqlite);
  }
  char name[160];
  snprintf(name, sizeof(name),
           "%lld of %lld allocations failed in turn: each ends in out of memory, no leak%s", tried,
           total,
           tried < total ? " (the first 500, then a fixed spread sample: OOM_POINTS)" : " (all)");
  report(&r, failures == 0, name, 0, NULL);
  printf("1..%d\n", r.tests);
  return failures == 0 ? 0 : 1;
}

/*
** $SQLTAP_LOCALE: run the cases in-process under this locale (set with
** setlocale(LC_ALL), as any host program may), to prove that answers do
** not depend on it. The locale must exist (build/locale is tried through
** LOCPATH) and must write a decimal comma, or the run would prove nothing.
*/
static void use_locale(const char *name) {
  char probe[16];
  if (setlocale(LC_ALL, name) == NULL) {
    setenv("LOCPATH", "build/locale", 1);
    if (setlocale(LC_ALL, name) == NULL)
      bail("locale %s is not available (make build/locale)", name);
  }
  snprintf(probe, sizeof(probe), "%.1f", 0.5);
  if (strcmp(probe, "0,5") != 0) bail("locale %s writes 0.5 as %s, not 0,5", name, probe);
  printf("# locale %s: the C library writes 0.5 as %s\n", name, probe);
}

int main(int argc, char **argv) {
  const char *shell = NULL;
  int oom = 0, arg = 1;
  if (argc == 4 && strcmp(argv[1], "--cli") == 0) {
    shell = argv[2];
    arg = 3;
  } else if (argc == 3 && strcmp(argv[1], "--oom") == 0) {
    oom = 1;
    arg = 2;
  } else if (argc != 2) {
    fprintf(stderr, "usage: sqltap [--cli SHELL | --oom] FILE.test\n");
    return 2;
  }
  const char *path = argv[arg];
  const char *extension = getenv("BACKPAIN_EXT");
  char *source = read_file(path);
  if (source == NULL) bail("cannot read %s", path);
  unit_list list = {0};
  parse_cases(source, path, &list);
  int status;
  if (oom) {
#ifndef SQLTAP_STATIC_EXTENSION
    bail("--oom needs the static build (make oom)");
#endif
    /* A heavy file may ask for fewer points: a line "-- oom-points: N". */
    const char *declared = strstr(source, "\n-- oom-points: ");
    long long file_points = declared ? atoll(declared + strlen("\n-- oom-points: ")) : 0;
    status = run_oom_sweep(&list, path, extension, file_points);
  } else {
    if (shell != NULL) {
      run_through_shell(&list, shell, extension);
    } else {
      const char *locale = getenv("SQLTAP_LOCALE");
      if (locale != NULL && locale[0] != '\0') use_locale(locale);
      printf("# SQLite %s, in-process\n", sqlite3_libversion());
      run_in_process(&list, extension, 0);
    }
    report_state r = {path, 0, 0};
    for (size_t i = 0; i < list.count; i++) report_unit(&r, &list.units[i]);
    printf("1..%d\n", r.tests);
    status = r.failures == 0 ? 0 : 1;
  }
  for (size_t i = 0; i < list.count; i++) {
    unit *u = &list.units[i];
    free(u->text.data);
    free(u->want.data);
    free(u->rows.data);
    free(u->error.data);
    free(u->name);
  }
  free(list.units);
  free(source);
  return status;
}
