/*
** sqltap: runs one SQL case file against SQLite and reports TAP.
**
**   BACKPAIN_EXT=dist/backpain sqltap tests/sql/relaxant_days.test
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
**
** The runner also registers test_unsafe(x), which returns x and is NOT
** innocuous: the negative control of the trusted_schema tests.
*/
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  char *data;
  size_t len, cap;
} buffer;

static void buffer_append(buffer *b, const char *s, size_t n) {
  if (b->len + n + 1 > b->cap) {
    size_t cap = (b->cap == 0 ? 256 : b->cap);
    while (b->len + n + 1 > cap) cap *= 2;
    char *grown = realloc(b->data, cap);
    if (grown == NULL) {
      printf("Bail out! out of memory\n");
      exit(2);
    }
    b->data = grown;
    b->cap = cap;
  }
  memcpy(b->data + b->len, s, n);
  b->len += n;
  b->data[b->len] = '\0';
}

static void buffer_reset(buffer *b) {
  b->len = 0;
  if (b->data != NULL) b->data[0] = '\0';
}

typedef struct {
  sqlite3 *db;
  const char *path;
  int tests;
  int failures;
} runner;

static void test_unsafe(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  (void)argc;
  sqlite3_result_value(ctx, argv[0]);
}

static void open_database(runner *r, const char *filename) {
  if (r->db != NULL) sqlite3_close(r->db);
  if (sqlite3_open(filename, &r->db) != SQLITE_OK) {
    printf("Bail out! cannot open %s: %s\n", filename, sqlite3_errmsg(r->db));
    exit(2);
  }
  sqlite3_db_config(r->db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 1, NULL);
  sqlite3_create_function(r->db, "test_unsafe", 1, SQLITE_UTF8, NULL,
                          test_unsafe, NULL, NULL);
}

static void report(runner *r, int pass, const char *name, int line) {
  r->tests++;
  if (!pass) r->failures++;
  printf("%s %d - %s (%s:%d)\n", pass ? "ok" : "not ok", r->tests, name, r->path,
         line);
}

static void diag_lines(const char *label, const char *text) {
  printf("#   %s", label);
  for (const char *p = text; *p; p++) {
    putchar(*p);
    if (*p == '\n' && p[1] != '\0') printf("#   %*s", (int)strlen(label), "");
  }
  if (text[0] == '\0' || text[strlen(text) - 1] != '\n') putchar('\n');
}

/* Appends one result row as text: columns joined by '|', NULL as NULL. */
static void append_row(buffer *out, sqlite3_stmt *stmt) {
  int columns = sqlite3_column_count(stmt);
  for (int i = 0; i < columns; i++) {
    if (i > 0) buffer_append(out, "|", 1);
    switch (sqlite3_column_type(stmt, i)) {
      case SQLITE_NULL:
        buffer_append(out, "NULL", 4);
        break;
      case SQLITE_BLOB: {
        const unsigned char *blob = sqlite3_column_blob(stmt, i);
        int n = sqlite3_column_bytes(stmt, i);
        buffer_append(out, "X'", 2);
        for (int k = 0; k < n; k++) {
          char hex[3];
          snprintf(hex, sizeof(hex), "%02X", blob[k]);
          buffer_append(out, hex, 2);
        }
        buffer_append(out, "'", 1);
        break;
      }
      default: {
        const char *text = (const char *)sqlite3_column_text(stmt, i);
        buffer_append(out, text, (size_t)sqlite3_column_bytes(stmt, i));
      }
    }
  }
  buffer_append(out, "\n", 1);
}

/* Runs sql; on success fills rows and returns 1, else fills error. */
static int run_sql(sqlite3 *db, const char *sql, buffer *rows, buffer *error) {
  const char *tail = sql;
  while (*tail) {
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v2(db, tail, -1, &stmt, &tail) != SQLITE_OK) {
      const char *msg = sqlite3_errmsg(db);
      buffer_append(error, msg, strlen(msg));
      return 0;
    }
    if (stmt == NULL) break; /* only comments or spaces were left */
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) append_row(rows, stmt);
    if (rc != SQLITE_DONE) {
      const char *msg = sqlite3_errmsg(db);
      buffer_append(error, msg, strlen(msg));
      sqlite3_finalize(stmt);
      return 0;
    }
    sqlite3_finalize(stmt);
  }
  return 1;
}

