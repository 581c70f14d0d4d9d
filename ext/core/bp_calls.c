/*
** bp_calls.c: the SQL functions as engine-neutral C (see bp_calls.h).
**
** Every argument that is given is checked before the NULL rules apply, so
** a malformed value is an error even when the answer would be NULL
** (contract section 0). The clinical logic lives in the modules this file
** calls (bp_relaxant, bp_courses, bp_dose, bp_intervention, bp_icd10,
** bp_plan); recommend_plan's keys are the table plan_keys[] below.
*/
#include "bp_calls.h"

#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "bp_common.h"
#include "bp_content_interventions.h"
#include "bp_content_plan.h"
#include "bp_content_relaxant.h"
#include "bp_dose.h"
#include "bp_icd10.h"
#include "bp_intervention.h"
#include "bp_list.h"
#include "bp_number.h"
#include "bp_plan.h"
#include "bp_relaxant.h"
#include "bp_text.h"

#ifndef BACKPAIN_VERSION
#error "BACKPAIN_VERSION must be defined (the Makefile takes it from VERSION)"
#endif

/* Highest accepted age in years: a bound on input, not a clinical fact. */
#define AGE_MAX 150.0
#define AGE_REQUIREMENT "a number of years from 0 to 150"
/* Pain scores are 0-10 numeric rating scale values. */
#define PAIN_SCORE_MAX 10.0

static void result_null(bp_result *result) { result->type = BP_RESULT_NULL; }

static void result_text(bp_result *result, const char *text) {
  result->type = BP_RESULT_TEXT;
  result->text = text;
}

static void error_dates_reversed(bp_call *call, const char *later_name, bp_day later,
                                 const char *earlier_name, bp_day earlier) {
  char later_text[BP_DATE_TEXT_SIZE], earlier_text[BP_DATE_TEXT_SIZE];
  bp_date_format(later, later_text);
  bp_date_format(earlier, earlier_text);
  bp_fail(call, BP_STATUS_INVALID_PARAMETER, "%s %s is before %s %s", later_name, later_text,
          earlier_name, earlier_text);
}

static void error_end_before_start(bp_call *call, bp_day start, bp_day end) {
  error_dates_reversed(call, "end date", end, "start date", start);
}

/* Text to recognise: as bp_read_text, and at most BP_RECOGNISE_MAX_BYTES. */
static bp_arg read_recognisable(bp_call *call, const bp_value *value, const char *argument,
                                char number_text[BP_NUMBER_TEXT_SIZE], const char **text,
                                size_t *length) {
  bp_arg arg = bp_read_text(call, value, argument, number_text, text, length);
  if (arg == BP_ARG_OK && *length > BP_RECOGNISE_MAX_BYTES) {
    bp_fail(call, BP_STATUS_TOO_BIG, "%s must be at most %d bytes, got %zu bytes", argument,
            BP_RECOGNISE_MAX_BYTES, *length);
    return BP_ARG_ERROR;
  }
  return arg;
}

/* ---- Section 1 and 2: version, relaxants ------------------------------- */

static void fn_backpain_version(bp_call *call, int argc, const bp_value *argv, bp_result *result,
                                bp_writer *json) {
  (void)call, (void)argc, (void)argv, (void)json;
  result_text(result, BACKPAIN_VERSION);
}

/* A recogniser: the name a text gives, or NULL (static strings only). */
typedef const char *(*recogniser)(const char *text, size_t length);

/* The shape every recognising function shares: read the text (numbers as
** their text, at most BP_RECOGNISE_MAX_BYTES), NULL in NULL out, the name
** the recogniser finds or NULL. */
static void recognise(bp_call *call, const bp_value *value, const char *argument, recogniser find,
                      bp_result *result) {
  char number_text[BP_NUMBER_TEXT_SIZE];
  const char *text;
  size_t length;
  result_null(result);
  if (read_recognisable(call, value, argument, number_text, &text, &length) != BP_ARG_OK) return;
  const char *name = find(text, length);
  if (name != NULL) result_text(result, name);
}

static const char *ingredient_of(const char *text, size_t length) {
  bp_relaxant_product product;
  bp_relaxant_classify(text, length, &product);
  return product.ingredient;
}

static const char *intervention_of(const char *text, size_t length) {
  bp_intervention intervention;
  return bp_intervention_from_text(text, length, &intervention) ? bp_interventions[intervention].id
                                                                : NULL;
}

static void fn_relaxant_ingredient(bp_call *call, int argc, const bp_value *argv, bp_result *result,
                                   bp_writer *json) {
  (void)argc, (void)json;
  recognise(call, &argv[0], "drug", ingredient_of, result);
}

