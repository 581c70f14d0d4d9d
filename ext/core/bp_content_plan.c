/*
** bp_content_plan.c: recommend_plan's content: the pain phase limits, the
** closed vocabularies, the thresholds and the rules of the treatment
** algorithm (types in bp_content_plan.h, citation keys in bp_content.h).
** Strings here are plain ASCII without quotes or backslashes, so they can be
** written into JSON as they are (tests/unit/test_content.c checks it).
*/
#include "bp_content_plan.h"

#include "bp_common.h"

/* ---- Pain phase, vocabularies, thresholds ------------------------------ */

const bp_phase_limits bp_phase_days = {
    28, 84, "CF 6: ACP, acute < 4 weeks, subacute 4-12, chronic > 12 (V, H)"};

const bp_named bp_red_flag_names[] = {
    {"cauda_equina", "CF 6: AHCPR 1994, cauda equina"},
    {"saddle_anesthesia", "CF 6: AHCPR 1994, saddle anaesthesia"},
    {"bladder_dysfunction", "CF 6: AHCPR 1994, new bladder dysfunction"},
    {"bowel_dysfunction", "CF 6: AHCPR 1994, lax anal sphincter"},
    {"progressive_neuro_deficit", "CF 6: AHCPR 1994, progressive neurological deficit"},
    {"cancer_history", "CF 6: AHCPR 1994, history of cancer"},
    {"unexplained_weight_loss", "CF 6: AHCPR 1994, unexplained weight loss"},
    {"fever", "CF 6: AHCPR 1994, fever or chills"},
    {"iv_drug_use", "CF 6: AHCPR 1994, IV drug use"},
    {"immunosuppression", "CF 6: AHCPR 1994, immunosuppression"},
    {"major_trauma", "CF 6: AHCPR 1994, major trauma"},
    {"osteoporosis", "CF 6: ACP 2007, osteoporosis (R, M)"},
    {"prolonged_steroids", "CF 6: ACP 2007, prolonged corticosteroid use (R, M)"},
};
const size_t bp_red_flag_count = BP_COUNT(bp_red_flag_names);
BP_SET_FITS(BP_COUNT(bp_red_flag_names), "red-flag names (a list of red_flags is read into a set)");

const bp_named bp_contraindication_names[] = {
    {"maoi", "CF 2: MAOIs now or within 14 days (R, H)"},
    {"hyperthyroidism", "CF 2: hyperthyroidism (R, H)"},
    {"cardiac", "CF 2: recent MI, arrhythmias, heart block, CHF (R, H)"},
    {"hypersensitivity", "CF 2: hypersensitivity (R, H)"},
};
const size_t bp_contraindication_count = BP_COUNT(bp_contraindication_names);
BP_SET_FITS(BP_COUNT(bp_contraindication_names),
            "contraindications (bp_patient.contraindications)");

const char *const bp_response_names[] = {"adequate", "inadequate", "unknown"};
_Static_assert(BP_COUNT(bp_response_names) == BP_RESPONSE_COUNT, "one name per bp_response");

const bp_sourced_real bp_response_threshold = {
    0.30, "CF 7: IMMPACT (Dworkin 2008), 30% moderately important; a design choice"};

/* ---- recommend_plan rules ----------------------------------------------- */

const char *const bp_action_names[] = {"stop",  "evaluate", "refer",    "continue",
                                       "start", "add",      "consider", "avoid"};

const bp_situation_info bp_situations[] = {
    [BP_SITUATION_RED_FLAG] = {"evaluate_specific_cause", NULL, 0, BP_RELAXANT_RULE_OVERDUE_ONLY},
    [BP_SITUATION_ACUTE] = {"acute_subacute", "begin", 0, BP_RELAXANT_RULE_FULL},
    [BP_SITUATION_CHRONIC_NEW] = {"chronic_nonspecific", "begin", 0, BP_RELAXANT_RULE_FULL},
    [BP_SITUATION_CHRONIC_RESPONSE_UNKNOWN] = {"chronic_nonspecific", "begin", 1,
                                               BP_RELAXANT_RULE_FULL},
    [BP_SITUATION_CHRONIC_MAINTAIN] = {"chronic_nonspecific", "maintain", 1, BP_RELAXANT_RULE_FULL},
    [BP_SITUATION_CHRONIC_ADD_ADJUNCTS] = {"chronic_nonspecific", "add_adjuncts", 1,
                                           BP_RELAXANT_RULE_FULL},
    [BP_SITUATION_CHRONIC_ESCALATE] = {"chronic_nonspecific", "escalate", 1, BP_RELAXANT_RULE_FULL},
};
_Static_assert(BP_COUNT(bp_situations) == BP_SITUATION_COUNT, "one row per bp_situation");
BP_SET_FITS(BP_SITUATION_COUNT, "situations (BP_IN)");
_Static_assert(BP_COUNT(bp_action_names) == BP_ACTION_COUNT, "one name per bp_action");

