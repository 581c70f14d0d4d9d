/*
** test_plan.c: the treatment algorithm engine (no SQLite). Each case sets
** some facts and compares the plan's pathway, stage, steps ("action
** intervention", in order) and warnings with what docs/reference.md
** prescribes, worked out by hand.
*/
#include <string.h>

#include "bp_common.h"
#include "bp_plan.h"
#include "support/plan_util.h"
#include "tap.h"

static char steps_text[2048];
static char warnings_text[512];

static const char *steps_of(const bp_plan *plan) {
  steps_text[0] = '\0';
  for (size_t s = 0; s < plan->step_count; s++) {
    if (s) strcat(steps_text, ", ");
    strcat(steps_text, bp_action_names[plan->steps[s].action]);
    strcat(steps_text, " ");
    strcat(steps_text, bp_interventions[plan->steps[s].intervention].id);
  }
  return steps_text;
}

static const char *warnings_of(const bp_plan *plan) {
  warnings_text[0] = '\0';
  for (int k = 0; k < BP_WARNING_COUNT; k++) {
    if ((plan->warnings & BP_BIT(k)) == 0) continue;
    if (warnings_text[0]) strcat(warnings_text, ",");
    strcat(warnings_text, bp_warning_names[k]);
  }
  return warnings_text;
}

static const char *stage_of(const bp_plan *plan) {
  const char *stage = bp_situations[plan->situation].stage;
  return stage ? stage : "null";
}

/* Builds and compares pathway/stage, steps and warnings. */
static void check(const char *name, const bp_patient *p, const char *pathway_stage,
                  const char *steps, const char *warnings) {
  bp_plan plan;
  char got_ps[128];
  bp_plan_build(p, &plan);
  snprintf(got_ps, sizeof(got_ps), "%s/%s", bp_situations[plan.situation].pathway, stage_of(&plan));
  int ok = strcmp(got_ps, pathway_stage) == 0 && strcmp(steps_of(&plan), steps) == 0 &&
           strcmp(warnings_of(&plan), warnings) == 0;
  tap_ok(ok, "%s", name);
  if (!ok) {
    tap_diag("got:  %s | %s | %s", got_ps, steps_of(&plan), warnings_of(&plan));
    tap_diag("want: %s | %s | %s", pathway_stage, steps, warnings);
  }
}

#define NEW_STEPS                                                                        \
  "start exercise_therapy, start heat_therapy, consider tai_chi, consider yoga, "        \
  "consider cbt, consider progressive_relaxation, consider mbsr, consider acupuncture, " \
  "avoid lumbar_support, avoid tens"
#define ACUTE_STEPS                                                                            \
  "start heat_therapy, consider massage, consider acupuncture, consider spinal_manipulation, " \
  "consider nsaid, avoid lumbar_support, avoid tens"
#define AVOID "avoid lumbar_support, avoid tens"