static void fn_relaxant_end(bp_call *call, int argc, const bp_value *argv, bp_result *result,
                            bp_writer *json) {
  bp_day start;
  int64_t days_supply;
  (void)argc, (void)json;
  result_null(result);
  bp_arg start_arg = bp_read_date(call, &argv[0], "start", &start);
  if (start_arg == BP_ARG_ERROR) return;
  bp_arg days_arg = bp_read_int_at_least(call, &argv[1], "days_supply", 1, &days_supply);
  if (days_arg == BP_ARG_ERROR || start_arg == BP_ARG_NULL || days_arg == BP_ARG_NULL) return;
  if (days_supply - 1 > (int64_t)BP_DAY_MAX - start) {
    char start_text[BP_DATE_TEXT_SIZE];
    bp_date_format(start, start_text);
    bp_fail(call, BP_STATUS_DATETIME_OVERFLOW,
            "days_supply %lld from start %s ends after 9999-12-31", (long long)days_supply,
            start_text);
    return;
  }
  result->type = BP_RESULT_DATE;
  result->day = (bp_day)(start + days_supply - 1);
}

static void fn_relaxant_days(bp_call *call, int argc, const bp_value *argv, bp_result *result,
                             bp_writer *json) {
  bp_day start, end;
  (void)argc, (void)json;
  result_null(result);
  bp_arg start_arg = bp_read_date(call, &argv[0], "start", &start);
  if (start_arg == BP_ARG_ERROR) return;
  bp_arg end_arg = bp_read_date(call, &argv[1], "end", &end);
  if (end_arg == BP_ARG_ERROR || start_arg == BP_ARG_NULL || end_arg == BP_ARG_NULL) return;
  if (end < start) {
    error_end_before_start(call, start, end);
    return;
  }
  result->type = BP_RESULT_INTEGER;
  result->integer = (int64_t)end - start + 1;
}

static void fn_relaxant_overdue(bp_call *call, int argc, const bp_value *argv, bp_result *result,
                                bp_writer *json) {
  bp_day start, end, as_of = 0;
  int64_t max_days = bp_relaxant_max_days.value;
  bp_arg as_of_arg = BP_ARG_NULL;
  (void)json;
  result_null(result);
  bp_arg start_arg = bp_read_date(call, &argv[0], "start", &start);
  if (start_arg == BP_ARG_ERROR) return;
  bp_arg end_arg = bp_read_date(call, &argv[1], "end", &end);
  if (end_arg == BP_ARG_ERROR) return;
  if (argc > 2) {
    as_of_arg = bp_read_date(call, &argv[2], "as_of", &as_of);
    if (as_of_arg == BP_ARG_ERROR) return;
  }
  if (argc > 3 && bp_read_int_at_least(call, &argv[3], "max_days", 1, &max_days) == BP_ARG_ERROR) {
    return;
  }
  if (start_arg == BP_ARG_NULL) return;
  if (end_arg == BP_ARG_OK && end < start) {
    error_end_before_start(call, start, end);
    return;
  }
  if (end_arg == BP_ARG_NULL && as_of_arg == BP_ARG_NULL) return;
  result->type = BP_RESULT_BOOLEAN;
  if (as_of_arg == BP_ARG_OK && as_of < start) {
    result->integer = 0; /* not begun */
    return;
  }
  /* The last day: end, cut at as_of; an open end runs to as_of. */
  int runs_to_as_of = end_arg == BP_ARG_NULL || (as_of_arg == BP_ARG_OK && as_of < end);
  bp_day last = runs_to_as_of ? as_of : end;
  result->integer = (int64_t)last - start + 1 > max_days;
}

static void fn_relaxant_dose_alerts(bp_call *call, int argc, const bp_value *argv,
                                    bp_result *result, bp_writer *json) {
  char number_text[BP_NUMBER_TEXT_SIZE];
  const char *drug = NULL;
  size_t drug_length = 0;
  bp_dose_facts facts;
  const char *codes[BP_DOSE_MAX_ALERTS];
  memset(&facts, 0, sizeof(facts));
  result_null(result);

  bp_arg drug_arg = read_recognisable(call, &argv[0], "drug", number_text, &drug, &drug_length);
  if (drug_arg == BP_ARG_ERROR) return;
  bp_arg dose_arg =
      bp_read_number_in(call, &argv[1], "dose_mg", 0, 1, HUGE_VAL, "a number > 0", &facts.dose_mg);
  if (dose_arg == BP_ARG_ERROR) return;
  bp_arg per_day_arg = bp_read_number_in(call, &argv[2], "doses_per_day", 1, 0, HUGE_VAL,
                                         "a number >= 1", &facts.doses_per_day);
  if (per_day_arg == BP_ARG_ERROR) return;
  if (argc > 3) {
    int hepatic;
    bp_arg hepatic_arg =
        bp_read_name_in(call, &argv[3], "hepatic", bp_hepatic_names, BP_HEPATIC_COUNT, &hepatic);
    if (hepatic_arg == BP_ARG_ERROR) return;
    facts.hepatic_known = hepatic_arg == BP_ARG_OK;
    facts.hepatic = facts.hepatic_known ? (bp_hepatic)hepatic : BP_HEPATIC_NONE;
  }
  if (argc > 4) {
    bp_arg age_arg =
        bp_read_number_in(call, &argv[4], "age", 0, 0, AGE_MAX, AGE_REQUIREMENT, &facts.age);
    if (age_arg == BP_ARG_ERROR) return;
    facts.age_known = age_arg == BP_ARG_OK;
  }
  if (drug_arg == BP_ARG_NULL || dose_arg == BP_ARG_NULL || per_day_arg == BP_ARG_NULL) return;

  bp_relaxant_product product;
  bp_relaxant_classify(drug, drug_length, &product);
  if (product.ingredient == NULL || strcmp(product.ingredient, bp_dose_rule_ingredient) != 0 ||
      product.outside_back_pain) {
    return; /* no rules are encoded for it: NULL, not "checked, fine" */
  }
  facts.release = product.extended_release ? BP_RELEASE_EXTENDED : BP_RELEASE_IMMEDIATE;
  size_t count = bp_dose_alerts(&facts, codes);
  result->type = BP_RESULT_JSON;
  bp_json_raw(json, "[");
  for (size_t i = 0; i < count; i++) {
    if (i > 0) bp_json_raw(json, ",");
    bp_json_plain_string(json, codes[i]);
  }
  bp_json_raw(json, "]");
}

