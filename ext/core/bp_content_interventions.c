/*
** bp_content_interventions.c: the canonical interventions of the guideline,
** the words that name them in free text and the billing codes that stand for
** them (types in bp_content_interventions.h, citation keys in bp_content.h).
** Strings here are plain ASCII without quotes or backslashes, so they can be
** written into JSON as they are (tests/unit/test_content.c checks it).
*/
#include "bp_content_interventions.h"

#include "bp_common.h"

/* ---- Interventions ---------------------------------------------------- */

#define F BP_SET_FIRST_LINE
#define A BP_SET_ADJUNCT
#define N BP_SET_NONE

const bp_intervention_info bp_interventions[] = {
    [BP_INT_EXERCISE_THERAPY] = {"exercise_therapy",
                                 F,
                                 {"ex_vs_none", "ex_program"},
                                 "Keep exercising: first line for chronic low back pain."},
    [BP_INT_MOTOR_CONTROL_EXERCISE] = {"motor_control_exercise",
                                       F,
                                       {"mce_pain_function"},
                                       "Keep up motor control exercise."},
    [BP_INT_HEAT_THERAPY] = {"heat_therapy",
                             F,
                             {"heat_chronic", "heat_with_exercise"},
                             "Keep using heat with exercise, if it helps."},
    [BP_INT_TAI_CHI] = {"tai_chi", F, {"taichi_vs_waitlist"}, "Keep up tai chi."},
    [BP_INT_YOGA] = {"yoga", F, {"yoga_vs_usual_care"}, "Keep up yoga."},
    [BP_INT_CBT] = {"cbt", F, {"cbt_pain"}, "Keep up cognitive behavioural therapy."},
    [BP_INT_PROGRESSIVE_RELAXATION] = {"progressive_relaxation",
                                       F,
                                       {"relaxation_pain"},
                                       "Keep up progressive relaxation."},
    [BP_INT_MBSR] = {"mbsr",
                     F,
                     {"mbsr_pain_function"},
                     "Keep up mindfulness-based stress reduction."},
    [BP_INT_ACUPUNCTURE] = {"acupuncture", F, {"acupuncture_chronic"}, "Keep up acupuncture."},
    [BP_INT_EMG_BIOFEEDBACK] = {"emg_biofeedback", N, {NULL}, NULL},
    [BP_INT_LOW_LEVEL_LASER] = {"low_level_laser", N, {NULL}, NULL},
    [BP_INT_OPERANT_THERAPY] = {"operant_therapy", N, {NULL}, NULL},
    [BP_INT_MASSAGE] = {"massage",
                        A,
                        {"massage_chronic_review", "massage_summary"},
                        "Keep up massage as an adjunct."},
    [BP_INT_SPINAL_MANIPULATION] = {"spinal_manipulation",
                                    A,
                                    {"smt_benefit"},
                                    "Keep up spinal manipulation as an adjunct."},
    [BP_INT_MUSCLE_RELAXANT] = {"muscle_relaxant", N, {NULL}, NULL},
    [BP_INT_NSAID] = {"nsaid",
                      A,
                      {"nsaid_chronic"},
                      "Keep the NSAID at the lowest effective dose, if it helps."},
    [BP_INT_TRAMADOL] = {"tramadol", N, {NULL}, NULL},
    [BP_INT_DULOXETINE] = {"duloxetine", N, {NULL}, NULL},
    [BP_INT_OPIOID] = {"opioid", N, {NULL}, NULL},
    [BP_INT_MULTIDISCIPLINARY_REHABILITATION] = {"multidisciplinary_rehabilitation",
                                                 N,
                                                 {NULL},
                                                 NULL},
    [BP_INT_LUMBAR_SUPPORT] = {"lumbar_support", N, {NULL}, NULL},
    [BP_INT_TENS] = {"tens", N, {NULL}, NULL},
    [BP_INT_SPECIFIC_CAUSE_EVALUATION] = {"specific_cause_evaluation", N, {NULL}, NULL},
};
_Static_assert(BP_COUNT(bp_interventions) == BP_INTERVENTION_COUNT, "one row per bp_intervention");

#undef F
#undef A
#undef N

/* Words that name interventions, most specific first (see bp_content.h).
** The canonical id itself always matches: underscores separate words. */
// clang-format off
#define P1(a) {{a}}
#define P2(a, b) {{a, b}}
#define P3(a, b, c) {{a, b, c}}
// clang-format on
#define VOCAB "vocabulary for the canonical id (API 3)"
#define API_EXAMPLE "API 3 example"