static void test_pathways_and_phases(void) {
  bp_patient p;
  bp_patient_init(&p);
  check("no facts: phase unknown, chronic pathway, begin", &p, "chronic_nonspecific/begin",
        NEW_STEPS, "phase_unknown");
  p.red_flag = 1;
  check("any red flag: evaluate only, stage null, no phase warning", &p,
        "evaluate_specific_cause/null", "evaluate specific_cause_evaluation", "");
  p.unrecognised = 1;
  check("red flag with an unrecognised tried item keeps that warning", &p,
        "evaluate_specific_cause/null", "evaluate specific_cause_evaluation",
        "unrecognised_intervention");

  static const struct {
    double weeks;
    const char *pathway_stage;
    bp_phase phase;
  } weeks[] = {
      {0, "acute_subacute/begin", BP_PHASE_ACUTE},
      {3.99, "acute_subacute/begin", BP_PHASE_ACUTE},
      {4, "acute_subacute/begin", BP_PHASE_SUBACUTE},
      {12, "acute_subacute/begin", BP_PHASE_SUBACUTE},
      {12.001, "chronic_nonspecific/begin", BP_PHASE_CHRONIC},
  };
  for (size_t k = 0; k < BP_COUNT(weeks); k++) {
    bp_plan plan;
    bp_patient_init(&p);
    p.pain_weeks_given = 1;
    p.pain_weeks = weeks[k].weeks;
    bp_plan_build(&p, &plan);
    tap_ok(plan.phase == weeks[k].phase, "%g weeks is %s", weeks[k].weeks,
           bp_phase_names[weeks[k].phase]);
    check("weeks decide the pathway", &p, weeks[k].pathway_stage,
          weeks[k].phase == BP_PHASE_CHRONIC ? NEW_STEPS : ACUTE_STEPS, "");
  }

  /* Dates: 2024-01-01 is day 2460311. 27 days acute, 28 subacute, 84
  ** subacute (2024-03-25), 85 chronic. */
  static const struct {
    int days;
    bp_phase phase;
  } spans[] = {{0, BP_PHASE_ACUTE},
               {27, BP_PHASE_ACUTE},
               {28, BP_PHASE_SUBACUTE},
               {84, BP_PHASE_SUBACUTE},
               {85, BP_PHASE_CHRONIC}};
  for (size_t k = 0; k < BP_COUNT(spans); k++) {
    bp_plan plan;
    bp_patient_init(&p);
    p.onset_given = p.as_of_given = 1;
    p.onset = 2460311;
    p.as_of = 2460311 + spans[k].days;
    bp_plan_build(&p, &plan);
    tap_ok(plan.phase == spans[k].phase, "onset to as_of of %d days is %s", spans[k].days,
           bp_phase_names[spans[k].phase]);
  }
  bp_patient_init(&p);
  p.onset_given = 1;
  p.onset = 2460311;
  check("onset without as_of: phase unknown", &p, "chronic_nonspecific/begin", NEW_STEPS,
        "phase_unknown");
  bp_patient_init(&p);
  p.pain_weeks_given = 1;
  p.pain_weeks = 2;
  p.onset_given = p.as_of_given = 1;
  p.onset = 2460311;
  p.as_of = 2460311 + 200;
  check("pain_weeks wins over dates", &p, "acute_subacute/begin", ACUTE_STEPS, "");
}

static void test_chronic_stages(void) {
  bp_patient p = plan_chronic_patient();
  p.tried = BP_BIT(BP_INT_YOGA);
  p.response_given = 1;
  p.response = BP_RESPONSE_ADEQUATE;
  check("F tried, adequate: maintain", &p, "chronic_nonspecific/maintain", "continue yoga, " AVOID,
        "");
  p.response = BP_RESPONSE_UNKNOWN;
  check("F tried, response unknown: begin, continue, warning", &p, "chronic_nonspecific/begin",
        "continue yoga, " AVOID, "response_unknown");
  p.response_given = 0;
  check("F tried, response not given: the same", &p, "chronic_nonspecific/begin",
        "continue yoga, " AVOID, "response_unknown");
  p.response_given = 1;
  p.response = BP_RESPONSE_INADEQUATE;
  check("F tried, inadequate, no A: add_adjuncts", &p, "chronic_nonspecific/add_adjuncts",
        "continue yoga, add massage, add spinal_manipulation, consider nsaid, " AVOID, "");
  p.tried |= BP_BIT(BP_INT_MASSAGE);
  check("F and A tried, inadequate: escalate", &p, "chronic_nonspecific/escalate",
        "evaluate specific_cause_evaluation, refer multidisciplinary_rehabilitation, "
        "continue yoga, continue massage, " AVOID,
        "");
  p.tried = BP_BIT(BP_INT_NSAID);
  check("only A tried: still begin with the first-line steps", &p, "chronic_nonspecific/begin",
        NEW_STEPS, "");
  p.tried = BP_BIT(BP_INT_TENS) | BP_BIT(BP_INT_LUMBAR_SUPPORT) | BP_BIT(BP_INT_MUSCLE_RELAXANT) |
            BP_BIT(BP_INT_OPIOID);
  check("tens, lumbar support, relaxant, opioid are not F: begin", &p, "chronic_nonspecific/begin",
        NEW_STEPS, "");
  p.tried |= BP_BIT(BP_INT_YOGA);
  p.response = BP_RESPONSE_ADEQUATE;
  check("tens, lumbar support and relaxants are never continued", &p,
        "chronic_nonspecific/maintain", "continue yoga, " AVOID, "");
  p.tried = BP_BIT(BP_INT_NSAID) | BP_BIT(BP_INT_YOGA) | BP_BIT(BP_INT_EXERCISE_THERAPY) |
            BP_BIT(BP_INT_HEAT_THERAPY) | BP_BIT(BP_INT_SPINAL_MANIPULATION);
  check("continue steps come in the listed order, F then A", &p, "chronic_nonspecific/maintain",
        "continue exercise_therapy, continue heat_therapy, continue yoga, "
        "continue spinal_manipulation, continue nsaid, " AVOID,
        "");
}

