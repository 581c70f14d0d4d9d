/*
** bp_dose.c: evaluation of the cyclobenzaprine label rules (see bp_dose.h).
*/
#include "bp_dose.h"

#include <string.h>

static int rule_fires(const bp_dose_rule *rule, const bp_dose_facts *f) {
  if (rule->release != f->release) return 0;
  if (rule->hepatic_min != BP_RULE_ANY &&
      (!f->hepatic_known || (int)f->hepatic < rule->hepatic_min ||
       (int)f->hepatic > rule->hepatic_max)) {
    return 0;
  }
  if (rule->age_min != BP_RULE_ANY && (!f->age_known || f->age < rule->age_min)) {
    return 0;
  }
  if (rule->single_dose_above != BP_RULE_ANY && !(f->dose_mg > rule->single_dose_above)) {
    return 0;
  }
  if (rule->daily_dose_above != BP_RULE_ANY &&
      !(f->dose_mg * f->doses_per_day > rule->daily_dose_above)) {
    return 0;
  }
  if (rule->doses_per_day_above != BP_RULE_ANY && !(f->doses_per_day > rule->doses_per_day_above)) {
    return 0;
  }
  return 1;
}

size_t bp_dose_alerts(const bp_dose_facts *facts, const char *codes[BP_DOSE_MAX_ALERTS]) {
  size_t count = 0;
  for (size_t r = 0; r < bp_dose_rule_count; r++) {
    const bp_dose_rule *rule = &bp_dose_rules[r];
    if (!rule_fires(rule, facts)) continue;
    if (count > 0 && strcmp(codes[count - 1], rule->code) == 0) continue;
    if (count < BP_DOSE_MAX_ALERTS) codes[count++] = rule->code;
  }
  return count;
}
