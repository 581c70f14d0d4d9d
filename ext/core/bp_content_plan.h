/*
** bp_content_plan.h: recommend_plan's content: the pain phase limits, the
** closed vocabularies (red flags, contraindications, responses), the
** thresholds, and the rules that pick, order and explain a plan's steps.
** Rows are in bp_content_plan.c.
*/
#ifndef BP_CONTENT_PLAN_H
#define BP_CONTENT_PLAN_H

#include <stddef.h>
#include <stdint.h>

#include "bp_common.h"
#include "bp_content.h"
#include "bp_content_interventions.h"
#include "bp_content_relaxant.h"

/* ---- Pain phase ------------------------------------------------------ */

typedef struct {
  int64_t acute_below_days;   /* acute: fewer days than this (4 weeks) */
  int64_t chronic_above_days; /* chronic: more days than this (12 weeks) */
  const char *source;
} bp_phase_limits;

extern const bp_phase_limits bp_phase_days;

extern const bp_named bp_red_flag_names[];
extern const size_t bp_red_flag_count;
extern const bp_named bp_contraindication_names[];
extern const size_t bp_contraindication_count;

typedef enum {
  BP_RESPONSE_ADEQUATE = 0,
  BP_RESPONSE_INADEQUATE = 1,
  BP_RESPONSE_UNKNOWN = 2
} bp_response;
/* Not an enum value, so that a switch over bp_response stays exhaustive. */
#define BP_RESPONSE_COUNT (BP_RESPONSE_UNKNOWN + 1)

/* The response vocabulary, indexed by bp_response: BP_RESPONSE_COUNT
** entries (the definition checks the count). */
extern const char *const bp_response_names[];

/* Default fraction of improvement from baseline pain that counts as an
** adequate response (a design choice, labelled as such). */
extern const bp_sourced_real bp_response_threshold;

/* ---- recommend_plan rules -------------------------------------------- */

typedef enum {
  BP_ACTION_STOP,
  BP_ACTION_EVALUATE,
  BP_ACTION_REFER,
  BP_ACTION_CONTINUE,
  BP_ACTION_START,
  BP_ACTION_ADD,
  BP_ACTION_CONSIDER,
  BP_ACTION_AVOID,
  BP_ACTION_COUNT
} bp_action;

/* Names, in the order steps are listed (API 3): BP_ACTION_COUNT entries
** (the definition checks the count). */
extern const char *const bp_action_names[];

/* Where a patient stands: a pathway and, on the chronic pathway, a stage.
** Two situations report the stage "begin": nothing first-line tried yet,
** and first-line tried with an unknown response. */
typedef enum {
  BP_SITUATION_RED_FLAG,
  BP_SITUATION_ACUTE,
  BP_SITUATION_CHRONIC_NEW,
  BP_SITUATION_CHRONIC_RESPONSE_UNKNOWN,
  BP_SITUATION_CHRONIC_MAINTAIN,
  BP_SITUATION_CHRONIC_ADD_ADJUNCTS,
  BP_SITUATION_CHRONIC_ESCALATE,
  BP_SITUATION_COUNT
} bp_situation;

/* How much of the relaxant rule a situation applies. */
typedef enum {
  BP_RELAXANT_RULE_OVERDUE_ONLY, /* rule 1 only: stop an overdue relaxant (every pathway) */
  BP_RELAXANT_RULE_FULL          /* rules 1 to 4 */
} bp_relaxant_rule_scope;

typedef struct {
  const char *pathway;
  const char *stage;   /* NULL: JSON null */
  int continues_tried; /* a "continue" step for each tried F or A item */
  bp_relaxant_rule_scope relaxant_rule;
} bp_situation_info;

/* BP_SITUATION_COUNT entries (the definition checks the count). */
extern const bp_situation_info bp_situations[];

/* The set of situations a step rule applies in (bp_content_plan.c states
** that BP_SITUATION_COUNT fits a bp_set). */
#define BP_IN(s) BP_BIT(s)

/* A step that a plan gives in each situation of `situations`. At most
** BP_STEP_RULES_MAX rules (bp_plan.h sizes a plan from it). */
#define BP_STEP_RULES_MAX 32
typedef struct {
  bp_set situations;
  bp_action action;
  bp_intervention intervention;
  const char *evidence[BP_MAX_EVIDENCE];
  const char *reason;
} bp_step_rule;

