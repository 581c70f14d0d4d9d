/*
** sql_guideline.c: SQL bindings of the guideline functions (contract
** section 3). The logic lives in bp_intervention.c, bp_icd10.c, bp_list.c
** and bp_plan.c; this file reads arguments and shapes results.
**
**   intervention_code(text)              -> canonical intervention id or NULL
**   pain_phase(weeks), pain_phase(onset, as_of) -> acute/subacute/chronic
**   icd10_class(code)                    -> class name or NULL
**   recommend_plan(key, value, ...)      -> JSON plan
*/
#include "sql_functions.h"

SQLITE_EXTENSION_INIT3

#include <math.h>
#include <string.h>

#include "bp_content_interventions.h"
#include "bp_content_plan.h"
#include "bp_content_relaxant.h"
#include "bp_icd10.h"
#include "bp_intervention.h"
#include "bp_list.h"
#include "bp_plan.h"
#include "bp_number.h"
#include "bp_text.h"
#include "sql_args.h"

#define AGE_MAX 150.0
#define PAIN_SCORE_MAX 10.0

void bp_sql_intervention_code(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  const char *text;
  int n;
  bp_intervention intervention;
  (void)argc;
  if (bp_arg_text(ctx, argv[0], "text", &text, &n) != BP_ARG_OK) return;
  if (bp_intervention_from_text(text, (size_t)n, &intervention)) {
    sqlite3_result_text(ctx, bp_interventions[intervention].id, -1, SQLITE_STATIC);
  }
}

void bp_sql_icd10_class(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  const char *text;
  int n;
  (void)argc;
  if (bp_arg_text(ctx, argv[0], "code", &text, &n) != BP_ARG_OK) return;
  const char *class_name = bp_icd10_class(text, (size_t)n);
  if (class_name != NULL) sqlite3_result_text(ctx, class_name, -1, SQLITE_STATIC);
}

static void error_dates_reversed(sqlite3_context *ctx, bp_day onset, bp_day as_of) {
  char onset_text[BP_DATE_TEXT_SIZE], as_of_text[BP_DATE_TEXT_SIZE];
  bp_date_format(onset, onset_text);
  bp_date_format(as_of, as_of_text);
  bp_sql_error(ctx, "as_of %s is before onset %s", as_of_text, onset_text);
}

void bp_sql_pain_phase(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  bp_phase phase;
  if (argc == 1) {
    double weeks;
    if (bp_arg_number_in(ctx, argv[0], "weeks", 0, 0, HUGE_VAL, "a number of weeks >= 0", &weeks) !=
        BP_ARG_OK) {
      return;
    }
    phase = bp_phase_from_weeks(weeks);
  } else {
    bp_day onset, as_of;
    bp_arg onset_arg = bp_arg_date(ctx, argv[0], "onset", &onset);
    if (onset_arg == BP_ARG_ERROR) return;
    bp_arg as_of_arg = bp_arg_date(ctx, argv[1], "as_of", &as_of);
    if (as_of_arg == BP_ARG_ERROR || onset_arg == BP_ARG_NULL || as_of_arg == BP_ARG_NULL) {
      return;
    }
    if (as_of < onset) {
      error_dates_reversed(ctx, onset, as_of);
      return;
    }
    phase = bp_phase_from_days((int64_t)as_of - onset);
  }
  sqlite3_result_text(ctx, bp_phase_names[phase], -1, SQLITE_STATIC);
}

/* ---- recommend_plan ----------------------------------------------------- */

typedef enum {
  KEY_PAIN_WEEKS,
  KEY_ONSET,
  KEY_AS_OF,
  KEY_SPASM,
  KEY_RED_FLAGS,
  KEY_HEPATIC,
  KEY_AGE,
  KEY_TRIED,
  KEY_RESPONSE,
  KEY_PAIN_BASELINE,
  KEY_PAIN_NOW,
  KEY_RESPONSE_THRESHOLD,
  KEY_RELAXANT_DAYS,
  KEY_CONTRAINDICATIONS,
  KEY_SEROTONERGIC,
  KEY_PREFERENCES
} plan_key;

