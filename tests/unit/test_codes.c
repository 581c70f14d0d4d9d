/*
** test_codes.c: the code tables and product names are real, by the
** official lists extracted in fixtures/codes/ (no SQLite):
**   ICD-10-CM  every code of bp_icd10cm_codes exists in the CMS order files
**              FY2016-FY2026 with the fiscal years the row says; every code
**              of the covered families is decided by a rule; every code a
**              class rule covers is in the table; no rule is dead; the
**              table is sorted; icd10_class gives each its rule's class
**   CPT/HCPCS  every code of bp_procedure_codes is in an official list;
**              every real code of the contract's ranges maps, and the
**              codes of those ranges that do not exist do not
**   products   every brand whose source is the Orange Book is a trade name
**              there, of a product of its ingredient; every Orange Book
**              trade name of the eight ingredients is known, except the
**              deliberate exclusions
** Run from the repository root (make test does).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bp_common.h"
#include "../support/test_util.h"
#include "bp_content_codes.h"
#include "bp_content_interventions.h"
#include "bp_content_relaxant.h"
#include "bp_icd10.h"
#include "bp_intervention.h"
#include "tap.h"

#define ICD10_EXTRACT "fixtures/codes/icd10cm_extract.tsv"
#define PROCEDURE_EXTRACT "fixtures/codes/procedure_codes_extract.tsv"
#define ORANGE_BOOK_EXTRACT "fixtures/codes/orange_book_relaxants.txt"
#define LINES_MAX 4096
#define FIELDS_MAX 16

/* A file split into lines, each split into fields at `separator`. */
typedef struct {
  char *text;
  size_t count;
  char *fields[LINES_MAX][FIELDS_MAX];
  size_t field_count[LINES_MAX];
} table;

static int load(table *t, const char *path, char separator) {
  memset(t, 0, sizeof(*t));
  t->text = read_file(path);
  if (t->text == NULL) return 0;
  char *line = t->text;
  while (*line != '\0' && t->count < LINES_MAX) {
    char *end = strchr(line, '\n');
    if (end != NULL) *end = '\0';
    size_t length = strlen(line);
    if (length > 0 && line[length - 1] == '\r') line[length - 1] = '\0';
    char *field = line;
    size_t n = 0;
    for (;;) {
      char *next = strchr(field, separator);
      if (next != NULL) *next = '\0';
      if (n < FIELDS_MAX) t->fields[t->count][n++] = field;
      if (next == NULL) break;
      field = next + 1;
    }
    t->field_count[t->count++] = n;
    if (end == NULL) break;
    line = end + 1;
  }
  return 1;
}

/* The longest-prefix rule of a code, or -1. */
static long rule_of(const char *code) {
  long best = -1;
  size_t best_length = 0;
  for (size_t r = 0; r < bp_icd10_rule_count; r++) {
    size_t length = strlen(bp_icd10_rules[r].prefix);
    if (length > best_length && strncmp(code, bp_icd10_rules[r].prefix, length) == 0) {
      best = (long)r;
      best_length = length;
    }
  }
  return best;
}

static long table_row_of(const char *code) {
  for (size_t r = 0; r < bp_icd10cm_code_count; r++) {
    if (strcmp(bp_icd10cm_codes[r].code, code) == 0) return (long)r;
  }
  return -1;
}

static int same_text(const char *a, const char *b) {
  return (a == NULL || b == NULL) ? a == b : strcmp(a, b) == 0;
}

