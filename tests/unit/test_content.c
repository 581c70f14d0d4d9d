/*
** test_content.c: integrity of the clinical content tables (no SQLite).
** The tables are data, so these checks stand in for a type system: every
** evidence id a plan cites exists, ids are unique, every closed-vocabulary
** column holds an allowed value, every string can go into JSON as it is,
** and every canonical intervention id maps to itself. For the evidence
** rows also: no effect size without a graded source, a note on every
** departure from ACP 2017, and the same caveat in the reason of every plan
** step that cites such a row. (docs/clinical-content.md against the rows:
** test_content_doc.c.)
*/
#include <string.h>

#include "bp_common.h"
#include "bp_content_codes.h"
#include "bp_content_evidence.h"
#include "bp_content_interventions.h"
#include "bp_content_plan.h"
#include "bp_content_relaxant.h"
#include "bp_dose.h"
#include "bp_intervention.h"
#include "bp_plan.h"
#include "support/plan_util.h"
#include "tap.h"

static int evidence_exists(const char *id) {
  for (size_t r = 0; r < bp_evidence_count; r++) {
    if (strcmp(bp_evidence_rows[r].id, id) == 0) return 1;
  }
  return 0;
}

/* 1 if text is one of the canonical intervention ids. */
static int is_canonical_id(const char *text) {
  for (int i = 0; i < BP_INTERVENTION_COUNT; i++) {
    if (strcmp(bp_interventions[i].id, text) == 0) return 1;
  }
  return 0;
}

static int in_list(const char *value, const char *const *allowed) {
  for (; *allowed; allowed++) {
    if (strcmp(value, *allowed) == 0) return 1;
  }
  return 0;
}

/* Plain printable ASCII with no quote (double or single) or backslash:
** safe inside JSON, SQL literals and messages as it is. */
static int json_safe(const char *s) {
  if (s == NULL) return 1;
  for (; *s; s++) {
    if (*s < 0x20 || *s > 0x7e || *s == '"' || *s == '\'' || *s == '\\') return 0;
  }
  return 1;
}

static const bp_evidence *evidence_row(const char *id) {
  for (size_t r = 0; r < bp_evidence_count; r++) {
    if (strcmp(bp_evidence_rows[r].id, id) == 0) return &bp_evidence_rows[r];
  }
  return NULL;
}

/* 1 if the effect claims no more than the quality allows: a size (none,
** small, small_to_moderate, moderate) needs a source that grades the
** evidence, so with insufficient or not_graded the effect must be unclear. */
static int effect_allowed(const char *effect, const char *quality) {
  int ungraded = strcmp(quality, "insufficient") == 0 || strcmp(quality, "not_graded") == 0;
  return !ungraded || strcmp(effect, "unclear") == 0;
}

static int evidence_list_ok(const char *const *ids, size_t max, const char *where) {
  int ok = 1;
  for (size_t k = 0; k < max && ids[k] != NULL; k++) {
    if (!evidence_exists(ids[k])) {
      tap_diag("%s cites unknown evidence id %s", where, ids[k]);
      ok = 0;
    }
  }
  return ok;
}

