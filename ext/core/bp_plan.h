/*
** bp_plan.h: the guideline's treatment algorithm (recommend_plan()), with
** no SQLite dependency and no allocation. bp_plan_build() turns a patient's
** facts into a plan; bp_plan_render_json() writes it as the contract's
** compact JSON. The steps, evidence and reasons are the rows of
** bp_content_plan.c; this engine picks and orders them
** (docs/reference.md).
*/
#ifndef BP_PLAN_H
#define BP_PLAN_H

#include <stddef.h>
#include <stdint.h>

#include "bp_content_plan.h"
#include "bp_content_relaxant.h"
#include "bp_common.h"
#include "bp_date.h"
#include "bp_json.h"

typedef enum {
  BP_PHASE_UNKNOWN,
  BP_PHASE_ACUTE,
  BP_PHASE_SUBACUTE,
  BP_PHASE_CHRONIC,
  BP_PHASE_COUNT
} bp_phase;

/* BP_PHASE_COUNT entries (the definition checks the count). */
extern const char *const bp_phase_names[];

/* Phase from weeks (>= 0) or from a day count (>= 0). */
bp_phase bp_phase_from_weeks(double weeks);
bp_phase bp_phase_from_days(int64_t days);

/* The sets a patient and a plan keep: one bit per intervention, per
** warning. */
BP_SET_FITS(BP_INTERVENTION_COUNT, "interventions (bp_patient.tried)");
BP_SET_FITS(BP_WARNING_COUNT, "warnings (bp_plan.warnings)");

/* A patient's facts. A field whose *_given flag is 0 was not given. */
typedef struct {
  int pain_weeks_given;
  double pain_weeks;
  int onset_given, as_of_given;
  bp_day onset, as_of; /* as_of >= onset when both are given */
  int spasm;           /* 1 when spasm = 1 was given */
  int red_flag;        /* 1 when any red flag was given */
  int hepatic_given;
  bp_hepatic hepatic;
  int age_given;
  double age;
  bp_set tried;     /* bit (1 << bp_intervention) per intervention tried */
  int unrecognised; /* an item of tried or preferences was not recognised */
  int response_given;
  bp_response response;
  int pain_baseline_given, pain_now_given;
  double pain_baseline, pain_now; /* 0 to 10 */
  double response_threshold;      /* fraction; defaults to bp_response_threshold */
  int relaxant_days_given;
  int64_t relaxant_days;    /* >= 0 */
  bp_set contraindications; /* bit per row of bp_contraindication_names */
  int serotonergic;         /* 1 when serotonergic = 1 was given */
  /* Preferred interventions, distinct, in the order given. */
  bp_intervention preferences[BP_INTERVENTION_COUNT];
  size_t preference_count;
} bp_patient;

/* Sets every fact to "not given" and the defaults. */
void bp_patient_init(bp_patient *p);

/* Adds a preference (ignored if already there). */
void bp_patient_prefer(bp_patient *p, bp_intervention i);

/* A step cites its rule's evidence and one id per note added to it. */
#define BP_STEP_MAX_EVIDENCE 10
_Static_assert(BP_MAX_EVIDENCE + BP_RELAXANT_NOTE_COUNT <= BP_STEP_MAX_EVIDENCE,
               "a step's evidence must fit: its rule's and one per relaxant note");
/* The most steps a plan can have, whatever the patient: every step rule,
** a continue step per intervention, and the relaxant step. */
#define BP_PLAN_MAX_STEPS (BP_STEP_RULES_MAX + BP_INTERVENTION_COUNT + 1)
#define BP_REASON_SIZE 384

typedef struct {
  bp_action action;
  bp_intervention intervention;
  const char *evidence[BP_STEP_MAX_EVIDENCE];
  size_t evidence_count;
  const char *reason; /* static text, or the plan's relaxant_reason */
  int order_group;    /* within an action: 0 preferred, 1 listed, 2 relaxant */
  size_t order_index;
} bp_plan_step;

typedef struct {
  bp_phase phase;
  bp_situation situation;
  bp_plan_step steps[BP_PLAN_MAX_STEPS];
  size_t step_count;
  bp_set warnings; /* bit (1 << bp_warning) per warning */
  char relaxant_reason[BP_REASON_SIZE];
} bp_plan;

/* The response that decides the stage: as given, else from pain scores,
** else unknown. */
bp_response bp_plan_response(const bp_patient *p);

void bp_plan_build(const bp_patient *p, bp_plan *plan);

/*
** Writes the plan as compact JSON in the contract's key order:
**   {"version":...,"phase":...,"pathway":...,"stage":...,
**    "steps":[{"action":...,"intervention":...,"evidence":[...],"reason":...}],
**    "warnings":[...]}
** to out (capacity bytes, NUL-terminated when capacity > 0). Returns the
** full length, which may exceed capacity - 1: call again with more room.
** Strings are copied without escaping: `version` must be plain ASCII
** without quotes, backslashes or control characters, as every content
** string is (tests/unit/test_content.c).
*/
size_t bp_plan_render_json(const bp_plan *plan, const char *version, char *out, size_t capacity);

/* The same JSON, written through a writer. */
void bp_plan_write_json(const bp_plan *plan, const char *version, bp_writer *json);

#endif