const bp_intervention_name bp_intervention_names[] = {
    {P1("multidisciplinary"), BP_INT_MULTIDISCIPLINARY_REHABILITATION, VOCAB},
    {P1("interdisciplinary"), BP_INT_MULTIDISCIPLINARY_REHABILITATION, VOCAB},
    {P2("functional", "restoration"), BP_INT_MULTIDISCIPLINARY_REHABILITATION, VOCAB},
    {P2("specific", "cause"), BP_INT_SPECIFIC_CAUSE_EVALUATION, VOCAB},
    {P2("motor", "control"), BP_INT_MOTOR_CONTROL_EXERCISE, VOCAB},
    {P2("stabilization", "exercise"), BP_INT_MOTOR_CONTROL_EXERCISE, VOCAB},
    {P2("stabilisation", "exercise"), BP_INT_MOTOR_CONTROL_EXERCISE, VOCAB},
    {P2("stabilization", "exercises"), BP_INT_MOTOR_CONTROL_EXERCISE, VOCAB},
    {P2("core", "stabilization"), BP_INT_MOTOR_CONTROL_EXERCISE, VOCAB},
    {P2("tai", "chi"), BP_INT_TAI_CHI, VOCAB},
    {P1("taichi"), BP_INT_TAI_CHI, VOCAB},
    {P3("t", "ai", "chi"), BP_INT_TAI_CHI, VOCAB},
    {P1("yoga"), BP_INT_YOGA, API_EXAMPLE ": Iyengar yoga"},
    {P1("iyengar"), BP_INT_YOGA, "GS: Iyengar style yoga"},
    {P1("mbsr"), BP_INT_MBSR, VOCAB},
    {P1("mindfulness"), BP_INT_MBSR, API_EXAMPLE ": mindfulness-based stress reduction"},
    {P1("cbt"), BP_INT_CBT, VOCAB},
    {P2("cognitive", "behavioral"), BP_INT_CBT, VOCAB},
    {P2("cognitive", "behavioural"), BP_INT_CBT, VOCAB},
    {P2("cognitive", "behavior"), BP_INT_CBT, VOCAB},
    {P2("progressive", "relaxation"), BP_INT_PROGRESSIVE_RELAXATION, VOCAB},
    {P3("progressive", "muscle", "relaxation"), BP_INT_PROGRESSIVE_RELAXATION, VOCAB},
    {P2("relaxation", "therapy"), BP_INT_PROGRESSIVE_RELAXATION, VOCAB},
    {P2("relaxation", "training"), BP_INT_PROGRESSIVE_RELAXATION, VOCAB},
    {P1("biofeedback"), BP_INT_EMG_BIOFEEDBACK, VOCAB},
    {P1("operant"), BP_INT_OPERANT_THERAPY, VOCAB},
    {P3("low", "level", "laser"), BP_INT_LOW_LEVEL_LASER, VOCAB},
    {P1("laser"), BP_INT_LOW_LEVEL_LASER, VOCAB},
    {P1("lllt"), BP_INT_LOW_LEVEL_LASER, VOCAB},
    {P1("acupuncture"), BP_INT_ACUPUNCTURE, VOCAB},
    {P1("electroacupuncture"), BP_INT_ACUPUNCTURE, VOCAB},
    {P2("spinal", "manipulation"), BP_INT_SPINAL_MANIPULATION, VOCAB},
    {P1("manipulation"), BP_INT_SPINAL_MANIPULATION, VOCAB},
    {P1("chiropractic"), BP_INT_SPINAL_MANIPULATION, API_EXAMPLE ": chiropractic adjustment"},
    {P1("chiropractor"), BP_INT_SPINAL_MANIPULATION, VOCAB},
    {P1("omt"), BP_INT_SPINAL_MANIPULATION, "osteopathic manipulative treatment"},
    {P1("smt"), BP_INT_SPINAL_MANIPULATION, "spinal manipulative therapy"},
    {P1("massage"), BP_INT_MASSAGE, VOCAB},
    {P2("myofascial", "release"), BP_INT_MASSAGE, VOCAB},
    {P2("soft", "tissue"), BP_INT_MASSAGE, VOCAB},
    {P1("tens"), BP_INT_TENS, API_EXAMPLE ": TENS unit"},
    {P3("transcutaneous", "electrical", "nerve"), BP_INT_TENS, VOCAB},
    {P2("lumbar", "support"), BP_INT_LUMBAR_SUPPORT, VOCAB},
    {P2("back", "brace"), BP_INT_LUMBAR_SUPPORT, API_EXAMPLE},
    {P2("back", "support"), BP_INT_LUMBAR_SUPPORT, VOCAB},
    {P2("lumbar", "brace"), BP_INT_LUMBAR_SUPPORT, VOCAB},
    {P2("lumbar", "belt"), BP_INT_LUMBAR_SUPPORT, VOCAB},
    {P2("back", "belt"), BP_INT_LUMBAR_SUPPORT, VOCAB},
    {P2("lumbosacral", "orthosis"), BP_INT_LUMBAR_SUPPORT, VOCAB},
    {P1("lso"), BP_INT_LUMBAR_SUPPORT, "lumbosacral orthosis"},
    {P1("corset"), BP_INT_LUMBAR_SUPPORT, VOCAB},
    {P1("heat"), BP_INT_HEAT_THERAPY, VOCAB},
    {P1("heating"), BP_INT_HEAT_THERAPY, API_EXAMPLE ": heating pad"},
    {P2("hot", "pack"), BP_INT_HEAT_THERAPY, VOCAB},
    {P2("hot", "packs"), BP_INT_HEAT_THERAPY, VOCAB},
    {P1("thermotherapy"), BP_INT_HEAT_THERAPY, VOCAB},
    {P1("tramadol"), BP_INT_TRAMADOL, VOCAB},
    {P1("duloxetine"), BP_INT_DULOXETINE, VOCAB},
    {P1("opioid"), BP_INT_OPIOID, VOCAB},
    {P1("opioids"), BP_INT_OPIOID, VOCAB},
    {P1("oxycodone"), BP_INT_OPIOID, "opioid ingredient (pharmacology, not the references)"},
    {P1("hydrocodone"), BP_INT_OPIOID, "opioid ingredient (pharmacology, not the references)"},
    {P1("morphine"), BP_INT_OPIOID, "opioid ingredient (pharmacology, not the references)"},
    {P1("codeine"), BP_INT_OPIOID, "opioid ingredient (pharmacology, not the references)"},
    {P1("hydromorphone"), BP_INT_OPIOID, "opioid ingredient (pharmacology, not the references)"},
    {P1("oxymorphone"), BP_INT_OPIOID, "opioid ingredient (pharmacology, not the references)"},
    {P1("fentanyl"), BP_INT_OPIOID, "opioid ingredient (pharmacology, not the references)"},
    {P1("tapentadol"), BP_INT_OPIOID, "opioid ingredient (pharmacology, not the references)"},
    {P1("nsaid"), BP_INT_NSAID, VOCAB},
    {P1("nsaids"), BP_INT_NSAID, VOCAB},
    {P3("non", "steroidal", "anti"), BP_INT_NSAID, VOCAB},
    {P2("nonsteroidal", "anti"), BP_INT_NSAID, VOCAB},
    {P1("ibuprofen"), BP_INT_NSAID, "GS: heat vs acetaminophen or ibuprofen"},
    {P1("naproxen"), BP_INT_NSAID, "NSAID ingredient (pharmacology, not the references)"},
    {P1("diclofenac"), BP_INT_NSAID, "NSAID ingredient (pharmacology, not the references)"},
    {P1("meloxicam"), BP_INT_NSAID, "NSAID ingredient (pharmacology, not the references)"},
    {P1("celecoxib"), BP_INT_NSAID, "NSAID ingredient (pharmacology, not the references)"},
    {P1("ketoprofen"), BP_INT_NSAID, "NSAID ingredient (pharmacology, not the references)"},
    {P1("etodolac"), BP_INT_NSAID, "NSAID ingredient (pharmacology, not the references)"},
    {P1("nabumetone"), BP_INT_NSAID, "NSAID ingredient (pharmacology, not the references)"},
    {P2("muscle", "relaxant"), BP_INT_MUSCLE_RELAXANT, VOCAB},
    {P2("muscle", "relaxants"), BP_INT_MUSCLE_RELAXANT, VOCAB},
    {P1("exercise"), BP_INT_EXERCISE_THERAPY, API_EXAMPLE ": therapeutic exercise"},
    {P1("exercises"), BP_INT_EXERCISE_THERAPY, VOCAB},
    {P2("physical", "therapy"), BP_INT_EXERCISE_THERAPY,
     API_EXAMPLE ": Physical therapy - therapeutic exercise"},
    {P1("physiotherapy"), BP_INT_EXERCISE_THERAPY, VOCAB},
    {P1("stretching"), BP_INT_EXERCISE_THERAPY, "GS: stretching and strengthening"},
    {P1("strengthening"), BP_INT_EXERCISE_THERAPY, "GS: stretching and strengthening"},
    {P1("pilates"), BP_INT_EXERCISE_THERAPY, "CF 1: Owen 2020 (Pilates)"},
};
const size_t bp_intervention_name_count = BP_COUNT(bp_intervention_names);
_Static_assert(BP_COUNT(bp_intervention_names) <= BP_INTERVENTION_NAMES_MAX,
               "intervention names must fit BP_INTERVENTION_NAMES_MAX");