typedef enum {
  EXPECT_NOTHING,
  EXPECT_ROWS,
  EXPECT_ROWS_PART,
  EXPECT_ERROR,
  EXPECT_ERROR_PART
} expect_kind;

typedef struct {
  expect_kind kind;
  buffer text; /* expected rows (each ending in \n) or message */
} expectation;

/* Runs one statement against its expectation and reports it. */
static void check_statement(runner *r, const char *sql, const expectation *want,
                            const char *name, int line) {
  buffer rows = {0}, error = {0};
  int ok = run_sql(r->db, sql, &rows, &error);
  const char *got_rows = rows.data ? rows.data : "";
  const char *got_error = error.data ? error.data : "";
  const char *want_text = want->text.data ? want->text.data : "";
  switch (want->kind) {
    case EXPECT_NOTHING:
      if (!ok) {
        report(r, 0, "set-up statement failed", line);
        diag_lines("error: ", got_error);
      }
      break;
    case EXPECT_ROWS:
      report(r, ok && strcmp(got_rows, want_text) == 0, name, line);
      if (!ok) {
        diag_lines("error: ", got_error);
      } else if (strcmp(got_rows, want_text) != 0) {
        diag_lines("got:  ", got_rows[0] ? got_rows : "(no rows)\n");
        diag_lines("want: ", want_text[0] ? want_text : "(no rows)\n");
      }
      break;
    case EXPECT_ROWS_PART:
      report(r, ok && strstr(got_rows, want_text) != NULL, name, line);
      if (!ok) {
        diag_lines("error: ", got_error);
      } else if (strstr(got_rows, want_text) == NULL) {
        diag_lines("got:  ", got_rows[0] ? got_rows : "(no rows)\n");
        diag_lines("want, within: ", want_text);
      }
      break;
    case EXPECT_ERROR:
    case EXPECT_ERROR_PART: {
      int pass = !ok && (want->kind == EXPECT_ERROR
                             ? strcmp(got_error, want_text) == 0
                             : strstr(got_error, want_text) != NULL);
      report(r, pass, name, line);
      if (ok) {
        diag_lines("no error; rows: ", got_rows[0] ? got_rows : "(none)\n");
      } else if (!pass) {
        diag_lines("got error:  ", got_error);
      }
      if (!pass) diag_lines("want error: ", want_text);
      break;
    }
  }
  free(rows.data);
  free(error.data);
}

static char *read_file(const char *path) {
  FILE *f = fopen(path, "rb");
  buffer b = {0};
  char chunk[4096];
  size_t n;
  if (f == NULL) return NULL;
  while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) buffer_append(&b, chunk, n);
  fclose(f);
  if (b.data == NULL) buffer_append(&b, "", 0);
  return b.data;
}