static void test_response_from_scores(void) {
  static const struct {
    double baseline, now, threshold;
    bp_response want;
  } cases[] = {
      {10, 7, 0.30, BP_RESPONSE_ADEQUATE},      /* exactly 30 % */
      {10, 7.01, 0.30, BP_RESPONSE_INADEQUATE}, /* just under */
      {7, 4.9, 0.30, BP_RESPONSE_ADEQUATE},     /* 30 % of 7 is 2.1, not exact in binary */
      {3, 2.1, 0.30, BP_RESPONSE_ADEQUATE},     {8, 8, 0.30, BP_RESPONSE_INADEQUATE},
      {8, 9, 0.30, BP_RESPONSE_INADEQUATE},     {10, 5, 0.50, BP_RESPONSE_ADEQUATE},
      {10, 5.01, 0.50, BP_RESPONSE_INADEQUATE}, {0, 0, 0.30, BP_RESPONSE_ADEQUATE},
      {0, 1, 0.30, BP_RESPONSE_INADEQUATE},     {10, 0, 1.0, BP_RESPONSE_ADEQUATE},
  };
  for (size_t k = 0; k < BP_COUNT(cases); k++) {
    bp_patient p = plan_chronic_patient();
    p.pain_baseline_given = p.pain_now_given = 1;
    p.pain_baseline = cases[k].baseline;
    p.pain_now = cases[k].now;
    p.response_threshold = cases[k].threshold;
    tap_is_str(bp_response_names[bp_plan_response(&p)], bp_response_names[cases[k].want],
               "baseline %g, now %g, threshold %g", cases[k].baseline, cases[k].now,
               cases[k].threshold);
  }
  bp_patient p = plan_chronic_patient();
  p.pain_baseline_given = 1;
  p.pain_baseline = 8;
  tap_is_str(bp_response_names[bp_plan_response(&p)], "unknown",
             "a baseline alone gives no response");
  p.pain_now_given = 1;
  p.pain_now = 1;
  p.response_given = 1;
  p.response = BP_RESPONSE_INADEQUATE;
  tap_is_str(bp_response_names[bp_plan_response(&p)], "inadequate",
             "a given response wins over the scores");
  bp_patient_init(&p);
  tap_ok(p.response_threshold == 0.30, "the default threshold is 0.30");
}

