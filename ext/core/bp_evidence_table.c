/*
** bp_evidence_table.c: the columns of guideline_evidence (see
** bp_evidence_table.h).
*/
#include "bp_evidence_table.h"

#include <stddef.h>

#include "bp_common.h"

const char *const bp_evidence_column_names[] = {
    [BP_EVIDENCE_ID] = "id",
    [BP_EVIDENCE_INTERVENTION] = "intervention",
    [BP_EVIDENCE_CATEGORY] = "category",
    [BP_EVIDENCE_POPULATION] = "population",
    [BP_EVIDENCE_COMPARATOR] = "comparator",
    [BP_EVIDENCE_OUTCOME] = "outcome",
    [BP_EVIDENCE_EFFECT] = "effect",
    [BP_EVIDENCE_QUALITY] = "quality",
    [BP_EVIDENCE_RECOMMENDATION] = "recommendation",
    [BP_EVIDENCE_STATEMENT] = "statement",
    [BP_EVIDENCE_SOURCE] = "source",
    [BP_EVIDENCE_NOTE] = "note",
};
_Static_assert(BP_COUNT(bp_evidence_column_names) == BP_EVIDENCE_COLUMN_COUNT,
               "one name per bp_evidence_column");

/* Where each column's text is in a bp_evidence row, in column order. */
static const size_t column_offsets[] = {
    [BP_EVIDENCE_ID] = offsetof(bp_evidence, id),
    [BP_EVIDENCE_INTERVENTION] = offsetof(bp_evidence, intervention),
    [BP_EVIDENCE_CATEGORY] = offsetof(bp_evidence, category),
    [BP_EVIDENCE_POPULATION] = offsetof(bp_evidence, population),
    [BP_EVIDENCE_COMPARATOR] = offsetof(bp_evidence, comparator),
    [BP_EVIDENCE_OUTCOME] = offsetof(bp_evidence, outcome),
    [BP_EVIDENCE_EFFECT] = offsetof(bp_evidence, effect),
    [BP_EVIDENCE_QUALITY] = offsetof(bp_evidence, quality),
    [BP_EVIDENCE_RECOMMENDATION] = offsetof(bp_evidence, recommendation),
    [BP_EVIDENCE_STATEMENT] = offsetof(bp_evidence, statement),
    [BP_EVIDENCE_SOURCE] = offsetof(bp_evidence, source),
    [BP_EVIDENCE_NOTE] = offsetof(bp_evidence, note),
};
_Static_assert(BP_COUNT(column_offsets) == BP_EVIDENCE_COLUMN_COUNT,
               "every evidence column has an offset");
_Static_assert(sizeof(bp_evidence) == BP_EVIDENCE_COLUMN_COUNT * sizeof(const char *),
               "every field of bp_evidence is a column");

const char *bp_evidence_text(const bp_evidence *row, bp_evidence_column column) {
  return *(const char *const *)((const char *)row + column_offsets[column]);
}
