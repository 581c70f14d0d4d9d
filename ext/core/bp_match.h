/*
** bp_match.h: the one matcher behind every recogniser (relaxant_ingredient,
** relaxant_dose_alerts, intervention_code, icd10_class and the lists of
** recommend_plan). It is built once per process from the content tables
** (bp_content_relaxant.c, bp_content_interventions.c, bp_content_codes.c):
** a hash of the words of every phrase, a trie of phrases over word ids, a
** hash of codes (ATC, CPT, HCPCS) and of canonical intervention ids. A scan
** reads a text once, byte by byte, with no allocation, and reports what it
** finds in text order to a callback.
**
** Words (contract section 4): letters and digits make words, every other
** code point separates them (bp_text.h). A run of letters and a run of
** digits are separate tokens ("10mg" is 10, mg), but a code is a whole run
** of letters and digits with nothing between them ("M03BX08", "E0720").
*/
#ifndef BP_MATCH_H
#define BP_MATCH_H

#include <stddef.h>

/* The phrase tables the matcher knows, each a list of rows. */
typedef enum {
  BP_LIST_RELAXANT_NAME,     /* bp_relaxant_names */
  BP_LIST_EXTENDED_RELEASE,  /* bp_extended_release_phrases */
  BP_LIST_OUTSIDE_BACK_PAIN, /* bp_outside_back_pain_phrases */
  BP_LIST_INTERVENTION_NAME, /* bp_intervention_names */
  BP_LIST_NEGATION,          /* bp_negations */
  BP_LIST_CLAUSE_WORD,       /* bp_clause_words */
  BP_LIST_ATC_CODE,          /* bp_relaxant_atcs (codes) */
  BP_LIST_PROCEDURE_CODE,    /* bp_procedure_codes (codes) */
  BP_LIST_CLAUSE_MARK,       /* bp_clause_marks (punctuation) */
  BP_LIST_COUNT
} bp_match_list;

/*
** One finding. For phrases and codes, `first_token` and `last_token` are
** the indexes (from 0) of the tokens it spans; for a clause mark, both are
** the number of tokens before it. Findings come in text order of their
** last token; the phrases that end at the same token come longest first.
*/
typedef struct {
  bp_match_list list;
  size_t row;
  size_t first_token, last_token;
} bp_match_event;

/* Called for each finding; `context` is the scan's caller's. */
typedef void (*bp_match_callback)(void *context, const bp_match_event *event);

/* Reads text[0..n) once and reports its findings. Never allocates. */
void bp_match_scan(const char *text, size_t n, bp_match_callback callback, void *context);

/*
** Fast paths for a text that is one thing alone. Each returns the row of
** its table, or -1:
**   canonical id: the whole text is a canonical intervention id, any ASCII
**                 case ("exercise_therapy"); the row is the bp_intervention
**   code:         the whole text is a code of `list` (BP_LIST_ATC_CODE or
**                 BP_LIST_PROCEDURE_CODE), any ASCII case
*/
long bp_match_canonical_intervention(const char *text, size_t n);
long bp_match_code(const char *text, size_t n, bp_match_list list);

/*
** ICD-10-CM: the row of bp_icd10cm_codes whose code equals `code` (upper
** case, no dot, `length` characters), or -1 when it is not a real code a
** class rule covers; and the class of that row (never NULL).
*/
long bp_match_icd10cm_code(const char *code, size_t length);
const char *bp_match_icd10cm_class(size_t row);

#endif
