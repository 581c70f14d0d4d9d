/*
** bp_intervention.c: intervention recognition (see bp_intervention.h).
*/
#include "bp_intervention.h"

#include "bp_common.h"
#include "bp_relaxant.h"
#include "bp_text.h"

/* Reads a code from an alphanumeric run: five digits (CPT), or a letter
** and four digits (HCPCS). Returns 0 for any other run. */
static int read_code(const unsigned char *run, size_t len, char *letter, int *number) {
  size_t first_digit = 0;
  if (len != 5) return 0;
  if (!bp_is_digit((char)run[0])) {
    if (!((run[0] >= 'a' && run[0] <= 'z') || (run[0] >= 'A' && run[0] <= 'Z'))) return 0;
    *letter = (char)(run[0] & ~0x20); /* upper case */
    first_digit = 1;
  } else {
    *letter = '\0';
  }
  *number = 0;
  for (size_t i = first_digit; i < len; i++) {
    if (!bp_is_digit((char)run[i])) return 0;
    *number = *number * 10 + (run[i] - '0');
  }
  return 1;
}

static int find_procedure_code(const char *text, size_t n, bp_intervention *out) {
  size_t pos = 0;
  bp_run run;
  while (bp_code_run_next(text, n, &pos, &run)) {
    char letter;
    int number;
    if (!read_code((const unsigned char *)run.text, run.length, &letter, &number)) continue;
    for (size_t r = 0; r < bp_procedure_code_count; r++) {
      const bp_procedure_code *code = &bp_procedure_codes[r];
      if (code->letter == letter && number >= code->low && number <= code->high) {
        *out = code->intervention;
        return 1;
      }
    }
  }
  return 0;
}

int bp_intervention_from_text(const char *text, size_t n, bp_intervention *out) {
  bp_relaxant_product product;
  if (find_procedure_code(text, n, out)) return 1;
  bp_relaxant_classify(text, n, &product);
  if (product.ingredient != NULL) {
    *out = BP_INT_MUSCLE_RELAXANT;
    return 1;
  }
  long row = bp_phrase_find(text, n, bp_intervention_names, bp_intervention_name_count,
                            sizeof(bp_intervention_names[0]), BP_FIRST_IN_TABLE);
  if (row < 0) return 0;
  *out = bp_intervention_names[row].intervention;
  return 1;
}
