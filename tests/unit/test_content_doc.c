/*
** test_content_doc.c: docs/clinical-content.md against the evidence table
** of the code (no SQLite). The document's table of evidence rows, the one
** whose header starts with
**   | id | intervention | population | effect | quality | recommendation |
** must hold every row of bp_evidence_rows exactly once, and no other, with
** the same intervention, population, effect, quality and recommendation,
** and a text in its last column ("summary, and why the row differs")
** exactly where the row has a note ("-" where the note is NULL).
**
** Run from the repository root (as make test does); the path can be
** overridden with BACKPAIN_CONTENT_DOC.
*/
#include <stdlib.h>
#include <string.h>

#include "bp_common.h"
#include "bp_content_evidence.h"
#include "support/test_util.h"
#include "tap.h"

#define HEADER "| id | intervention | population | effect | quality | recommendation |"
#define MAX_CELLS 12
#define CELL_SIZE 64

enum {
  CELL_ID,
  CELL_INTERVENTION,
  CELL_POPULATION,
  CELL_EFFECT,
  CELL_QUALITY,
  CELL_RECOMMENDATION
};
#define CELL_SOURCE 6
#define CELL_SUMMARY 7
#define CELLS_NEEDED 8

typedef struct {
  char cell[MAX_CELLS][CELL_SIZE]; /* cut to CELL_SIZE - 1; the long ones are only tested empty */
  size_t count;
  int summary_empty; /* the last column is "-" or blank */
} doc_row;

/* Splits one table line "| a | `b` | c |" into trimmed cells without
** backticks. Returns the number of cells. */
static size_t split_row(const char *line, size_t length, doc_row *row) {
  row->count = 0;
  size_t i = 0;
  while (i < length && line[i] != '|') i++;
  while (i < length && row->count < MAX_CELLS) {
    size_t start = ++i;
    while (i < length && line[i] != '|') i++;
    if (i >= length) break; /* text after the last '|' is no cell */
    size_t end = i;
    while (start < end && (line[start] == ' ' || line[start] == '`')) start++;
    while (end > start && (line[end - 1] == ' ' || line[end - 1] == '`')) end--;
    size_t n = end - start < CELL_SIZE - 1 ? end - start : CELL_SIZE - 1;
    memcpy(row->cell[row->count], line + start, n);
    row->cell[row->count][n] = '\0';
    if (row->count == CELL_SUMMARY) {
      row->summary_empty = end == start || (end - start == 1 && line[start] == '-');
    }
    row->count++;
  }
  return row->count;
}

static const bp_evidence *code_row(const char *id) {
  for (size_t r = 0; r < bp_evidence_count; r++) {
    if (strcmp(bp_evidence_rows[r].id, id) == 0) return &bp_evidence_rows[r];
  }
  return NULL;
}

/* 1 if the document's row says what the code's row says; else a
** diagnostic for each difference. */
static int row_agrees(const doc_row *d, const bp_evidence *e) {
  static const char *const names[] = {"id",     "intervention", "population",
                                      "effect", "quality",      "recommendation"};
  const char *code[] = {e->id,     e->intervention, e->population,
                        e->effect, e->quality,      e->recommendation};
  int ok = 1;
  for (int c = CELL_INTERVENTION; c <= CELL_RECOMMENDATION; c++) {
    if (strcmp(d->cell[c], code[c]) != 0) {
      tap_diag("%s: the doc says %s %s, the code %s", e->id, names[c], d->cell[c], code[c]);
      ok = 0;
    }
  }
  if (d->summary_empty != (e->note == NULL)) {
    tap_diag("%s: the doc %s, the code %s", e->id,
             d->summary_empty ? "gives no difference from the summary" : "gives a difference",
             e->note == NULL ? "has no note" : "has a note");
    ok = 0;
  }
  return ok;
}

