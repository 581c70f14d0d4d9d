/*
** bp_content.h: the clinical content of backpain, as data.
**
** Every name, code, threshold and rule that comes from the clinical
** references lives in bp_content.c, one table row per fact, each row with
** the source it was taken from. The logic modules (bp_relaxant.c,
** bp_dose.c, ...) only interpret these tables; no clinical fact is written
** into an `if`.
**
** Sources are cited as in the project's reference files:
**   CF  = shared/reference/clinical-facts.md (section number)
**   GS  = shared/reference/guideline-summary.txt
**   API = shared/spec/sql-api.md (the SQL contract, for choices it fixes)
*/
#ifndef BP_CONTENT_H
#define BP_CONTENT_H

#include <stddef.h>
#include <stdint.h>

#include "bp_text.h"

/* ---- Muscle relaxants ---------------------------------------------- */

/* A name (one or more lower-case words) of a skeletal muscle relaxant
** product. */
typedef struct {
  bp_phrase name;
  const char *ingredient;
  int extended_release; /* the name alone marks an extended-release form */
  const char *source;
} bp_relaxant_name;

/* A WHO ATC code (upper case) of a skeletal muscle relaxant. */
typedef struct {
  const char *code;
  const char *ingredient;
  const char *source;
} bp_relaxant_atc;

/* A phrase that marks a property of a product text. */
typedef struct {
  bp_phrase phrase;
  const char *source;
} bp_marker;

extern const bp_relaxant_name bp_relaxant_names[];
extern const size_t bp_relaxant_name_count;
extern const bp_relaxant_atc bp_relaxant_atcs[];
extern const size_t bp_relaxant_atc_count;

/* Phrases that mark an extended-release cyclobenzaprine product. */
extern const bp_marker bp_extended_release_phrases[];
extern const size_t bp_extended_release_phrase_count;

/* Phrases that mark a cyclobenzaprine product outside back pain. */
extern const bp_marker bp_outside_back_pain_phrases[];
extern const size_t bp_outside_back_pain_phrase_count;

/* The ingredient whose label the dose rules encode. */
extern const char bp_dose_rule_ingredient[];

/* ---- Relaxant duration ---------------------------------------------- */

typedef struct {
  int64_t value;
  const char *source;
} bp_sourced_int;

/* Longest course the label allows ("up to two or three weeks"). */
extern const bp_sourced_int bp_relaxant_max_days;
/* Uncovered days that still continue a course (a design choice). */
extern const bp_sourced_int bp_relaxant_gap_days;

/* ---- Cyclobenzaprine label rules ------------------------------------ */

typedef enum { BP_RELEASE_IMMEDIATE = 0, BP_RELEASE_EXTENDED = 1 } bp_release;

typedef enum {
  BP_HEPATIC_NONE = 0,
  BP_HEPATIC_MILD = 1,
  BP_HEPATIC_MODERATE = 2,
  BP_HEPATIC_SEVERE = 3
} bp_hepatic;
#define BP_HEPATIC_COUNT 4

/* The hepatic vocabulary, indexed by bp_hepatic. */
extern const char *const bp_hepatic_names[BP_HEPATIC_COUNT];

/* No condition on this field. */
#define BP_RULE_ANY (-1)

/*
** One label rule. It fires when every condition it sets holds; a field
** left at BP_RULE_ANY sets no condition. Conditions on hepatic function or
** age never hold when that fact is not known. Several rows may share a
** code (an "or"); the code is reported once. Codes are reported in table
** order.
*/
typedef struct {
  const char *code;
  bp_release release;
  int hepatic_min;            /* hepatic >= this ... */
  int hepatic_max;            /* ... and hepatic <= this */
  double age_min;             /* age >= this */
  double single_dose_above;   /* dose_mg > this */
  double daily_dose_above;    /* dose_mg * doses_per_day > this */
  double doses_per_day_above; /* doses_per_day > this */
  const char *source;
} bp_dose_rule;

extern const bp_dose_rule bp_dose_rules[];
extern const size_t bp_dose_rule_count;

/* ==== Guideline content (contract section 3) ========================== */
/* The rows are in bp_content_guideline.c and bp_content_codes.c. */

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

/* ---- Evidence statements (the guideline_evidence table) --------------- */

typedef struct {
  const char *id;
  const char *intervention;
  const char *category;
  const char *population;
  const char *comparator; /* NULL when the source states none */
  const char *outcome;
  const char *effect;
  const char *quality;
  const char *recommendation;
  const char *statement;
  const char *source;
  const char *note; /* how the summary put it, where the verified source differs */
} bp_evidence;

extern const bp_evidence bp_evidence_rows[];
extern const size_t bp_evidence_count;

/* ---- Pain phase ------------------------------------------------------ */

typedef struct {
  int64_t acute_below_days;   /* acute: fewer days than this (4 weeks) */
  int64_t chronic_above_days; /* chronic: more days than this (12 weeks) */
  const char *source;
} bp_phase_limits;

extern const bp_phase_limits bp_phase_days;

/* ---- ICD-10-CM classes ----------------------------------------------- */

typedef enum { BP_ICD_EXACT = 0, BP_ICD_PREFIX = 1 } bp_icd_match;

typedef struct {
  const char *code; /* upper case, without the dot */
  bp_icd_match match;
  const char *class_name;
  const char *source;
} bp_icd10_rule;

