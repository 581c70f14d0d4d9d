/*
** bp_icd10.c: ICD-10-CM classification (see bp_icd10.h).
*/
#include "bp_icd10.h"

#include <string.h>

#include "bp_common.h"
#include "bp_content_codes.h"

/* ICD-10-CM codes have 3 to 7 characters, without the dot. */
#define ICD10_MIN 3
#define ICD10_MAX 7

/* Writes the code without dot, in upper case, to out; 0 if malformed. */
static int normalise(const char *text, size_t n, char out[ICD10_MAX + 1]) {
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
    if (c >= 'a' && c <= 'z') c = (char)(c - 'a' + 'A');
    int letter = c >= 'A' && c <= 'Z';
    int digit = c >= '0' && c <= '9';
    if (len == ICD10_MAX || !(letter || (digit && len > 0))) return 0;
    out[len++] = c;
  }
  out[len] = '\0';
  return len >= ICD10_MIN;
}

const char *bp_icd10_class(const char *text, size_t n) {
  char code[ICD10_MAX + 1];
  const bp_icd10_rule *best = NULL;
  if (!normalise(text, n, code)) return NULL;
  size_t length = strlen(code);
  for (size_t r = 0; r < bp_icd10_rule_count; r++) {
    const bp_icd10_rule *rule = &bp_icd10_rules[r];
    size_t rule_length = strlen(rule->code);
    int matches = rule->match == BP_ICD_EXACT
                      ? strcmp(rule->code, code) == 0
                      : rule_length <= length && memcmp(rule->code, code, rule_length) == 0;
    if (matches && (best == NULL || rule_length > strlen(best->code))) best = rule;
  }
  return best == NULL ? NULL : best->class_name;
}