/* Checks the document's table against the code. Returns the number of
** problems found; *rows is the number of table rows read. quiet: no
** diagnostic for rows the document lacks. */
static int check_doc(const char *text, size_t *rows, int quiet) {
  int problems = 0;
  size_t seen[256] = {0};
  *rows = 0;
  if (bp_evidence_count > BP_COUNT(seen)) return 1;
  const char *table = strstr(text, HEADER);
  if (table == NULL) {
    tap_diag("no table with the header %s", HEADER);
    return 1;
  }
  const char *line = strchr(table, '\n');
  int separator = 1;
  while (line != NULL && line[1] == '|') {
    line++;
    const char *end = strchr(line, '\n');
    size_t length = end != NULL ? (size_t)(end - line) : strlen(line);
    doc_row d;
    memset(&d, 0, sizeof(d));
    if (separator) { /* | --- | --- | ... */
      separator = 0;
    } else if (split_row(line, length, &d) < CELLS_NEEDED) {
      tap_diag("a table line has %zu cells, not %d: %.40s", d.count, CELLS_NEEDED, line);
      problems++;
    } else {
      (*rows)++;
      const bp_evidence *e = code_row(d.cell[CELL_ID]);
      if (e == NULL) {
        if (!quiet) tap_diag("the doc lists %s, which the code does not have", d.cell[CELL_ID]);
        problems++;
      } else {
        if (seen[e - bp_evidence_rows]++ > 0) {
          tap_diag("the doc lists %s twice", e->id);
          problems++;
        }
        if (!row_agrees(&d, e)) problems++;
      }
    }
    line = end;
  }
  for (size_t r = 0; r < bp_evidence_count; r++) {
    if (seen[r] == 0) {
      if (!quiet) tap_diag("the code has %s, which the doc does not list", bp_evidence_rows[r].id);
      problems++;
    }
  }
  return problems;
}

/* The checker on rows and a table written by hand, so that a checker that
** accepts everything, or nothing, fails. The rows are compared with a row
** made up here, not with the content, so that these checks do not move
** when the content does. */
static void test_checker(void) {
  const bp_evidence made_up = {
      "made_up", "tens",  "physical_modality", "chronic",     NULL, "pain", "none",
      "low",     "avoid", "Made up.",          "Nobody 2026", NULL};
  doc_row d;
  memset(&d, 0, sizeof(d));
  const char *good = "| `made_up` | `tens` | `chronic` | `none` | `low` | `avoid` | x | - |";
  tap_is_int((long long)split_row(good, strlen(good), &d), 8, "a row splits into 8 cells");
  tap_is_str(d.cell[CELL_ID], "made_up", "backticks and spaces are trimmed");
  tap_ok(d.summary_empty, "a last column of - is empty");
  tap_ok(row_agrees(&d, &made_up), "a row that agrees is accepted");

  const char *bad_quality = "| made_up | tens | chronic | none | insufficient | avoid | x | - |";
  split_row(bad_quality, strlen(bad_quality), &d);
  tap_ok(!row_agrees(&d, &made_up), "a row whose quality differs is refused");

  const char *bad_effect = "| made_up | tens | chronic | small | low | avoid | x | - |";
  split_row(bad_effect, strlen(bad_effect), &d);
  tap_ok(!row_agrees(&d, &made_up), "a row whose effect differs is refused");

  const char *bad_note = "| made_up | tens | chronic | none | low | avoid | x | differs |";
  split_row(bad_note, strlen(bad_note), &d);
  tap_ok(!d.summary_empty && !row_agrees(&d, &made_up),
         "a difference from the summary where the row has no note is refused");

  /* A whole table with one row the code does not have: that row, and every
  ** row of the code, are reported. */
  char table[512];
  snprintf(table, sizeof(table), "%s source | x |\n| --- |\n%s\n\nafter\n", HEADER, good);
  size_t rows;
  tap_is_int(check_doc(table, &rows, 1), (long long)bp_evidence_count + 1,
             "a table with one unknown row: it and every row of the code are reported");
  tap_is_int((long long)rows, 1, "and only the table's one row is read");
}

int main(void) {
  test_checker();

  const char *path = getenv("BACKPAIN_CONTENT_DOC");
  if (path == NULL) path = "docs/clinical-content.md";
  char *text = read_file(path);
  tap_ok(text != NULL, "%s can be read (run from the repository root)", path);
  if (text != NULL) {
    size_t rows;
    int problems = check_doc(text, &rows, 0);
    tap_is_int((long long)rows, (long long)bp_evidence_count,
               "the doc's evidence table has one line per row of the code");
    tap_is_int(problems, 0,
               "every row of the doc's table agrees with the code: id, intervention, population, "
               "effect, quality, recommendation, and a difference exactly where there is a note");
    free(text);
  }
  return tap_done();
}
