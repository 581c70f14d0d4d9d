/*
** fuzz_plan.c: libFuzzer harness for the treatment-plan engine and its JSON
** writer (ext/core/bp_plan.c), the core of recommend_plan().
**
** The input bytes choose every fact of a bp_patient: which facts are
** given, pain weeks, onset and as_of (as_of >= onset, as bp_plan.h
** requires), spasm, red flag, hepatic function, age, the tried bits, the
** unrecognised flag, response, pain scores 0..10, a threshold in (0, 1],
** relaxant days 0..100000, contraindication bits, serotonergic drugs, and
** up to BP_INTERVENTION_COUNT preferences. The plan is built, and then:
**
**   structure  step_count <= BP_PLAN_MAX_STEPS; actions and interventions
**              are in range; steps are sorted by action; among "consider"
**              steps the patient's preferences come first, in their order,
**              and muscle_relaxant comes last; no (action, intervention)
**              pair repeats; every step has a reason and at most
**              BP_STEP_MAX_EVIDENCE evidence ids, each of which is the id of
**              a row of bp_evidence_rows.
**   contract   (docs/reference.md) a red flag gives the step
**              "evaluate specific_cause_evaluation", after "stop
**              muscle_relaxant" when the relaxant is overdue, and nothing
**              else; other plans end with
**              "avoid lumbar_support", "avoid tens"; tens, lumbar_support
**              and muscle_relaxant are never continued; relaxant_days > max_days
**              gives "stop muscle_relaxant" and the relaxant_overdue
**              warning; "consider muscle_relaxant" needs spasm, no
**              contraindication, no moderate/severe hepatic impairment.
**   JSON       bp_plan_render_json into a fuzzer-sized small buffer (NULL
**              when 0) writes at most capacity bytes, a NUL-terminated
**              prefix of the full text, and returns the full length;
**              rendering again into exactly length + 1 bytes returns the
**              same length, which is strlen of the text; the text is valid
**              JSON (checked by the small validator below) and starts with
**              {"version":<version>,"phase":<the plan's phase>,"pathway":.
**              This is done with BACKPAIN_VERSION and with another, longer
**              plain-ASCII version (bp_plan.h: versions are copied without
**              escaping, so they may hold no quote, backslash or control
**              character).
**
** Buffers are malloc'ed at their exact size so that ASan catches any write
** past them. No state is kept between inputs.
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bp_common.h"
#include "bp_content_evidence.h"
#include "bp_content_plan.h"
#include "bp_plan.h"
#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* ---- Reading the input ----------------------------------------------------- */

/* A number in [0, max]: often a boundary, otherwise spread over the range. */
static double next_number(byte_reader *r, double max, const double *boundaries,
                          size_t boundary_count) {
  unsigned how = next_byte(r);
  if (boundary_count > 0 && how % 4 == 0) return boundaries[next_byte(r) % boundary_count];
  return max * ((double)next_u32(r) / 4294967295.0);
}

static const double week_boundaries[] = {0, 1, 3.999, 4, 4.0001, 11.99, 12, 12.0001, 13, 52};
static const double age_boundaries[] = {0, 18, 64, 64.99, 65, 80, 150};
static const double score_boundaries[] = {0, 1, 2, 3, 5, 7, 9, 10};