#define KEY_COUNT (KEY_PREFERENCES + 1)

static const char *const key_names[KEY_COUNT] = {"pain_weeks",    "onset",
                                                 "as_of",         "spasm",
                                                 "red_flags",     "hepatic",
                                                 "age",           "tried",
                                                 "response",      "pain_baseline",
                                                 "pain_now",      "response_threshold",
                                                 "relaxant_days", "contraindications",
                                                 "serotonergic",  "preferences"};

/* Decoded list items longer than this cannot name anything we know. */
#define LIST_ITEM_MAX 512

/* Reads a 0/1 flag. */
static bp_arg read_flag(sqlite3_context *ctx, sqlite3_value *value, const char *key, int *out) {
  double number;
  bp_arg arg = bp_arg_number_in(ctx, value, key, 0, 0, 1, "1 or 0", &number);
  if (arg != BP_ARG_OK) return arg;
  if (number != 0 && number != 1) return bp_arg_fail(ctx, value, key, "must be 1 or 0");
  *out = number == 1;
  return BP_ARG_OK;
}

/* State of one list being read, for the item callbacks. */
typedef struct {
  bp_patient *patient;
  plan_key key;
  /* strict vocabularies */
  const bp_named *names;
  size_t name_count;
  uint32_t found; /* bit per name row */
  int any;        /* at least one item */
  /* the first unknown name of a strict list */
  char unknown[BP_DISPLAY_SIZE];
  int has_unknown;
} list_reader;

static int strict_item(void *context, const char *item, size_t length, int truncated) {
  list_reader *r = context;
  for (size_t i = 0; !truncated && i < r->name_count; i++) {
    if (bp_ascii_ieq(item, length, r->names[i].name)) {
      r->found |= 1u << i;
      r->any = 1;
      return 0;
    }
  }
  bp_text_display(item, length, r->unknown);
  r->has_unknown = 1;
  return 1;
}

static int intervention_item(void *context, const char *item, size_t length, int truncated) {
  list_reader *r = context;
  bp_intervention intervention;
  (void)truncated; /* a cut item is matched on what is left of it */
  if (!bp_intervention_from_text(item, length, &intervention)) {
    r->patient->unrecognised = 1;
  } else if (r->key == KEY_TRIED) {
    r->patient->tried |= 1u << intervention;
  } else {
    bp_patient_prefer(r->patient, intervention);
  }
  return 0;
}

static bp_arg list_error(sqlite3_context *ctx, sqlite3_value *value, const char *key,
                         bp_list_result result) {
  char problem[160];
  sqlite3_snprintf(sizeof(problem), problem,
                   "must be a JSON array of strings or comma-separated text (%s at byte %llu)",
                   bp_list_status_text(result.status), (unsigned long long)result.offset);
  return bp_arg_fail(ctx, value, key, problem);
}

/* Reads a list into the reader with the given item callback. INTEGER
** values are a one-item list (a procedure code); REAL and BLOB are errors. */
static bp_arg read_list(sqlite3_context *ctx, sqlite3_value *value, const char *key,
                        bp_list_item_fn fn, list_reader *r) {
  char item[LIST_ITEM_MAX];
  int type = sqlite3_value_type(value);
  if (type == SQLITE_FLOAT || type == SQLITE_BLOB) {
    return bp_arg_fail(ctx, value, key, "must be a JSON array of strings or comma-separated text");
  }
  const char *text = (const char *)sqlite3_value_text(value);
  int n = sqlite3_value_bytes(value);
  if (text == NULL) {
    sqlite3_result_error_nomem(ctx);
    return BP_ARG_ERROR;
  }
  bp_list_result result = bp_list_parse(text, (size_t)n, item, sizeof(item), fn, r);
  if (r->has_unknown) {
    sqlite3_str *known = sqlite3_str_new(NULL);
    for (size_t i = 0; i < r->name_count; i++) {
      sqlite3_str_appendf(known, "%s%s", i ? ", " : "", r->names[i].name);
    }
    char *known_text = sqlite3_str_finish(known);
    if (known_text == NULL) {
      sqlite3_result_error_nomem(ctx);
    } else {
      bp_sql_error(ctx, "%s has an unknown name '%s' (known: %s)", key, r->unknown, known_text);
    }
    sqlite3_free(known_text);
    return BP_ARG_ERROR;
  }
  if (result.status != BP_LIST_OK) return list_error(ctx, value, key, result);
  return BP_ARG_OK;
}

