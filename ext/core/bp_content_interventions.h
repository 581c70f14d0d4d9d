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

/* BP_INTERVENTION_COUNT entries (the definition checks the count). */
extern const bp_intervention_info bp_interventions[];

/* A phrase that names an intervention in free text. Rows are in priority
** order: the first row whose phrase occurs (not negated) anywhere in a text
** wins, so the specific rows (motor control exercise) come before the
** generic ones (exercise). */
typedef struct {
  bp_phrase phrase;
  bp_intervention intervention;
  const char *source;
} bp_intervention_name;

#define BP_INTERVENTION_NAMES_MAX 128
extern const bp_intervention_name bp_intervention_names[];
extern const size_t bp_intervention_name_count;

/* A billing code: CPT (five digits) or HCPCS Level II (a letter and four
** digits), upper case. Only codes that exist in the official lists
** (fixtures/codes/procedure_codes_extract.tsv; tests/unit/test_codes.c). */
#define BP_PROCEDURE_CODE_LENGTH 5
typedef struct {
  const char *code;
  bp_intervention intervention;
  const char *source;
} bp_procedure_code;

#define BP_PROCEDURE_CODES_MAX 64
extern const bp_procedure_code bp_procedure_codes[];
extern const size_t bp_procedure_code_count;

/* ---- Negation (contract section 4) ----------------------------------- */

/* Where a negation word stands relative to the mention it negates. */
#define BP_NEGATES_FOLLOWING 1u /* "no massage": before the name */
#define BP_NEGATES_PRECEDING 2u /* "TENS unit declined": after it */

typedef struct {
  bp_phrase phrase;
  unsigned negates; /* BP_NEGATES_FOLLOWING and/or BP_NEGATES_PRECEDING */
  const char *source;
} bp_negation;

#define BP_NEGATIONS_MAX 16
extern const bp_negation bp_negations[];
extern const size_t bp_negation_count;

/* Words that end a clause ("but", "however"). */
typedef struct {
  bp_phrase phrase;
  const char *source;
} bp_clause_word;

#define BP_CLAUSE_WORDS_MAX 8
extern const bp_clause_word bp_clause_words[];
extern const size_t bp_clause_word_count;

/* Punctuation that ends a clause: always ('.', ';'), or only when another
** mention follows before the clause would end otherwise (','). */
typedef enum { BP_CLAUSE_ENDS = 1, BP_CLAUSE_ENDS_IF_MENTION_FOLLOWS = 2 } bp_clause_mark_kind;

typedef struct {
  char mark;
  bp_clause_mark_kind kind;
  const char *source;
} bp_clause_mark;

#define BP_CLAUSE_MARKS_MAX 8
extern const bp_clause_mark bp_clause_marks[];
extern const size_t bp_clause_mark_count;

#endif