static void test_preferences(void) {
  bp_patient p = plan_chronic_patient();
  bp_patient_prefer(&p, BP_INT_MBSR);
  bp_patient_prefer(&p, BP_INT_YOGA);
  bp_patient_prefer(&p, BP_INT_MASSAGE);
  bp_patient_prefer(&p, BP_INT_MBSR);
  tap_is_int((long long)p.preference_count, 3, "a repeated preference counts once");
  check("preferences come first among consider steps, in their order", &p,
        "chronic_nonspecific/begin",
        "start exercise_therapy, start heat_therapy, consider mbsr, consider yoga, "
        "consider tai_chi, consider cbt, consider progressive_relaxation, "
        "consider acupuncture, " AVOID,
        "");
  p.spasm = 1;
  bp_patient_prefer(&p, BP_INT_MUSCLE_RELAXANT);
  check("consider muscle_relaxant stays last, even when preferred", &p, "chronic_nonspecific/begin",
        "start exercise_therapy, start heat_therapy, consider mbsr, consider yoga, "
        "consider tai_chi, consider cbt, consider progressive_relaxation, "
        "consider acupuncture, consider muscle_relaxant, " AVOID,
        "");
  bp_patient_init(&p);
  p.pain_weeks_given = 1;
  p.pain_weeks = 1;
  bp_patient_prefer(&p, BP_INT_NSAID);
  check("acute pathway: preferences first too", &p, "acute_subacute/begin",
        "start heat_therapy, consider nsaid, consider massage, consider acupuncture, "
        "consider spinal_manipulation, " AVOID,
        "");
}

/* The consider muscle_relaxant step of a plan, or NULL. */

static int has_evidence(const bp_plan_step *step, const char *id) {
  for (size_t e = 0; step && e < step->evidence_count; e++) {
    if (strcmp(step->evidence[e], id) == 0) return 1;
  }
  return 0;
}

