/*
** bp_plan.c: the treatment algorithm engine (see bp_plan.h). Which steps a
** situation gives, their evidence and their reasons are data
** (bp_content_plan.c); this file decides the situation, applies the
** relaxant rule, orders the steps and writes JSON. The relaxant rule's
** thresholds are rows too: the limit is bp_relaxant_max_days, the hepatic
** and age conditions are those of the label rules bp_relaxant_label names
** (asked through bp_dose.c), and its reasons are templates rendered with
** those rows' numbers (bp_template.h).
*/
#include "bp_plan.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "bp_dose.h"
#include "bp_number.h"
#include "bp_template.h"

const char *const bp_phase_names[] = {"unknown", "acute", "subacute", "chronic"};
_Static_assert(BP_COUNT(bp_phase_names) == BP_PHASE_COUNT, "one name per bp_phase");

bp_phase bp_phase_from_days(int64_t days) {
  if (days < bp_phase_days.acute_below_days) return BP_PHASE_ACUTE;
  if (days <= bp_phase_days.chronic_above_days) return BP_PHASE_SUBACUTE;
  return BP_PHASE_CHRONIC;
}

bp_phase bp_phase_from_weeks(double weeks) {
  /* The limits are whole weeks (28 and 84 days), so these are exact. */
  if (weeks < (double)bp_phase_days.acute_below_days / 7.0) return BP_PHASE_ACUTE;
  if (weeks <= (double)bp_phase_days.chronic_above_days / 7.0) return BP_PHASE_SUBACUTE;
  return BP_PHASE_CHRONIC;
}

void bp_patient_init(bp_patient *p) {
  memset(p, 0, sizeof(*p));
  p->response_threshold = bp_response_threshold.value;
}

void bp_patient_prefer(bp_patient *p, bp_intervention i) {
  for (size_t k = 0; k < p->preference_count; k++) {
    if (p->preferences[k] == i) return;
  }
  /* Preferences are distinct interventions: at most BP_INTERVENTION_COUNT. */
  assert((unsigned)i < BP_INTERVENTION_COUNT && p->preference_count < BP_INTERVENTION_COUNT);
  p->preferences[p->preference_count++] = i;
}

/* Tolerance for "exactly the threshold": decimal fractions such as 0.3
** are not exact in binary. */
#define RESPONSE_EPSILON 1e-9

bp_response bp_plan_response(const bp_patient *p) {
  if (p->response_given) return p->response;
  if (!p->pain_baseline_given || !p->pain_now_given) return BP_RESPONSE_UNKNOWN;
  double improvement = p->pain_baseline - p->pain_now;
  double needed = p->response_threshold * p->pain_baseline;
  return improvement < needed - RESPONSE_EPSILON ? BP_RESPONSE_INADEQUATE : BP_RESPONSE_ADEQUATE;
}

static bp_phase phase_of(const bp_patient *p) {
  if (p->pain_weeks_given) return bp_phase_from_weeks(p->pain_weeks);
  if (p->onset_given && p->as_of_given) {
    return bp_phase_from_days((int64_t)p->as_of - p->onset);
  }
  return BP_PHASE_UNKNOWN;
}

static bp_set set_mask(bp_intervention_set set) {
  bp_set mask = 0;
  for (int i = 0; i < BP_INTERVENTION_COUNT; i++) {
    if (bp_interventions[i].set == set) mask |= BP_BIT(i);
  }
  return mask;
}

