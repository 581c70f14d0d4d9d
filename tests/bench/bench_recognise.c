/*
** bench_recognise.c: the recognisers against what an analyst's query costs
** anyway, in one process, in-engine (SELECT count(f(x)) FROM t, so that
** moving results to a client hides nothing):
**
**   relaxant_ingredient(x)  vs  lower(x)  over 200,000 drug strings: RxNorm
**                           style names, brands, ATC codes, non-relaxants,
**                           Unicode and Latin-1 spellings, Tonmya
**   intervention_code(x)    vs  lower(x)  over 200,000 procedure texts and
**                           CPT/HCPCS codes, some negated
**   icd10_class(x)          vs  lower(x)  over 200,000 diagnosis codes
**
** The two queries of a pair run alternately, RUNS times; the ratio printed
** is the median of the per-round ratios (so that a colleague's job
** slowing one round down slows both queries of it), with the goal,
** and the times are the medians of each query. Figures
** only: nothing is asserted about speed. The first query of each kind also
** checks a few answers (exit 1 if wrong), so a fast wrong recogniser
** cannot pass for a fast one.
*/
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bp_common.h"
#include "../support/test_util.h"
#include "bench_open.h"

#define ROWS 200000
#define RUNS 9

static const char *const drugs[] = {
    "Cyclobenzaprine HCl 10 MG Oral Tablet",
    "cyclobenzaprine hydrochloride 5 MG Oral Tablet",
    "24 HR cyclobenzaprine hydrochloride 15 MG Extended Release Oral Capsule",
    "FLEXERIL 10mg",
    "Amrix\xc2\xae 15 mg ER capsule",
    "methocarbamol 750 MG Oral Tablet",
    "Robaxin-750",
    "tiZANidine 4 MG Oral Tablet",
    "Zanaflex 2 mg capsule",
    "Carisoprodol 350 MG Oral Tablet",
    "\xe2\x80\x9cSoma\xe2\x80\x9d 350",
    "baclofen 10 MG Oral Tablet",
    "baclofen\xc2\xa0"
    "20 mg",
    "metaxalone 800 MG Oral Tablet",
    "Skelaxin\xe2\x84\xa2 800",
    "chlorzoxazone 500 MG Oral Tablet",
    "orphenadrine citrate 100 MG 12HR Extended Release Oral Tablet",
    "M03BX08",
    "Tonmya (cyclobenzaprine) 2.8 mg SL",
    "ibuprofen 800 MG Oral Tablet",
    "naproxen 500 MG Oral Tablet",
    "acetaminophen 500 MG Oral Tablet",
    "lisinopril 10 MG Oral Tablet",
    "metformin hydrochloride 500 MG Oral Tablet",
    "atorvastatin 20 MG Oral Tablet",
    "traMADol HCl 50 MG Oral Tablet",
    "DULoxetine 30 MG Delayed Release Oral Capsule",
    "gabapentin 300 MG Oral Capsule",
    "amLODIPine 5 MG Oral Tablet",
    "omeprazole 20 MG Delayed Release Oral Capsule",
    "prednisone 10 MG Oral Tablet",
    "sertraline 50 MG Oral Tablet",
};

static const char *const procedures[] = {
    "97110",
    "97124",
    "98941",
    "97010",
    "E0720",
    "L0631",
    "97813",
    "99213",
    "99214",
    "Physical therapy - therapeutic exercise",
    "heating pad",
    "chiropractic adjustment",
    "back brace",
    "TENS unit",
    "TENS unit declined",
    "Iyengar yoga",
    "mindfulness-based stress reduction",
    "massage therapy 30 min",
    "no massage",
    "acupuncture, 4 needles",
    "Office visit, established patient",
    "X-ray lumbar spine 2 views",
    "MRI lumbar spine without contrast",
    "Influenza vaccine",
    "CPT 97110 therapeutic exercise x 15 min",
    "cognitive behavioural therapy session",
    "lumbar support belt",
    "Tai Chi class",
};

static const char *const diagnoses[] = {
    "M54.50",  "M54.5", "M54.59", "M54.51",   "M62.830", "M54.41", "M54.16", "M51.26",
    "M48.062", "G83.4", "C79.51", "S32.010A", "I10",     "E11.9",  "J06.9",  "Z00.00",
    "M25.561", "R51.9", "M54.2",  "M62838",   "m5450",   "M54.39", "K21.9",  "F41.1",
};

static void fail(sqlite3 *db, const char *what) {
  fprintf(stderr, "bench_recognise: %s: %s\n", what, sqlite3_errmsg(db));
  exit(2);
}