/* ---- Section 3: guideline ------------------------------------------------ */

static void fn_intervention_code(bp_call *call, int argc, const bp_value *argv, bp_result *result,
                                 bp_writer *json) {
  (void)argc, (void)json;
  recognise(call, &argv[0], "text", intervention_of, result);
}

static void fn_icd10_class(bp_call *call, int argc, const bp_value *argv, bp_result *result,
                           bp_writer *json) {
  (void)argc, (void)json;
  recognise(call, &argv[0], "code", bp_icd10_class, result);
}

static void fn_pain_phase(bp_call *call, int argc, const bp_value *argv, bp_result *result,
                          bp_writer *json) {
  bp_phase phase;
  (void)json;
  result_null(result);
  if (argc == 1) {
    double weeks;
    if (bp_read_number_in(call, &argv[0], "weeks", 0, 0, HUGE_VAL, "a number of weeks >= 0",
                          &weeks) != BP_ARG_OK) {
      return;
    }
    phase = bp_phase_from_weeks(weeks);
  } else {
    bp_day onset, as_of;
    bp_arg onset_arg = bp_read_date(call, &argv[0], "onset", &onset);
    if (onset_arg == BP_ARG_ERROR) return;
    bp_arg as_of_arg = bp_read_date(call, &argv[1], "as_of", &as_of);
    if (as_of_arg == BP_ARG_ERROR || onset_arg == BP_ARG_NULL || as_of_arg == BP_ARG_NULL) return;
    if (as_of < onset) {
      error_dates_reversed(call, "as_of", as_of, "onset", onset);
      return;
    }
    phase = bp_phase_from_days((int64_t)as_of - onset);
  }
  result_text(result, bp_phase_names[phase]);
}

/* ---- recommend_plan ------------------------------------------------------ */

/* Lists shorter than this are decoded on the stack; longer ones in the
** call's scratch memory, sized to hold any item whole. */
#define LIST_STACK_BYTES 512

/* The state of one list being read, for the item callbacks. */
typedef struct {
  bp_call *call;
  bp_patient *patient;
  const char *key;
  int is_tried; /* tried, else preferences (intervention lists) */
  /* strict vocabularies */
  const bp_named *names;
  size_t name_count;
  bp_set found; /* bit per name row */
  int any;      /* at least one known name */
} list_reader;

static int strict_item(void *context, const char *item, size_t length, int truncated) {
  list_reader *r = context;
  assert(!truncated); /* the buffer holds the whole list */
  (void)truncated;
  for (size_t i = 0; i < r->name_count; i++) {
    if (bp_ascii_ieq(item, length, r->names[i].name)) {
      r->found |= BP_BIT(i);
      r->any = 1;
      return 0;
    }
  }
  char shown[BP_DISPLAY_SIZE];
  char known[BP_MESSAGE_SIZE / 2];
  size_t used = 0;
  known[0] = '\0';
  for (size_t i = 0; i < r->name_count && used < sizeof(known); i++) {
    used += (size_t)snprintf(known + used, sizeof(known) - used, "%s%s", i ? ", " : "",
                             r->names[i].name);
  }
  bp_text_display(item, length, shown);
  bp_fail(r->call, BP_STATUS_INVALID_PARAMETER, "%s has an unknown name '%s' (known: %s)", r->key,
          shown, known);
  return 1;
}

static int intervention_item(void *context, const char *item, size_t length, int truncated) {
  list_reader *r = context;
  bp_intervention intervention;
  assert(!truncated);
  (void)truncated;
  if (length > BP_RECOGNISE_MAX_BYTES) {
    bp_fail(r->call, BP_STATUS_TOO_BIG, "%s has an item of %zu bytes; items are at most %d bytes",
            r->key, length, BP_RECOGNISE_MAX_BYTES);
    return 1;
  }
  if (!bp_intervention_from_text(item, length, &intervention)) {
    r->patient->unrecognised = 1;
  } else if (r->is_tried) {
    r->patient->tried |= BP_BIT(intervention);
  } else {
    bp_patient_prefer(r->patient, intervention);
  }
  return 0;
}

