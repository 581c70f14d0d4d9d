/*
** bp_icd10.h: classification of ICD-10-CM codes for cohort building
** (icd10_class()), with no engine dependency. The rules and the real codes
** are the rows of bp_content_codes.c.
*/
#ifndef BP_ICD10_H
#define BP_ICD10_H

#include <stddef.h>

/*
** The class of a code of n bytes, or NULL. The code may have its dot (only
** after the third character) or not, any case, and surrounding ASCII
** spaces. Only a code that exists in ICD-10-CM (CMS order files, any
** fiscal year from 2016 to 2026) and that a class rule covers gets a
** class: anything else, including a well-shaped code that does not exist
** (M54.39), is NULL.
*/
const char *bp_icd10_class(const char *text, size_t n);

#endif
