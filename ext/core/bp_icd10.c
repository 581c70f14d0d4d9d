/*
** bp_icd10.c: ICD-10-CM classification (see bp_icd10.h): the code is
** normalised, looked up among the real codes of bp_content_codes.c, and
** given the class of its rule.
*/
#include "bp_icd10.h"

#include "bp_common.h"
#include "bp_content_codes.h"
#include "bp_match.h"

/* ICD-10-CM codes have 3 to 7 characters, without the dot. */
#define ICD10_MIN 3

/* Writes the code without dot, in upper case, to out; 0 if malformed. */
static int normalise(const char *text, size_t n, char out[BP_ICD10_CODE_MAX + 1], size_t *length) {
  size_t start = 0, end = n, len = 0;
  int dot_seen = 0;
  while (start < end && bp_is_space(text[start])) start++;
  while (end > start && bp_is_space(text[end - 1])) end--;
  for (size_t i = start; i < end; i++) {
    char c = text[i];
    if (c == '.' && len == ICD10_MIN && i + 1 < end && !dot_seen) {
      dot_seen = 1;
      continue;
    }
    c = bp_ascii_upper(c);
    int letter = c >= 'A' && c <= 'Z';
    int digit = bp_is_digit(c);
    if (len == BP_ICD10_CODE_MAX || !(letter || (digit && len > 0))) return 0;
    out[len++] = c;
  }
  out[len] = '\0';
  *length = len;
  return len >= ICD10_MIN;
}

const char *bp_icd10_class(const char *text, size_t n) {
  char code[BP_ICD10_CODE_MAX + 1];
  size_t length;
  if (!normalise(text, n, code, &length)) return NULL;
  long row = bp_match_icd10cm_code(code, length);
  return row < 0 ? NULL : bp_match_icd10cm_class((size_t)row);
}