static void test_evidence_rows(void) {
  static const char *const populations[] = {"chronic", "acute_subacute", "any", NULL};
  static const char *const effects[] = {"none",     "small",   "small_to_moderate",
                                        "moderate", "unclear", NULL};
  static const char *const qualities[] = {"high",       "moderate", "low", "insufficient",
                                          "not_graded", "label",    NULL};
  static const char *const recommendations[] = {
      "first_line", "adjunct", "escalation", "avoid", "caution", "other_recommended", NULL};
  static const char *const categories[] = {
      "exercise",      "physical_modality", "mind_body",  "manual_therapy",
      "pharmacologic", "rehabilitation",    "evaluation", NULL};
  int unique = 1, vocab = 1, safe = 1, canonical = 1, filled = 1;
  for (size_t r = 0; r < bp_evidence_count; r++) {
    const bp_evidence *e = &bp_evidence_rows[r];
    for (size_t q = 0; q < r; q++) {
      if (strcmp(bp_evidence_rows[q].id, e->id) == 0) unique = 0;
    }
    if (!in_list(e->population, populations) || !in_list(e->effect, effects) ||
        !in_list(e->quality, qualities) || !in_list(e->recommendation, recommendations) ||
        !in_list(e->category, categories)) {
      tap_diag("row %s has a value outside its vocabulary", e->id);
      vocab = 0;
    }
    if (!is_canonical_id(e->intervention)) {
      tap_diag("row %s: intervention %s is not canonical", e->id, e->intervention);
      canonical = 0;
    }
    const char *fields[] = {
        e->id,     e->intervention, e->category,       e->population, e->comparator, e->outcome,
        e->effect, e->quality,      e->recommendation, e->statement,  e->source,     e->note};
    for (size_t f = 0; f < BP_COUNT(fields); f++) {
      if (!json_safe(fields[f])) {
        tap_diag("row %s field %zu is not plain ASCII without quotes", e->id, f);
        safe = 0;
      }
    }
    if (e->statement == NULL || e->source == NULL || strlen(e->statement) < 20) filled = 0;
  }
  tap_ok(bp_evidence_count >= 40, "at least 40 evidence rows (%zu)", bp_evidence_count);
  tap_ok(unique, "evidence ids are unique");
  tap_ok(vocab, "population, effect, quality, recommendation, category use their vocabularies");
  tap_ok(canonical, "every row's intervention is a canonical id");
  tap_ok(safe, "every evidence string is plain ASCII without quotes or backslashes");
  tap_ok(filled, "every row has a statement and a source");

  /* The ACP 2017 additions the issue names are present. */
  static const char *const additions[] = {
      "acupuncture_chronic", "emg_biofeedback",  "low_level_laser",    "operant_therapy",
      "nsaid_chronic",       "tramadol_chronic", "duloxetine_chronic", NULL};
  int all = 1;
  for (size_t k = 0; additions[k]; k++) all &= evidence_exists(additions[k]);
  tap_ok(all, "ACP 2017 chronic additions are rows");
}

/* No row claims an effect size on evidence that no source grades, or that
** a source grades as insufficient. The checker itself is tried first on
** pairs decided by hand, so that a checker that passes everything fails. */
static void test_effect_quality(void) {
  tap_ok(!effect_allowed("none", "insufficient") && !effect_allowed("small", "not_graded") &&
             !effect_allowed("small_to_moderate", "insufficient") &&
             !effect_allowed("moderate", "not_graded"),
         "checker: none, small, small_to_moderate, moderate refused with insufficient or "
         "not_graded");
  tap_ok(effect_allowed("unclear", "insufficient") && effect_allowed("unclear", "not_graded") &&
             effect_allowed("none", "low") && effect_allowed("moderate", "moderate") &&
             effect_allowed("unclear", "label"),
         "checker: unclear always allowed, a size allowed with a graded source");
  int ok = 1;
  for (size_t r = 0; r < bp_evidence_count; r++) {
    const bp_evidence *e = &bp_evidence_rows[r];
    if (!effect_allowed(e->effect, e->quality)) {
      tap_diag("row %s: effect %s with quality %s", e->id, e->effect, e->quality);
      ok = 0;
    }
  }
  tap_ok(ok, "no row claims an effect its quality does not allow");

  /* The rows issue 14 corrected, worked out from the sources by hand. */
  const bp_evidence *e = evidence_row("heat_with_exercise");
  tap_ok(e != NULL && strcmp(e->quality, "moderate") == 0 &&
             strcmp(e->population, "acute_subacute") == 0 &&
             strcmp(e->comparator, "heat wrap alone") == 0,
         "heat_with_exercise: moderate, acute_subacute, against heat wrap alone (French 2006)");
  e = evidence_row("red_flags_evaluate");
  tap_ok(e != NULL && strcmp(e->quality, "moderate") == 0 && e->note != NULL &&
             strstr(e->source, "Rec 3") != NULL && strstr(e->note, "Verhagen 2016") != NULL,
         "red_flags_evaluate: moderate (ACP/APS 2007 Rec 3), Verhagen 2016 kept as a note");
  e = evidence_row("lumbar_support_no_benefit");
  tap_ok(e != NULL && strcmp(e->effect, "unclear") == 0 &&
             strcmp(e->quality, "insufficient") == 0 && strcmp(e->recommendation, "avoid") == 0,
         "lumbar_support_no_benefit: unclear, insufficient, avoid (WHO 2023)");
}