static bp_situation situation_of(const bp_patient *p, bp_phase phase, bp_set *warnings) {
  if (p->red_flag) return BP_SITUATION_RED_FLAG;
  if (phase == BP_PHASE_ACUTE || phase == BP_PHASE_SUBACUTE) return BP_SITUATION_ACUTE;
  if (phase == BP_PHASE_UNKNOWN) *warnings |= BP_BIT(BP_WARN_PHASE_UNKNOWN);
  if ((p->tried & set_mask(BP_SET_FIRST_LINE)) == 0) return BP_SITUATION_CHRONIC_NEW;
  switch (bp_plan_response(p)) {
    case BP_RESPONSE_ADEQUATE:
      return BP_SITUATION_CHRONIC_MAINTAIN;
    case BP_RESPONSE_UNKNOWN:
      *warnings |= BP_BIT(BP_WARN_RESPONSE_UNKNOWN);
      return BP_SITUATION_CHRONIC_RESPONSE_UNKNOWN;
    case BP_RESPONSE_INADEQUATE:
      break;
  }
  if ((p->tried & set_mask(BP_SET_ADJUNCT)) == 0) return BP_SITUATION_CHRONIC_ADD_ADJUNCTS;
  return BP_SITUATION_CHRONIC_ESCALATE;
}

static void add_evidence(bp_plan_step *step, const char *const *ids, size_t max) {
  for (size_t k = 0; k < max && ids[k] != NULL; k++) {
    /* a rule's BP_MAX_EVIDENCE and one per note fit (bp_plan.h) */
    assert(step->evidence_count < BP_STEP_MAX_EVIDENCE);
    step->evidence[step->evidence_count++] = ids[k];
  }
}

static bp_plan_step *add_step(bp_plan *plan, bp_action action, bp_intervention intervention,
                              const char *const *evidence, const char *reason, int order_group,
                              size_t order_index) {
  /* A plan gets each step rule at most once, a continue step per
  ** intervention at most, and one relaxant step: BP_PLAN_MAX_STEPS. */
  assert(plan->step_count < BP_PLAN_MAX_STEPS);
  bp_plan_step *step = &plan->steps[plan->step_count++];
  step->action = action;
  step->intervention = intervention;
  step->evidence_count = 0;
  add_evidence(step, evidence, BP_MAX_EVIDENCE);
  step->reason = reason;
  step->order_group = order_group;
  step->order_index = order_index;
  return step;
}

/* Order group and index of a "consider" step: the patient's preferences
** first, in their order; then the listed order. */
static void consider_order(const bp_patient *p, bp_intervention i, size_t listed_index, int *group,
                           size_t *index) {
  for (size_t k = 0; k < p->preference_count; k++) {
    if (p->preferences[k] == i) {
      *group = 0;
      *index = k;
      return;
    }
  }
  *group = 1;
  *index = listed_index;
}

/* A number of the content as text: whole numbers without a decimal point
** (5, 65), others as bp_number_format writes them (7.5). */
static void number_text(double value, char out[BP_NUMBER_FORMAT_SIZE]) {
  if (value > -1e15 && value < 1e15 && value == (double)(int64_t)value) {
    bp_number_format_int((int64_t)value, out);
  } else {
    bp_number_format(value, out);
  }
}

/* The names of the rule's hepatic_min to hepatic_max, as "moderate or
** severe". */
static void hepatic_range_text(const bp_dose_rule *rule, char *out, size_t size) {
  out[0] = '\0';
  for (int h = rule->hepatic_min; h >= 0 && h <= rule->hepatic_max && h < BP_HEPATIC_COUNT; h++) {
    const char *joint = h == rule->hepatic_min ? "" : h == rule->hepatic_max ? " or " : ", ";
    size_t used = strlen(out);
    snprintf(out + used, size - used, "%s%s", joint, bp_hepatic_names[h]);
  }
}

/* The values the relaxant rule's templates name (bp_content_plan.h). */
enum {
  VALUE_MAX_DAYS,
  VALUE_DAYS_LEFT,
  VALUE_START_DOSE,
  VALUE_TITRATE_AGE,
  VALUE_HEPATIC,
  VALUES
};
typedef struct {
  int ready; /* rendered: only plans with a relaxant step need the texts */
  int64_t max_days_value, days_left_value;
  char max_days[BP_NUMBER_FORMAT_SIZE], days_left[BP_NUMBER_FORMAT_SIZE];
  char start_dose[BP_NUMBER_FORMAT_SIZE], titrate_age[BP_NUMBER_FORMAT_SIZE];
  char hepatic[64];
  bp_template_value values[VALUES];
} relaxant_values;