#define LIST_REQUIREMENT "must be a JSON array of strings or comma-separated text"

/* Reads a list value into the reader. A number is a one-item list (a
** code, as intervention_code() reads it); a blob, a date or a value of
** another engine type is an error. */
static bp_arg read_list(bp_call *call, const bp_value *value, bp_list_item_fn fn, list_reader *r) {
  char number_text[BP_NUMBER_TEXT_SIZE];
  char stack[LIST_STACK_BYTES];
  const char *text;
  size_t length;
  if (value->type == BP_VALUE_BLOB || value->type == BP_VALUE_DATE ||
      value->type == BP_VALUE_OTHER) {
    return bp_fail_value(call, BP_STATUS_INVALID_PARAMETER, value, r->key, LIST_REQUIREMENT);
  }
  bp_arg arg = bp_read_text(call, value, r->key, number_text, &text, &length);
  if (arg != BP_ARG_OK) return arg;
  if (value->type != BP_VALUE_TEXT) {
    /* a number: one item, whatever commas its text might hold */
    return fn(r, text, length, 0) ? BP_ARG_ERROR : BP_ARG_OK;
  }
  /* A decoded item is never longer than the list's text. */
  char *buffer = stack;
  if (length + 1 > sizeof(stack)) {
    buffer = bp_call_scratch(call, length + 1);
    if (buffer == NULL) return BP_ARG_ERROR;
  }
  bp_list_result parsed = bp_list_parse(text, length, buffer, length + 1, fn, r);
  if (parsed.status == BP_LIST_STOPPED) return BP_ARG_ERROR; /* the item set the error */
  if (parsed.status != BP_LIST_OK) {
    char problem[160];
    snprintf(problem, sizeof(problem), LIST_REQUIREMENT " (%s at byte %zu)",
             bp_list_status_text(parsed.status), parsed.offset);
    return bp_fail_value(call, BP_STATUS_TEXT_REPRESENTATION, value, r->key, problem);
  }
  return BP_ARG_OK;
}

static bp_arg read_strict_list(bp_call *call, const bp_value *value, const char *key,
                               const bp_named *names, size_t count, bp_set *found, int *any) {
  list_reader r;
  memset(&r, 0, sizeof(r));
  r.call = call;
  r.key = key;
  r.names = names;
  r.name_count = count;
  assert(count <= BP_SET_CAPACITY); /* the vocabularies state it (bp_content_plan.c) */
  bp_arg arg = read_list(call, value, strict_item, &r);
  *found = r.found;
  if (any != NULL) *any = r.any;
  return arg;
}

/* One key of recommend_plan: how its value is read into the patient. */
typedef bp_arg (*plan_key_reader)(bp_call *call, const bp_value *value, const char *key,
                                  bp_patient *p);

static bp_arg key_pain_weeks(bp_call *call, const bp_value *value, const char *key, bp_patient *p) {
  bp_arg arg =
      bp_read_number_in(call, value, key, 0, 0, HUGE_VAL, "a number of weeks >= 0", &p->pain_weeks);
  p->pain_weeks_given = arg == BP_ARG_OK;
  return arg;
}

static bp_arg key_onset(bp_call *call, const bp_value *value, const char *key, bp_patient *p) {
  bp_arg arg = bp_read_date(call, value, key, &p->onset);
  p->onset_given = arg == BP_ARG_OK;
  return arg;
}

static bp_arg key_as_of(bp_call *call, const bp_value *value, const char *key, bp_patient *p) {
  bp_arg arg = bp_read_date(call, value, key, &p->as_of);
  p->as_of_given = arg == BP_ARG_OK;
  return arg;
}

static bp_arg key_spasm(bp_call *call, const bp_value *value, const char *key, bp_patient *p) {
  return bp_read_flag(call, value, key, &p->spasm);
}

static bp_arg key_serotonergic(bp_call *call, const bp_value *value, const char *key,
                               bp_patient *p) {
  return bp_read_flag(call, value, key, &p->serotonergic);
}

/* red_flags: 1/0 (a number or numeric text), or a list of names. */
static bp_arg key_red_flags(bp_call *call, const bp_value *value, const char *key, bp_patient *p) {
  double number;
  int numeric =
      value->type == BP_VALUE_INTEGER || value->type == BP_VALUE_REAL ||
      (value->type == BP_VALUE_TEXT && bp_number_parse(value->bytes, value->length, &number));
  if (numeric) return bp_read_flag(call, value, key, &p->red_flag);
  bp_set found;
  return read_strict_list(call, value, key, bp_red_flag_names, bp_red_flag_count, &found,
                          &p->red_flag);
}

static bp_arg key_hepatic(bp_call *call, const bp_value *value, const char *key, bp_patient *p) {
  int index;
  bp_arg arg = bp_read_name_in(call, value, key, bp_hepatic_names, BP_HEPATIC_COUNT, &index);
  p->hepatic_given = arg == BP_ARG_OK;
  if (p->hepatic_given) p->hepatic = (bp_hepatic)index;
  return arg;
}

