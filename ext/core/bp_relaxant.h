/*
** bp_relaxant.h: recognition of skeletal muscle relaxant products in free
** text (prescription strings, brand names, WHO ATC codes), with no engine
** dependency. The names, codes and markers are the rows of
** bp_content_relaxant.c; bp_match.c finds them in one pass.
*/
#ifndef BP_RELAXANT_H
#define BP_RELAXANT_H

#include <stddef.h>

#include "bp_common.h"
#include "bp_match.h"

typedef struct {
  const char *ingredient; /* canonical ingredient, or NULL if none found */
  int extended_release;   /* the text marks an extended-release form */
  /* 1 when the text names a product outside back pain (Tonmya, sublingual
  ** cyclobenzaprine, fibromyalgia): then `ingredient` is NULL, as for
  ** every recogniser (contract section 4), and `excluded_ingredient` says
  ** which ingredient was left out. */
  int outside_back_pain;
  const char *excluded_ingredient;
} bp_relaxant_product;

/*
** Classifies a product text of n bytes. A name counts only as a whole word
** (bp_match.h), an ATC code only as a whole run of letters and digits;
** case and diacritics are ignored. When several relaxants are named, the
** first in the text is reported (ATC codes are looked at only when no name
** matched).
*/
void bp_relaxant_classify(const char *text, size_t n, bp_relaxant_product *out);

/*
** The same recognition fed by a scan the caller runs (intervention_code
** reads relaxants and interventions in one pass): init, pass every event
** of bp_match_scan to see(), then result().
*/
typedef struct {
  long name_row;       /* first relaxant name in the text, or -1 */
  size_t name_token;   /* its last token */
  long atc_row;        /* first relaxant ATC code, or -1 */
  int extended_marker; /* an extended-release marker occurs */
  bp_set outside_rows; /* bit per row of bp_outside_back_pain_phrases seen */
} bp_relaxant_finder;

void bp_relaxant_finder_init(bp_relaxant_finder *finder);
void bp_relaxant_finder_see(bp_relaxant_finder *finder, const bp_match_event *event);
void bp_relaxant_finder_result(const bp_relaxant_finder *finder, bp_relaxant_product *out);

#endif