/* Every place where the summary's algorithm, which the plan keeps, departs
** from ACP 2017 is a note that names ACP 2017. */
static void test_departure_notes(void) {
  static const char *const departures[] = {"mdr_vs_usual_care",
                                           "refer_mdr",
                                           "smt_benefit",
                                           "smt_vs_active",
                                           "pain_spasm_cycle",
                                           "massage_summary",
                                           "massage_chronic_review",
                                           "smr_chronic",
                                           "heat_chronic",
                                           NULL};
  int ok = 1;
  for (size_t k = 0; departures[k]; k++) {
    const bp_evidence *e = evidence_row(departures[k]);
    if (e == NULL || e->note == NULL || strstr(e->note, "ACP 2017") == NULL) {
      tap_diag("departure row %s has no note that names ACP 2017", departures[k]);
      ok = 0;
    }
  }
  tap_ok(ok, "every departure from ACP 2017 is a note naming ACP 2017");
  const bp_evidence *cycle = evidence_row("pain_spasm_cycle");
  tap_ok(cycle != NULL && strstr(cycle->note, "Friedman 2015") != NULL &&
             strstr(cycle->source, "Friedman 2015") != NULL,
         "pain_spasm_cycle: the Friedman 2015 trial in note and source");
}

/* The caveat a plan step must carry when it cites a departure row. The
** continue steps (bp_content_interventions.c) are left out: they keep what
** the patient already does. smr_chronic is left out: its caveat does not
** fit the relaxant reason buffer with every note (see the length check). */
static const struct {
  const char *evidence_id;
  const char *phrase;
  size_t rules; /* step rules that cite the row, counted by hand */
} caveats[] = {
    {"mdr_vs_usual_care", "ACP 2017 Rec 2", 1}, /* refer multidisciplinary_rehabilitation */
    {"refer_mdr", "ACP 2017 Rec 2", 1},         /* the same step */
    {"smt_benefit", "ACP 2017 Rec 2", 1},       /* add spinal_manipulation */
    {"smt_vs_active", "ACP 2017 Rec 2", 1},     /* the same step */
    {"pain_spasm_cycle", "Friedman 2015", 2},   /* consider muscle_relaxant, acute and chronic */
    {"massage_chronic_review", "ACP 2017", 1},  /* add massage */
    {"heat_chronic", "acute and subacute", 1},  /* start heat_therapy, chronic */
};
#define CAVEAT_COUNT BP_COUNT(caveats)

static int cites(const char *const *ids, const char *id) {
  for (size_t k = 0; k < BP_MAX_EVIDENCE && ids[k] != NULL; k++) {
    if (strcmp(ids[k], id) == 0) return 1;
  }
  return 0;
}

/* Checks one rule's reason; counts, per caveat, the rules that cite it. */
static int caveats_ok(const char *const *ids, const char *reason, const char *where, size_t *seen) {
  int ok = 1;
  for (size_t c = 0; c < CAVEAT_COUNT; c++) {
    if (!cites(ids, caveats[c].evidence_id)) continue;
    seen[c]++;
    if (strstr(reason, caveats[c].phrase) == NULL) {
      tap_diag("%s cites %s but its reason lacks '%s'", where, caveats[c].evidence_id,
               caveats[c].phrase);
      ok = 0;
    }
  }
  return ok;
}