static bp_arg key_response(bp_call *call, const bp_value *value, const char *key, bp_patient *p) {
  int index;
  bp_arg arg = bp_read_name_in(call, value, key, bp_response_names, BP_RESPONSE_COUNT, &index);
  p->response_given = arg == BP_ARG_OK;
  if (p->response_given) p->response = (bp_response)index;
  return arg;
}

static bp_arg key_age(bp_call *call, const bp_value *value, const char *key, bp_patient *p) {
  bp_arg arg = bp_read_number_in(call, value, key, 0, 0, AGE_MAX, AGE_REQUIREMENT, &p->age);
  p->age_given = arg == BP_ARG_OK;
  return arg;
}

static bp_arg key_pain_baseline(bp_call *call, const bp_value *value, const char *key,
                                bp_patient *p) {
  bp_arg arg = bp_read_number_in(call, value, key, 0, 0, PAIN_SCORE_MAX,
                                 "a pain score from 0 to 10", &p->pain_baseline);
  p->pain_baseline_given = arg == BP_ARG_OK;
  return arg;
}

static bp_arg key_pain_now(bp_call *call, const bp_value *value, const char *key, bp_patient *p) {
  bp_arg arg = bp_read_number_in(call, value, key, 0, 0, PAIN_SCORE_MAX,
                                 "a pain score from 0 to 10", &p->pain_now);
  p->pain_now_given = arg == BP_ARG_OK;
  return arg;
}

static bp_arg key_response_threshold(bp_call *call, const bp_value *value, const char *key,
                                     bp_patient *p) {
  return bp_read_number_in(call, value, key, 0, 1, 1, "a fraction > 0 and <= 1",
                           &p->response_threshold);
}

static bp_arg key_relaxant_days(bp_call *call, const bp_value *value, const char *key,
                                bp_patient *p) {
  bp_arg arg = bp_read_int_at_least(call, value, key, 0, &p->relaxant_days);
  p->relaxant_days_given = arg == BP_ARG_OK;
  return arg;
}

static bp_arg key_contraindications(bp_call *call, const bp_value *value, const char *key,
                                    bp_patient *p) {
  return read_strict_list(call, value, key, bp_contraindication_names, bp_contraindication_count,
                          &p->contraindications, NULL);
}

static bp_arg read_intervention_list(bp_call *call, const bp_value *value, const char *key,
                                     bp_patient *p, int is_tried) {
  list_reader r;
  memset(&r, 0, sizeof(r));
  r.call = call;
  r.patient = p;
  r.key = key;
  r.is_tried = is_tried;
  return read_list(call, value, intervention_item, &r);
}

static bp_arg key_tried(bp_call *call, const bp_value *value, const char *key, bp_patient *p) {
  return read_intervention_list(call, value, key, p, 1);
}

static bp_arg key_preferences(bp_call *call, const bp_value *value, const char *key,
                              bp_patient *p) {
  return read_intervention_list(call, value, key, p, 0);
}

/* on_error is read before every other key (see fn_recommend_plan). */
static bp_arg key_on_error(bp_call *call, const bp_value *value, const char *key, bp_patient *p) {
  (void)call, (void)value, (void)key, (void)p;
  return BP_ARG_OK;
}

typedef struct {
  const char *name;
  size_t length; /* strlen(name), so that finding a key costs no strlen */
  plan_key_reader read;
} plan_key;

#define KEY(name, read) \
  { name, sizeof(name) - 1, read }

/* The keys of recommend_plan (contract section 3), in the contract's order. */
static const plan_key plan_keys[] = {
    KEY("pain_weeks", key_pain_weeks),
    KEY("onset", key_onset),
    KEY("as_of", key_as_of),
    KEY("spasm", key_spasm),
    KEY("red_flags", key_red_flags),
    KEY("hepatic", key_hepatic),
    KEY("age", key_age),
    KEY("tried", key_tried),
    KEY("response", key_response),
    KEY("pain_baseline", key_pain_baseline),
    KEY("pain_now", key_pain_now),
    KEY("response_threshold", key_response_threshold),
    KEY("relaxant_days", key_relaxant_days),
    KEY("contraindications", key_contraindications),
    KEY("serotonergic", key_serotonergic),
    KEY("preferences", key_preferences),
    KEY("on_error", key_on_error),
};
#define PLAN_KEY_COUNT BP_COUNT(plan_keys)
BP_SET_FITS(PLAN_KEY_COUNT, "the keys of recommend_plan (read_patient's set of keys seen)");

enum { ON_ERROR_RAISE, ON_ERROR_REPORT, ON_ERROR_COUNT };
static const char *const on_error_names[] = {
    [ON_ERROR_RAISE] = "raise", [ON_ERROR_REPORT] = "report"};
_Static_assert(BP_COUNT(on_error_names) == ON_ERROR_COUNT, "one name per on_error mode");

static int key_equals(const bp_value *key, const char *name) {
  return key->type == BP_VALUE_TEXT && key->length == strlen(name) &&
         memcmp(key->bytes, name, key->length) == 0;
}