/* red_flags: 1/0 or a list of names. */
static bp_arg read_red_flags(sqlite3_context *ctx, sqlite3_value *value, bp_patient *p) {
  double number;
  /* The type first: sqlite3_value_text() would give a blob a text form. */
  int type = sqlite3_value_type(value);
  const char *text = type == SQLITE_TEXT ? (const char *)sqlite3_value_text(value) : NULL;
  int numeric =
      type == SQLITE_INTEGER || type == SQLITE_FLOAT ||
      (text != NULL && bp_number_parse(text, (size_t)sqlite3_value_bytes(value), &number));
  if (numeric) return read_flag(ctx, value, "red_flags", &p->red_flag);
  list_reader r;
  memset(&r, 0, sizeof(r));
  r.patient = p;
  r.key = KEY_RED_FLAGS;
  r.names = bp_red_flag_names;
  r.name_count = bp_red_flag_count;
  if (read_list(ctx, value, "red_flags", strict_item, &r) != BP_ARG_OK) return BP_ARG_ERROR;
  p->red_flag = r.any;
  return BP_ARG_OK;
}

/* Reads one key's value into the patient. Returns BP_ARG_ERROR after
** setting an error. */
static bp_arg read_value(sqlite3_context *ctx, plan_key key, sqlite3_value *value, bp_patient *p) {
  const char *name = key_names[key];
  bp_arg arg = BP_ARG_OK;
  int index;
  list_reader r;
  switch (key) {
    case KEY_PAIN_WEEKS:
      arg = bp_arg_number_in(ctx, value, name, 0, 0, HUGE_VAL, "a number of weeks >= 0",
                             &p->pain_weeks);
      p->pain_weeks_given = arg == BP_ARG_OK;
      break;
    case KEY_ONSET:
      arg = bp_arg_date(ctx, value, name, &p->onset);
      p->onset_given = arg == BP_ARG_OK;
      break;
    case KEY_AS_OF:
      arg = bp_arg_date(ctx, value, name, &p->as_of);
      p->as_of_given = arg == BP_ARG_OK;
      break;
    case KEY_SPASM:
      arg = read_flag(ctx, value, name, &p->spasm);
      break;
    case KEY_SEROTONERGIC:
      arg = read_flag(ctx, value, name, &p->serotonergic);
      break;
    case KEY_RED_FLAGS:
      arg = read_red_flags(ctx, value, p);
      break;
    case KEY_HEPATIC:
      arg = bp_arg_name_in(ctx, value, name, bp_hepatic_names, BP_HEPATIC_COUNT, &index);
      p->hepatic_given = arg == BP_ARG_OK;
      if (p->hepatic_given) p->hepatic = (bp_hepatic)index;
      break;
    case KEY_RESPONSE:
      arg = bp_arg_name_in(ctx, value, name, bp_response_names, BP_RESPONSE_COUNT, &index);
      p->response_given = arg == BP_ARG_OK;
      if (p->response_given) p->response = (bp_response)index;
      break;
    case KEY_AGE:
      arg = bp_arg_number_in(ctx, value, name, 0, 0, AGE_MAX, "a number of years from 0 to 150",
                             &p->age);
      p->age_given = arg == BP_ARG_OK;
      break;
    case KEY_PAIN_BASELINE:
      arg = bp_arg_number_in(ctx, value, name, 0, 0, PAIN_SCORE_MAX, "a pain score from 0 to 10",
                             &p->pain_baseline);
      p->pain_baseline_given = arg == BP_ARG_OK;
      break;
    case KEY_PAIN_NOW:
      arg = bp_arg_number_in(ctx, value, name, 0, 0, PAIN_SCORE_MAX, "a pain score from 0 to 10",
                             &p->pain_now);
      p->pain_now_given = arg == BP_ARG_OK;
      break;
    case KEY_RESPONSE_THRESHOLD:
      arg = bp_arg_number_in(ctx, value, name, 0, 1, 1, "a fraction > 0 and <= 1",
                             &p->response_threshold);
      break;
    case KEY_RELAXANT_DAYS:
      arg = bp_arg_int_at_least(ctx, value, name, 0, &p->relaxant_days);
      p->relaxant_days_given = arg == BP_ARG_OK;
      break;
    case KEY_CONTRAINDICATIONS:
      memset(&r, 0, sizeof(r));
      r.patient = p;
      r.key = key;
      r.names = bp_contraindication_names;
      r.name_count = bp_contraindication_count;
      arg = read_list(ctx, value, name, strict_item, &r);
      p->contraindications = r.found;
      break;
    case KEY_TRIED:
    case KEY_PREFERENCES:
      memset(&r, 0, sizeof(r));
      r.patient = p;
      r.key = key;
      arg = read_list(ctx, value, name, intervention_item, &r);
      break;
  }
  return arg;
}