static void test_step_caveats(void) {
  size_t seen[CAVEAT_COUNT] = {0};
  int ok = 1;
  char where[64];
  for (size_t r = 0; r < bp_step_rule_count; r++) {
    snprintf(where, sizeof(where), "step rule %zu", r);
    ok &= caveats_ok(bp_step_rules[r].evidence, bp_step_rules[r].reason, where, seen);
  }
  for (int k = 0; k < BP_RELAXANT_STEP_COUNT; k++) {
    snprintf(where, sizeof(where), "relaxant step %d", k);
    ok &= caveats_ok(bp_relaxant_steps[k].evidence, bp_relaxant_steps[k].reason, where, seen);
  }
  int counts = 1;
  for (size_t c = 0; c < CAVEAT_COUNT; c++) {
    if (seen[c] != caveats[c].rules) {
      tap_diag("%s is cited by %zu step rules, expected %zu", caveats[c].evidence_id, seen[c],
               caveats[c].rules);
      counts = 0;
    }
  }
  tap_ok(ok, "every step citing a departure row says so in its reason");
  tap_ok(counts, "the departure rows are cited by the step rules counted by hand");
}

/* A rendered reason: every placeholder replaced, plain enough for JSON. */
static int rendered_ok(const char *reason) {
  return reason != NULL && strchr(reason, '{') == NULL && strchr(reason, '}') == NULL &&
         json_safe(reason) && strlen(reason) + 1 <= BP_REASON_SIZE;
}

/*
** The relaxant reasons are templates (bp_content_plan.h). Each step and
** note is rendered through the engine (whose asserts refuse an unknown
** placeholder or a reason cut short), and the longest reason any patient
** can get, with every note, fits in BP_REASON_SIZE.
*/
static void test_relaxant_reasons(void) {
  bp_plan plan;
  const bp_plan_step *step;
  int all = 1;
  /* stop: overdue; contraindicated; hepatic; both */
  bp_patient p = plan_spasm_patient(bp_relaxant_max_days.value + 1);
  bp_plan_build(&p, &plan);
  step = plan_relaxant_step(&plan);
  all &= step != NULL && rendered_ok(step->reason) && strstr(step->reason, "More than ") != NULL;
  p = plan_spasm_patient(3);
  p.contraindications = 1;
  bp_plan_build(&p, &plan);
  step = plan_relaxant_step(&plan);
  all &= step != NULL && rendered_ok(step->reason);
  p.hepatic_given = 1;
  p.hepatic = BP_HEPATIC_SEVERE;
  bp_plan_build(&p, &plan);
  step = plan_relaxant_step(&plan);
  all &= step != NULL && rendered_ok(step->reason);
  p.contraindications = 0;
  bp_plan_build(&p, &plan);
  step = plan_relaxant_step(&plan);
  all &= step != NULL && rendered_ok(step->reason);
  tap_ok(all, "the four stop reasons render (no placeholder left, plain ASCII)");

  /* consider, acute and chronic, every day count, with every note */
  size_t longest = 0;
  int every = 1;
  for (int acute = 0; acute <= 1; acute++) {
    for (int64_t days = 0; days <= bp_relaxant_max_days.value; days++) {
      p = plan_spasm_patient(days);
      p.pain_weeks = acute ? 1 : 20;
      p.hepatic_given = 1;
      p.hepatic = BP_HEPATIC_MILD;
      p.age_given = 1;
      p.age = 90;
      p.serotonergic = 1;
      bp_plan_build(&p, &plan);
      step = plan_relaxant_step(&plan);
      /* not cut: the last note is there whole */
      every &= step != NULL && rendered_ok(step->reason) &&
               strstr(step->reason, "or over: titrate slowly.") != NULL;
      if (step != NULL && strlen(step->reason) > longest) longest = strlen(step->reason);
    }
  }
  tap_ok(every && longest > 0 && longest + 1 <= BP_REASON_SIZE,
         "the longest relaxant reason, with every note, fits: %zu characters, buffer %d", longest,
         BP_REASON_SIZE);
}