static void read_patient(byte_reader *r, bp_patient *p) {
  bp_patient_init(p);
  uint32_t given = next_u32(r);
  int bit = 0;
#define GIVEN() ((given >> (bit++)) & 1u)
  if (GIVEN()) {
    p->pain_weeks_given = 1;
    p->pain_weeks = next_number(r, 2000, week_boundaries, BP_COUNT(week_boundaries));
  }
  int onset = GIVEN(), as_of = GIVEN();
  bp_day first = (bp_day)(BP_DAY_MIN + next_u32(r) % (uint32_t)(BP_DAY_MAX - BP_DAY_MIN + 1));
  uint32_t span = next_u32(r) % 2000;
  if (first + (bp_day)span > BP_DAY_MAX) first = BP_DAY_MAX - (bp_day)span;
  if (onset) {
    p->onset_given = 1;
    p->onset = first;
  }
  if (as_of) {
    p->as_of_given = 1;
    p->as_of = first + (bp_day)span;
  }
  p->spasm = (int)GIVEN();
  p->red_flag = (int)GIVEN();
  if (GIVEN()) {
    p->hepatic_given = 1;
    p->hepatic = (bp_hepatic)(next_byte(r) % 4);
  }
  if (GIVEN()) {
    p->age_given = 1;
    p->age = next_number(r, 150, age_boundaries, BP_COUNT(age_boundaries));
  }
  p->tried = next_u32(r) & ((1u << BP_INTERVENTION_COUNT) - 1u);
  p->unrecognised = (int)GIVEN();
  if (GIVEN()) {
    p->response_given = 1;
    p->response = (bp_response)(next_byte(r) % 3);
  }
  if (GIVEN()) {
    p->pain_baseline_given = 1;
    p->pain_baseline = next_number(r, 10, score_boundaries, BP_COUNT(score_boundaries));
  }
  if (GIVEN()) {
    p->pain_now_given = 1;
    p->pain_now = next_number(r, 10, score_boundaries, BP_COUNT(score_boundaries));
  }
  if (GIVEN()) {
    /* (0, 1]: never 0. */
    p->response_threshold = ((double)(next_u32(r) % 1000000u) + 1.0) / 1000000.0;
  }
  if (GIVEN()) {
    static const int64_t day_boundaries[] = {0, 1, 20, 21, 22, 100000};
    p->relaxant_days_given = 1;
    p->relaxant_days =
        next_byte(r) % 2 ? day_boundaries[next_byte(r) % 6] : (int64_t)(next_u32(r) % 100001u);
  }
  p->contraindications = next_byte(r) & ((1u << bp_contraindication_count) - 1u);
  p->serotonergic = (int)GIVEN();
  unsigned preferences = next_byte(r) % (BP_INTERVENTION_COUNT + 1);
  for (unsigned k = 0; k < preferences; k++) {
    bp_patient_prefer(p, (bp_intervention)(next_byte(r) % BP_INTERVENTION_COUNT));
  }
#undef GIVEN
  CHECK(p->preference_count <= BP_INTERVENTION_COUNT);
}

/* ---- A small JSON validator (RFC 8259) ------------------------------------ */

typedef struct {
  const char *s;
  size_t n, pos;
  int depth;
} json_cursor;

static void json_ws(json_cursor *c) {
  while (c->pos < c->n && strchr(" \t\r\n", c->s[c->pos]) != NULL && c->s[c->pos] != '\0') {
    c->pos++;
  }
}

static int json_value(json_cursor *c);

static int json_string(json_cursor *c) {
  if (c->pos >= c->n || c->s[c->pos] != '"') return 0;
  c->pos++;
  while (c->pos < c->n) {
    unsigned char ch = (unsigned char)c->s[c->pos++];
    if (ch == '"') return 1;
    if (ch < 0x20) return 0;
    if (ch != '\\') continue;
    if (c->pos >= c->n) return 0;
    char e = c->s[c->pos++];
    if (e == 'u') {
      for (int i = 0; i < 4; i++) {
        if (c->pos >= c->n || strchr("0123456789abcdefABCDEF", c->s[c->pos]) == NULL ||
            c->s[c->pos] == '\0') {
          return 0;
        }
        c->pos++;
      }
    } else if (e == '\0' || strchr("\"\\/bfnrt", e) == NULL) {
      return 0;
    }
  }
  return 0;
}

static int json_digits(json_cursor *c) {
  size_t start = c->pos;
  while (c->pos < c->n && c->s[c->pos] >= '0' && c->s[c->pos] <= '9') c->pos++;
  return c->pos > start;
}

static int json_number(json_cursor *c) {
  if (c->pos < c->n && c->s[c->pos] == '-') c->pos++;
  if (c->pos < c->n && c->s[c->pos] == '0') {
    c->pos++;
  } else if (!json_digits(c)) {
    return 0;
  }
  if (c->pos < c->n && c->s[c->pos] == '.') {
    c->pos++;
    if (!json_digits(c)) return 0;
  }
  if (c->pos < c->n && (c->s[c->pos] == 'e' || c->s[c->pos] == 'E')) {
    c->pos++;
    if (c->pos < c->n && (c->s[c->pos] == '+' || c->s[c->pos] == '-')) c->pos++;
    if (!json_digits(c)) return 0;
  }
  return 1;
}

static int json_literal(json_cursor *c, const char *word) {
  size_t len = strlen(word);
  if (c->n - c->pos < len || memcmp(c->s + c->pos, word, len) != 0) return 0;
  c->pos += len;
  return 1;
}

