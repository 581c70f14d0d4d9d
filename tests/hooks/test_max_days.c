/*
** test_max_days.c: the relaxant limit and the start dose are data, and
** everything that states or applies them follows the table. This test
** links the core with bp_content_relaxant.c compiled with
** -DBP_TEST_RELAXANT_MAX_DAYS=14 and -DBP_TEST_START_DOSE_MG=7.5 (the test
** hooks of that file; the Makefile builds it so for this test only, no
** other build sets them), and checks that the plan's reasons say 14 where
** the label's limit makes them say 21 and "start at 7.5 mg" where the
** label's dose makes them say 5 mg (tests/unit/test_plan.c: a dose with a
** fraction is written as such), and that the overdue answers follow: the plan's relaxant rule, the
*default
** max_days of relaxant_overdue and of relaxant_courses, and
** recommend_plan through the call layer. Every expected value is the one
** for a 14-day limit, worked out by hand; 15 days is within 21 days and
** over 14, so a build that ignored the hook fails each check.
*/
#include <string.h>

#include "bp_calls.h"
#include "bp_dose.h"
#include "bp_plan.h"
#include "support/plan_util.h"
#include "tap.h"

#define CONSIDER_CHRONIC "Cyclobenzaprine for a spasm flare, short course: at most "
#define ACP_CHRONIC " ACP 2017 does not recommend relaxants for chronic pain."
#define FRIEDMAN " Adding it to an NSAID gave no gain in a trial (Friedman 2015)."

static void test_plan(void) {
  bp_plan plan;
  bp_patient p = plan_spasm_patient(0);
  bp_plan_build(&p, &plan);
  const bp_plan_step *step = plan_relaxant_step(&plan);
  tap_is_str(step ? step->reason : NULL,
             CONSIDER_CHRONIC "14 more days, start at 7.5 mg." ACP_CHRONIC FRIEDMAN,
             "no relaxant days: at most 14 more days");
  p = plan_spasm_patient(14);
  bp_plan_build(&p, &plan);
  step = plan_relaxant_step(&plan);
  tap_is_str(step ? step->reason : NULL,
             CONSIDER_CHRONIC "0 more days, start at 7.5 mg." ACP_CHRONIC FRIEDMAN
                              " The 14-day limit is reached.",
             "14 days: still consider, the 14-day limit is reached");
  tap_ok(step != NULL && step->action == BP_ACTION_CONSIDER && plan.warnings == 0,
         "14 days: a consider step, no warning");
  p = plan_spasm_patient(15);
  bp_plan_build(&p, &plan);
  step = plan_relaxant_step(&plan);
  tap_is_str(step ? step->reason : NULL,
             "More than 14 days of use: the label allows two to three weeks.",
             "15 days: the stop step says more than 14 days");
  tap_ok(step != NULL && step->action == BP_ACTION_STOP &&
             plan.warnings == BP_BIT(BP_WARN_RELAXANT_OVERDUE),
         "15 days: stop, warning relaxant_overdue");
}

/* Runs a scalar of bp_functions[] on text arguments (NULL: SQL NULL). */
static bp_result call_scalar(const char *name, int argc, const char *const *texts, char *json,
                             size_t json_size, bp_call *call) {
  bp_value argv[8];
  bp_result result;
  bp_buffer_writer writer;
  const bp_function_info *f = bp_function_find(name);
  memset(&result, 0, sizeof(result));
  bp_buffer_writer_init(&writer, json, json_size);
  bp_call_init(call, name);
  for (int i = 0; i < argc; i++) {
    argv[i] = texts[i] ? bp_value_text(texts[i], strlen(texts[i])) : bp_value_null();
  }
  if (f != NULL && f->scalar != NULL) f->scalar(call, argc, argv, &result, &writer.base);
  return result;
}

static void test_calls(void) {
  char json[4096];
  bp_call call;
  static const char *const days_15[] = {"2024-01-01", "2024-01-15"};
  static const char *const days_14[] = {"2024-01-01", "2024-01-14"};
  bp_result r = call_scalar("relaxant_overdue", 2, days_15, json, sizeof(json), &call);
  tap_ok(call.status == BP_STATUS_OK && r.type == BP_RESULT_BOOLEAN && r.integer == 1,
         "relaxant_overdue('2024-01-01', '2024-01-15'): 15 days are overdue");
  r = call_scalar("relaxant_overdue", 2, days_14, json, sizeof(json), &call);
  tap_ok(call.status == BP_STATUS_OK && r.type == BP_RESULT_BOOLEAN && r.integer == 0,
         "relaxant_overdue('2024-01-01', '2024-01-14'): 14 days are not");

  static const char *const plan_args[] = {"pain_weeks", "20", "spasm", "1", "relaxant_days", "15"};
  r = call_scalar("recommend_plan", 6, plan_args, json, sizeof(json), &call);
  tap_ok(call.status == BP_STATUS_OK && r.type == BP_RESULT_JSON &&
             strstr(json,
                    "\"reason\":\"More than 14 days of use: the label allows two to three "
                    "weeks.\"") != NULL &&
             strstr(json, "\"warnings\":[\"relaxant_overdue\"]") != NULL,
         "recommend_plan(..., 'relaxant_days', 15): stop, more than 14 days, relaxant_overdue");

  /* relaxant_courses: its default max_days, and the overdue flag of a
  ** 15-day course. */
  bp_course_params params;
  bp_fill fill;
  int has_start;
  bp_value row[2] = {bp_value_text("2024-01-01", 10), bp_value_text("2024-01-15", 10)};
  memset(&params, 0, sizeof(params));
  bp_call_init(&call, "relaxant_courses");
  bp_arg arg = bp_course_read_row(&call, BP_COURSES_JSON, 2, row, &params, &fill, &has_start);
  tap_ok(arg == BP_ARG_OK && params.max_days == 14, "relaxant_courses: max_days defaults to 14");
  bp_buffer_writer writer;
  bp_buffer_writer_init(&writer, json, sizeof(json));
  bp_courses_write_json(&fill, 1, &params, &writer.base);
  tap_is_str(json,
             "[{\"start\":\"2024-01-01\",\"end\":\"2024-01-15\",\"span_days\":15,"
             "\"covered_days\":15,\"fills\":1,\"overdue\":true}]",
             "a 15-day course is overdue");
}

int main(void) {
  tap_is_int(bp_relaxant_max_days.value, 14, "the test build's limit is 14 days");
  const bp_dose_rule *start = bp_dose_rule_find("elderly_start_5mg", BP_RELEASE_IMMEDIATE);
  tap_ok(start != NULL && start->single_dose_above == 7.5, "... and its start dose 7.5 mg");
  test_plan();
  test_calls();
  return tap_done();
}
