/*
** test_dose.c: the cyclobenzaprine label rules (no SQLite). Each case was
** derived by hand from the table in docs/reference.md.
*/
#include <string.h>

#include "bp_common.h"
#include "bp_dose.h"
#include "tap.h"

enum { UNKNOWN = -1 };

typedef struct {
  const char *name;
  bp_release release;
  double dose, per_day;
  int hepatic; /* UNKNOWN or a bp_hepatic */
  double age;  /* UNKNOWN or years */
  const char *want;
} dose_case;

#define IR BP_RELEASE_IMMEDIATE
#define ER BP_RELEASE_EXTENDED

static const dose_case cases[] = {
    {"IR 10 mg x3: at the limits, nothing", IR, 10, 3, UNKNOWN, UNKNOWN, ""},
    {"IR 10.5 mg x1: single dose", IR, 10.5, 1, UNKNOWN, UNKNOWN, "above_usual_single_dose"},
    {"IR 10 mg x4: daily 40", IR, 10, 4, UNKNOWN, UNKNOWN, "above_max_daily_dose"},
    {"IR 7.5 mg x4: daily 30, not above", IR, 7.5, 4, UNKNOWN, UNKNOWN, ""},
    {"IR 5 mg, hepatic mild: start dose is fine", IR, 5, 3, BP_HEPATIC_MILD, UNKNOWN, ""},
    {"IR 7.5 mg, hepatic mild", IR, 7.5, 3, BP_HEPATIC_MILD, UNKNOWN, "hepatic_start_5mg"},
    {"IR 5 mg, hepatic moderate", IR, 5, 1, BP_HEPATIC_MODERATE, UNKNOWN,
     "hepatic_not_recommended"},
    {"IR 10 mg, hepatic severe", IR, 10, 1, BP_HEPATIC_SEVERE, UNKNOWN, "hepatic_not_recommended"},
    {"IR 10 mg, hepatic none", IR, 10, 3, BP_HEPATIC_NONE, UNKNOWN, ""},
    {"IR 10 mg, age 65", IR, 10, 3, UNKNOWN, 65, "elderly_start_5mg"},
    {"IR 10 mg, age 64.9", IR, 10, 3, UNKNOWN, 64.9, ""},
    {"IR 5 mg, age 80", IR, 5, 3, UNKNOWN, 80, ""},
    {"IR 15 mg x3, mild, age 70: four codes in order", IR, 15, 3, BP_HEPATIC_MILD, 70,
     "hepatic_start_5mg,elderly_start_5mg,above_usual_single_dose,above_max_daily_dose"},
    {"IR 15 mg x3, severe, age 70", IR, 15, 3, BP_HEPATIC_SEVERE, 70,
     "hepatic_not_recommended,elderly_start_5mg,above_usual_single_dose,"
     "above_max_daily_dose"},
    {"ER 15 mg x1: nothing", ER, 15, 1, UNKNOWN, UNKNOWN, ""},
    {"ER 30 mg x1: at the limit", ER, 30, 1, UNKNOWN, UNKNOWN, ""},
    {"ER 15 mg x2: more than one dose a day", ER, 15, 2, UNKNOWN, UNKNOWN, "above_max_daily_dose"},
    {"ER 45 mg x1", ER, 45, 1, UNKNOWN, UNKNOWN, "above_usual_single_dose,above_max_daily_dose"},
    {"ER 15 mg, hepatic mild", ER, 15, 1, BP_HEPATIC_MILD, UNKNOWN, "hepatic_not_recommended"},
    {"ER 15 mg, hepatic none", ER, 15, 1, BP_HEPATIC_NONE, UNKNOWN, ""},
    {"ER 15 mg, age 65", ER, 15, 1, UNKNOWN, 65, "elderly_er_not_recommended"},
    {"ER 15 mg, age 64", ER, 15, 1, UNKNOWN, 64, ""},
    {"ER 10 mg, mild: no IR-only 5 mg rule", ER, 10, 1, BP_HEPATIC_MILD, 70,
     "hepatic_not_recommended,elderly_er_not_recommended"},
};

