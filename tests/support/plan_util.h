/*
** tests/support/plan_util.h: the patients and the plan lookup that the
** tests of the treatment algorithm share (tests/unit/test_plan.c,
** test_content.c, tests/hooks/test_max_days.c). Core only, no SQLite.
*/
#ifndef BP_PLAN_UTIL_H
#define BP_PLAN_UTIL_H

#include <stdint.h>

#include "bp_plan.h"

/* A patient with 20 weeks of pain (chronic) and nothing else given. */
static inline bp_patient plan_chronic_patient(void) {
  bp_patient p;
  bp_patient_init(&p);
  p.pain_weeks_given = 1;
  p.pain_weeks = 20;
  return p;
}

/* The chronic patient with spasm, after `relaxant_days` days of a relaxant. */
static inline bp_patient plan_spasm_patient(int64_t relaxant_days) {
  bp_patient p = plan_chronic_patient();
  p.spasm = 1;
  p.relaxant_days_given = 1;
  p.relaxant_days = relaxant_days;
  return p;
}

/* The plan's muscle_relaxant step, or NULL. */
static inline const bp_plan_step *plan_relaxant_step(const bp_plan *plan) {
  for (size_t s = 0; s < plan->step_count; s++) {
    if (plan->steps[s].intervention == BP_INT_MUSCLE_RELAXANT) return &plan->steps[s];
  }
  return NULL;
}

#endif
