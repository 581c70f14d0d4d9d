/*
** bp_content_codes.h: the ICD-10-CM codes icd10_class() knows and their classes.
** Rows are in bp_content_codes.c.
*/
#ifndef BP_CONTENT_CODES_H
#define BP_CONTENT_CODES_H

#include <stddef.h>

/* ---- ICD-10-CM classes ----------------------------------------------- */

typedef enum { BP_ICD_EXACT = 0, BP_ICD_PREFIX = 1 } bp_icd_match;

typedef struct {
  const char *code; /* upper case, without the dot */
  bp_icd_match match;
  const char *class_name;
  const char *source;
} bp_icd10_rule;

extern const bp_icd10_rule bp_icd10_rules[];
extern const size_t bp_icd10_rule_count;

#endif
