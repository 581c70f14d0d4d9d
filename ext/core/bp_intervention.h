/*
** bp_intervention.h: free text and billing codes to canonical intervention
** ids (intervention_code()), with no engine dependency. The words, codes
** and negation words are the rows of bp_content_interventions.c;
** bp_match.c finds them in one pass.
*/
#ifndef BP_INTERVENTION_H
#define BP_INTERVENTION_H

#include <stddef.h>

#include "bp_content_interventions.h"

/*
** Maps a text of n bytes to an intervention; returns 1 and sets *out, or
** 0 when nothing is recognised.
**
** A mention is a billing code of bp_procedure_codes standing alone, a
** muscle relaxant product (what bp_relaxant_classify recognises in the
** whole text) or a name of bp_intervention_names. A mention the text
** negates does not count (contract section 4): a negation word of
** bp_negations before it (no, not, without, denies, declined, refused,
** never) or after it (declined, refused, not done, not given), within its
** clause. A clause ends at '.' (not a decimal point), ';', "but",
** "however", and at ',' when another mention follows before the next of
** these.
**
** Of the mentions that are not negated, in order:
**   1. the first billing code in the text;
**   2. a muscle relaxant product -> muscle_relaxant;
**   3. the name of bp_intervention_names that comes first in the table
**      (the most specific), wherever it stands.
** So "heating pad; no brace" is heat_therapy, and a text whose every
** mention is negated gives 0. A text that is exactly a canonical id (any
** ASCII case) or a code takes a fast path to the same answer.
*/
int bp_intervention_from_text(const char *text, size_t n, bp_intervention *out);

#endif
