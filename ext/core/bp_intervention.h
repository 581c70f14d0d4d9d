/*
** bp_intervention.h: free text and billing codes to canonical intervention
** ids (intervention_code()), with no SQLite dependency. The words and codes
** are the rows of bp_content_guideline.c.
*/
#ifndef BP_INTERVENTION_H
#define BP_INTERVENTION_H

#include <stddef.h>

#include "bp_content_interventions.h"

/*
** Maps a text of n bytes to an intervention; returns 1 and sets *out, or
** 0 when nothing is recognised. In order:
**   1. a CPT or HCPCS code of bp_procedure_codes standing alone in the text
**      (the first in the text);
**   2. a muscle relaxant product (bp_relaxant_classify) -> muscle_relaxant;
**   3. the most specific name of bp_intervention_names found anywhere.
*/
int bp_intervention_from_text(const char *text, size_t n, bp_intervention *out);

#endif