/* Finds on_error among the pairs and reads it. Returns BP_ARG_ERROR (the
** call's error set) for an unknown value: that is never reported. */
static bp_arg read_on_error(bp_call *call, int argc, const bp_value *argv, int *mode) {
  *mode = ON_ERROR_RAISE;
  for (int i = 0; i + 1 < argc; i += 2) {
    if (!key_equals(&argv[i], "on_error")) continue;
    int index;
    bp_arg arg =
        bp_read_name_in(call, &argv[i + 1], "on_error", on_error_names, ON_ERROR_COUNT, &index);
    if (arg == BP_ARG_ERROR) return arg;
    if (arg == BP_ARG_OK) *mode = index;
    return BP_ARG_OK;
  }
  return BP_ARG_OK;
}

/* Reads every pair into the patient; BP_ARG_ERROR after setting an error. */
static bp_arg read_patient(bp_call *call, int argc, const bp_value *argv, bp_patient *p) {
  bp_set seen = 0;
  bp_patient_init(p);
  for (int i = 0; i < argc; i += 2) {
    const bp_value *key = &argv[i];
    if (key->type != BP_VALUE_TEXT) {
      char shown[BP_VALUE_DISPLAY_SIZE];
      bp_value_display(key, shown);
      bp_fail(call, BP_STATUS_INVALID_PARAMETER, "argument %d must be a key (text), got %s", i + 1,
              shown);
      return BP_ARG_ERROR;
    }
    size_t k = 0;
    while (k < PLAN_KEY_COUNT && !(key->length == plan_keys[k].length &&
                                   memcmp(key->bytes, plan_keys[k].name, key->length) == 0)) {
      k++;
    }
    if (k == PLAN_KEY_COUNT) {
      char shown[BP_DISPLAY_SIZE];
      bp_text_display(key->bytes, key->length, shown);
      bp_fail(call, BP_STATUS_INVALID_PARAMETER, "unknown key '%s'", shown);
      return BP_ARG_ERROR;
    }
    if (seen & BP_BIT(k)) {
      bp_fail(call, BP_STATUS_INVALID_PARAMETER, "key %s is given twice", plan_keys[k].name);
      return BP_ARG_ERROR;
    }
    seen |= BP_BIT(k);
    if (argv[i + 1].type == BP_VALUE_NULL) continue;
    if (plan_keys[k].read(call, &argv[i + 1], plan_keys[k].name, p) == BP_ARG_ERROR) {
      return BP_ARG_ERROR;
    }
  }
  if (!p->pain_weeks_given && p->onset_given != p->as_of_given) {
    bp_fail(call, BP_STATUS_INVALID_PARAMETER,
            "%s is given without %s: give both, or pain_weeks instead",
            p->onset_given ? "onset" : "as_of", p->onset_given ? "as_of" : "onset");
    return BP_ARG_ERROR;
  }
  if (p->onset_given && p->as_of_given && p->as_of < p->onset) {
    error_dates_reversed(call, "as_of", p->as_of, "onset", p->onset);
    return BP_ARG_ERROR;
  }
  return BP_ARG_OK;
}

static void fn_recommend_plan(bp_call *call, int argc, const bp_value *argv, bp_result *result,
                              bp_writer *json) {
  bp_patient patient;
  bp_plan plan;
  int mode;
  result_null(result);
  if (argc % 2 != 0) {
    bp_fail(call, BP_STATUS_INVALID_PARAMETER, "expects key, value pairs, got %d arguments", argc);
    return;
  }
  if (read_on_error(call, argc, argv, &mode) == BP_ARG_ERROR) return;
  if (read_patient(call, argc, argv, &patient) == BP_ARG_ERROR) {
    if (mode != ON_ERROR_REPORT || call->status == BP_STATUS_NO_MEMORY) return;
    /* The error goes inside the answer instead: one bad row does not
    ** stop a cohort query. */
    result->type = BP_RESULT_JSON;
    bp_json_raw(json, "{\"version\":");
    bp_json_plain_string(json, BACKPAIN_VERSION);
    bp_json_raw(json, ",\"error\":");
    bp_json_string(json, call->message, strlen(call->message));
    bp_json_raw(json, "}");
    call->status = BP_STATUS_OK;
    call->message[0] = '\0';
    return;
  }
  bp_plan_build(&patient, &plan);
  result->type = BP_RESULT_JSON;
  bp_plan_write_json(&plan, BACKPAIN_VERSION, json);
}

/* ---- Courses ------------------------------------------------------------ */

/* Where the optional arguments of each course function are (-1: none). */
typedef struct {
  int gap_days, max_days, as_of;
} course_layout;

static const course_layout course_layouts[] = {
    [BP_COURSES_JSON] = {2, 3, 4},
    [BP_COURSES_LONGEST] = {2, -1, 3},
    [BP_COURSES_NUMBER] = {2, -1, 3},
};
_Static_assert(BP_COUNT(course_layouts) == BP_COURSE_FUNCTION_COUNT,
               "one layout per bp_course_function");