static double run(sqlite3 *db, const char *sql, long long *result) {
  sqlite3_stmt *stmt;
  double start = now_seconds();
  if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) != SQLITE_OK) fail(db, sql);
  if (sqlite3_step(stmt) != SQLITE_ROW) fail(db, sql);
  *result = sqlite3_column_int64(stmt, 0);
  sqlite3_finalize(stmt);
  return now_seconds() - start;
}

static void fill(sqlite3 *db, const char *table, const char *const *values, size_t count) {
  char sql[128];
  snprintf(sql, sizeof(sql), "CREATE TABLE %s(x TEXT)", table);
  if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK) fail(db, sql);
  snprintf(sql, sizeof(sql), "INSERT INTO %s VALUES (?)", table);
  sqlite3_stmt *insert;
  if (sqlite3_prepare_v2(db, sql, -1, &insert, NULL) != SQLITE_OK) fail(db, sql);
  unsigned long long state = 20261130;
  for (int i = 0; i < ROWS; i++) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    sqlite3_bind_text(insert, 1, values[(state >> 33) % count], -1, SQLITE_STATIC);
    if (sqlite3_step(insert) != SQLITE_DONE) fail(db, "insert");
    sqlite3_reset(insert);
  }
  sqlite3_finalize(insert);
}

/* Checks one answer through SQL; returns 0 when it is wrong. */
static int check(sqlite3 *db, const char *sql, const char *want) {
  sqlite3_stmt *stmt;
  if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) != SQLITE_OK) fail(db, sql);
  int ok = sqlite3_step(stmt) == SQLITE_ROW;
  const unsigned char *got = ok ? sqlite3_column_text(stmt, 0) : NULL;
  ok = ok && ((got == NULL && want == NULL) ||
              (got != NULL && want != NULL && strcmp((const char *)got, want) == 0));
  if (!ok) printf("bench_recognise: WRONG ANSWER: %s\n", sql);
  sqlite3_finalize(stmt);
  return ok;
}

static void compare(sqlite3 *db, const char *what, const char *function, const char *table,
                    const char *goal) {
  char f_sql[128], lower_sql[128];
  long long f_count, lower_count;
  snprintf(f_sql, sizeof(f_sql), "SELECT count(%s(x)) FROM %s", function, table);
  snprintf(lower_sql, sizeof(lower_sql), "SELECT count(lower(x)) FROM %s", table);
  double lower_times[RUNS], f_times[RUNS], ratios[RUNS];
  for (int i = 0; i < RUNS; i++) {
    lower_times[i] = run(db, lower_sql, &lower_count);
    f_times[i] = run(db, f_sql, &f_count);
    ratios[i] = f_times[i] / lower_times[i];
  }
  double t_lower = median_of(lower_times, RUNS), t_f = median_of(f_times, RUNS),
         ratio = median_of(ratios, RUNS);
  printf("  %-20s %8.1f ms  %6.0f ns/row  (%lld of %d recognised)\n", function, t_f * 1e3,
         t_f / ROWS * 1e9, f_count, ROWS);
  printf("  %-20s %8.1f ms  %6.0f ns/row\n", "lower", t_lower * 1e3, t_lower / ROWS * 1e9);
  printf("  %s: %s / lower = %.2fx%s\n", what, function, ratio, goal);
}

int main(void) {
  sqlite3 *db =
      bench_open("bench_recognise", ":memory:", SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
  fill(db, "drugs", drugs, BP_COUNT(drugs));
  fill(db, "procedures", procedures, BP_COUNT(procedures));
  fill(db, "diagnoses", diagnoses, BP_COUNT(diagnoses));
  sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);

  int ok = check(db, "SELECT relaxant_ingredient('Robaxin-750')", "methocarbamol") &&
           check(db, "SELECT relaxant_ingredient('ibuprofen 800 MG Oral Tablet')", NULL) &&
           check(db, "SELECT intervention_code('heating pad')", "heat_therapy") &&
           check(db, "SELECT intervention_code('99213')", NULL) &&
           check(db, "SELECT icd10_class('M54.50')", "low_back_pain");
  if (!ok) return 1;

  printf("bench_recognise: %d rows per table, median of %d runs, SQLite %s\n", ROWS, RUNS,
         sqlite3_libversion());
  compare(db, "drug strings", "relaxant_ingredient", "drugs", "  (goal: at most 1.5x)");
  compare(db, "procedures", "intervention_code", "procedures", "  (goal: at most 1.5x)");
  compare(db, "diagnosis codes", "icd10_class", "diagnoses", "");
  sqlite3_close(db);
  return 0;
}