/* The label rules the relaxant rule follows exist, and hold what its
** reasons and notes state. */
static void test_relaxant_label(void) {
  const bp_relaxant_label_rules *label = &bp_relaxant_label;
  const bp_dose_rule *exclusion = bp_dose_rule_find(label->exclusion, label->release);
  const bp_dose_rule *hepatic = bp_dose_rule_find(label->titrate_hepatic, label->release);
  const bp_dose_rule *age = bp_dose_rule_find(label->titrate_age, label->release);
  const bp_dose_rule *start = bp_dose_rule_find(label->start_dose, label->release);
  tap_ok(exclusion != NULL && hepatic != NULL && age != NULL && start != NULL,
         "the four label rules of the relaxant rule are rows of bp_dose_rules");
  if (exclusion == NULL || hepatic == NULL || age == NULL || start == NULL) return;
  tap_ok(exclusion->hepatic_min == BP_HEPATIC_MODERATE &&
             exclusion->hepatic_max == BP_HEPATIC_SEVERE && exclusion->age_min == BP_RULE_ANY,
         "exclusion: hepatic moderate to severe, any age (API 3, rule 2)");
  tap_ok(
      hepatic->hepatic_min == BP_HEPATIC_MILD && hepatic->hepatic_max == BP_HEPATIC_MILD &&
          strstr(bp_relaxant_notes[BP_RELAXANT_NOTE_TITRATE_HEPATIC].text, "Mild hepatic") != NULL,
      "titrate_hepatic: exactly mild, which its note writes out as 'Mild'");
  tap_ok(age->age_min == 65 && age->hepatic_min == BP_RULE_ANY,
         "titrate_age: age 65, any hepatic function (API 3)");
  tap_ok(start->single_dose_above == 5 && hepatic->single_dose_above == start->single_dose_above,
         "start dose 5 mg, the same in the elderly and the mild hepatic rule");
}

