/*
** bp_evidence_table.h: the shape of the guideline_evidence table, shared by
** both engines (SQLite's virtual table, PostgreSQL's view over a
** set-returning function): its columns, in order, and where each column's
** text is in a bp_evidence row. The rows themselves are
** bp_content_evidence.c.
*/
#ifndef BP_EVIDENCE_TABLE_H
#define BP_EVIDENCE_TABLE_H

#include "bp_content_evidence.h"

typedef enum {
  BP_EVIDENCE_ID,
  BP_EVIDENCE_INTERVENTION,
  BP_EVIDENCE_CATEGORY,
  BP_EVIDENCE_POPULATION,
  BP_EVIDENCE_COMPARATOR,
  BP_EVIDENCE_OUTCOME,
  BP_EVIDENCE_EFFECT,
  BP_EVIDENCE_QUALITY,
  BP_EVIDENCE_RECOMMENDATION,
  BP_EVIDENCE_STATEMENT,
  BP_EVIDENCE_SOURCE,
  BP_EVIDENCE_NOTE,
  BP_EVIDENCE_COLUMN_COUNT
} bp_evidence_column;

/* Column names, in order (all TEXT): BP_EVIDENCE_COLUMN_COUNT entries (the
** definition checks the count). */
extern const char *const bp_evidence_column_names[];

/* A column's text in a row; NULL where the row has no value. */
const char *bp_evidence_text(const bp_evidence *row, bp_evidence_column column);

#endif
