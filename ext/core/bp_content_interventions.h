/*
** bp_content_interventions.h: the canonical interventions of the guideline, the words
** that name them in free text and the billing codes that stand for them.
** Rows are in bp_content_interventions.c.
*/
#ifndef BP_CONTENT_INTERVENTIONS_H
#define BP_CONTENT_INTERVENTIONS_H

#include <stddef.h>

#include "bp_content.h"
#include "bp_text.h"

/* ---- Interventions: the canonical ids -------------------------------- */

typedef enum {
  BP_INT_EXERCISE_THERAPY,
  BP_INT_MOTOR_CONTROL_EXERCISE,
  BP_INT_HEAT_THERAPY,
  BP_INT_TAI_CHI,
  BP_INT_YOGA,
  BP_INT_CBT,
  BP_INT_PROGRESSIVE_RELAXATION,
  BP_INT_MBSR,
  BP_INT_ACUPUNCTURE,
  BP_INT_EMG_BIOFEEDBACK,
  BP_INT_LOW_LEVEL_LASER,
  BP_INT_OPERANT_THERAPY,
  BP_INT_MASSAGE,
  BP_INT_SPINAL_MANIPULATION,
  BP_INT_MUSCLE_RELAXANT,
  BP_INT_NSAID,
  BP_INT_TRAMADOL,
  BP_INT_DULOXETINE,
  BP_INT_OPIOID,
  BP_INT_MULTIDISCIPLINARY_REHABILITATION,
  BP_INT_LUMBAR_SUPPORT,
  BP_INT_TENS,
  BP_INT_SPECIFIC_CAUSE_EVALUATION,
  BP_INTERVENTION_COUNT
} bp_intervention;

/* The sets of the chronic pathway's stages (API 3): F, first-line non-drug
** interventions, and A, adjuncts. */
typedef enum { BP_SET_NONE = 0, BP_SET_FIRST_LINE = 1, BP_SET_ADJUNCT = 2 } bp_intervention_set;

/* Evidence ids a plan step cites, NULL-terminated when shorter. */
#define BP_MAX_EVIDENCE 6

typedef struct {
  const char *id;
  bp_intervention_set set;
  /* What a "continue" step of the chronic pathway cites and says. */
  const char *continue_evidence[BP_MAX_EVIDENCE];
  const char *continue_reason;
} bp_intervention_info;

extern const bp_intervention_info bp_interventions[BP_INTERVENTION_COUNT];

/* A phrase that names an intervention in free text. Rows are in priority
** order: the first row whose phrase occurs anywhere in a text wins, so the
** specific rows (motor control exercise) come before the generic ones
** (exercise). */
typedef struct {
  bp_phrase phrase;
  bp_intervention intervention;
  const char *source;
} bp_intervention_name;

extern const bp_intervention_name bp_intervention_names[];
extern const size_t bp_intervention_name_count;

/* A range of billing codes: CPT (letter '\0', five digits) or HCPCS level
** II (a letter and four digits). */
typedef struct {
  char letter;
  int low, high;
  bp_intervention intervention;
  const char *source;
} bp_procedure_code;

extern const bp_procedure_code bp_procedure_codes[];
extern const size_t bp_procedure_code_count;

#endif