static void relaxant_values_init(relaxant_values *v, int64_t max_days, int64_t days_left) {
  v->ready = 0;
  v->max_days_value = max_days;
  v->days_left_value = days_left;
}

/* Renders the values' texts the first time a template needs them. */
static void relaxant_values_render(relaxant_values *v) {
  const bp_relaxant_label_rules *label = &bp_relaxant_label;
  int64_t max_days = v->max_days_value, days_left = v->days_left_value;
  if (v->ready) return;
  const bp_dose_rule *start = bp_dose_rule_find(label->start_dose, label->release);
  const bp_dose_rule *age = bp_dose_rule_find(label->titrate_age, label->release);
  const bp_dose_rule *exclusion = bp_dose_rule_find(label->exclusion, label->release);
  /* The label rules exist (tests/unit/test_content.c). */
  assert(start != NULL && age != NULL && exclusion != NULL);
  bp_number_format_int(max_days, v->max_days);
  bp_number_format_int(days_left, v->days_left);
  number_text(start->single_dose_above, v->start_dose);
  number_text(age->age_min, v->titrate_age);
  hepatic_range_text(exclusion, v->hepatic, sizeof(v->hepatic));
  v->values[VALUE_MAX_DAYS] = (bp_template_value){"max_days", v->max_days};
  v->values[VALUE_DAYS_LEFT] = (bp_template_value){"days_left", v->days_left};
  v->values[VALUE_START_DOSE] = (bp_template_value){"start_dose_mg", v->start_dose};
  v->values[VALUE_TITRATE_AGE] = (bp_template_value){"titrate_age", v->titrate_age};
  v->values[VALUE_HEPATIC] = (bp_template_value){"hepatic_not_recommended", v->hepatic};
  v->ready = 1;
}

/* Renders a template at the end of the plan's relaxant reason. */
static void append_rendered(bp_plan *plan, const char *text, relaxant_values *v) {
  relaxant_values_render(v);
  size_t used = strlen(plan->relaxant_reason);
  size_t length = bp_template_render(text, v->values, VALUES, plan->relaxant_reason + used,
                                     sizeof(plan->relaxant_reason) - used);
  /* Every template names known values, and the longest reason fits
  ** (tests/unit/test_content.c renders each, and the longest case). */
  assert(length != BP_TEMPLATE_BAD && used + length < sizeof(plan->relaxant_reason));
  (void)length;
}

/* Adds the relaxant step of `rule`, with its reason rendered into the plan
** (a plan has at most one relaxant step). */
static bp_plan_step *add_relaxant_step(bp_plan *plan, const bp_relaxant_step_rule *rule,
                                       int order_group, relaxant_values *v) {
  plan->relaxant_reason[0] = '\0';
  append_rendered(plan, rule->reason, v);
  return add_step(plan, rule->action, BP_INT_MUSCLE_RELAXANT, rule->evidence, plan->relaxant_reason,
                  order_group, 0);
}