static int starts_with(const char *s, const char *prefix) {
  return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* Copies line [start, end) without its trailing spaces into a new string. */
static char *line_copy(const char *start, const char *end) {
  while (end > start && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r')) end--;
  char *s = malloc((size_t)(end - start) + 1);
  if (s == NULL) {
    printf("Bail out! out of memory\n");
    exit(2);
  }
  memcpy(s, start, (size_t)(end - start));
  s[end - start] = '\0';
  return s;
}

/* A one-line test name: white space runs become one space, cut at 100. */
static char *squash(const char *text) {
  size_t n = 0;
  char *out = malloc(strlen(text) + 4);
  if (out == NULL) {
    printf("Bail out! out of memory\n");
    exit(2);
  }
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

static void dot_command(runner *r, const char *line, int line_no) {
  if (starts_with(line, ".load")) {
    const char *arg = line + 5;
    while (*arg == ' ') arg++;
    const char *path = *arg ? arg : getenv("BACKPAIN_EXT");
    char *error = NULL;
    if (path == NULL) {
      printf("Bail out! .load without a path and BACKPAIN_EXT is not set\n");
      exit(2);
    }
    if (sqlite3_load_extension(r->db, path, NULL, &error) != SQLITE_OK) {
      printf("Bail out! cannot load %s: %s\n", path, error ? error : "?");
      exit(2);
    }
  } else if (starts_with(line, ".open ")) {
    open_database(r, line + 6);
  } else {
    printf("Bail out! unknown dot-command at line %d: %s\n", line_no, line);
    exit(2);
  }
}

/* A directive comment, or EXPECT_NOTHING for any other line. */
static expect_kind directive_kind(const char *line, const char **text) {
  if (starts_with(line, "-- => ")) {
    *text = line + 6;
    return EXPECT_ROWS;
  }
  if (strcmp(line, "-- =>") == 0) {
    *text = "";
    return EXPECT_ROWS;
  }
  if (strcmp(line, "-- (no rows)") == 0) {
    *text = NULL;
    return EXPECT_ROWS;
  }
  if (starts_with(line, "-- ~> ")) {
    *text = line + 6;
    return EXPECT_ROWS_PART;
  }
  if (starts_with(line, "-- error: ")) {
    *text = line + 10;
    return EXPECT_ERROR;
  }
  if (starts_with(line, "-- error~ ")) {
    *text = line + 10;
    return EXPECT_ERROR_PART;
  }
  return EXPECT_NOTHING;
}

int main(int argc, char **argv) {
  runner r = {0};
  if (argc != 2) {
    fprintf(stderr, "usage: sqltap FILE.test\n");
    return 2;
  }
  r.path = argv[1];
  char *source = read_file(r.path);
  if (source == NULL) {
    printf("Bail out! cannot read %s\n", r.path);
    return 2;
  }
  open_database(&r, ":memory:");

  buffer statement = {0}, description = {0};
  expectation want = {EXPECT_NOTHING, {0}};
  int statement_line = 0, line_no = 0;
  int collecting = 0; /* a complete statement is waiting for directives */
  const char *p = source;
  while (*p || collecting) {
    const char *end = *p ? strchr(p, '\n') : p;
    if (end == NULL) end = p + strlen(p);
    char *line = line_copy(p, end);
    const char *text = NULL;
    expect_kind kind = *p ? directive_kind(line, &text) : EXPECT_NOTHING;
    line_no++;

    if (collecting && kind != EXPECT_NOTHING &&
        (want.kind == EXPECT_NOTHING || want.kind == kind)) {
      want.kind = kind;
      if (text != NULL) {
        buffer_append(&want.text, text, strlen(text));
        if (kind == EXPECT_ROWS) buffer_append(&want.text, "\n", 1);
      }
    } else {
      if (collecting) {
        char *name = squash(description.len ? description.data : statement.data);
        check_statement(&r, statement.data, &want, name, statement_line);
        free(name);
        collecting = 0;
        buffer_reset(&statement);
        buffer_reset(&description);
        want.kind = EXPECT_NOTHING;
        buffer_reset(&want.text);
      }
      if (!*p) {
        free(line);
        break;
      }
      if (statement.len == 0 && line[0] == '\0') {
        buffer_reset(&description);
      } else if (statement.len == 0 && starts_with(line, "--")) {
        const char *c = line + 2;
        while (*c == ' ') c++;
        if (description.len) buffer_append(&description, " ", 1);
        buffer_append(&description, c, strlen(c));
      } else if (statement.len == 0 && line[0] == '.') {
        dot_command(&r, line, line_no);
        buffer_reset(&description);
      } else {
        if (statement.len == 0) statement_line = line_no;
        buffer_append(&statement, line, strlen(line));
        buffer_append(&statement, "\n", 1);
        if (sqlite3_complete(statement.data)) collecting = 1;
      }
    }
    free(line);
    p = *end ? end + 1 : end;
  }
  if (statement.len > 0) {
    report(&r, 0, "statement without a terminating semicolon", statement_line);
  }
  printf("1..%d\n", r.tests);
  sqlite3_close(r.db);
  free(statement.data);
  free(description.data);
  free(want.text.data);
  free(source);
  return r.failures == 0 ? 0 : 1;
}