/* The codes of the contract's list (API 3) that exist: CPT codes as CMS's
** OPPS Addendum B of January 2026 lists them (97812 is no CPT code: the
** acupuncture codes are 97810, 97811, 97813 and 97814), HCPCS Level II
** codes as CMS's HCPCS files 2017-2019 and that Addendum B list them
** (L0644-L0647 do not exist). fixtures/codes/README.md has the sources. */
#define CPT(what) "API 3; CPT " what ", CMS OPPS Addendum B 2026-01"
#define HCPCS(what) "API 3; HCPCS " what ", CMS HCPCS 2017-2019, Addendum B 2026-01"
const bp_procedure_code bp_procedure_codes[] = {
    {"97110", BP_INT_EXERCISE_THERAPY, CPT("97110 therapeutic exercises")},
    {"97124", BP_INT_MASSAGE, CPT("97124 massage therapy")},
    {"98940", BP_INT_SPINAL_MANIPULATION, CPT("98940 chiropractic manipulation, 1-2 regions")},
    {"98941", BP_INT_SPINAL_MANIPULATION, CPT("98941 chiropractic manipulation, 3-4 regions")},
    {"98942", BP_INT_SPINAL_MANIPULATION, CPT("98942 chiropractic manipulation, 5 regions")},
    {"97010", BP_INT_HEAT_THERAPY, CPT("97010 hot or cold packs")},
    {"97810", BP_INT_ACUPUNCTURE, CPT("97810 acupuncture without stimulation, first 15 min")},
    {"97811", BP_INT_ACUPUNCTURE, CPT("97811 acupuncture without stimulation, each added 15")},
    {"97813", BP_INT_ACUPUNCTURE, CPT("97813 acupuncture with stimulation, first 15 min")},
    {"97814", BP_INT_ACUPUNCTURE, CPT("97814 acupuncture with stimulation, each added 15")},
    {"E0720", BP_INT_TENS, HCPCS("E0720 TENS, two lead")},
    {"E0730", BP_INT_TENS, HCPCS("E0730 TENS, four or more leads")},
    {"L0625", BP_INT_LUMBAR_SUPPORT, HCPCS("L0625 lumbar orthosis")},
    {"L0626", BP_INT_LUMBAR_SUPPORT, HCPCS("L0626 lumbar orthosis")},
    {"L0627", BP_INT_LUMBAR_SUPPORT, HCPCS("L0627 lumbar orthosis")},
    {"L0628", BP_INT_LUMBAR_SUPPORT, HCPCS("L0628 lumbar-sacral orthosis")},
    {"L0629", BP_INT_LUMBAR_SUPPORT, HCPCS("L0629 lumbar-sacral orthosis")},
    {"L0630", BP_INT_LUMBAR_SUPPORT, HCPCS("L0630 lumbar-sacral orthosis")},
    {"L0631", BP_INT_LUMBAR_SUPPORT, HCPCS("L0631 lumbar-sacral orthosis")},
    {"L0632", BP_INT_LUMBAR_SUPPORT, HCPCS("L0632 lumbar-sacral orthosis")},
    {"L0633", BP_INT_LUMBAR_SUPPORT, HCPCS("L0633 lumbar-sacral orthosis")},
    {"L0634", BP_INT_LUMBAR_SUPPORT, HCPCS("L0634 lumbar-sacral orthosis")},
    {"L0635", BP_INT_LUMBAR_SUPPORT, HCPCS("L0635 lumbar-sacral orthosis")},
    {"L0636", BP_INT_LUMBAR_SUPPORT, HCPCS("L0636 lumbar-sacral orthosis")},
    {"L0637", BP_INT_LUMBAR_SUPPORT, HCPCS("L0637 lumbar-sacral orthosis")},
    {"L0638", BP_INT_LUMBAR_SUPPORT, HCPCS("L0638 lumbar-sacral orthosis")},
    {"L0639", BP_INT_LUMBAR_SUPPORT, HCPCS("L0639 lumbar-sacral orthosis")},
    {"L0640", BP_INT_LUMBAR_SUPPORT, HCPCS("L0640 lumbar-sacral orthosis")},
    {"L0641", BP_INT_LUMBAR_SUPPORT, HCPCS("L0641 lumbar orthosis")},
    {"L0642", BP_INT_LUMBAR_SUPPORT, HCPCS("L0642 lumbar orthosis")},
    {"L0643", BP_INT_LUMBAR_SUPPORT, HCPCS("L0643 lumbar-sacral orthosis")},
    {"L0648", BP_INT_LUMBAR_SUPPORT, HCPCS("L0648 lumbar-sacral orthosis")},
    {"L0649", BP_INT_LUMBAR_SUPPORT, HCPCS("L0649 lumbar-sacral orthosis")},
    {"L0650", BP_INT_LUMBAR_SUPPORT, HCPCS("L0650 lumbar-sacral orthosis")},
    {"L0651", BP_INT_LUMBAR_SUPPORT, HCPCS("L0651 lumbar-sacral orthosis")},
};
const size_t bp_procedure_code_count = BP_COUNT(bp_procedure_codes);
_Static_assert(BP_COUNT(bp_procedure_codes) <= BP_PROCEDURE_CODES_MAX,
               "procedure codes must fit BP_PROCEDURE_CODES_MAX");

