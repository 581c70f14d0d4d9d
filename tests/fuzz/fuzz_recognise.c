/*
** fuzz_recognise.c: libFuzzer harness for the free-text recognisers behind
** relaxant_ingredient(), relaxant_dose_alerts(), intervention_code() and
** icd10_class(): bp_relaxant_classify, bp_intervention_from_text and
** bp_icd10_class (ext/core/bp_relaxant.c,
** bp_intervention.c, bp_icd10.c, and the tokenizer of bp_text.c).
**
** They scan arbitrary bytes (invalid UTF-8, NULs, very long words) with
** fixed-size token buffers, so the harness looks for out-of-bounds reads
** and writes, and checks what the header files and the contract promise:
**
**   relaxant      the ingredient is NULL or one of the 8 canonical names;
**                 the flags are 0/1; without an ingredient there is no
**                 extended release; a product outside back pain has no
**                 ingredient and names the canonical one it left out, and
**                 only such a product does; ASCII case does not change the
**                 answer (the input upper-cased gives the same); separators
**                 around the text change nothing.
**   intervention  a result is < BP_INTERVENTION_COUNT; muscle_relaxant
**                 comes only from a recognised relaxant product or the
**                 words "muscle relaxant"; case does not change the answer;
**                 clause ends around the text (". " before, " ." after)
**                 change nothing; a text that is exactly a canonical id
**                 (any ASCII case) maps to that id.
**   icd10         a class is one of the class names of bp_icd10_rules and
**                 is found only for a code shape: after trimming white
**                 space and removing one dot (only after the third
**                 character, not last), 3 to 7 characters, a letter first,
**                 then letters or digits; and only for a code listed in
**                 bp_icd10cm_codes (searched here one by one); case does
**                 not matter (upper- and lower-cased inputs give the
**                 same); the dotted and undotted forms of a code get the
**                 same class.
**
** No state is kept between inputs.
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bp_common.h"
#include "bp_content_codes.h"
#include "bp_content_interventions.h"
#include "bp_content_relaxant.h"
#include "bp_icd10.h"
#include "bp_intervention.h"
#include "bp_relaxant.h"
#include "bp_text.h"
#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const canonical_ingredients[] = {
    "cyclobenzaprine", "carisoprodol",  "methocarbamol", "metaxalone",
    "tizanidine",      "chlorzoxazone", "orphenadrine",  "baclofen"};
#define INGREDIENT_COUNT BP_COUNT(canonical_ingredients)

static int same_text(const char *a, const char *b) {
  if (a == NULL || b == NULL) return a == b;
  return strcmp(a, b) == 0;
}

static void *copy_of(const void *data, size_t size) {
  void *copy = malloc(size ? size : 1);
  CHECK(copy != NULL);
  if (size > 0) memcpy(copy, data, size);
  return copy;
}

static char *ascii_cased(const char *text, size_t n, int upper) {
  char *copy = copy_of(text, n);
  for (size_t i = 0; i < n; i++)
    copy[i] = upper ? bp_ascii_upper(copy[i]) : bp_ascii_lower(copy[i]);
  return copy;
}

static int same_product(const bp_relaxant_product *a, const bp_relaxant_product *b) {
  return same_text(a->ingredient, b->ingredient) && a->extended_release == b->extended_release &&
         a->outside_back_pain == b->outside_back_pain &&
         same_text(a->excluded_ingredient, b->excluded_ingredient);
}

static int is_canonical_ingredient(const char *name) {
  for (size_t i = 0; i < INGREDIENT_COUNT; i++) {
    if (strcmp(name, canonical_ingredients[i]) == 0) return 1;
  }
  return 0;
}

/* 1 if text, read as words are read (ASCII case ignored, letters with
** diacritics folded to their base letter, combining marks dropped: the
** classes of bp_char_classify), contains the lower-case ASCII word. */
static int contains_ignoring_case(const char *text, size_t n, const char *word) {
  char *folded = malloc(n + 1);
  size_t length = 0, word_length = strlen(word);
  CHECK(folded != NULL);
  for (size_t i = 0; i < n;) {
    uint32_t code_point;
    size_t step = bp_utf8_decode((const unsigned char *)text + i, n - i, &code_point);
    char c = ' ';
    if (step == 0) {
      step = 1; /* an invalid byte separates */
    } else if (code_point < 0x80) {
      c = bp_ascii_lower((char)code_point);
    } else {
      char base = 0;
      bp_char_class kind = bp_char_classify(code_point, &base);
      if (kind == BP_CHAR_MARK) {
        i += step;
        continue;
      }
      if ((kind == BP_CHAR_LETTER || kind == BP_CHAR_DIGIT) && base != 0) c = base;
    }
    folded[length++] = c;
    i += step;
  }
  int found = 0;
  for (size_t i = 0; !found && i + word_length <= length; i++) {
    found = memcmp(folded + i, word, word_length) == 0;
  }
  free(folded);
  return found;
}

/* ---- Relaxants -------------------------------------------------------- */

