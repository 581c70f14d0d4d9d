/*
** bp_relaxant.c: muscle relaxant recognition (see bp_relaxant.h).
*/
#include "bp_relaxant.h"

#include <string.h>

#include "bp_common.h"
#include "bp_content_relaxant.h"

BP_SET_FITS(BP_MARKERS_MAX, "outside-back-pain markers (bp_relaxant_finder.outside_rows)");

void bp_relaxant_finder_init(bp_relaxant_finder *finder) {
  finder->name_row = -1;
  finder->name_token = 0;
  finder->atc_row = -1;
  finder->extended_marker = 0;
  finder->outside_rows = 0;
}

void bp_relaxant_finder_see(bp_relaxant_finder *finder, const bp_match_event *event) {
  switch (event->list) {
    case BP_LIST_RELAXANT_NAME:
      /* The name ending first wins; at the same token, the earlier row. */
      if (finder->name_row < 0 ||
          (event->last_token == finder->name_token && (long)event->row < finder->name_row)) {
        finder->name_row = (long)event->row;
        finder->name_token = event->last_token;
      }
      break;
    case BP_LIST_ATC_CODE:
      if (finder->atc_row < 0) finder->atc_row = (long)event->row;
      break;
    case BP_LIST_EXTENDED_RELEASE:
      finder->extended_marker = 1;
      break;
    case BP_LIST_OUTSIDE_BACK_PAIN:
      finder->outside_rows |= BP_BIT(event->row);
      break;
    default:
      break;
  }
}

void bp_relaxant_finder_result(const bp_relaxant_finder *finder, bp_relaxant_product *out) {
  memset(out, 0, sizeof(*out));
  const char *ingredient = NULL;
  int extended = finder->extended_marker;
  if (finder->name_row >= 0) {
    ingredient = bp_relaxant_names[finder->name_row].ingredient;
    extended |= bp_relaxant_names[finder->name_row].extended_release;
  } else if (finder->atc_row >= 0) {
    ingredient = bp_relaxant_atcs[finder->atc_row].ingredient;
  }
  if (ingredient == NULL) return;
  for (size_t r = 0; r < bp_outside_back_pain_phrase_count; r++) {
    const char *applies_to = bp_outside_back_pain_phrases[r].ingredient;
    if ((finder->outside_rows & BP_BIT(r)) &&
        (applies_to == NULL || strcmp(applies_to, ingredient) == 0)) {
      out->outside_back_pain = 1;
      out->excluded_ingredient = ingredient;
      return;
    }
  }
  out->ingredient = ingredient;
  out->extended_release = extended != 0;
}

static void see_event(void *context, const bp_match_event *event) {
  bp_relaxant_finder_see(context, event);
}

void bp_relaxant_classify(const char *text, size_t n, bp_relaxant_product *out) {
  bp_relaxant_finder finder;
  bp_relaxant_finder_init(&finder);
  long atc = bp_match_code(text, n, BP_LIST_ATC_CODE);
  if (atc >= 0) { /* the whole text is an ATC code */
    finder.atc_row = atc;
  } else {
    bp_match_scan(text, n, see_event, &finder);
  }
  bp_relaxant_finder_result(&finder, out);
}