static void test_relaxant_rule(void) {
  bp_patient p = plan_chronic_patient();
  bp_plan plan;
  p.spasm = 1;
  check("spasm: consider muscle_relaxant, last among consider steps", &p,
        "chronic_nonspecific/begin",
        "start exercise_therapy, start heat_therapy, consider tai_chi, consider yoga, "
        "consider cbt, consider progressive_relaxation, consider mbsr, consider acupuncture, "
        "consider muscle_relaxant, " AVOID,
        "");
  bp_plan_build(&p, &plan);
  tap_is_str(plan_relaxant_step(&plan)->reason,
             "Cyclobenzaprine for a spasm flare, short course: at most 21 more days, start at "
             "5 mg. ACP 2017 does not recommend relaxants for chronic pain. Adding it to an NSAID "
             "gave no gain in a trial (Friedman 2015).",
             "no relaxant days: at most 21 more days");
  tap_ok(has_evidence(plan_relaxant_step(&plan), "smr_chronic") &&
             !has_evidence(plan_relaxant_step(&plan), "smr_label_hepatic_mild"),
         "chronic relaxant step cites smr_chronic, no titration evidence");

  p.relaxant_days_given = 1;
  p.relaxant_days = 21;
  bp_plan_build(&p, &plan);
  tap_is_str(plan_relaxant_step(&plan)->reason,
             "Cyclobenzaprine for a spasm flare, short course: at most 0 more days, start at "
             "5 mg. ACP 2017 does not recommend relaxants for chronic pain. Adding it to an NSAID "
             "gave no gain in a trial (Friedman 2015). The 21-day "
             "limit is reached.",
             "21 days: still consider, with no days left");
  tap_ok(plan.warnings == 0, "21 days: no warning");

  p.relaxant_days = 22;
  check("22 days: stop, first, warning relaxant_overdue", &p, "chronic_nonspecific/begin",
        "stop muscle_relaxant, start exercise_therapy, start heat_therapy, consider tai_chi, "
        "consider yoga, consider cbt, consider progressive_relaxation, consider mbsr, "
        "consider acupuncture, " AVOID,
        "relaxant_overdue");
  p.spasm = 0;
  check("22 days without spasm: stop too", &p, "chronic_nonspecific/begin",
        "stop muscle_relaxant, " NEW_STEPS, "relaxant_overdue");
  p.spasm = 1;
  p.contraindications = 1;
  check("22 days with a contraindication: the overdue rule comes first", &p,
        "chronic_nonspecific/begin", "stop muscle_relaxant, " NEW_STEPS, "relaxant_overdue");

  p.relaxant_days_given = 0;
  check("contraindication, none taken: no consider, a warning, no stop", &p,
        "chronic_nonspecific/begin", NEW_STEPS, "relaxant_contraindicated");
  p.relaxant_days_given = 1;
  p.relaxant_days = 5;
  check("contraindication while taking it: stop", &p, "chronic_nonspecific/begin",
        "stop muscle_relaxant, " NEW_STEPS, "relaxant_contraindicated");
  bp_plan_build(&p, &plan);
  tap_ok(has_evidence(&plan.steps[0], "smr_label_contraindications") &&
             !has_evidence(&plan.steps[0], "smr_label_hepatic_moderate"),
         "the stop cites the contraindications");
  p.hepatic_given = 1;
  p.hepatic = BP_HEPATIC_MODERATE;
  check("contraindication and moderate hepatic: stop, both warnings", &p,
        "chronic_nonspecific/begin", "stop muscle_relaxant, " NEW_STEPS,
        "relaxant_contraindicated,hepatic_not_recommended");
  bp_plan_build(&p, &plan);
  tap_ok(has_evidence(&plan.steps[0], "smr_label_contraindications") &&
             has_evidence(&plan.steps[0], "smr_label_hepatic_moderate"),
         "that stop cites both");
  p.contraindications = 0;
  p.hepatic = BP_HEPATIC_SEVERE;
  check("severe hepatic while taking it: stop, hepatic warning", &p, "chronic_nonspecific/begin",
        "stop muscle_relaxant, " NEW_STEPS, "hepatic_not_recommended");
  p.relaxant_days = 0;
  check("severe hepatic, 0 days: no step, the warning", &p, "chronic_nonspecific/begin", NEW_STEPS,
        "hepatic_not_recommended");

  p = plan_chronic_patient();
  p.relaxant_days_given = 1;
  p.relaxant_days = 5;
  check("relaxant without spasm: a warning, no step", &p, "chronic_nonspecific/begin", NEW_STEPS,
        "relaxant_without_spasm");
  p.contraindications = 1;
  check("without spasm a contraindication changes nothing", &p, "chronic_nonspecific/begin",
        NEW_STEPS, "relaxant_without_spasm");

  p = plan_chronic_patient();
  p.spasm = 1;
  p.serotonergic = 1;
  p.hepatic_given = 1;
  p.hepatic = BP_HEPATIC_MILD;
  p.age_given = 1;
  p.age = 65;
  bp_plan_build(&p, &plan);
  tap_is_str(warnings_of(&plan), "serotonergic_interaction", "serotonergic: warning");
  tap_ok(has_evidence(plan_relaxant_step(&plan), "smr_label_serotonergic") &&
             has_evidence(plan_relaxant_step(&plan), "smr_label_hepatic_mild") &&
             has_evidence(plan_relaxant_step(&plan), "smr_label_elderly"),
         "serotonergic, mild hepatic and age 65 add their evidence");
  tap_is_str(plan_relaxant_step(&plan)->reason,
             "Cyclobenzaprine for a spasm flare, short course: at most 21 more days, start at "
             "5 mg. ACP 2017 does not recommend relaxants for chronic pain. Adding it to an NSAID "
             "gave no gain in a trial (Friedman 2015). Mild hepatic "
             "impairment: titrate slowly. Age 65 or over: titrate slowly.",
             "titrate slowly for mild hepatic impairment and age 65");
  p.age = 64.9;
  p.hepatic_given = 0;
  p.serotonergic = 0;
  bp_plan_build(&p, &plan);
  tap_ok(!has_evidence(plan_relaxant_step(&plan), "smr_label_elderly") && plan.warnings == 0,
         "age 64.9: no titration note");

  bp_patient_init(&p);
  p.pain_weeks_given = 1;
  p.pain_weeks = 1;
  p.spasm = 1;
  check("acute pathway with spasm: consider muscle_relaxant last", &p, "acute_subacute/begin",
        "start heat_therapy, consider massage, consider acupuncture, "
        "consider spinal_manipulation, consider nsaid, consider muscle_relaxant, " AVOID,
        "");
  bp_plan_build(&p, &plan);
  tap_ok(has_evidence(plan_relaxant_step(&plan), "smr_acute") &&
             !has_evidence(plan_relaxant_step(&plan), "smr_chronic"),
         "the acute relaxant step cites the acute evidence");
  tap_is_str(plan_relaxant_step(&plan)->reason,
             "Cyclobenzaprine for the spasm, short course: at most 21 more days, start at 5 mg. "
             "Adding it to an NSAID gave no gain in a trial (Friedman 2015).",
             "acute reason");

  /* On the red-flag pathway only rule 1 holds: an overdue relaxant is
  ** stopped (contract section 3); the other rules give nothing. */
  p.red_flag = 1;
  p.relaxant_days_given = 1;
  p.relaxant_days = 30;
  check("red flag, 30 days: stop the relaxant, then evaluate", &p, "evaluate_specific_cause/null",
        "stop muscle_relaxant, evaluate specific_cause_evaluation", "relaxant_overdue");
  p.relaxant_days = 22;
  p.spasm = 0;
  check("red flag, 22 days without spasm: rule 1 holds too", &p, "evaluate_specific_cause/null",
        "stop muscle_relaxant, evaluate specific_cause_evaluation", "relaxant_overdue");
  p.relaxant_days = 21;
  p.spasm = 1;
  check("red flag, 21 days: within the label, evaluate only", &p, "evaluate_specific_cause/null",
        "evaluate specific_cause_evaluation", "");
  p.relaxant_days = 3;
  p.contraindications = BP_BIT(0);
  check("red flag: rules 2 to 4 do not apply (no contraindication stop or warning)", &p,
        "evaluate_specific_cause/null", "evaluate specific_cause_evaluation", "");
}

