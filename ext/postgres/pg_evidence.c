/*
** pg_evidence.c: the rows of guideline_evidence (contract section 3) as a
** set-returning function, bp_pg_evidence_rows. The install script declares
** it as guideline_evidence_rows() with the columns of bp_evidence_table.h,
** in order, and puts the read-only view guideline_evidence over it: the
** same columns and rows as SQLite's virtual table. A view over a function
** is not updatable, so INSERT, UPDATE and DELETE fail.
**
** The rows are constant (bp_content_evidence.c): one per call, in their
** order, NULL where a row has no value.
*/
#include "pg_binding.h"

#include <string.h>

#include "access/htup_details.h"
#include "funcapi.h"
#include "utils/builtins.h"

#include "bp_evidence_table.h"

/* The declared columns must be the core's, by name and in order. */
static void check_columns(TupleDesc descriptor) {
  bool same = descriptor->natts == BP_EVIDENCE_COLUMN_COUNT;
  for (int c = 0; same && c < BP_EVIDENCE_COLUMN_COUNT; c++) {
    Form_pg_attribute attribute = TupleDescAttr(descriptor, c);
    same = attribute->atttypid == TEXTOID &&
           strcmp(NameStr(attribute->attname), bp_evidence_column_names[c]) == 0;
  }
  if (!same) {
    bp_pg_error(ERRCODE_INVALID_FUNCTION_DEFINITION,
                "Reinstall the extension: DROP EXTENSION backpain; CREATE EXTENSION backpain;",
                "backpain: the SQL declaration of guideline_evidence_rows does not match the "
                "extension's library");
  }
}

BP_PG_FUNCTION(bp_pg_evidence_rows);

Datum bp_pg_evidence_rows(PG_FUNCTION_ARGS) {
  FuncCallContext *srf;
  if (SRF_IS_FIRSTCALL()) {
    TupleDesc descriptor;
    srf = SRF_FIRSTCALL_INIT();
    MemoryContext before = MemoryContextSwitchTo(srf->multi_call_memory_ctx);
    if (get_call_result_type(fcinfo, NULL, &descriptor) != TYPEFUNC_COMPOSITE) {
      bp_pg_error(ERRCODE_INTERNAL_ERROR, NULL,
                  "backpain: guideline_evidence_rows must return rows");
    }
    check_columns(descriptor);
    srf->tuple_desc = BlessTupleDesc(descriptor);
    srf->max_calls = bp_evidence_count;
    MemoryContextSwitchTo(before);
  }
  srf = SRF_PERCALL_SETUP();
  if (srf->call_cntr >= srf->max_calls) SRF_RETURN_DONE(srf);

  const bp_evidence *row = &bp_evidence_rows[srf->call_cntr];
  Datum values[BP_EVIDENCE_COLUMN_COUNT];
  bool nulls[BP_EVIDENCE_COLUMN_COUNT];
  for (int c = 0; c < BP_EVIDENCE_COLUMN_COUNT; c++) {
    const char *text = bp_evidence_text(row, (bp_evidence_column)c);
    nulls[c] = text == NULL;
    values[c] = text == NULL ? (Datum)0 : CStringGetTextDatum(text);
  }
  HeapTuple tuple = heap_form_tuple(srf->tuple_desc, values, nulls);
  SRF_RETURN_NEXT(srf, HeapTupleGetDatum(tuple));
}