static int same_param(bp_call *call, const char *name, int64_t before, int64_t now) {
  if (before == now) return 1;
  bp_fail(call, BP_STATUS_INVALID_PARAMETER,
          "%s must be the same on every row of a group, got %lld and %lld", name, (long long)before,
          (long long)now);
  return 0;
}

static int same_as_of(bp_call *call, const bp_course_params *before, const bp_course_params *now) {
  if (before->has_as_of == now->has_as_of && (!now->has_as_of || before->as_of == now->as_of)) {
    return 1;
  }
  char before_text[BP_DATE_TEXT_SIZE] = "NULL", now_text[BP_DATE_TEXT_SIZE] = "NULL";
  if (before->has_as_of) bp_date_format(before->as_of, before_text);
  if (now->has_as_of) bp_date_format(now->as_of, now_text);
  bp_fail(call, BP_STATUS_INVALID_PARAMETER,
          "as_of must be the same on every row of a group, got %s and %s", before_text, now_text);
  return 0;
}

static int params_agree(bp_call *call, const bp_course_params *a, const bp_course_params *b) {
  return same_param(call, "gap_days", a->gap_days, b->gap_days) &&
         same_param(call, "max_days", a->max_days, b->max_days) && same_as_of(call, a, b);
}

int bp_course_params_merge(bp_call *call, bp_course_params *a, const bp_course_params *b) {
  if (!b->known) return 1;
  if (!a->known) {
    *a = *b;
    return 1;
  }
  return params_agree(call, a, b);
}

bp_arg bp_course_read_row(bp_call *call, bp_course_function function, int argc,
                          const bp_value *argv, bp_course_params *params, bp_fill *fill,
                          int *has_start) {
  const course_layout *layout = &course_layouts[function];
  assert(layout->gap_days > 0); /* no hole in course_layouts */
  bp_course_params row = {.gap_days = bp_relaxant_gap_days.value,
                          .max_days = bp_relaxant_max_days.value,
                          .known = true};
  *has_start = 0;
  if (argc > layout->gap_days && bp_read_int_at_least(call, &argv[layout->gap_days], "gap_days", 0,
                                                      &row.gap_days) == BP_ARG_ERROR) {
    return BP_ARG_ERROR;
  }
  if (layout->max_days >= 0 && argc > layout->max_days &&
      bp_read_int_at_least(call, &argv[layout->max_days], "max_days", 1, &row.max_days) ==
          BP_ARG_ERROR) {
    return BP_ARG_ERROR;
  }
  if (argc > layout->as_of) {
    bp_arg as_of_arg = bp_read_date(call, &argv[layout->as_of], "as_of", &row.as_of);
    if (as_of_arg == BP_ARG_ERROR) return BP_ARG_ERROR;
    row.has_as_of = as_of_arg == BP_ARG_OK;
  }
  if (params->known) {
    if (!params_agree(call, params, &row)) return BP_ARG_ERROR;
  } else {
    *params = row;
  }

  bp_arg start_arg = bp_read_date(call, &argv[0], "start", &fill->start);
  if (start_arg == BP_ARG_ERROR) return BP_ARG_ERROR;
  *has_start = start_arg == BP_ARG_OK;
  bp_arg end_arg = bp_read_date(call, &argv[1], "end", &fill->end);
  if (end_arg == BP_ARG_ERROR) return BP_ARG_ERROR;
  if (start_arg == BP_ARG_OK && end_arg == BP_ARG_OK && fill->end < fill->start) {
    error_end_before_start(call, fill->start, fill->end);
    return BP_ARG_ERROR;
  }
  if (start_arg == BP_ARG_NULL) return BP_ARG_NULL;
  if (!row.has_as_of) return end_arg == BP_ARG_NULL ? BP_ARG_NULL : BP_ARG_OK;
  /* With as_of: an open fill runs to as_of, every fill is cut there, and a
  ** fill not yet begun is left out. */
  if (fill->start > row.as_of) return BP_ARG_NULL;
  if (end_arg == BP_ARG_NULL || fill->end > row.as_of) fill->end = row.as_of;
  return BP_ARG_OK;
}

static void write_course(bp_writer *json, const bp_course *course, int64_t max_days, int first) {
  char start[BP_DATE_TEXT_SIZE], end[BP_DATE_TEXT_SIZE];
  int64_t span = bp_course_span(course);
  bp_date_format(course->start, start);
  bp_date_format(course->end, end);
  bp_json_raw(json, first ? "{\"start\":\"" : ",{\"start\":\"");
  bp_json_raw(json, start);
  bp_json_raw(json, "\",\"end\":\"");
  bp_json_raw(json, end);
  bp_json_raw(json, "\",\"span_days\":");
  bp_json_int(json, span);
  bp_json_raw(json, ",\"covered_days\":");
  bp_json_int(json, course->covered_days);
  bp_json_raw(json, ",\"fills\":");
  bp_json_int(json, course->fills);
  bp_json_raw(json, span > max_days ? ",\"overdue\":true}" : ",\"overdue\":false}");
}