static void test_warnings_order(void) {
  bp_patient p;
  bp_patient_init(&p);
  p.unrecognised = 1;
  p.relaxant_days_given = 1;
  p.relaxant_days = 40;
  p.tried = BP_BIT(BP_INT_YOGA);
  check("warnings come in their fixed order", &p, "chronic_nonspecific/begin",
        "stop muscle_relaxant, continue yoga, " AVOID,
        "phase_unknown,response_unknown,unrecognised_intervention,relaxant_overdue");
}

static void test_json(void) {
  bp_patient p;
  bp_plan plan;
  char out[4096];
  bp_patient_init(&p);
  p.red_flag = 1;
  bp_plan_build(&p, &plan);
  size_t length = bp_plan_render_json(&plan, "9.9.9", out, sizeof(out));
  const char *want =
      "{\"version\":\"9.9.9\",\"phase\":\"unknown\",\"pathway\":\"evaluate_specific_cause\","
      "\"stage\":null,\"steps\":[{\"action\":\"evaluate\",\"intervention\":"
      "\"specific_cause_evaluation\",\"evidence\":[\"red_flags_evaluate\"],\"reason\":"
      "\"Red flag present: evaluate for a specific cause before nonspecific treatment.\"}],"
      "\"warnings\":[]}";
  tap_is_str(out, want, "red-flag plan, exact JSON in the contract's key order");
  tap_is_int((long long)length, (long long)strlen(want), "the returned length is the JSON's");

  char small[10];
  size_t full = bp_plan_render_json(&plan, "9.9.9", small, sizeof(small));
  tap_ok(full == length && strlen(small) == 9 && memcmp(small, want, 9) == 0,
         "a small buffer gets a cut, terminated prefix and the full length");
  tap_is_int((long long)bp_plan_render_json(&plan, "9.9.9", NULL, 0), (long long)length,
             "capacity 0: only the length");
}

int main(void) {
  test_pathways_and_phases();
  test_chronic_stages();
  test_response_from_scores();
  test_preferences();
  test_relaxant_rule();
  test_warnings_order();
  test_json();
  return tap_done();
}