static void check_relaxant(const char *text, size_t n, const char *upper) {
  bp_relaxant_product product, other;
  bp_relaxant_classify(text, n, &product);
  if (product.ingredient == NULL) {
    CHECK(product.extended_release == 0);
  } else {
    CHECK(is_canonical_ingredient(product.ingredient));
  }
  if (product.outside_back_pain) {
    CHECK(product.ingredient == NULL && product.excluded_ingredient != NULL &&
          is_canonical_ingredient(product.excluded_ingredient));
  } else {
    CHECK(product.excluded_ingredient == NULL);
  }
  CHECK(product.extended_release == 0 || product.extended_release == 1);
  CHECK(product.outside_back_pain == 0 || product.outside_back_pain == 1);

  bp_relaxant_classify(upper, n, &other);
  CHECK(same_product(&product, &other));

  /* Separators around the text: a comma and a space on each side. */
  char *padded = malloc(n + 4);
  CHECK(padded != NULL);
  memcpy(padded, ", ", 2);
  if (n > 0) memcpy(padded + 2, text, n);
  memcpy(padded + 2 + n, " ,", 2);
  bp_relaxant_classify(padded, n + 4, &other);
  CHECK(same_product(&product, &other));
  free(padded);
}

/* ---- Interventions ---------------------------------------------------- */

static void check_intervention(const char *text, size_t n, const char *upper) {
  bp_intervention found = BP_INTERVENTION_COUNT, again = BP_INTERVENTION_COUNT;
  int ok = bp_intervention_from_text(text, n, &found);
  CHECK(ok == 0 || ok == 1);
  if (ok) CHECK((unsigned)found < BP_INTERVENTION_COUNT);

  bp_relaxant_product product;
  bp_relaxant_classify(text, n, &product);
  if (ok && found == BP_INT_MUSCLE_RELAXANT && product.ingredient == NULL) {
    CHECK(contains_ignoring_case(text, n, "relaxant"));
  }

  int ok_upper = bp_intervention_from_text(upper, n, &again);
  CHECK(ok_upper == ok && (!ok || again == found));

  /* Clause ends around the text change nothing. */
  char *wrapped = malloc(n + 4);
  CHECK(wrapped != NULL);
  memcpy(wrapped, ". ", 2);
  if (n > 0) memcpy(wrapped + 2, text, n);
  memcpy(wrapped + 2 + n, " .", 2);
  int ok_wrapped = bp_intervention_from_text(wrapped, n + 4, &again);
  CHECK(ok_wrapped == ok && (!ok || again == found));
  free(wrapped);

  /* Canonical ids map to themselves in free text. */
  for (int i = 0; i < BP_INTERVENTION_COUNT; i++) {
    if (bp_ascii_ieq(text, n, bp_interventions[i].id)) CHECK(ok && found == (bp_intervention)i);
  }
}

/* ---- ICD-10 ------------------------------------------------------------- */

/* The code shape of bp_icd10.h, written out again: the significant
** characters (upper-cased, without the dot) go to out. */
static int icd10_shape(const char *text, size_t n, char out[8]) {
  size_t start = 0, end = n, len = 0;
  while (start < end && bp_is_space(text[start])) start++;
  while (end > start && bp_is_space(text[end - 1])) end--;
  size_t dots = 0;
  for (size_t i = start; i < end; i++) {
    char c = text[i];
    if (c == '.') {
      /* one dot, right after the third character, not last */
      if (dots++ > 0 || i - start != 3 || i + 1 == end) return 0;
      continue;
    }
    if (!bp_is_ascii_letter(c) && !bp_is_digit(c)) return 0;
    if (len == 0 && !bp_is_ascii_letter(c)) return 0;
    if (len == 7) return 0;
    out[len++] = bp_ascii_upper(c);
  }
  out[len] = '\0';
  return len >= 3;
}

static void check_icd10(const char *text, size_t n, const char *upper, const char *lower) {
  const char *class_name = bp_icd10_class(text, n);
  char code[8];
  int shaped = icd10_shape(text, n, code);
  if (class_name != NULL) {
    CHECK(shaped);
    int known = 0, real = 0;
    for (size_t r = 0; r < bp_icd10_rule_count; r++) {
      if (same_text(bp_icd10_rules[r].class_name, class_name)) known = 1;
    }
    for (size_t r = 0; r < bp_icd10cm_code_count; r++) {
      if (strcmp(bp_icd10cm_codes[r].code, code) == 0) real = 1;
    }
    CHECK(known && real);
  }
  CHECK(same_text(bp_icd10_class(upper, n), class_name));
  CHECK(same_text(bp_icd10_class(lower, n), class_name));
  if (!shaped) return;

  /* The same code, bare and with its dot, gets the same class. */
  size_t len = strlen(code);
  CHECK(same_text(bp_icd10_class(code, len), class_name));
  if (len > 3) {
    char dotted[9];
    memcpy(dotted, code, 3);
    dotted[3] = '.';
    memcpy(dotted + 4, code + 3, len - 3);
    CHECK(same_text(bp_icd10_class(dotted, len + 1), class_name));
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *text = copy_of(data, size);
  char *upper = ascii_cased(text, size, 1);
  char *lower = ascii_cased(text, size, 0);

  check_relaxant(text, size, upper);
  check_intervention(text, size, upper);
  check_icd10(text, size, upper, lower);

  free(lower);
  free(upper);
  free(text);
  return 0;
}
