/*
** test_tables.c: every table indexed by an enum has an entry for each of
** its values (no SQLite). The count of each is a _Static_assert where the
** table is defined; a designated initializer can still leave a hole in the
** middle, a NULL or zero row that the compiler accepts, so each entry is
** checked here. A hole would name a step, a warning or a column NULL.
*/
#include <string.h>

#include "bp_calls.h"
#include "bp_common.h"
#include "bp_content_interventions.h"
#include "bp_content_plan.h"
#include "bp_content_relaxant.h"
#include "bp_evidence_table.h"
#include "bp_list.h"
#include "bp_plan.h"
#include "tap.h"

/* 1 when every name is a non-empty string; reports the first hole. */
static int names_filled(const char *const *names, int count, const char *table) {
  for (int i = 0; i < count; i++) {
    if (names[i] == NULL || names[i][0] == '\0') {
      tap_diag("%s[%d] is empty", table, i);
      return 0;
    }
  }
  return 1;
}

static void test_names(void) {
  tap_ok(names_filled(bp_action_names, BP_ACTION_COUNT, "bp_action_names"),
         "bp_action_names: a name for each of %d actions", BP_ACTION_COUNT);
  tap_ok(names_filled(bp_warning_names, BP_WARNING_COUNT, "bp_warning_names"),
         "bp_warning_names: a name for each of %d warnings", BP_WARNING_COUNT);
  tap_ok(names_filled(bp_response_names, BP_RESPONSE_COUNT, "bp_response_names"),
         "bp_response_names: a name for each of %d responses", BP_RESPONSE_COUNT);
  tap_ok(names_filled(bp_hepatic_names, BP_HEPATIC_COUNT, "bp_hepatic_names"),
         "bp_hepatic_names: a name for each of %d hepatic functions", BP_HEPATIC_COUNT);
  tap_ok(names_filled(bp_phase_names, BP_PHASE_COUNT, "bp_phase_names"),
         "bp_phase_names: a name for each of %d phases", BP_PHASE_COUNT);
  tap_ok(
      names_filled(bp_evidence_column_names, BP_EVIDENCE_COLUMN_COUNT, "bp_evidence_column_names"),
      "bp_evidence_column_names: a name for each of %d columns", BP_EVIDENCE_COLUMN_COUNT);
  int lists = 1;
  for (int s = 0; s < BP_LIST_STATUS_COUNT; s++) {
    const char *text = bp_list_status_text((bp_list_status)s);
    lists &= text != NULL && text[0] != '\0';
  }
  tap_ok(lists, "bp_list_status_text: a text for each of %d statuses", BP_LIST_STATUS_COUNT);
}

static void test_rows(void) {
  int ok = 1;
  for (int i = 0; i < BP_INTERVENTION_COUNT; i++) {
    if (bp_interventions[i].id == NULL) {
      tap_diag("bp_interventions[%d] has no id", i);
      ok = 0;
    }
  }
  tap_ok(ok, "bp_interventions: a row for each of %d interventions", BP_INTERVENTION_COUNT);
  ok = 1;
  for (int s = 0; s < BP_SITUATION_COUNT; s++) {
    if (bp_situations[s].pathway == NULL) {
      tap_diag("bp_situations[%d] has no pathway", s);
      ok = 0;
    }
  }
  tap_ok(ok, "bp_situations: a row for each of %d situations", BP_SITUATION_COUNT);
  ok = 1;
  for (int k = 0; k < BP_RELAXANT_STEP_COUNT; k++) {
    const bp_relaxant_step_rule *rule = &bp_relaxant_steps[k];
    if (rule->reason == NULL || rule->evidence[0] == NULL ||
        (rule->action != BP_ACTION_STOP && rule->action != BP_ACTION_CONSIDER)) {
      tap_diag("bp_relaxant_steps[%d] is empty", k);
      ok = 0;
    }
  }
  tap_ok(ok, "bp_relaxant_steps: a stop or consider rule with a reason for each of %d steps",
         BP_RELAXANT_STEP_COUNT);
  ok = 1;
  for (int k = 0; k < BP_RELAXANT_NOTE_COUNT; k++) {
    if (bp_relaxant_notes[k].evidence == NULL && bp_relaxant_notes[k].text == NULL) {
      tap_diag("bp_relaxant_notes[%d] is empty", k);
      ok = 0;
    }
  }
  tap_ok(ok, "bp_relaxant_notes: evidence or a text for each of %d notes", BP_RELAXANT_NOTE_COUNT);
  ok = 1;
  for (size_t f = 0; f < bp_function_count; f++) {
    const bp_function_info *fn = &bp_functions[f];
    if (fn->name == NULL || (fn->kind == BP_KIND_SCALAR) != (fn->scalar != NULL)) ok = 0;
  }
  tap_ok(ok && bp_function_count > 0,
         "bp_functions: every row named, a C function exactly for the scalars");
}

/* The checker finds a hole: a table with a NULL in the middle. */
static void test_checker(void) {
  static const char *const holed[] = {"a", NULL, "c"};
  static const char *const empty[] = {"a", ""};
  printf("# (two holes below are expected)\n");
  tap_ok(!names_filled(holed, 3, "holed") && !names_filled(empty, 2, "empty"),
         "the checker refuses a NULL and an empty name");
}

int main(void) {
  test_names();
  test_rows();
  test_checker();
  return tap_done();
}