#define RED BP_IN(BP_SITUATION_RED_FLAG)
#define ACUTE BP_IN(BP_SITUATION_ACUTE)
#define NEW BP_IN(BP_SITUATION_CHRONIC_NEW)
#define ADJUNCTS BP_IN(BP_SITUATION_CHRONIC_ADD_ADJUNCTS)
#define ESCALATE BP_IN(BP_SITUATION_CHRONIC_ESCALATE)
#define CHRONIC                                                                                \
  (NEW | BP_IN(BP_SITUATION_CHRONIC_RESPONSE_UNKNOWN) | BP_IN(BP_SITUATION_CHRONIC_MAINTAIN) | \
   ADJUNCTS | ESCALATE)

/* In the order docs/reference.md lists them, which is the order of
** steps within one action. */
const bp_step_rule bp_step_rules[] = {
    {RED,
     BP_ACTION_EVALUATE,
     BP_INT_SPECIFIC_CAUSE_EVALUATION,
     {"red_flags_evaluate"},
     "Red flag present: evaluate for a specific cause before nonspecific treatment."},
    {ESCALATE,
     BP_ACTION_REFER,
     BP_INT_MULTIDISCIPLINARY_REHABILITATION,
     {"refer_mdr", "mdr_vs_usual_care"},
     "Inadequate response to first-line and adjunct therapy: refer for multidisciplinary "
     "rehabilitation. ACP 2017 Rec 2 lists it as an initial option."},
    {ESCALATE,
     BP_ACTION_EVALUATE,
     BP_INT_SPECIFIC_CAUSE_EVALUATION,
     {"evaluate_cause"},
     "Inadequate response: look for a specific cause that needs targeted treatment."},
    {ACUTE,
     BP_ACTION_START,
     BP_INT_HEAT_THERAPY,
     {"heat_vs_placebo", "heat_with_exercise", "heat_vs_analgesics"},
     "Superficial heat, first line for acute or subacute pain (ACP 2017 Rec 1)."},
    {ACUTE,
     BP_ACTION_CONSIDER,
     BP_INT_MASSAGE,
     {"massage_summary"},
     "Option for acute or subacute pain (low-quality evidence)."},
    {ACUTE,
     BP_ACTION_CONSIDER,
     BP_INT_ACUPUNCTURE,
     {"acupuncture_acute"},
     "Option for acute or subacute pain (low-quality evidence)."},
    {ACUTE,
     BP_ACTION_CONSIDER,
     BP_INT_SPINAL_MANIPULATION,
     {"smt_acute"},
     "Option for acute or subacute pain (low-quality evidence)."},
    {ACUTE,
     BP_ACTION_CONSIDER,
     BP_INT_NSAID,
     {"nsaid_acute"},
     "If a drug is wanted: NSAID (moderate-quality evidence)."},
    {NEW,
     BP_ACTION_START,
     BP_INT_EXERCISE_THERAPY,
     {"ex_vs_none", "ex_program", "mce_pain_function", "ex_types_similar"},
     "First line: tailored, supervised exercise with stretching, strengthening and progression; "
     "motor control exercise is an option."},
    {NEW,
     BP_ACTION_START,
     BP_INT_HEAT_THERAPY,
     {"heat_chronic", "heat_with_exercise", "heat_vs_placebo"},
     "Heat with exercise for pain relief; its evidence comes from acute and subacute pain."},
    {NEW,
     BP_ACTION_CONSIDER,
     BP_INT_TAI_CHI,
     {"taichi_vs_waitlist"},
     "Mind-body option (low-quality evidence)."},
    {NEW,
     BP_ACTION_CONSIDER,
     BP_INT_YOGA,
     {"yoga_vs_usual_care"},
     "Mind-body option (low-quality evidence)."},
    {NEW,
     BP_ACTION_CONSIDER,
     BP_INT_CBT,
     {"cbt_pain"},
     "Psychological option (low-quality evidence)."},
    {NEW,
     BP_ACTION_CONSIDER,
     BP_INT_PROGRESSIVE_RELAXATION,
     {"relaxation_pain"},
     "Psychological option (low-quality evidence)."},
    {NEW,
     BP_ACTION_CONSIDER,
     BP_INT_MBSR,
     {"mbsr_pain_function"},
     "Mind-body option (moderate-quality evidence, small effect)."},
    {NEW,
     BP_ACTION_CONSIDER,
     BP_INT_ACUPUNCTURE,
     {"acupuncture_chronic"},
     "First-line option for chronic pain (moderate-quality evidence)."},
    {ADJUNCTS,
     BP_ACTION_ADD,
     BP_INT_MASSAGE,
     {"massage_chronic_review", "massage_summary"},
     "Inadequate response: add massage as an adjunct. ACP 2017 lists it for acute and subacute "
     "pain only."},
    {ADJUNCTS,
     BP_ACTION_ADD,
     BP_INT_SPINAL_MANIPULATION,
     {"smt_benefit", "smt_vs_active"},
     "Inadequate response: add spinal manipulation as an adjunct. ACP 2017 Rec 2 lists it as an "
     "initial option."},
    {ADJUNCTS,
     BP_ACTION_CONSIDER,
     BP_INT_NSAID,
     {"nsaid_chronic"},
     "Inadequate response to non-drug therapy: NSAID first (ACP 2017 Rec 3)."},
    {ACUTE | CHRONIC,
     BP_ACTION_AVOID,
     BP_INT_LUMBAR_SUPPORT,
     {"lumbar_support_no_benefit"},
     "No clear benefit."},
    {ACUTE | CHRONIC, BP_ACTION_AVOID, BP_INT_TENS, {"tens_vs_sham"}, "No better than sham."},
};
const size_t bp_step_rule_count = BP_COUNT(bp_step_rules);
_Static_assert(BP_COUNT(bp_step_rules) <= BP_STEP_RULES_MAX,
               "step rules must fit BP_STEP_RULES_MAX");