static void test_plan_rules(void) {
  int ok = 1;
  char where[64];
  for (size_t r = 0; r < bp_step_rule_count; r++) {
    snprintf(where, sizeof(where), "step rule %zu", r);
    ok &= evidence_list_ok(bp_step_rules[r].evidence, BP_MAX_EVIDENCE, where);
    ok &= bp_step_rules[r].evidence[0] != NULL && json_safe(bp_step_rules[r].reason);
  }
  for (int i = 0; i < BP_INTERVENTION_COUNT; i++) {
    const bp_intervention_info *it = &bp_interventions[i];
    snprintf(where, sizeof(where), "continue %s", it->id);
    ok &= evidence_list_ok(it->continue_evidence, BP_MAX_EVIDENCE, where);
    if (it->set != BP_SET_NONE) {
      ok &= it->continue_evidence[0] != NULL && it->continue_reason != NULL &&
            json_safe(it->continue_reason);
    }
  }
  for (int k = 0; k < BP_RELAXANT_STEP_COUNT; k++) {
    snprintf(where, sizeof(where), "relaxant step %d", k);
    ok &= evidence_list_ok(bp_relaxant_steps[k].evidence, BP_MAX_EVIDENCE, where);
    ok &= bp_relaxant_steps[k].evidence[0] != NULL && json_safe(bp_relaxant_steps[k].reason);
  }
  for (int k = 0; k < BP_RELAXANT_NOTE_COUNT; k++) {
    if (bp_relaxant_notes[k].evidence != NULL) ok &= evidence_exists(bp_relaxant_notes[k].evidence);
    ok &= json_safe(bp_relaxant_notes[k].text);
  }
  tap_ok(ok, "every evidence id a plan rule cites exists, every rule has a safe reason");

  /* The sets of API 3: F and A. */
  static const bp_intervention first_line[] = {BP_INT_EXERCISE_THERAPY,
                                               BP_INT_MOTOR_CONTROL_EXERCISE,
                                               BP_INT_HEAT_THERAPY,
                                               BP_INT_TAI_CHI,
                                               BP_INT_YOGA,
                                               BP_INT_CBT,
                                               BP_INT_PROGRESSIVE_RELAXATION,
                                               BP_INT_MBSR,
                                               BP_INT_ACUPUNCTURE};
  static const bp_intervention adjuncts[] = {BP_INT_MASSAGE, BP_INT_SPINAL_MANIPULATION,
                                             BP_INT_NSAID};
  int f_count = 0, a_count = 0, sets_ok = 1;
  for (int i = 0; i < BP_INTERVENTION_COUNT; i++) {
    f_count += bp_interventions[i].set == BP_SET_FIRST_LINE;
    a_count += bp_interventions[i].set == BP_SET_ADJUNCT;
  }
  for (size_t k = 0; k < BP_COUNT(first_line); k++) {
    sets_ok &= bp_interventions[first_line[k]].set == BP_SET_FIRST_LINE;
  }
  for (size_t k = 0; k < BP_COUNT(adjuncts); k++) {
    sets_ok &= bp_interventions[adjuncts[k]].set == BP_SET_ADJUNCT;
  }
  tap_ok(sets_ok && f_count == 9 && a_count == 3, "F has the 9 first-line ids, A the 3 adjuncts");

  /* The most steps any situation can give fits in a plan. */
  int fits = 1;
  for (int s = 0; s < BP_SITUATION_COUNT; s++) {
    size_t steps = 0;
    for (size_t r = 0; r < bp_step_rule_count; r++) {
      steps += (bp_step_rules[r].situations & BP_IN(s)) != 0;
    }
    if (bp_situations[s].continues_tried) steps += (size_t)(f_count + a_count);
    if (bp_situations[s].relaxant_rule) steps += 1;
    fits &= steps <= BP_PLAN_MAX_STEPS;
  }
  tap_ok(fits, "every situation's largest plan fits in BP_PLAN_MAX_STEPS");
}

static void test_vocabulary(void) {
  int ok = 1;
  for (int i = 0; i < BP_INTERVENTION_COUNT; i++) {
    const char *id = bp_interventions[i].id;
    bp_intervention got;
    if (!bp_intervention_from_text(id, strlen(id), &got) || (int)got != i) {
      tap_diag("canonical id %s does not map to itself", id);
      ok = 0;
    }
    ok &= json_safe(id);
  }
  tap_ok(ok, "intervention_code(id) = id for every canonical id");
  int names_ok = 1;
  for (size_t r = 0; r < bp_red_flag_count; r++) names_ok &= json_safe(bp_red_flag_names[r].name);
  for (size_t r = 0; r < bp_contraindication_count; r++) {
    names_ok &= json_safe(bp_contraindication_names[r].name);
  }
  tap_ok(names_ok && bp_red_flag_count == 13 && bp_contraindication_count == 4,
         "13 red-flag names and 4 contraindications, all plain");
  int others_ok = json_safe(BACKPAIN_VERSION);
  for (int k = 0; k < BP_ACTION_COUNT; k++) others_ok &= json_safe(bp_action_names[k]);
  for (int k = 0; k < BP_WARNING_COUNT; k++) others_ok &= json_safe(bp_warning_names[k]);
  for (int k = 0; k < 4; k++) others_ok &= json_safe(bp_phase_names[k]);
  for (int k = 0; k < BP_SITUATION_COUNT; k++) {
    others_ok &= json_safe(bp_situations[k].pathway) && json_safe(bp_situations[k].stage);
  }
  tap_ok(others_ok,
         "the version, actions, warnings, phases, pathways and stages are plain "
         "(plans copy them into JSON without escaping)");
}

int main(void) {
  test_evidence_rows();
  test_effect_quality();
  test_departure_notes();
  test_step_caveats();
  test_relaxant_reasons();
  test_relaxant_label();
  test_plan_rules();
  test_vocabulary();
  return tap_done();
}