static void test_icd10(void) {
  static table t;
  if (!tap_ok(load(&t, ICD10_EXTRACT, '\t') && t.count > 2000, "read %s (%zu lines)", ICD10_EXTRACT,
              t.count)) {
    return;
  }
  size_t undecided = 0, missing = 0, classified = 0, wrong_years = 0, wrong_class = 0;
  static int rule_used[BP_ICD10_RULES_MAX];
  static int row_found[BP_ICD10CM_CODES_MAX];
  for (size_t i = 1; i < t.count; i++) {
    if (t.field_count[i] < 5) continue;
    const char *code = t.fields[i][0];
    long rule = rule_of(code);
    if (rule < 0) {
      if (undecided++ < 5) tap_diag("no rule decides %s", code);
      continue;
    }
    rule_used[rule] = 1;
    const char *class_name = bp_icd10_rules[rule].class_name;
    long row = table_row_of(code);
    if (class_name == NULL) continue;
    classified++;
    if (row < 0) {
      if (missing++ < 5)
        tap_diag("%s has class %s but is not in bp_icd10cm_codes", code, class_name);
      continue;
    }
    row_found[row] = 1;
    if (bp_icd10cm_codes[row].first_fy != atoi(t.fields[i][1]) ||
        bp_icd10cm_codes[row].last_fy != atoi(t.fields[i][2])) {
      if (wrong_years++ < 5) tap_diag("%s: fiscal years differ from the order files", code);
    }
    /* the recogniser agrees, with and without the dot */
    char dotted[16];
    snprintf(dotted, sizeof(dotted), "%.3s.%s", code, code + 3);
    if (!same_text(bp_icd10_class(code, strlen(code)), class_name) ||
        (strlen(code) > 3 && !same_text(bp_icd10_class(dotted, strlen(dotted)), class_name))) {
      if (wrong_class++ < 5) tap_diag("icd10_class(%s) is not %s", code, class_name);
    }
  }
  tap_is_int((long long)undecided, 0, "every code of the covered families is decided by a rule");
  tap_is_int((long long)missing, 0, "every code a class rule covers is in bp_icd10cm_codes");
  tap_is_int((long long)wrong_years, 0, "every row's fiscal years are those of the order files");
  tap_is_int((long long)wrong_class, 0, "icd10_class gives every real code its rule's class");
  tap_is_int((long long)classified, (long long)bp_icd10cm_code_count,
             "as many classified codes in the order files as rows in the table");
  size_t not_real = 0, dead = 0, unsorted = 0;
  for (size_t r = 0; r < bp_icd10cm_code_count; r++) {
    if (!row_found[r] && not_real++ < 5)
      tap_diag("%s is not in the order files", bp_icd10cm_codes[r].code);
    if (r > 0 && strcmp(bp_icd10cm_codes[r - 1].code, bp_icd10cm_codes[r].code) >= 0) unsorted++;
  }
  for (size_t r = 0; r < bp_icd10_rule_count; r++) {
    if (!rule_used[r] && dead++ < 5)
      tap_diag("rule %s decides no real code", bp_icd10_rules[r].prefix);
  }
  tap_is_int((long long)not_real, 0, "every code of bp_icd10cm_codes exists in the order files");
  tap_is_int((long long)dead, 0, "every rule decides at least one real code");
  tap_is_int((long long)unsorted, 0, "bp_icd10cm_codes is sorted, without duplicates");
  free(t.text);
}

/* The contract's billing codes (API 3), written out again by hand. */
static const struct {
  const char *first, *last;
  const char *intervention;
} contract_ranges[] = {
    {"97110", "97110", "exercise_therapy"},
    {"97124", "97124", "massage"},
    {"98940", "98942", "spinal_manipulation"},
    {"97010", "97010", "heat_therapy"},
    {"E0720", "E0720", "tens"},
    {"E0730", "E0730", "tens"},
    {"L0625", "L0651", "lumbar_support"},
    {"97810", "97814", "acupuncture"},
};

static void test_procedures(void) {
  static table t;
  if (!tap_ok(load(&t, PROCEDURE_EXTRACT, '\t') && t.count > 100, "read %s (%zu lines)",
              PROCEDURE_EXTRACT, t.count)) {
    return;
  }
  size_t unlisted = 0;
  for (size_t r = 0; r < bp_procedure_code_count; r++) {
    const char *code = bp_procedure_codes[r].code;
    int listed = 0;
    for (size_t i = 1; i < t.count; i++) {
      if (t.field_count[i] < 5 || strcmp(t.fields[i][0], code) != 0) continue;
      /* CPT: in Addendum B; HCPCS Level II: in a HCPCS file and Addendum B */
      int in_addendum = strcmp(t.fields[i][4], "1") == 0;
      int in_hcpcs = strcmp(t.fields[i][1], "1") == 0 || strcmp(t.fields[i][2], "1") == 0 ||
                     strcmp(t.fields[i][3], "1") == 0;
      listed = code[0] >= '0' && code[0] <= '9' ? in_addendum : in_addendum && in_hcpcs;
    }
    if (!listed) {
      unlisted++;
      tap_diag("%s is in no official list of the extract", code);
    }
  }
  tap_is_int((long long)unlisted, 0, "every billing code of the table is real");
  /* Every code of a contract range: real ones map, the others do not. */
  for (size_t k = 0; k < BP_COUNT(contract_ranges); k++) {
    char letter = contract_ranges[k].first[0];
    int low = atoi(contract_ranges[k].first + (letter > '9')),
        high = atoi(contract_ranges[k].last + (letter > '9'));
    size_t real = 0, wrong = 0;
    for (int number = low; number <= high; number++) {
      char code[8];
      if (letter > '9') {
        snprintf(code, sizeof(code), "%c%04d", letter, number);
      } else {
        snprintf(code, sizeof(code), "%05d", number);
      }
      int exists = 0;
      for (size_t i = 1; i < t.count; i++) {
        if (t.field_count[i] >= 5 && strcmp(t.fields[i][0], code) == 0) exists = 1;
      }
      bp_intervention got;
      int found = bp_intervention_from_text(code, strlen(code), &got);
      const char *got_id = found ? bp_interventions[got].id : NULL;
      real += exists;
      if (!same_text(got_id, exists ? contract_ranges[k].intervention : NULL)) {
        wrong++;
        tap_diag("%s (%s) gives %s", code, exists ? "real" : "not real", got_id ? got_id : "NULL");
      }
    }
    tap_ok(wrong == 0 && real > 0, "%s-%s: the %zu real codes map to %s, no other code does",
           contract_ranges[k].first, contract_ranges[k].last, real,
           contract_ranges[k].intervention);
  }
  free(t.text);
}

