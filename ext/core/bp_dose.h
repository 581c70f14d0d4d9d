/*
** bp_dose.h: the cyclobenzaprine label checks behind relaxant_dose_alerts(),
** with no SQLite dependency. The rules are the rows of bp_dose_rules in
** bp_content_relaxant.c; this module only evaluates them. recommend_plan's
** relaxant rule asks the same rows, by code, about a patient's hepatic
** function and age (bp_dose_rule_applies), so each label fact has one row.
*/
#ifndef BP_DOSE_H
#define BP_DOSE_H

#include <stddef.h>

#include "bp_content_relaxant.h"

typedef struct {
  bp_release release;
  double dose_mg;       /* one dose, > 0 */
  double doses_per_day; /* >= 1 */
  int hepatic_known;
  bp_hepatic hepatic;
  int age_known;
  double age;
} bp_dose_facts;

/* Room for every code of bp_dose_rules: each row fires at most once. */
#define BP_DOSE_MAX_ALERTS BP_DOSE_RULES_MAX

/* Writes the codes of the rules that fire, in table order and each once,
** to codes[]; returns how many. */
size_t bp_dose_alerts(const bp_dose_facts *facts, const char *codes[BP_DOSE_MAX_ALERTS]);

/* The first rule with this code and release, or NULL. */
const bp_dose_rule *bp_dose_rule_find(const char *code, bp_release release);

/* 1 when a rule with this code and release has its conditions on the
** patient (hepatic function, age) hold for the facts, whatever the dose:
** the conditions on doses are not looked at. */
int bp_dose_rule_applies(const char *code, bp_release release, const bp_dose_facts *facts);

#endif
