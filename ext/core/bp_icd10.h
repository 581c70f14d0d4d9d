/*
** bp_icd10.h: classification of ICD-10-CM codes for cohort building
** (icd10_class()), with no SQLite dependency. The rules are the rows of
** bp_content_codes.c.
*/
#ifndef BP_ICD10_H
#define BP_ICD10_H

#include <stddef.h>

/*
** The class of a code of n bytes, or NULL. The code may have its dot (only
** after the third character) or not, any case, and surrounding ASCII
** spaces. Anything that is not shaped like an ICD-10-CM code (a letter,
** then two to six letters or digits) is NULL.
*/
const char *bp_icd10_class(const char *text, size_t n);

#endif