void bp_courses_write_json(const bp_fill *sorted, size_t n, const bp_course_params *params,
                           bp_writer *json) {
  bp_course_builder builder;
  bp_course closed;
  assert(n >= 1);
  bp_course_builder_init(&builder, params->gap_days);
  bp_json_raw(json, "[");
  for (size_t i = 0; i < n; i++) {
    if (bp_course_builder_add(&builder, sorted[i], &closed) == BP_FILL_NEW_COURSE &&
        builder.course_no > 1) {
      write_course(json, &closed, params->max_days, builder.course_no == 2);
    }
  }
  write_course(json, &builder.current, params->max_days, builder.course_no == 1);
  bp_json_raw(json, "]");
}

int64_t bp_courses_longest(const bp_fill *sorted, size_t n, const bp_course_params *params) {
  bp_course_builder builder;
  bp_course closed;
  int64_t longest = 0;
  assert(n >= 1);
  bp_course_builder_init(&builder, params->gap_days);
  for (size_t i = 0; i < n; i++) {
    if (bp_course_builder_add(&builder, sorted[i], &closed) == BP_FILL_NEW_COURSE &&
        builder.course_no > 1 && bp_course_span(&closed) > longest) {
      longest = bp_course_span(&closed);
    }
  }
  if (bp_course_span(&builder.current) > longest) longest = bp_course_span(&builder.current);
  return longest;
}

void bp_course_order_error(bp_call *call, bp_day start, bp_day previous_start) {
  char now[BP_DATE_TEXT_SIZE], before[BP_DATE_TEXT_SIZE];
  bp_date_format(start, now);
  bp_date_format(previous_start, before);
  bp_fail(call, BP_STATUS_INVALID_PARAMETER,
          "rows must come in ascending start order (ORDER BY start), got %s after %s", now, before);
}

void bp_course_together_error(bp_call *call, int has_first, bp_day first, int has_other,
                              bp_day other) {
  char first_text[BP_DATE_TEXT_SIZE] = "NULL", other_text[BP_DATE_TEXT_SIZE] = "NULL";
  if (has_first) bp_date_format(first, first_text);
  if (has_other) bp_date_format(other, other_text);
  bp_fail(call, BP_STATUS_INVALID_PARAMETER,
          "rows must come in ascending start order (ORDER BY start), one start at a time with "
          "the default frame, got %s and %s together",
          first_text, other_text);
}

/* ---- The one list of functions ----------------------------------------- */

#define SCALAR(name, min, max, fn, arguments, returns) \
  { name, min, max, BP_KIND_SCALAR, fn, BP_COURSES_JSON, arguments, returns }
#define COURSE(name, min, max, kind, course, arguments, returns) \
  { name, min, max, kind, NULL, course, arguments, returns }

const bp_function_info bp_functions[] = {
    SCALAR("backpain_version", 0, 0, fn_backpain_version, "", "text"),
    SCALAR("relaxant_ingredient", 1, 1, fn_relaxant_ingredient, "drug", "text"),
    SCALAR("relaxant_end", 2, 2, fn_relaxant_end, "start, days_supply", "date"),
    SCALAR("relaxant_days", 2, 2, fn_relaxant_days, "start, end", "integer"),
    SCALAR("relaxant_overdue", 2, 4, fn_relaxant_overdue, "start, end [, as_of [, max_days]]",
           "boolean"),
    COURSE("relaxant_courses", 2, 5, BP_KIND_AGGREGATE, BP_COURSES_JSON,
           "start, end [, gap_days [, max_days [, as_of]]]", "json"),
    COURSE("relaxant_longest_course", 2, 4, BP_KIND_AGGREGATE, BP_COURSES_LONGEST,
           "start, end [, gap_days [, as_of]]", "integer"),
    COURSE("relaxant_course_no", 2, 4, BP_KIND_WINDOW, BP_COURSES_NUMBER,
           "start, end [, gap_days [, as_of]]", "integer"),
    SCALAR("relaxant_dose_alerts", 3, 5, fn_relaxant_dose_alerts,
           "drug, dose_mg, doses_per_day [, hepatic [, age]]", "json"),
    SCALAR("intervention_code", 1, 1, fn_intervention_code, "text", "text"),
    SCALAR("pain_phase", 1, 2, fn_pain_phase, "weeks | onset, as_of", "text"),
    SCALAR("icd10_class", 1, 1, fn_icd10_class, "code", "text"),
    SCALAR("recommend_plan", 0, -1, fn_recommend_plan, "key, value, ...", "json"),
};
const size_t bp_function_count = BP_COUNT(bp_functions);
_Static_assert(BP_COUNT(bp_functions) <= BP_FUNCTION_MAX, "bp_functions[] fits BP_FUNCTION_MAX");

const bp_function_info *bp_function_find(const char *name) {
  for (size_t i = 0; i < bp_function_count; i++) {
    if (strcmp(bp_functions[i].name, name) == 0) return &bp_functions[i];
  }
  return NULL;
}