/* Room for a typical plan on the stack (most are 1.5 to 2 KB); longer
** ones, up to 2.8 KB with today's content, are allocated. */
#define PLAN_JSON_STACK 2048

void bp_sql_recommend_plan(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  bp_patient patient;
  bp_plan plan;
  uint32_t seen = 0;
  char stack_json[PLAN_JSON_STACK];
  char *json = stack_json;

  if (argc % 2 != 0) {
    bp_sql_error(ctx, "expects key, value pairs, got %d arguments", argc);
    return;
  }
  bp_patient_init(&patient);
  for (int i = 0; i < argc; i += 2) {
    /* The type first: sqlite3_value_text() would give a blob a text form. */
    int is_text = sqlite3_value_type(argv[i]) == SQLITE_TEXT;
    const char *key_text = is_text ? (const char *)sqlite3_value_text(argv[i]) : NULL;
    int key_bytes = sqlite3_value_bytes(argv[i]);
    int key = 0;
    if (is_text && key_text == NULL) {
      sqlite3_result_error_nomem(ctx);
      return;
    }
    if (!is_text) {
      char *shown = bp_value_display(argv[i]);
      if (shown == NULL) {
        sqlite3_result_error_nomem(ctx);
      } else {
        bp_sql_error(ctx, "argument %d must be a key (text), got %s", i + 1, shown);
      }
      sqlite3_free(shown);
      return;
    }
    while (key < KEY_COUNT && !(strlen(key_names[key]) == (size_t)key_bytes &&
                                memcmp(key_names[key], key_text, (size_t)key_bytes) == 0)) {
      key++;
    }
    if (key == KEY_COUNT) {
      char shown[BP_DISPLAY_SIZE];
      bp_text_display(key_text, (size_t)key_bytes, shown);
      bp_sql_error(ctx, "unknown key '%s'", shown);
      return;
    }
    if (seen & (1u << key)) {
      bp_sql_error(ctx, "key %s is given twice", key_names[key]);
      return;
    }
    seen |= 1u << key;
    if (sqlite3_value_type(argv[i + 1]) == SQLITE_NULL) continue;
    if (read_value(ctx, (plan_key)key, argv[i + 1], &patient) == BP_ARG_ERROR) return;
  }
  if (patient.onset_given && patient.as_of_given && patient.as_of < patient.onset) {
    error_dates_reversed(ctx, patient.onset, patient.as_of);
    return;
  }

  bp_plan_build(&patient, &plan);
  size_t length = bp_plan_render_json(&plan, BACKPAIN_VERSION, json, sizeof(stack_json));
  if (length >= sizeof(stack_json)) {
    json = sqlite3_malloc64(length + 1);
    if (json == NULL) {
      sqlite3_result_error_nomem(ctx);
      return;
    }
    bp_plan_render_json(&plan, BACKPAIN_VERSION, json, length + 1);
  }
  sqlite3_result_text64(ctx, json, length, SQLITE_TRANSIENT, SQLITE_UTF8);
  if (json != stack_json) sqlite3_free(json);
}
