/*
** bp_relaxant.c: muscle relaxant recognition (see bp_relaxant.h).
*/
#include "bp_relaxant.h"

#include <string.h>

#include "bp_common.h"
#include "bp_content_relaxant.h"
#include "bp_text.h"

#define ATC_CODE_LENGTH 7

/* The ingredient of the first relaxant ATC code standing alone in text. */
static const char *find_atc_ingredient(const char *text, size_t n) {
  size_t pos = 0;
  bp_run run;
  while (bp_code_run_next(text, n, &pos, &run)) {
    if (run.length != ATC_CODE_LENGTH) continue;
    for (size_t r = 0; r < bp_relaxant_atc_count; r++) {
      const char *code = bp_relaxant_atcs[r].code;
      size_t k = 0;
      while (k < ATC_CODE_LENGTH && bp_ascii_upper(run.text[k]) == code[k]) k++;
      if (k == ATC_CODE_LENGTH) return bp_relaxant_atcs[r].ingredient;
    }
  }
  return NULL;
}

void bp_relaxant_classify(const char *text, size_t n, bp_relaxant_product *out) {
  memset(out, 0, sizeof(*out));
  long name = bp_phrase_find(text, n, bp_relaxant_names, bp_relaxant_name_count,
                             sizeof(bp_relaxant_names[0]), BP_FIRST_IN_TEXT);
  if (name >= 0) {
    out->ingredient = bp_relaxant_names[name].ingredient;
    out->extended_release = bp_relaxant_names[name].extended_release;
  } else {
    out->ingredient = find_atc_ingredient(text, n);
  }
  if (out->ingredient == NULL) return;
  if (bp_phrase_find(text, n, bp_extended_release_phrases, bp_extended_release_phrase_count,
                     sizeof(bp_extended_release_phrases[0]), BP_FIRST_IN_TEXT) >= 0) {
    out->extended_release = 1;
  }
  out->outside_back_pain =
      bp_phrase_find(text, n, bp_outside_back_pain_phrases, bp_outside_back_pain_phrase_count,
                     sizeof(bp_outside_back_pain_phrases[0]), BP_FIRST_IN_TEXT) >= 0;
}
