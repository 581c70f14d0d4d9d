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

typedef enum {
  BP_RELEASE_IMMEDIATE = 0,
  BP_RELEASE_EXTENDED = 1
} bp_release;

typedef enum {
  BP_HEPATIC_NONE = 0,
  BP_HEPATIC_MILD = 1,
  BP_HEPATIC_MODERATE = 2,
  BP_HEPATIC_SEVERE = 3
} bp_hepatic;

/* The hepatic vocabulary, indexed by bp_hepatic. */
extern const char *const bp_hepatic_names[4];

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

#endif