/* ---- Negation ----------------------------------------------------------- */

#define NEG_API "API 4: negation"
const bp_negation bp_negations[] = {
    {{{"no"}}, BP_NEGATES_FOLLOWING, NEG_API " before the name"},
    {{{"not"}}, BP_NEGATES_FOLLOWING, NEG_API " before the name"},
    {{{"without"}}, BP_NEGATES_FOLLOWING, NEG_API " before the name"},
    {{{"denies"}}, BP_NEGATES_FOLLOWING, NEG_API " before the name"},
    {{{"never"}}, BP_NEGATES_FOLLOWING, NEG_API " before the name"},
    {{{"declined"}}, BP_NEGATES_FOLLOWING | BP_NEGATES_PRECEDING, NEG_API " before or after"},
    {{{"refused"}}, BP_NEGATES_FOLLOWING | BP_NEGATES_PRECEDING, NEG_API " before or after"},
    {{{"not", "done"}}, BP_NEGATES_PRECEDING, NEG_API " after the name"},
    {{{"not", "given"}}, BP_NEGATES_PRECEDING, NEG_API " after the name"},
};
const size_t bp_negation_count = BP_COUNT(bp_negations);
_Static_assert(BP_COUNT(bp_negations) <= BP_NEGATIONS_MAX, "negations must fit BP_NEGATIONS_MAX");

const bp_clause_word bp_clause_words[] = {
    {{{"but"}}, "API 4: a clause ends at but"},
    {{{"however"}}, "API 4: a clause ends at however"},
};
const size_t bp_clause_word_count = BP_COUNT(bp_clause_words);
_Static_assert(BP_COUNT(bp_clause_words) <= BP_CLAUSE_WORDS_MAX,
               "clause words must fit BP_CLAUSE_WORDS_MAX");

const bp_clause_mark bp_clause_marks[] = {
    {'.', BP_CLAUSE_ENDS, "API 4: a clause ends at . (not a decimal point)"},
    {';', BP_CLAUSE_ENDS, "API 4: a clause ends at ;"},
    {',', BP_CLAUSE_ENDS_IF_MENTION_FOLLOWS, "API 4: , followed by another mention"},
};
const size_t bp_clause_mark_count = BP_COUNT(bp_clause_marks);
_Static_assert(BP_COUNT(bp_clause_marks) <= BP_CLAUSE_MARKS_MAX,
               "clause marks must fit BP_CLAUSE_MARKS_MAX");
