/*
** bp_content_relaxant.h: muscle relaxant content: product names, WHO ATC codes, the
** markers of extended release and of products outside back pain, the
** label's duration limit and the cyclobenzaprine dose rules. Rows are in
** bp_content_relaxant.c.
*/
#ifndef BP_CONTENT_RELAXANT_H
#define BP_CONTENT_RELAXANT_H

#include <stddef.h>
#include <stdint.h>

#include "bp_content.h"
#include "bp_text.h"

/* ---- Muscle relaxants ---------------------------------------------- */

/* A name (one or more lower-case words) of a skeletal muscle relaxant
** product. At most BP_RELAXANT_NAMES_MAX rows (bp_match.c sizes its
** tables from these capacities). */
#define BP_RELAXANT_NAMES_MAX 64
typedef struct {
  bp_phrase name;
  const char *ingredient;
  int extended_release; /* the name alone marks an extended-release form */
  const char *source;
} bp_relaxant_name;

/* A WHO ATC code (upper case) of a skeletal muscle relaxant. */
#define BP_RELAXANT_ATCS_MAX 16
typedef struct {
  const char *code;
  const char *ingredient;
  const char *source;
} bp_relaxant_atc;

/* A phrase that marks a property of a product text, for the products of
** one ingredient (NULL: any ingredient). */
typedef struct {
  bp_phrase phrase;
  const char *ingredient;
  const char *source;
} bp_marker;
#define BP_MARKERS_MAX 16

extern const bp_relaxant_name bp_relaxant_names[];
extern const size_t bp_relaxant_name_count;
extern const bp_relaxant_atc bp_relaxant_atcs[];
extern const size_t bp_relaxant_atc_count;

/* Phrases that mark an extended-release cyclobenzaprine product. */
extern const bp_marker bp_extended_release_phrases[];
extern const size_t bp_extended_release_phrase_count;

/* Phrases that mark a cyclobenzaprine product outside back pain: such a
** product is no relaxant for any recogniser (contract section 4). */
extern const bp_marker bp_outside_back_pain_phrases[];
extern const size_t bp_outside_back_pain_phrase_count;

/* The ingredient whose label the dose rules encode. */
extern const char bp_dose_rule_ingredient[];

extern const bp_sourced_int bp_relaxant_max_days;
/* Uncovered days that still continue a course (a design choice). */
extern const bp_sourced_int bp_relaxant_gap_days;

/* ---- Cyclobenzaprine label rules ------------------------------------ */

typedef enum { BP_RELEASE_IMMEDIATE = 0, BP_RELEASE_EXTENDED = 1 } bp_release;

typedef enum {
  BP_HEPATIC_NONE = 0,
  BP_HEPATIC_MILD = 1,
  BP_HEPATIC_MODERATE = 2,
  BP_HEPATIC_SEVERE = 3,
  BP_HEPATIC_COUNT
} bp_hepatic;

/* The hepatic vocabulary, indexed by bp_hepatic: BP_HEPATIC_COUNT entries
** (the definition checks the count). */
extern const char *const bp_hepatic_names[];

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

/* At most BP_DOSE_RULES_MAX rows (so every code that fires fits the
** output of bp_dose_alerts). */
#define BP_DOSE_RULES_MAX 16
extern const bp_dose_rule bp_dose_rules[];
extern const size_t bp_dose_rule_count;

#endif
