/*
** bp_content.h: the row types that every table of clinical content shares.
**
** backpain's clinical content is data: every name, code, threshold and rule
** that comes from the clinical references is one table row, with the
** source it was taken from, in one of these pairs of files:
**   bp_content_relaxant.[ch]       relaxant names, ATC codes, label rules
**   bp_content_interventions.[ch]  canonical interventions, their words
**                                  and billing codes
**   bp_content_evidence.[ch]       the guideline_evidence statements
**   bp_content_codes.[ch]          ICD-10-CM classes
**   bp_content_plan.[ch]           recommend_plan's vocabularies and rules
** The logic modules (bp_relaxant.c, bp_dose.c, bp_plan.c, ...) only
** interpret these tables; no clinical fact is written into an `if`.
**
** Sources are cited with these keys (docs/clinical-content.md lists them):
**   CF  = the project's verified clinical facts (section number)
**   GS  = the guideline summary the project implements
**   API = the SQL contract, for choices it fixes
*/
#ifndef BP_CONTENT_H
#define BP_CONTENT_H

#include <stddef.h>
#include <stdint.h>

/* A number with its source. */
typedef struct {
  int64_t value;
  const char *source;
} bp_sourced_int;

typedef struct {
  double value;
  const char *source;
} bp_sourced_real;

/* A name of a closed vocabulary, with its source. */
typedef struct {
  const char *name;
  const char *source;
} bp_named;

#endif
