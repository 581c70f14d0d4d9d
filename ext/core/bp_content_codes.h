/*
** bp_content_codes.h: the ICD-10-CM content of icd10_class(): the rules
** that decide, for every code of the families it covers, a class or no
** class, and the list of real codes (CMS order files FY2016-FY2026) that a
** class rule covers. Rows are in bp_content_codes.c; docs/recognition.md
** explains the decisions.
*/
#ifndef BP_CONTENT_CODES_H
#define BP_CONTENT_CODES_H

#include <stddef.h>
#include <stdint.h>

/* ---- ICD-10-CM ---------------------------------------------------------- */

/* Codes are written without the dot, upper case: 3 to 7 characters. */
#define BP_ICD10_CODE_MAX 7

/*
** A decision about every code that starts with `prefix`: the class, or
** NULL for "deliberately no class", with the reason. The longest matching
** prefix decides. Every code of the covered families in the official list
** matches some rule (tests/unit/test_codes.c proves it against
** fixtures/codes/icd10cm_extract.tsv).
*/
typedef struct {
  const char *prefix;
  const char *class_name; /* NULL: deliberately unclassified */
  const char *reason;
} bp_icd10_rule;

#define BP_ICD10_RULES_MAX 128
extern const bp_icd10_rule bp_icd10_rules[];
extern const size_t bp_icd10_rule_count;

/*
** A real ICD-10-CM code that a class rule covers: it appears in the CMS
** order files from fiscal year first_fy to last_fy (valid for submission
** or a header). Sorted by code. Only these codes get a class: a code that
** does not exist gives NULL however it starts.
*/
typedef struct {
  const char *code;
  int16_t first_fy, last_fy;
} bp_icd10cm_code;

#define BP_ICD10CM_CODES_MAX 1024
extern const bp_icd10cm_code bp_icd10cm_codes[];
extern const size_t bp_icd10cm_code_count;

/* The source of bp_icd10cm_codes, for the documentation and errors. */
extern const char bp_icd10cm_source[];

#endif
