/*
** bp_content_guideline.c: the guideline's content as data: the canonical
** interventions, the words and billing codes that name them, the evidence
** statements of guideline_evidence, and the rules of recommend_plan().
** Types and citation keys are in bp_content.h. Reference numbers [1]-[4]
** are the guideline summary's; clinical-facts.md identifies them:
**   [1] Qaseem 2017, ACP guideline, Ann Intern Med 166:514
**   [2] cyclobenzaprine labelling (openFDA)
**   [3] Roland 1986, Clin Biomech (identification: medium confidence)
**   [4] van Dieen 2003, J Electromyogr Kinesiol (medium confidence)
** Strings here are plain ASCII without quotes or backslashes, so they can
** be written into JSON as they are (tests/unit/test_content.c checks it).
*/
#include "bp_content.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* ---- Interventions ---------------------------------------------------- */

#define F BP_SET_FIRST_LINE
#define A BP_SET_ADJUNCT
#define N BP_SET_NONE

const bp_intervention_info bp_interventions[BP_INTERVENTION_COUNT] = {
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
const size_t bp_intervention_name_count = COUNT(bp_intervention_names);

/* The codes the contract lists (API 3). */
const bp_procedure_code bp_procedure_codes[] = {
    {'\0', 97110, 97110, BP_INT_EXERCISE_THERAPY, "API 3: CPT 97110 therapeutic exercise"},
    {'\0', 97124, 97124, BP_INT_MASSAGE, "API 3: CPT 97124 massage"},
    {'\0', 98940, 98942, BP_INT_SPINAL_MANIPULATION, "API 3: CPT 98940-98942"},
    {'\0', 97010, 97010, BP_INT_HEAT_THERAPY, "API 3: CPT 97010 hot or cold packs"},
    {'\0', 97810, 97814, BP_INT_ACUPUNCTURE, "API 3: CPT 97810-97814"},
    {'E', 720, 720, BP_INT_TENS, "API 3: HCPCS E0720"},
    {'E', 730, 730, BP_INT_TENS, "API 3: HCPCS E0730"},
    {'L', 625, 651, BP_INT_LUMBAR_SUPPORT, "API 3: HCPCS L0625-L0651"},
};
const size_t bp_procedure_code_count = COUNT(bp_procedure_codes);

/* ---- Evidence --------------------------------------------------------- */

#define ACP "Qaseem 2017, Ann Intern Med (ACP) [1]"
#define LABEL "Cyclobenzaprine label, openFDA [2]"
#define CHOU_NONPHARM "Chou 2017 nonpharmacologic review, Ann Intern Med"
#define CHOU_PHARM "Chou 2017 pharmacologic review, Ann Intern Med"
#define NOT_GRADED "Not graded by the summary or by clinical-facts: recorded as insufficient."
#define HEAT_NOTE                                                                            \
  "The summary presents heat for chronic pain; the trials were in acute and subacute pain, " \
  "and ACP 2017 lists heat only for acute or subacute pain (Rec 1)."
#define OMITTED "The summary omits this ACP 2017 recommendation."

const bp_evidence bp_evidence_rows[] = {
    /* Exercise therapy */
    {"ex_vs_none", "exercise_therapy", "exercise", "chronic", "no exercise", "pain, function",
     "small", "moderate", "first_line",
     "Exercise therapy gives small but consistent gains in pain and function.", ACP ", Rec 2",
     NULL},
    {"ex_program", "exercise_therapy", "exercise", "chronic", "programmes without these features",
     "pain, function", "unclear", "insufficient", "first_line",
     "Exercise works best tailored to the patient, supervised, with stretching and strengthening.",
     "ACP/APS 2007 (Chou 2007), citing Hayden 2005; summary [1]",
     "The summary cites ACP 2017 [1]; the features come from Hayden 2005 via the 2007 guideline "
     "(recalled), and regular progression was found in neither. " NOT_GRADED},
    {"ex_types_similar", "exercise_therapy", "exercise", "chronic", "other exercise types",
     "pain, function", "none", "insufficient", "first_line",
     "Exercise types work about equally well, so preference and adherence guide the choice.",
     ACP " (recalled); Owen 2020, Br J Sports Med",
     "Owen 2020, a network meta-analysis, favours Pilates, resistance and motor control "
     "exercise. " NOT_GRADED},
    {"mce_pain_function", "motor_control_exercise", "exercise", "chronic", NULL, "pain, function",
     "moderate", "low", "first_line",
     "Motor control exercise reduces pain and improves function, short to long term.",
     ACP ", Rec 2",
     "The summary gives a moderate effect and no grade; ACP 2017 rates the evidence low quality."},
    /* Heat */
    {"heat_vs_placebo", "heat_therapy", "physical_modality", "acute_subacute", "placebo",
     "pain, disability", "moderate", "moderate", "first_line",
     "Heat wraps relieve pain and disability more than placebo.",
     ACP ", Rec 1; Nadler 2002; French 2006 (Cochrane)", HEAT_NOTE},
    {"heat_with_exercise", "heat_therapy", "physical_modality", "acute_subacute", "exercise alone",
     "pain", "unclear", "insufficient", "first_line",
     "Heat combined with exercise relieves pain more than exercise alone.",
     ACP "; French 2006 (Cochrane)", HEAT_NOTE " " NOT_GRADED},
    {"heat_vs_analgesics", "heat_therapy", "physical_modality", "acute_subacute",
     "acetaminophen or ibuprofen", "short-term pain", "unclear", "low", "first_line",
     "Heat wraps may relieve pain more than acetaminophen or ibuprofen in the short term.",
     ACP "; Nadler 2002", HEAT_NOTE},
    {"heat_chronic", "heat_therapy", "physical_modality", "chronic", NULL, "pain", "unclear",
     "insufficient", "adjunct",
     "Evidence on heat for chronic low back pain is insufficient; use it with exercise if it "
     "helps.",
     ACP " (heat in Rec 1 only); clinical-facts section 1 (recalled)",
     "The summary cites moderate-quality evidence for chronic pain; that evidence is from acute "
     "and subacute trials."},
    /* Mind-body approaches */
    {"taichi_vs_waitlist", "tai_chi", "mind_body", "chronic", "wait-list", "pain", "moderate",
     "low", "first_line", "Tai chi improves pain compared with a wait-list.", ACP ", Rec 2",
     "The summary gives no grade; ACP 2017 rates the evidence low quality."},
    {"yoga_vs_usual_care", "yoga", "mind_body", "chronic", "usual care", "pain, function",
     "moderate", "low", "first_line",
     "Yoga, mostly Iyengar style in the trials, lowers pain and improves function.",
     ACP ", Rec 2; " CHOU_NONPHARM,
     "The summary gives no grade. ACP 2017 rates the evidence low quality; the Chou 2017 review "
     "rates its strength moderate."},
    {"cbt_pain", "cbt", "mind_body", "chronic", NULL, "pain intensity", "moderate", "low",
     "first_line", "Cognitive behavioural therapy improves pain intensity.", ACP ", Rec 2",
     "The summary gives no grade; ACP 2017 rates the evidence low quality."},
    {"relaxation_pain", "progressive_relaxation", "mind_body", "chronic", NULL, "pain intensity",
     "moderate", "low", "first_line", "Progressive relaxation improves pain intensity.",
     ACP ", Rec 2", "The summary gives no grade; ACP 2017 rates the evidence low quality."},
    {"mbsr_pain_function", "mbsr", "mind_body", "chronic", NULL, "pain, function", "small",
     "moderate", "first_line",
     "Mindfulness-based stress reduction gives small improvements in pain and function.",
     ACP ", Rec 2", NULL},
    {"emg_biofeedback", "emg_biofeedback", "mind_body", "chronic", NULL, "pain, function",
     "unclear", "low", "first_line", "EMG biofeedback is an option for chronic low back pain.",
     ACP ", Rec 2", OMITTED},
    {"operant_therapy", "operant_therapy", "mind_body", "chronic", NULL, "pain, function",
     "unclear", "low", "first_line", "Operant therapy is an option for chronic low back pain.",
     ACP ", Rec 2", OMITTED},
    /* Acupuncture and laser */
    {"acupuncture_chronic", "acupuncture", "physical_modality", "chronic", NULL, "pain, function",
     "small_to_moderate", "moderate", "first_line",
     "Acupuncture is a first-line option for chronic low back pain.",
     ACP ", Rec 2; " CHOU_NONPHARM " (effect sizes)", OMITTED},
    {"acupuncture_acute", "acupuncture", "physical_modality", "acute_subacute", NULL, "pain",
     "unclear", "low", "first_line", "Acupuncture is an option for acute or subacute pain.",
     ACP ", Rec 1", NULL},
    {"low_level_laser", "low_level_laser", "physical_modality", "chronic", NULL, "pain, function",
     "unclear", "low", "first_line",
     "Low-level laser therapy is an option for chronic low back pain.", ACP ", Rec 2", OMITTED},
    /* Manual therapies */
    {"massage_summary", "massage", "manual_therapy", "acute_subacute", NULL, "pain", "moderate",
     "low", "first_line", "Massage relieves acute or subacute low back pain.", ACP ", Rec 1",
     "The summary says massage is moderately effective for chronic pain, ACP/APS 2007 wording; "
     "ACP 2017 recommends it for acute and subacute pain only."},
    {"massage_chronic_review", "massage", "manual_therapy", "chronic", NULL, "pain",
     "small_to_moderate", "low", "adjunct",
     "Massage is among the therapies with small to moderate short-term benefit in chronic pain.",
     CHOU_NONPHARM " (strength of evidence low to moderate)", NULL},
    {"smt_benefit", "spinal_manipulation", "manual_therapy", "chronic", NULL, "pain, function",
     "small_to_moderate", "low", "adjunct", "Spinal manipulation gives small to moderate benefit.",
     ACP ", Rec 2", "The summary gives no grade; ACP 2017 rates the evidence low quality."},
    {"smt_vs_active", "spinal_manipulation", "manual_therapy", "chronic",
     "other active interventions", "pain", "none", "low", "adjunct",
     "Spinal manipulation relieves pain no better than other active treatments.", ACP ", Rec 2",
     "The summary gives no grade; ACP 2017 rates the evidence low quality."},
    {"smt_acute", "spinal_manipulation", "manual_therapy", "acute_subacute", NULL, "pain",
     "unclear", "low", "first_line", "Spinal manipulation is an option for acute or subacute pain.",
     ACP ", Rec 1", NULL},
    /* Muscle relaxants */
    {"smr_label_indication", "muscle_relaxant", "pharmacologic", "acute_subacute", NULL,
     "muscle spasm", "unclear", "label", "adjunct",
     "Cyclobenzaprine relieves muscle spasm of acute painful musculoskeletal conditions, as an "
     "adjunct to rest and physical therapy.",
     LABEL, "The summary leaves out acute: the label covers acute conditions only."},
    {"smr_label_duration", "muscle_relaxant", "pharmacologic", "any", NULL, "duration of use",
     "unclear", "label", "caution",
     "Use cyclobenzaprine only for short periods, up to two or three weeks.", LABEL, NULL},
    {"smr_avoid_prolonged", "muscle_relaxant", "pharmacologic", "any", NULL,
     "drowsiness, dry mouth, function", "unclear", "label", "avoid",
     "Avoid relaxants beyond two to three weeks: longer benefit is unproven and drowsiness and "
     "dry mouth can limit function.",
     LABEL "; trial adverse reactions (recalled)", NULL},
    {"smr_label_hepatic_mild", "muscle_relaxant", "pharmacologic", "any", NULL, "dosing", "unclear",
     "label", "caution",
     "In mild hepatic impairment, start cyclobenzaprine at 5 mg and titrate slowly.",
     LABEL " (recalled)", NULL},
    {"smr_label_hepatic_moderate", "muscle_relaxant", "pharmacologic", "any", NULL, "safety",
     "unclear", "label", "avoid",
     "Cyclobenzaprine is not recommended in moderate or severe hepatic impairment, nor in any "
     "hepatic impairment for the extended-release form.",
     LABEL " (recalled)", NULL},
    {"smr_label_elderly", "muscle_relaxant", "pharmacologic", "any", NULL, "dosing", "unclear",
     "label", "caution",
     "Older adults have higher plasma levels: start at 5 mg, titrate slowly, and avoid the "
     "extended-release form.",
     LABEL " (recalled); AGS Beers Criteria (recalled)", NULL},
    {"smr_label_contraindications", "muscle_relaxant", "pharmacologic", "any", NULL, "safety",
     "unclear", "label", "avoid",
     "Cyclobenzaprine is contraindicated with MAOIs, hyperthyroidism, arrhythmias, heart block, "
     "heart failure, the recovery phase of myocardial infarction, and hypersensitivity.",
     LABEL " (recalled)", NULL},
    {"smr_label_serotonergic", "muscle_relaxant", "pharmacologic", "any", NULL, "safety", "unclear",
     "label", "caution",
     "With SSRIs, SNRIs, tricyclics, tramadol, bupropion, meperidine, verapamil or MAOIs, "
     "cyclobenzaprine can cause serotonin syndrome.",
     LABEL " (recalled)", NULL},
    {"smr_acute", "muscle_relaxant", "pharmacologic", "acute_subacute", "placebo",
     "short-term pain relief", "small", "moderate", "adjunct",
     "Skeletal muscle relaxants give short-term relief of acute low back pain, with sedation.",
     ACP ", Rec 1; " CHOU_PHARM, NULL},
    {"smr_chronic", "muscle_relaxant", "pharmacologic", "chronic", NULL, "pain", "unclear",
     "insufficient", "caution",
     "ACP 2017 does not list muscle relaxants for chronic low back pain: keep any use to a short "
     "course for a spasm flare.",
     ACP ", Rec 2 and 3",
     "The summary includes limited relaxant use in chronic treatment; ACP 2017 does not "
     "recommend relaxants for chronic pain."},
    {"pain_spasm_cycle", "muscle_relaxant", "pharmacologic", "acute_subacute", NULL, "pain, spasm",
     "unclear", "low", "adjunct",
     "The pain-spasm-pain cycle is not clearly supported, but gives a rationale for an analgesic "
     "with a relaxant in acute flares.",
     "Roland 1986, Clin Biomech [3]; van Dieen 2003, J Electromyogr Kinesiol [4]", NULL},
    /* Other drugs (ACP 2017, Rec 1 and 3) */
    {"nsaid_acute", "nsaid", "pharmacologic", "acute_subacute", "placebo", "pain", "unclear",
     "moderate", "adjunct", "NSAIDs are an option for acute or subacute pain.", ACP ", Rec 1",
     NULL},
    {"nsaid_chronic", "nsaid", "pharmacologic", "chronic", "placebo", "pain", "small", "moderate",
     "first_line",
     "When non-drug therapy is not enough for chronic pain, NSAIDs are the first-line drugs.",
     ACP ", Rec 3; " CHOU_PHARM, OMITTED},
    {"tramadol_chronic", "tramadol", "pharmacologic", "chronic", NULL, "pain", "unclear",
     "moderate", "escalation", "Tramadol is a second-line drug after NSAIDs.", ACP ", Rec 3",
     OMITTED},
    {"duloxetine_chronic", "duloxetine", "pharmacologic", "chronic", NULL, "pain", "unclear",
     "moderate", "escalation", "Duloxetine is a second-line drug after NSAIDs.",
     ACP ", Rec 3; " CHOU_PHARM "; NICE NG59 advises against it", OMITTED},
    {"opioid_chronic", "opioid", "pharmacologic", "chronic", NULL, "pain", "unclear", "moderate",
     "caution",
     "Consider opioids only after NSAIDs, tramadol or duloxetine fail, and after discussing the "
     "risks.",
     ACP ", Rec 3; WHO 2023 advises against opioids", OMITTED},
    /* Multidisciplinary rehabilitation */
    {"mdr_vs_usual_care", "multidisciplinary_rehabilitation", "rehabilitation", "chronic",
     "usual care", "short-term pain, disability", "moderate", "moderate", "escalation",
     "Multidisciplinary rehabilitation, physician care coordinated with psychological, physical, "
     "social or vocational therapy, reduces short-term pain and disability.",
     ACP ", Rec 2", NULL},
    {"refer_mdr", "multidisciplinary_rehabilitation", "rehabilitation", "chronic", NULL,
     "pain, disability", "moderate", "moderate", "escalation",
     "After an inadequate response, refer to a multidisciplinary rehabilitation programme.",
     ACP ", Rec 2; summary treatment algorithm", NULL},
    /* Evaluation */
    {"evaluate_cause", "specific_cause_evaluation", "evaluation", "chronic", NULL, NULL, "unclear",
     "insufficient", "other_recommended",
     "After an inadequate response, look for a specific cause that needs targeted treatment.",
     "Summary treatment algorithm (no citation); ACP/APS 2007 (recalled)",
     "The summary cites no source for this step. " NOT_GRADED},
    {"red_flags_evaluate", "specific_cause_evaluation", "evaluation", "any", NULL, NULL, "unclear",
     "low", "other_recommended",
     "Red flags for cauda equina, cancer, infection or fracture call for evaluation of a specific "
     "cause before nonspecific treatment.",
     "AHCPR 1994, guideline 14; Verhagen 2016, Eur Spine J",
     "Not in the summary. Red flags are evaluation triggers with little accuracy data."},
    /* Low-value care */
    {"lumbar_support_no_benefit", "lumbar_support", "physical_modality", "chronic", NULL,
     "pain, function", "none", "insufficient", "avoid",
     "Lumbar supports have not shown clear benefit for chronic low back pain.",
     ACP " (insufficient evidence, recalled); WHO 2023: should not be used", NULL},
    {"tens_vs_sham", "tens", "physical_modality", "chronic", "sham TENS",
     "pain intensity, function", "none", "low", "avoid",
     "TENS is no better than sham TENS for pain or function.",
     ACP " (low quality, recalled); WHO 2023: should not be used", NULL},
};
const size_t bp_evidence_count = COUNT(bp_evidence_rows);

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
const size_t bp_red_flag_count = COUNT(bp_red_flag_names);

const bp_named bp_contraindication_names[] = {
    {"maoi", "CF 2: MAOIs now or within 14 days (R, H)"},
    {"hyperthyroidism", "CF 2: hyperthyroidism (R, H)"},
    {"cardiac", "CF 2: recent MI, arrhythmias, heart block, CHF (R, H)"},
    {"hypersensitivity", "CF 2: hypersensitivity (R, H)"},
};
const size_t bp_contraindication_count = COUNT(bp_contraindication_names);

const char *const bp_response_names[BP_RESPONSE_COUNT] = {"adequate", "inadequate", "unknown"};

const bp_sourced_real bp_response_threshold = {
    0.30, "CF 7: IMMPACT (Dworkin 2008), 30% moderately important; a design choice"};

const bp_sourced_real bp_relaxant_titrate_age = {
    65, "API 3: titrate slowly when age >= 65 (CF 2: elderly)"};

/* ---- recommend_plan rules ----------------------------------------------- */

const char *const bp_action_names[BP_ACTION_COUNT] = {"stop",  "evaluate", "refer",    "continue",
                                                      "start", "add",      "consider", "avoid"};

const bp_situation_info bp_situations[BP_SITUATION_COUNT] = {
    [BP_SITUATION_RED_FLAG] = {"evaluate_specific_cause", NULL, 0, 0},
    [BP_SITUATION_ACUTE] = {"acute_subacute", "begin", 0, 1},
    [BP_SITUATION_CHRONIC_NEW] = {"chronic_nonspecific", "begin", 0, 1},
    [BP_SITUATION_CHRONIC_RESPONSE_UNKNOWN] = {"chronic_nonspecific", "begin", 1, 1},
    [BP_SITUATION_CHRONIC_MAINTAIN] = {"chronic_nonspecific", "maintain", 1, 1},
    [BP_SITUATION_CHRONIC_ADD_ADJUNCTS] = {"chronic_nonspecific", "add_adjuncts", 1, 1},
    [BP_SITUATION_CHRONIC_ESCALATE] = {"chronic_nonspecific", "escalate", 1, 1},
};

#define RED BP_IN(BP_SITUATION_RED_FLAG)
#define ACUTE BP_IN(BP_SITUATION_ACUTE)
#define NEW BP_IN(BP_SITUATION_CHRONIC_NEW)
#define ADJUNCTS BP_IN(BP_SITUATION_CHRONIC_ADD_ADJUNCTS)
#define ESCALATE BP_IN(BP_SITUATION_CHRONIC_ESCALATE)
#define CHRONIC                                                                                \
  (NEW | BP_IN(BP_SITUATION_CHRONIC_RESPONSE_UNKNOWN) | BP_IN(BP_SITUATION_CHRONIC_MAINTAIN) | \
   ADJUNCTS | ESCALATE)

/* In the order sql-api.md section 3 lists them, which is the order of
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
     "rehabilitation."},
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
     "Inadequate response: add massage as an adjunct."},
    {ADJUNCTS,
     BP_ACTION_ADD,
     BP_INT_SPINAL_MANIPULATION,
     {"smt_benefit", "smt_vs_active"},
     "Inadequate response: add spinal manipulation as an adjunct."},
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
const size_t bp_step_rule_count = COUNT(bp_step_rules);

const bp_relaxant_step_rule bp_relaxant_steps[BP_RELAXANT_STEP_COUNT] = {
    [BP_RELAXANT_STOP_OVERDUE] = {BP_ACTION_STOP,
                                  {"smr_label_duration", "smr_avoid_prolonged"},
                                  "More than 21 days of use: the label allows two to three "
                                  "weeks."},
    [BP_RELAXANT_STOP_CONTRAINDICATED] = {BP_ACTION_STOP,
                                          {"smr_label_contraindications"},
                                          "Contraindicated by the cyclobenzaprine label."},
    [BP_RELAXANT_STOP_HEPATIC] = {BP_ACTION_STOP,
                                  {"smr_label_hepatic_moderate"},
                                  "Not recommended in moderate or severe hepatic "
                                  "impairment."},
    [BP_RELAXANT_STOP_CONTRAINDICATED_AND_HEPATIC] =
        {BP_ACTION_STOP,
         {"smr_label_contraindications", "smr_label_hepatic_moderate"},
         "Contraindicated by the label, and not recommended in moderate or severe hepatic "
         "impairment."},
    [BP_RELAXANT_CONSIDER_ACUTE] =
        {BP_ACTION_CONSIDER,
         {"smr_acute", "smr_label_indication", "smr_label_duration", "pain_spasm_cycle"},
         "Cyclobenzaprine for the spasm, short course: at most %lld more days, start at 5 mg."},
    [BP_RELAXANT_CONSIDER_CHRONIC] =
        {BP_ACTION_CONSIDER,
         {"smr_chronic", "smr_label_indication", "smr_label_duration", "pain_spasm_cycle"},
         "Cyclobenzaprine for a spasm flare, short course: at most %lld more days, start at "
         "5 mg."},
};

const bp_relaxant_note_rule bp_relaxant_notes[BP_RELAXANT_NOTE_COUNT] = {
    [BP_RELAXANT_NOTE_LIMIT_REACHED] = {NULL, " The 21-day limit is reached."},
    [BP_RELAXANT_NOTE_TITRATE_HEPATIC] = {"smr_label_hepatic_mild",
                                          " Mild hepatic impairment: titrate slowly."},
    [BP_RELAXANT_NOTE_TITRATE_AGE] = {"smr_label_elderly", " Age 65 or over: titrate slowly."},
    [BP_RELAXANT_NOTE_SEROTONERGIC] = {"smr_label_serotonergic", NULL},
};

const char *const bp_warning_names[BP_WARNING_COUNT] = {
    [BP_WARN_PHASE_UNKNOWN] = "phase_unknown",
    [BP_WARN_RESPONSE_UNKNOWN] = "response_unknown",
    [BP_WARN_UNRECOGNISED_INTERVENTION] = "unrecognised_intervention",
    [BP_WARN_RELAXANT_OVERDUE] = "relaxant_overdue",
    [BP_WARN_RELAXANT_CONTRAINDICATED] = "relaxant_contraindicated",
    [BP_WARN_HEPATIC_NOT_RECOMMENDED] = "hepatic_not_recommended",
    [BP_WARN_SEROTONERGIC_INTERACTION] = "serotonergic_interaction",
    [BP_WARN_RELAXANT_WITHOUT_SPASM] = "relaxant_without_spasm",
};