static void apply_relaxant_rule(const bp_patient *p, bp_plan *plan, bp_relaxant_rule_scope scope) {
  const bp_relaxant_label_rules *label = &bp_relaxant_label;
  const int64_t max_days = bp_relaxant_max_days.value;
  int64_t days = p->relaxant_days_given ? p->relaxant_days : 0;
  int contraindicated = p->contraindications != 0;
  bp_dose_facts facts;
  memset(&facts, 0, sizeof(facts));
  facts.release = label->release;
  facts.hepatic_known = p->hepatic_given;
  facts.hepatic = p->hepatic;
  facts.age_known = p->age_given;
  facts.age = p->age;
  int hepatic_bad = bp_dose_rule_applies(label->exclusion, label->release, &facts);
  relaxant_values values;
  relaxant_values_init(&values, max_days, max_days - days);

  if (days > max_days) {
    add_relaxant_step(plan, &bp_relaxant_steps[BP_RELAXANT_STOP_OVERDUE], 1, &values);
    plan->warnings |= BP_BIT(BP_WARN_RELAXANT_OVERDUE);
  } else if (scope == BP_RELAXANT_RULE_OVERDUE_ONLY) {
    return;
  } else if (p->spasm && (contraindicated || hepatic_bad)) {
    if (contraindicated) plan->warnings |= BP_BIT(BP_WARN_RELAXANT_CONTRAINDICATED);
    if (hepatic_bad) plan->warnings |= BP_BIT(BP_WARN_HEPATIC_NOT_RECOMMENDED);
    if (days > 0) {
      bp_relaxant_step which = contraindicated && hepatic_bad
                                   ? BP_RELAXANT_STOP_CONTRAINDICATED_AND_HEPATIC
                               : contraindicated ? BP_RELAXANT_STOP_CONTRAINDICATED
                                                 : BP_RELAXANT_STOP_HEPATIC;
      add_relaxant_step(plan, &bp_relaxant_steps[which], 1, &values);
    }
  } else if (p->spasm) {
    bp_relaxant_step which = plan->situation == BP_SITUATION_ACUTE ? BP_RELAXANT_CONSIDER_ACUTE
                                                                   : BP_RELAXANT_CONSIDER_CHRONIC;
    bp_plan_step *step = add_relaxant_step(plan, &bp_relaxant_steps[which], 2, &values);
    int notes[BP_RELAXANT_NOTE_COUNT] = {0};
    notes[BP_RELAXANT_NOTE_LIMIT_REACHED] = days == max_days;
    notes[BP_RELAXANT_NOTE_TITRATE_HEPATIC] =
        bp_dose_rule_applies(label->titrate_hepatic, label->release, &facts);
    notes[BP_RELAXANT_NOTE_TITRATE_AGE] =
        bp_dose_rule_applies(label->titrate_age, label->release, &facts);
    notes[BP_RELAXANT_NOTE_SEROTONERGIC] = p->serotonergic;
    for (int k = 0; k < BP_RELAXANT_NOTE_COUNT; k++) {
      if (!notes[k]) continue;
      add_evidence(step, &bp_relaxant_notes[k].evidence, 1);
      if (bp_relaxant_notes[k].text != NULL) {
        append_rendered(plan, bp_relaxant_notes[k].text, &values);
      }
    }
    if (p->serotonergic) plan->warnings |= BP_BIT(BP_WARN_SEROTONERGIC_INTERACTION);
  } else if (days > 0) {
    plan->warnings |= BP_BIT(BP_WARN_RELAXANT_WITHOUT_SPASM);
  }
}

static int step_before(const bp_plan_step *a, const bp_plan_step *b) {
  if (a->action != b->action) return a->action < b->action;
  if (a->order_group != b->order_group) return a->order_group < b->order_group;
  return a->order_index < b->order_index;
}

static void sort_steps(bp_plan *plan) {
  for (size_t i = 1; i < plan->step_count; i++) {
    bp_plan_step step = plan->steps[i];
    size_t j = i;
    while (j > 0 && step_before(&step, &plan->steps[j - 1])) {
      plan->steps[j] = plan->steps[j - 1];
      j--;
    }
    plan->steps[j] = step;
  }
}

