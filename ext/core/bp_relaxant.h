/*
** bp_relaxant.h: recognition of skeletal muscle relaxant products in free
** text (prescription strings, brand names, WHO ATC codes), with no SQLite
** dependency. The names and codes are the rows of bp_content.c.
*/
#ifndef BP_RELAXANT_H
#define BP_RELAXANT_H

#include <stddef.h>

typedef struct {
  const char *ingredient; /* canonical ingredient, or NULL if none found */
  int extended_release;   /* the text marks an extended-release form */
  int outside_back_pain;  /* Tonmya, sublingual or fibromyalgia product */
} bp_relaxant_product;

/*
** Classifies a product text of n bytes. A name counts only as a whole word
** (bp_text.h tokenizer), an ATC code only as a whole alphanumeric run;
** case is ignored. When several relaxants are named, the first in the
** text is reported (ATC codes are looked at only when no name matched).
*/
void bp_relaxant_classify(const char *text, size_t n, bp_relaxant_product *out);

#endif
