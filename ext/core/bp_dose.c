/*
** bp_dose.c: evaluation of the cyclobenzaprine label rules (see bp_dose.h).
*/
#include "bp_dose.h"

#include <assert.h>
#include <string.h>

/* The rule's conditions on the patient: hepatic function and age. */
static int patient_matches(const bp_dose_rule *rule, const bp_dose_facts *f) {
  if (rule->hepatic_min != BP_RULE_ANY &&
      (!f->hepatic_known || (int)f->hepatic < rule->hepatic_min ||
       (int)f->hepatic > rule->hepatic_max)) {
    return 0;
  }
  return rule->age_min == BP_RULE_ANY || (f->age_known && f->age >= rule->age_min);
}

/* The rule's conditions on the dose. */
static int dose_matches(const bp_dose_rule *rule, const bp_dose_facts *f) {
  if (rule->single_dose_above != BP_RULE_ANY && !(f->dose_mg > rule->single_dose_above)) {
    return 0;
  }
  if (rule->daily_dose_above != BP_RULE_ANY &&
      !(f->dose_mg * f->doses_per_day > rule->daily_dose_above)) {
    return 0;
  }
  return rule->doses_per_day_above == BP_RULE_ANY || f->doses_per_day > rule->doses_per_day_above;
}

size_t bp_dose_alerts(const bp_dose_facts *facts, const char *codes[BP_DOSE_MAX_ALERTS]) {
  size_t count = 0;
  for (size_t r = 0; r < bp_dose_rule_count; r++) {
    const bp_dose_rule *rule = &bp_dose_rules[r];
    if (rule->release != facts->release || !patient_matches(rule, facts) ||
        !dose_matches(rule, facts)) {
      continue;
    }
    if (count > 0 && strcmp(codes[count - 1], rule->code) == 0) continue;
    assert(count < BP_DOSE_MAX_ALERTS); /* at most one code a row, BP_DOSE_RULES_MAX rows */
    codes[count++] = rule->code;
  }
  return count;
}

const bp_dose_rule *bp_dose_rule_find(const char *code, bp_release release) {
  for (size_t r = 0; r < bp_dose_rule_count; r++) {
    if (bp_dose_rules[r].release == release && strcmp(bp_dose_rules[r].code, code) == 0) {
      return &bp_dose_rules[r];
    }
  }
  return NULL;
}

int bp_dose_rule_applies(const char *code, bp_release release, const bp_dose_facts *facts) {
  for (size_t r = 0; r < bp_dose_rule_count; r++) {
    const bp_dose_rule *rule = &bp_dose_rules[r];
    if (rule->release == release && strcmp(rule->code, code) == 0 && patient_matches(rule, facts)) {
      return 1;
    }
  }
  return 0;
}