void bp_plan_build(const bp_patient *p, bp_plan *plan) {
  plan->step_count = 0;
  plan->warnings = 0;
  plan->relaxant_reason[0] = '\0';
  plan->phase = phase_of(p);
  plan->situation = situation_of(p, plan->phase, &plan->warnings);
  if (p->unrecognised) plan->warnings |= BP_BIT(BP_WARN_UNRECOGNISED_INTERVENTION);
  const bp_situation_info *info = &bp_situations[plan->situation];

  for (size_t r = 0; r < bp_step_rule_count; r++) {
    const bp_step_rule *rule = &bp_step_rules[r];
    if ((rule->situations & BP_IN(plan->situation)) == 0) continue;
    int group = 1;
    size_t index = r;
    if (rule->action == BP_ACTION_CONSIDER) {
      consider_order(p, rule->intervention, r, &group, &index);
    }
    add_step(plan, rule->action, rule->intervention, rule->evidence, rule->reason, group, index);
  }
  if (info->continues_tried) {
    for (int i = 0; i < BP_INTERVENTION_COUNT; i++) {
      const bp_intervention_info *it = &bp_interventions[i];
      if (it->set == BP_SET_NONE || (p->tried & BP_BIT(i)) == 0) continue;
      add_step(plan, BP_ACTION_CONTINUE, (bp_intervention)i, it->continue_evidence,
               it->continue_reason, 1, (size_t)i);
    }
  }
  apply_relaxant_rule(p, plan, info->relaxant_rule);
  sort_steps(plan);
}

/* ---- JSON ------------------------------------------------------------- */

/* Every string a plan holds comes from the content tables (or is built from
** them and digits) and is plain ASCII without quotes, backslashes or
** control characters: tests/unit/test_content.c checks this for every table
** and for the version. So no escaping is needed, and copying whole strings
** keeps rendering cheap. */
void bp_plan_write_json(const bp_plan *plan, const char *version, bp_writer *json) {
  const bp_situation_info *info = &bp_situations[plan->situation];
  bp_json_batch batch;
  bp_json_batch_init(&batch, json);
  bp_json_batch_raw(&batch, "{\"version\":");
  bp_json_batch_plain_string(&batch, version);
  bp_json_batch_raw(&batch, ",\"phase\":");
  bp_json_batch_plain_string(&batch, bp_phase_names[plan->phase]);
  bp_json_batch_raw(&batch, ",\"pathway\":");
  bp_json_batch_plain_string(&batch, info->pathway);
  bp_json_batch_raw(&batch, ",\"stage\":");
  if (info->stage == NULL) {
    bp_json_batch_raw(&batch, "null");
  } else {
    bp_json_batch_plain_string(&batch, info->stage);
  }
  bp_json_batch_raw(&batch, ",\"steps\":[");
  for (size_t s = 0; s < plan->step_count; s++) {
    const bp_plan_step *step = &plan->steps[s];
    bp_json_batch_raw(&batch, s == 0 ? "{\"action\":" : ",{\"action\":");
    bp_json_batch_plain_string(&batch, bp_action_names[step->action]);
    bp_json_batch_raw(&batch, ",\"intervention\":");
    bp_json_batch_plain_string(&batch, bp_interventions[step->intervention].id);
    bp_json_batch_raw(&batch, ",\"evidence\":[");
    for (size_t e = 0; e < step->evidence_count; e++) {
      if (e > 0) bp_json_batch_raw(&batch, ",");
      bp_json_batch_plain_string(&batch, step->evidence[e]);
    }
    bp_json_batch_raw(&batch, "],\"reason\":");
    bp_json_batch_plain_string(&batch, step->reason);
    bp_json_batch_raw(&batch, "}");
  }
  bp_json_batch_raw(&batch, "],\"warnings\":[");
  int first = 1;
  for (int k = 0; k < BP_WARNING_COUNT; k++) {
    if ((plan->warnings & BP_BIT(k)) == 0) continue;
    if (!first) bp_json_batch_raw(&batch, ",");
    bp_json_batch_plain_string(&batch, bp_warning_names[k]);
    first = 0;
  }
  bp_json_batch_raw(&batch, "]}");
  bp_json_batch_flush(&batch);
}

size_t bp_plan_render_json(const bp_plan *plan, const char *version, char *out, size_t capacity) {
  bp_buffer_writer writer;
  bp_buffer_writer_init(&writer, out, capacity);
  bp_plan_write_json(plan, version, &writer.base);
  return writer.length;
}
