/*
** bp_content_evidence.h: the evidence statements behind guideline_evidence. Rows are
** in bp_content_evidence.c.
*/
#ifndef BP_CONTENT_EVIDENCE_H
#define BP_CONTENT_EVIDENCE_H

#include <stddef.h>

/* ---- Evidence statements (the guideline_evidence table) --------------- */

typedef struct {
  const char *id;
  const char *intervention;
  const char *category;
  const char *population;
  const char *comparator; /* NULL when the source states none */
  const char *outcome;
  const char *effect;
  const char *quality;
  const char *recommendation;
  const char *statement;
  const char *source;
  const char *note; /* how the summary put it, where the verified source differs */
} bp_evidence;

extern const bp_evidence bp_evidence_rows[];
extern const size_t bp_evidence_count;

#endif