extern const bp_icd10_rule bp_icd10_rules[];
extern const size_t bp_icd10_rule_count;

/* ---- recommend_plan vocabularies ------------------------------------- */

typedef struct {
  const char *name;
  const char *source;
} bp_named;

extern const bp_named bp_red_flag_names[];
extern const size_t bp_red_flag_count;
extern const bp_named bp_contraindication_names[];
extern const size_t bp_contraindication_count;

typedef enum {
  BP_RESPONSE_ADEQUATE = 0,
  BP_RESPONSE_INADEQUATE = 1,
  BP_RESPONSE_UNKNOWN = 2
} bp_response;
#define BP_RESPONSE_COUNT 3

/* The response vocabulary, indexed by bp_response. */
extern const char *const bp_response_names[BP_RESPONSE_COUNT];

/* Default fraction of improvement from baseline pain that counts as an
** adequate response (a design choice, labelled as such). */
typedef struct {
  double value;
  const char *source;
} bp_sourced_real;

extern const bp_sourced_real bp_response_threshold;
extern const bp_sourced_real bp_relaxant_titrate_age;

/* ---- recommend_plan rules -------------------------------------------- */

typedef enum {
  BP_ACTION_STOP,
  BP_ACTION_EVALUATE,
  BP_ACTION_REFER,
  BP_ACTION_CONTINUE,
  BP_ACTION_START,
  BP_ACTION_ADD,
  BP_ACTION_CONSIDER,
  BP_ACTION_AVOID,
  BP_ACTION_COUNT
} bp_action;

/* Names, in the order steps are listed (API 3). */
extern const char *const bp_action_names[BP_ACTION_COUNT];

/* Where a patient stands: a pathway and, on the chronic pathway, a stage.
** Two situations report the stage "begin": nothing first-line tried yet,
** and first-line tried with an unknown response. */
typedef enum {
  BP_SITUATION_RED_FLAG,
  BP_SITUATION_ACUTE,
  BP_SITUATION_CHRONIC_NEW,
  BP_SITUATION_CHRONIC_RESPONSE_UNKNOWN,
  BP_SITUATION_CHRONIC_MAINTAIN,
  BP_SITUATION_CHRONIC_ADD_ADJUNCTS,
  BP_SITUATION_CHRONIC_ESCALATE,
  BP_SITUATION_COUNT
} bp_situation;

typedef struct {
  const char *pathway;
  const char *stage;   /* NULL: JSON null */
  int continues_tried; /* a "continue" step for each tried F or A item */
  int relaxant_rule;   /* the relaxant rule applies */
} bp_situation_info;

extern const bp_situation_info bp_situations[BP_SITUATION_COUNT];

#define BP_IN(s) (1u << (s))

/* A step that a plan gives in each situation of `situations`. */
typedef struct {
  unsigned situations;
  bp_action action;
  bp_intervention intervention;
  const char *evidence[BP_MAX_EVIDENCE];
  const char *reason;
} bp_step_rule;

extern const bp_step_rule bp_step_rules[];
extern const size_t bp_step_rule_count;

/* The relaxant rule's steps (API 3, "Relaxant rule"). */
typedef enum {
  BP_RELAXANT_STOP_OVERDUE,
  BP_RELAXANT_STOP_CONTRAINDICATED,
  BP_RELAXANT_STOP_HEPATIC,
  BP_RELAXANT_STOP_CONTRAINDICATED_AND_HEPATIC,
  BP_RELAXANT_CONSIDER_ACUTE,
  BP_RELAXANT_CONSIDER_CHRONIC,
  BP_RELAXANT_STEP_COUNT
} bp_relaxant_step;

typedef struct {
  bp_action action;
  const char *evidence[BP_MAX_EVIDENCE];
  /* For the consider steps, a printf format with one %lld: the days left. */
  const char *reason;
} bp_relaxant_step_rule;

extern const bp_relaxant_step_rule bp_relaxant_steps[BP_RELAXANT_STEP_COUNT];

/* Extra evidence and reason text of a "consider muscle_relaxant" step. */
typedef enum {
  BP_RELAXANT_NOTE_LIMIT_REACHED,
  BP_RELAXANT_NOTE_TITRATE_HEPATIC,
  BP_RELAXANT_NOTE_TITRATE_AGE,
  BP_RELAXANT_NOTE_SEROTONERGIC,
  BP_RELAXANT_NOTE_COUNT
} bp_relaxant_note;

typedef struct {
  const char *evidence; /* one more evidence id, or NULL */
  const char *text;     /* appended to the reason, or NULL */
} bp_relaxant_note_rule;

extern const bp_relaxant_note_rule bp_relaxant_notes[BP_RELAXANT_NOTE_COUNT];

/* Warning codes, in the order a plan lists them. */
typedef enum {
  BP_WARN_PHASE_UNKNOWN,
  BP_WARN_RESPONSE_UNKNOWN,
  BP_WARN_UNRECOGNISED_INTERVENTION,
  BP_WARN_RELAXANT_OVERDUE,
  BP_WARN_RELAXANT_CONTRAINDICATED,
  BP_WARN_HEPATIC_NOT_RECOMMENDED,
  BP_WARN_SEROTONERGIC_INTERACTION,
  BP_WARN_RELAXANT_WITHOUT_SPASM,
  BP_WARNING_COUNT
} bp_warning;

extern const char *const bp_warning_names[BP_WARNING_COUNT];
#endif