/* Orange Book trade names the tables leave out on purpose (see
** bp_content_relaxant.c). */
static const char *const excluded_trade_names[] = {"DISIPAL"};

static int is_generic_name(const char *trade_name) {
  static const char *const ingredients[] = {"CYCLOBENZAPRINE", "CARISOPRODOL", "METHOCARBAMOL",
                                            "METAXALONE",      "TIZANIDINE",   "CHLORZOXAZONE",
                                            "ORPHENADRINE",    "BACLOFEN"};
  for (size_t i = 0; i < BP_COUNT(ingredients); i++) {
    if (strncmp(trade_name, ingredients[i], strlen(ingredients[i])) == 0) return 1;
  }
  return 0;
}

/* 1 if the lower-case word equals the first word of the upper-case name. */
static int first_word_is(const char *name, const char *word) {
  size_t i = 0;
  for (; word[i] != '\0'; i++) {
    if (name[i] == '\0' || name[i] != word[i] - 'a' + 'A') return 0;
  }
  return name[i] == '\0' || name[i] == ' ' || name[i] == '-';
}

static void test_orange_book(void) {
  static table t;
  if (!tap_ok(load(&t, ORANGE_BOOK_EXTRACT, '~') && t.count > 400, "read %s (%zu lines)",
              ORANGE_BOOK_EXTRACT, t.count)) {
    return;
  }
  size_t not_found = 0, brands = 0;
  for (size_t r = 0; r < bp_relaxant_name_count; r++) {
    if (strncmp(bp_relaxant_names[r].source, "FDA Orange Book", 15) != 0) continue;
    brands++;
    const char *word = bp_relaxant_names[r].name.tokens[0];
    char ingredient[32];
    size_t n = strlen(bp_relaxant_names[r].ingredient);
    for (size_t i = 0; i <= n; i++)
      ingredient[i] = (char)(bp_relaxant_names[r].ingredient[i] & ~0x20);
    int found = 0;
    for (size_t i = 1; i < t.count; i++) {
      if (t.field_count[i] >= 3 && first_word_is(t.fields[i][2], word) &&
          strstr(t.fields[i][0], ingredient) != NULL) {
        found = 1;
      }
    }
    if (!found) {
      not_found++;
      tap_diag("%s is no Orange Book trade name of %s", word, bp_relaxant_names[r].ingredient);
    }
  }
  tap_ok(not_found == 0 && brands >= 20, "every Orange Book brand of the table is there (%zu)",
         brands);
  size_t unknown = 0;
  for (size_t i = 1; i < t.count; i++) {
    if (t.field_count[i] < 3 || is_generic_name(t.fields[i][2])) continue;
    int known = 0;
    for (size_t e = 0; e < BP_COUNT(excluded_trade_names); e++) {
      if (strcmp(t.fields[i][2], excluded_trade_names[e]) == 0) known = 1;
    }
    for (size_t r = 0; r < bp_relaxant_name_count && !known; r++) {
      if (first_word_is(t.fields[i][2], bp_relaxant_names[r].name.tokens[0])) known = 1;
    }
    if (!known && unknown++ < 5) tap_diag("Orange Book trade name %s is unknown", t.fields[i][2]);
  }
  tap_is_int((long long)unknown, 0,
             "every Orange Book trade name is known or deliberately left out");
  free(t.text);
}

int main(void) {
  test_icd10();
  test_procedures();
  test_orange_book();
  return tap_done();
}