/* An array (close = ']') or object (close = '}') after its opening. */
static int json_container(json_cursor *c, char close) {
  if (++c->depth > 64) return 0;
  json_ws(c);
  if (c->pos < c->n && c->s[c->pos] == close) {
    c->pos++;
    c->depth--;
    return 1;
  }
  for (;;) {
    json_ws(c);
    if (close == '}') {
      if (!json_string(c)) return 0;
      json_ws(c);
      if (c->pos >= c->n || c->s[c->pos] != ':') return 0;
      c->pos++;
    }
    if (!json_value(c)) return 0;
    json_ws(c);
    if (c->pos < c->n && c->s[c->pos] == ',') {
      c->pos++;
      continue;
    }
    if (c->pos < c->n && c->s[c->pos] == close) {
      c->pos++;
      c->depth--;
      return 1;
    }
    return 0;
  }
}

static int json_value(json_cursor *c) {
  json_ws(c);
  if (c->pos >= c->n) return 0;
  char ch = c->s[c->pos];
  if (ch == '{' || ch == '[') {
    c->pos++;
    return json_container(c, ch == '{' ? '}' : ']');
  }
  if (ch == '"') return json_string(c);
  if (ch == '-' || (ch >= '0' && ch <= '9')) return json_number(c);
  return json_literal(c, "true") || json_literal(c, "false") || json_literal(c, "null");
}

static int json_is_valid(const char *s, size_t n) {
  json_cursor c = {s, n, 0, 0};
  if (!json_value(&c)) return 0;
  json_ws(&c);
  return c.pos == n;
}

/* ---- Checks ------------------------------------------------------------------ */

static int evidence_exists(const char *id) {
  for (size_t i = 0; i < bp_evidence_count; i++) {
    if (strcmp(bp_evidence_rows[i].id, id) == 0) return 1;
  }
  return 0;
}

static int has_step(const bp_plan *plan, bp_action action, bp_intervention intervention) {
  for (size_t s = 0; s < plan->step_count; s++) {
    if (plan->steps[s].action == action && plan->steps[s].intervention == intervention) {
      return 1;
    }
  }
  return 0;
}

static long preference_rank(const bp_patient *p, bp_intervention i) {
  for (size_t k = 0; k < p->preference_count; k++) {
    if (p->preferences[k] == i) return (long)k;
  }
  return -1;
}

