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
** In-process, the runner also registers test_unsafe(x), which returns x and
** is NOT innocuous: the negative control of the trusted_schema tests. The
** shell has no such function, so with --cli a statement that uses it, or
** whose expectation names it, is reported as skipped.
*/
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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
  memcpy(b->data + b->len, s, n);
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
  buffer text;    /* the dot-command line, or the statement */
  int line;       /* first line in the case file */
  char *name;     /* test name */
  expect_kind expect;
  buffer want;    /* expected rows (each ending in \n) or message */
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
  for (size_t i = 0; i < sizeof(directives) / sizeof(directives[0]); i++) {
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

static sqlite3 *open_database(sqlite3 *old, const char *filename) {
  sqlite3 *db = NULL;
  if (old != NULL) sqlite3_close(old);
  if (sqlite3_open(filename, &db) != SQLITE_OK) {
    bail("cannot open %s: %s", filename, sqlite3_errmsg(db));
  }
  sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 1, NULL);
  sqlite3_create_function(db, "test_unsafe", 1, SQLITE_UTF8, NULL, test_unsafe, NULL, NULL);
  return db;
}

/* Appends one result row as text: columns joined by '|', NULL as NULL. */
static void append_row(buffer *out, sqlite3_stmt *stmt) {
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
        buffer_append(out, text, (size_t)sqlite3_column_bytes(stmt, i));
      }
    }
  }
  buffer_text(out, "\n");
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
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) append_row(rows, stmt);
    if (rc != SQLITE_DONE) {
      buffer_text(error, sqlite3_errmsg(db));
      sqlite3_finalize(stmt);
      return 0;
    }
    sqlite3_finalize(stmt);
  }
  return 1;
}

static void run_in_process(unit_list *list, const char *extension) {
  sqlite3 *db = open_database(NULL, ":memory:");
  printf("# SQLite %s, in-process\n", sqlite3_libversion());
  for (size_t i = 0; i < list->count; i++) {
    unit *u = &list->units[i];
    const char *text = buffer_str(&u->text);
    if (u->kind == UNIT_DOT && starts_with(text, ".load")) {
      const char *arg = text + 5;
      while (*arg == ' ') arg++;
      const char *path = *arg ? arg : extension;
      char *error = NULL;
      if (path == NULL) bail(".load without a path and BACKPAIN_EXT is not set");
      if (sqlite3_load_extension(db, path, NULL, &error) != SQLITE_OK) {
        bail("cannot load %s: %s", path, error ? error : "?");
      }
    } else if (u->kind == UNIT_DOT && starts_with(text, ".open ")) {
      db = open_database(db, text + 6);
    } else if (u->kind == UNIT_DOT && starts_with(text, ".read ")) {
      char *sql = read_file(text + 6);
      char *error = NULL;
      if (sql == NULL) bail("cannot read %s (line %d)", text + 6, u->line);
      if (sqlite3_exec(db, sql, NULL, NULL, &error) != SQLITE_OK) {
        bail("%s (line %d): %s", text, u->line, error ? error : "?");
      }
      free(sql);
    } else if (u->kind == UNIT_DOT) {
      bail("unknown dot-command at line %d: %s", u->line, text);
    } else {
      u->ran = 1;
      u->ok = run_sql(db, text, &u->rows, &u->error);
    }
  }
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
  buffer_text(&s, ".mode list\n.separator |\n.nullvalue NULL\n.headers off\n"
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
          list->units[i].ok = 0;
          buffer_append(&list->units[i].error, message + 2, len - (size_t)(message + 2 - p));
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

static void report_unit(report_state *r, const unit *u) {
  const char *rows = buffer_str(&u->rows), *error = buffer_str(&u->error);
  const char *want = buffer_str(&u->want);
  if (!u->ran) {
    if (u->expect != EXPECT_NOTHING) {
      report(r, 1, u->name, u->line, "test_unsafe() is registered by sqltap only");
    }
    return;
  }
  switch (u->expect) {
    case EXPECT_NOTHING:
      if (!u->ok) {
        report(r, 0, "set-up statement failed", u->line, NULL);
        diag_lines("error: ", error);
      }
      break;
    case EXPECT_ROWS:
    case EXPECT_ROWS_PART: {
      int match = u->expect == EXPECT_ROWS ? strcmp(rows, want) == 0 : strstr(rows, want) != NULL;
      report(r, u->ok && match, u->name, u->line, NULL);
      if (!u->ok) {
        diag_lines("error: ", error);
      } else if (!match) {
        diag_lines("got:  ", rows[0] ? rows : "(no rows)\n");
        diag_lines(u->expect == EXPECT_ROWS ? "want: " : "want, within: ",
                   want[0] ? want : "(no rows)\n");
      }
      break;
    }
    case EXPECT_ERROR:
    case EXPECT_ERROR_PART: {
      int pass = !u->ok && (u->expect == EXPECT_ERROR ? strcmp(error, want) == 0
                                                       : strstr(error, want) != NULL);
      report(r, pass, u->name, u->line, NULL);
      if (u->ok) {
        diag_lines("no error; rows: ", rows[0] ? rows : "(none)\n");
      } else if (!pass) {
        diag_lines("got error:  ", error);
      }
      if (!pass) diag_lines("want error: ", want);
      break;
    }
  }
}

int main(int argc, char **argv) {
  const char *shell = NULL;
  int arg = 1;
  if (argc == 4 && strcmp(argv[1], "--cli") == 0) {
    shell = argv[2];
    arg = 3;
  } else if (argc != 2) {
    fprintf(stderr, "usage: sqltap [--cli SHELL] FILE.test\n");
    return 2;
  }
  const char *path = argv[arg];
  const char *extension = getenv("BACKPAIN_EXT");
  char *source = read_file(path);
  if (source == NULL) bail("cannot read %s", path);
  unit_list list = {0};
  parse_cases(source, path, &list);
  if (shell != NULL) {
    run_through_shell(&list, shell, extension);
  } else {
    run_in_process(&list, extension);
  }
  report_state r = {path, 0, 0};
  for (size_t i = 0; i < list.count; i++) report_unit(&r, &list.units[i]);
  printf("1..%d\n", r.tests);
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
  return r.failures == 0 ? 0 : 1;
}