extern const bp_step_rule bp_step_rules[];
extern const size_t bp_step_rule_count;

/*
** The label rules (rows of bp_dose_rules, by code) that the relaxant rule
** follows: their conditions on the patient (hepatic function, age) decide
** its steps and notes, and its reasons state their numbers, so that each
** label fact is one row and the plan cannot drift from relaxant_dose_alerts.
*/
typedef struct {
  bp_release release;          /* the product the plan considers */
  const char *exclusion;       /* rule 2: the hepatic function that rules it out */
  const char *titrate_hepatic; /* rule 3: "titrate slowly" for this hepatic function */
  const char *titrate_age;     /* rule 3: "titrate slowly" from this age */
  const char *start_dose;      /* rule 3: the dose this rule allows is the start dose */
  const char *source;
} bp_relaxant_label_rules;

extern const bp_relaxant_label_rules bp_relaxant_label;

/*
** The relaxant rule's reasons and notes are templates (bp_template.h): a
** number or a vocabulary range they state is a placeholder, rendered from
** the table that holds it:
**   {max_days}                 bp_relaxant_max_days
**   {days_left}                max_days - relaxant_days (the consider steps)
**   {start_dose_mg}            the dose above which the start_dose rule alerts
**   {titrate_age}              the age from which the titrate_age rule applies
**   {hepatic_not_recommended}  the hepatic functions of the exclusion rule,
**                              as "moderate or severe"
** Rendered, every reason is plain ASCII and fits in BP_REASON_SIZE with
** every note (tests/unit/test_content.c renders the longest case).
*/

/* The relaxant rule's steps (API 3, "Relaxant rule"). */
typedef enum {
  BP_RELAXANT_STOP_OVERDUE,
  BP_RELAXANT_STOP_CONTRAINDICATED,
  BP_RELAXANT_STOP_HEPATIC,
  BP_RELAXANT_STOP_CONTRAINDICATED_AND_HEPATIC,
  BP_RELAXANT_CONSIDER_ACUTE,
  BP_RELAXANT_CONSIDER_CHRONIC,
  BP_RELAXANT_STEP_COUNT
} bp_relaxant_step;

typedef struct {
  bp_action action;
  const char *evidence[BP_MAX_EVIDENCE];
  const char *reason; /* a template */
} bp_relaxant_step_rule;

/* BP_RELAXANT_STEP_COUNT entries (the definition checks the count). */
extern const bp_relaxant_step_rule bp_relaxant_steps[];

/* Extra evidence and reason text of a "consider muscle_relaxant" step. */
typedef enum {
  BP_RELAXANT_NOTE_LIMIT_REACHED,
  BP_RELAXANT_NOTE_TITRATE_HEPATIC,
  BP_RELAXANT_NOTE_TITRATE_AGE,
  BP_RELAXANT_NOTE_SEROTONERGIC,
  BP_RELAXANT_NOTE_COUNT
} bp_relaxant_note;

typedef struct {
  const char *evidence; /* one more evidence id, or NULL */
  const char *text;     /* a template appended to the reason, or NULL */
} bp_relaxant_note_rule;

/* BP_RELAXANT_NOTE_COUNT entries (the definition checks the count). */
extern const bp_relaxant_note_rule bp_relaxant_notes[];

/* Warning codes, in the order a plan lists them. */
typedef enum {
  BP_WARN_PHASE_UNKNOWN,
  BP_WARN_RESPONSE_UNKNOWN,
  BP_WARN_UNRECOGNISED_INTERVENTION,
  BP_WARN_RELAXANT_OVERDUE,
  BP_WARN_RELAXANT_CONTRAINDICATED,
  BP_WARN_HEPATIC_NOT_RECOMMENDED,
  BP_WARN_SEROTONERGIC_INTERACTION,
  BP_WARN_RELAXANT_WITHOUT_SPASM,
  BP_WARNING_COUNT
} bp_warning;

/* BP_WARNING_COUNT entries (the definition checks the count). */
extern const char *const bp_warning_names[];

#endif