/* The rules asked by code about a patient alone (recommend_plan's relaxant
** rule): the dose conditions are not looked at, an unknown fact never
** matches, each release has its own rows. */
static void test_patient_conditions(void) {
  bp_dose_facts f;
  memset(&f, 0, sizeof(f));
  f.release = BP_RELEASE_IMMEDIATE;
  f.hepatic_known = 1;
  f.hepatic = BP_HEPATIC_MODERATE;
  tap_ok(bp_dose_rule_applies("hepatic_not_recommended", BP_RELEASE_IMMEDIATE, &f) &&
             !bp_dose_rule_applies("hepatic_start_5mg", BP_RELEASE_IMMEDIATE, &f),
         "IR, hepatic moderate: not recommended, not the mild rule");
  f.hepatic = BP_HEPATIC_MILD;
  tap_ok(!bp_dose_rule_applies("hepatic_not_recommended", BP_RELEASE_IMMEDIATE, &f) &&
             bp_dose_rule_applies("hepatic_start_5mg", BP_RELEASE_IMMEDIATE, &f),
         "IR, hepatic mild: the mild rule applies with no dose given (its dose > 5 is ignored)");
  f.release = BP_RELEASE_EXTENDED;
  tap_ok(bp_dose_rule_applies("hepatic_not_recommended", BP_RELEASE_EXTENDED, &f),
         "ER, hepatic mild: not recommended (the ER row)");
  f.release = BP_RELEASE_IMMEDIATE;
  f.hepatic_known = 0;
  tap_ok(!bp_dose_rule_applies("hepatic_start_5mg", BP_RELEASE_IMMEDIATE, &f),
         "hepatic not known: no hepatic rule applies");
  f.age_known = 1;
  f.age = 65;
  tap_ok(bp_dose_rule_applies("elderly_start_5mg", BP_RELEASE_IMMEDIATE, &f), "age 65: elderly");
  f.age = 64.9;
  tap_ok(!bp_dose_rule_applies("elderly_start_5mg", BP_RELEASE_IMMEDIATE, &f),
         "age 64.9: not elderly");
  tap_ok(!bp_dose_rule_applies("no_such_code", BP_RELEASE_IMMEDIATE, &f),
         "an unknown code never applies");
  const bp_dose_rule *rule = bp_dose_rule_find("elderly_start_5mg", BP_RELEASE_IMMEDIATE);
  tap_ok(rule != NULL && rule->age_min == 65 && rule->single_dose_above == 5,
         "bp_dose_rule_find: elderly_start_5mg is age >= 65 and dose > 5 mg");
  tap_ok(bp_dose_rule_find("elderly_start_5mg", BP_RELEASE_EXTENDED) == NULL &&
             bp_dose_rule_find("hepatic_not_recommended", BP_RELEASE_EXTENDED) != NULL,
         "bp_dose_rule_find keeps the releases apart");
}

int main(void) {
  for (size_t i = 0; i < BP_COUNT(cases); i++) {
    const dose_case *c = &cases[i];
    bp_dose_facts f;
    const char *codes[BP_DOSE_MAX_ALERTS];
    char joined[512] = "";
    memset(&f, 0, sizeof(f));
    f.release = c->release;
    f.dose_mg = c->dose;
    f.doses_per_day = c->per_day;
    f.hepatic_known = c->hepatic != UNKNOWN;
    f.hepatic = f.hepatic_known ? (bp_hepatic)c->hepatic : BP_HEPATIC_NONE;
    f.age_known = c->age != UNKNOWN;
    f.age = c->age;
    size_t n = bp_dose_alerts(&f, codes);
    for (size_t k = 0; k < n; k++) {
      if (k) strcat(joined, ",");
      strcat(joined, codes[k]);
    }
    tap_is_str(joined, c->want, "%s", c->name);
  }
  /* Invariant of the content table: distinct codes fit the output array,
  ** and rows of one code are adjacent (so each is reported once). */
  size_t distinct = 0;
  int adjacent = 1;
  for (size_t r = 0; r < bp_dose_rule_count; r++) {
    if (r > 0 && strcmp(bp_dose_rules[r].code, bp_dose_rules[r - 1].code) == 0) continue;
    distinct++;
    for (size_t q = 0; q + 1 < r; q++) {
      if (strcmp(bp_dose_rules[q].code, bp_dose_rules[r].code) == 0) adjacent = 0;
    }
  }
  tap_ok(distinct <= BP_DOSE_MAX_ALERTS && adjacent,
         "rule table: %zu distinct codes, rows of one code adjacent", distinct);
  test_patient_conditions();
  return tap_done();
}