const bp_relaxant_label_rules bp_relaxant_label = {
    BP_RELEASE_IMMEDIATE,
    "hepatic_not_recommended",
    "hepatic_start_5mg",
    "elderly_start_5mg",
    "elderly_start_5mg",
    "API 3, relaxant rules 2 and 3: the label's hepatic, start-dose and elderly rows (CF 2)"};

const bp_relaxant_step_rule bp_relaxant_steps[] = {
    [BP_RELAXANT_STOP_OVERDUE] = {BP_ACTION_STOP,
                                  {"smr_label_duration", "smr_avoid_prolonged"},
                                  "More than {max_days} days of use: the label allows two to "
                                  "three weeks."},
    [BP_RELAXANT_STOP_CONTRAINDICATED] = {BP_ACTION_STOP,
                                          {"smr_label_contraindications"},
                                          "Contraindicated by the cyclobenzaprine label."},
    [BP_RELAXANT_STOP_HEPATIC] = {BP_ACTION_STOP,
                                  {"smr_label_hepatic_moderate"},
                                  "Not recommended in {hepatic_not_recommended} hepatic "
                                  "impairment."},
    [BP_RELAXANT_STOP_CONTRAINDICATED_AND_HEPATIC] =
        {BP_ACTION_STOP,
         {"smr_label_contraindications", "smr_label_hepatic_moderate"},
         "Contraindicated by the label, and not recommended in {hepatic_not_recommended} "
         "hepatic impairment."},
    [BP_RELAXANT_CONSIDER_ACUTE] =
        {BP_ACTION_CONSIDER,
         {"smr_acute", "smr_label_indication", "smr_label_duration", "pain_spasm_cycle"},
         "Cyclobenzaprine for the spasm, short course: at most {days_left} more days, start at "
         "{start_dose_mg} mg."
         " Adding it to an NSAID gave no gain in a trial (Friedman 2015)."},
    [BP_RELAXANT_CONSIDER_CHRONIC] =
        {BP_ACTION_CONSIDER,
         {"smr_chronic", "smr_label_indication", "smr_label_duration", "pain_spasm_cycle"},
         "Cyclobenzaprine for a spasm flare, short course: at most {days_left} more days, start at "
         "{start_dose_mg} mg. ACP 2017 does not recommend relaxants for chronic pain. Adding it to "
         "an NSAID gave no gain in a trial (Friedman 2015)."},
};
_Static_assert(BP_COUNT(bp_relaxant_steps) == BP_RELAXANT_STEP_COUNT,
               "one rule per bp_relaxant_step");

/* "Mild" is written out (a template value would not be capitalised);
** tests/unit/test_content.c checks that it is titrate_hepatic's range. */
const bp_relaxant_note_rule bp_relaxant_notes[] = {
    [BP_RELAXANT_NOTE_LIMIT_REACHED] = {NULL, " The {max_days}-day limit is reached."},
    [BP_RELAXANT_NOTE_TITRATE_HEPATIC] = {"smr_label_hepatic_mild",
                                          " Mild hepatic impairment: titrate slowly."},
    [BP_RELAXANT_NOTE_TITRATE_AGE] = {"smr_label_elderly",
                                      " Age {titrate_age} or over: titrate slowly."},
    [BP_RELAXANT_NOTE_SEROTONERGIC] = {"smr_label_serotonergic", NULL},
};
_Static_assert(BP_COUNT(bp_relaxant_notes) == BP_RELAXANT_NOTE_COUNT,
               "one rule per bp_relaxant_note");

const char *const bp_warning_names[] = {
    [BP_WARN_PHASE_UNKNOWN] = "phase_unknown",
    [BP_WARN_RESPONSE_UNKNOWN] = "response_unknown",
    [BP_WARN_UNRECOGNISED_INTERVENTION] = "unrecognised_intervention",
    [BP_WARN_RELAXANT_OVERDUE] = "relaxant_overdue",
    [BP_WARN_RELAXANT_CONTRAINDICATED] = "relaxant_contraindicated",
    [BP_WARN_HEPATIC_NOT_RECOMMENDED] = "hepatic_not_recommended",
    [BP_WARN_SEROTONERGIC_INTERACTION] = "serotonergic_interaction",
    [BP_WARN_RELAXANT_WITHOUT_SPASM] = "relaxant_without_spasm",
};
_Static_assert(BP_COUNT(bp_warning_names) == BP_WARNING_COUNT, "one name per bp_warning");