static void check_plan(const bp_patient *p, const bp_plan *plan) {
  CHECK(plan->step_count <= BP_PLAN_MAX_STEPS);
  CHECK((unsigned)plan->phase <= BP_PHASE_CHRONIC);
  CHECK((unsigned)plan->situation < BP_SITUATION_COUNT);
  CHECK((plan->warnings >> BP_WARNING_COUNT) == 0);
  CHECK(memchr(plan->relaxant_reason, '\0', sizeof(plan->relaxant_reason)) != NULL);

  long last_rank = -1;
  int seen_listed_consider = 0, seen_relaxant_consider = 0;
  for (size_t s = 0; s < plan->step_count; s++) {
    const bp_plan_step *step = &plan->steps[s];
    CHECK((unsigned)step->action < BP_ACTION_COUNT);
    CHECK((unsigned)step->intervention < BP_INTERVENTION_COUNT);
    CHECK(step->reason != NULL);
    CHECK(step->evidence_count <= BP_STEP_MAX_EVIDENCE);
    for (size_t e = 0; e < step->evidence_count; e++) {
      CHECK(step->evidence[e] != NULL && evidence_exists(step->evidence[e]));
    }
    if (s > 0) CHECK(plan->steps[s - 1].action <= step->action);
    for (size_t t = 0; t < s; t++) {
      CHECK(plan->steps[t].action != step->action ||
            plan->steps[t].intervention != step->intervention);
    }
    if (step->action == BP_ACTION_CONTINUE) {
      CHECK(bp_interventions[step->intervention].set != BP_SET_NONE);
      CHECK(p->tried & (1u << step->intervention));
    }
    if (step->action == BP_ACTION_CONSIDER) {
      /* preferred first, in preference order; then listed; relaxant last */
      CHECK(!seen_relaxant_consider);
      long rank = preference_rank(p, step->intervention);
      if (step->intervention == BP_INT_MUSCLE_RELAXANT) {
        seen_relaxant_consider = 1;
      } else if (rank >= 0) {
        CHECK(!seen_listed_consider && rank > last_rank);
        last_rank = rank;
      } else {
        seen_listed_consider = 1;
      }
    }
  }

  int64_t days = p->relaxant_days_given ? p->relaxant_days : 0;
  if (p->red_flag) {
    /* evaluate specific_cause_evaluation, and nothing else but, when the
    ** relaxant is overdue, stop muscle_relaxant before it (relaxant rule 1
    ** holds on every pathway, contract section 3) */
    int overdue = days > bp_relaxant_max_days.value;
    CHECK(plan->step_count == 1 + (size_t)overdue);
    CHECK(plan->steps[overdue].action == BP_ACTION_EVALUATE &&
          plan->steps[overdue].intervention == BP_INT_SPECIFIC_CAUSE_EVALUATION);
    CHECK(!overdue || (plan->steps[0].action == BP_ACTION_STOP &&
                       plan->steps[0].intervention == BP_INT_MUSCLE_RELAXANT &&
                       ((plan->warnings >> BP_WARN_RELAXANT_OVERDUE) & 1u)));
    return;
  }
  CHECK(plan->step_count >= 2);
  const bp_plan_step *tail = &plan->steps[plan->step_count - 2];
  CHECK(tail[0].action == BP_ACTION_AVOID && tail[0].intervention == BP_INT_LUMBAR_SUPPORT);
  CHECK(tail[1].action == BP_ACTION_AVOID && tail[1].intervention == BP_INT_TENS);

  int overdue_warning = (plan->warnings >> BP_WARN_RELAXANT_OVERDUE) & 1u;
  if (days > bp_relaxant_max_days.value) {
    CHECK(has_step(plan, BP_ACTION_STOP, BP_INT_MUSCLE_RELAXANT) && overdue_warning);
    CHECK(!has_step(plan, BP_ACTION_CONSIDER, BP_INT_MUSCLE_RELAXANT));
  } else {
    CHECK(!overdue_warning);
  }
  if (has_step(plan, BP_ACTION_CONSIDER, BP_INT_MUSCLE_RELAXANT)) {
    CHECK(p->spasm && p->contraindications == 0);
    CHECK(!(p->hepatic_given && p->hepatic >= BP_HEPATIC_MODERATE));
  }
  if (plan->phase == BP_PHASE_UNKNOWN) {
    CHECK((plan->warnings >> BP_WARN_PHASE_UNKNOWN) & 1u);
  }
  if (p->unrecognised) CHECK((plan->warnings >> BP_WARN_UNRECOGNISED_INTERVENTION) & 1u);
}

static void check_json(const bp_plan *plan, const char *version, size_t small_capacity) {
  /* A small buffer first (NULL when the capacity is 0). */
  char *small = small_capacity ? malloc(small_capacity) : NULL;
  CHECK(small_capacity == 0 || small != NULL);
  size_t length = bp_plan_render_json(plan, version, small, small_capacity);

  char *full = malloc(length + 1);
  CHECK(full != NULL);
  size_t again = bp_plan_render_json(plan, version, full, length + 1);
  CHECK(again == length);
  CHECK(full[length] == '\0' && strlen(full) == length);
  if (small_capacity > 0) {
    size_t shown = length < small_capacity - 1 ? length : small_capacity - 1;
    CHECK(small[shown] == '\0');
    CHECK(memcmp(small, full, shown) == 0);
  }
  CHECK(json_is_valid(full, length));

  char head[256];
  snprintf(head, sizeof(head), "{\"version\":\"%s\",\"phase\":\"%s\",\"pathway\":\"", version,
           bp_phase_names[plan->phase]);
  CHECK(strncmp(full, head, strlen(head)) == 0);
  free(full);
  free(small);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  byte_reader r = {data, size, 0};
  bp_patient *patient = malloc(sizeof(*patient));
  bp_plan *plan = malloc(sizeof(*plan));
  CHECK(patient != NULL && plan != NULL);
  /* Garbage in the plan, so that a field the builder forgets shows up. */
  memset(plan, 0xA5, sizeof(*plan));

  size_t small_capacity = next_byte(&r) % 96;
  read_patient(&r, patient);
  bp_plan_build(patient, plan);
  check_plan(patient, plan);
  check_json(plan, BACKPAIN_VERSION, small_capacity);
  /* Any other plain-ASCII version (bp_plan.h: no quotes, backslashes or
  ** control characters are allowed in it) renders as well. */
  check_json(plan, "10.200.3000-rc.1+build.20241124", small_capacity / 2);

  free(plan);
  free(patient);
  return 0;
}
