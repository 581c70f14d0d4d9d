/*
** bp_content_evidence.c: the evidence statements of guideline_evidence, one
** row per statement, each with its source (types in bp_content_evidence.h,
** citation keys in bp_content.h). Reference numbers [1]-[4] are the
** guideline summary's; the project identifies them as:
**   [1] Qaseem 2017, ACP guideline, Ann Intern Med 166:514
**   [2] cyclobenzaprine labelling (openFDA)
**   [3] Roland 1986, Clin Biomech (identification: medium confidence)
**   [4] van Dieen 2003, J Electromyogr Kinesiol (medium confidence)
** docs/clinical-content.md lists every row with its full citations, and
** says, row by row, where the summary put it differently and why the row
** says otherwise; tests/unit/test_content_doc.c checks that the two agree.
**
** quality is the grade a source gives the statement: insufficient when a
** source grades the evidence as insufficient, not_graded when no source
** grades the statement at all, label for the drug label. An effect size
** (none, small, small_to_moderate, moderate) needs a graded source: with
** insufficient or not_graded the effect is unclear (test_content.c checks
** it). "(recalled)" marks a source the project recalled but did not re-read.
** note says how the summary put it where the verified source differs, and
** where the summary's algorithm, which the plan keeps, departs from ACP 2017.
**
** Strings here are plain ASCII without quotes or backslashes, so they can be
** written into JSON as they are (tests/unit/test_content.c checks it).
*/
#include "bp_content_evidence.h"

#include "bp_common.h"

/* ---- Evidence --------------------------------------------------------- */

#define ACP "Qaseem 2017, Ann Intern Med (ACP) [1]"
#define ACP2007 "Chou 2007, Ann Intern Med (ACP/APS)"
#define LABEL "Cyclobenzaprine label, openFDA [2]"
#define CHOU_NONPHARM "Chou 2017 nonpharmacologic review, Ann Intern Med"
#define CHOU_PHARM "Chou 2017 pharmacologic review, Ann Intern Med"
#define AHRQ_AFP "AHRQ review table in Am Fam Physician 2017"
#define HEAT_NOTE                                                                            \
  "The summary presents heat for chronic pain; the trials were in acute and subacute pain, " \
  "and ACP 2017 lists heat only for acute or subacute pain (Rec 1)."
#define OMITTED "The summary omits this ACP 2017 recommendation."
#define NO_GRADE_LOW "The summary gives no grade; ACP 2017 rates the evidence low quality."
/* Where the summary's algorithm, kept by the plan, departs from ACP 2017. */
#define INITIAL_MDR                                                                 \
  "ACP 2017 Rec 2 lists multidisciplinary rehabilitation among the therapies to "   \
  "select initially for chronic pain; the summary holds it back for an inadequate " \
  "response, and the plan keeps the order of the summary."
#define INITIAL_SMT                                                                   \
  "ACP 2017 Rec 2 lists spinal manipulation among the therapies to select initially " \
  "for chronic pain; the summary puts it among the adjuncts, and the plan keeps the " \
  "order of the summary."

const bp_evidence bp_evidence_rows[] = {
    /* Exercise therapy */
    {"ex_vs_none", "exercise_therapy", "exercise", "chronic", "no exercise", "pain, function",
     "small", "moderate", "first_line",
     "Exercise therapy gives small but consistent gains in pain and function.", ACP ", Rec 2",
     NULL},
    {"ex_program", "exercise_therapy", "exercise", "chronic", "programmes without these features",
     "pain, function", "unclear", "not_graded", "first_line",
     "Exercise works best tailored to the patient, supervised, with stretching and strengthening.",
     ACP2007 ", citing Hayden 2005 (recalled); summary [1]",
     "The summary cites ACP 2017 [1]; the features come from Hayden 2005 via the 2007 guideline "
     "(recalled), and regular progression was found in neither."},
    {"ex_types_similar", "exercise_therapy", "exercise", "chronic", "other exercise types",
     "pain, function", "unclear", "not_graded", "first_line",
     "The evidence does not single out one type of exercise clearly, so preference and adherence "
     "guide the choice.",
     "Owen 2020, Br J Sports Med (network meta-analysis); summary [1]",
     "The summary says the exercise types appear similarly effective; Owen 2020 ranks Pilates "
     "best for pain and resistance and motor control exercise best for function, so all about "
     "equal is too strong."},
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
    {"heat_with_exercise", "heat_therapy", "physical_modality", "acute_subacute", "heat wrap alone",
     "pain, function", "unclear", "moderate", "first_line",
     "Adding exercise to a heat wrap reduces pain further and improves function.",
     "French 2006 (Cochrane); Mayer 2005, Spine J; summary [1]",
     HEAT_NOTE " The summary gives no grade; the Cochrane review finds moderate evidence."},
    {"heat_vs_analgesics", "heat_therapy", "physical_modality", "acute_subacute",
     "acetaminophen or ibuprofen", "short-term pain", "unclear", "low", "first_line",
     "Heat wraps may relieve pain more than acetaminophen or ibuprofen in the short term.",
     ACP "; Nadler 2002", HEAT_NOTE},
    {"heat_chronic", "heat_therapy", "physical_modality", "chronic", NULL, "pain", "unclear",
     "insufficient", "adjunct",
     "Evidence on heat for chronic low back pain is insufficient; use it with exercise if it "
     "helps.",
     ACP " (heat in Rec 1 only; chronic evidence insufficient, recalled)",
     "The summary cites moderate-quality evidence for chronic pain; that evidence is from acute "
     "and subacute trials, and ACP 2017 lists heat for acute or subacute pain only (Rec 1)."},
    /* Mind-body approaches */
    {"taichi_vs_waitlist", "tai_chi", "mind_body", "chronic", "wait-list", "pain", "moderate",
     "low", "first_line", "Tai chi improves pain compared with a wait-list.", ACP ", Rec 2",
     NO_GRADE_LOW},
    {"yoga_vs_usual_care", "yoga", "mind_body", "chronic", "usual care", "pain, function",
     "moderate", "low", "first_line",
     "Yoga, mostly Iyengar style in the trials, lowers pain and improves function.",
     ACP ", Rec 2; " CHOU_NONPHARM,
     "The summary gives no grade. ACP 2017 rates the evidence low quality; the Chou 2017 review "
     "rates its strength moderate."},
    {"cbt_pain", "cbt", "mind_body", "chronic", NULL, "pain intensity", "moderate", "low",
     "first_line", "Cognitive behavioural therapy improves pain intensity.", ACP ", Rec 2",
     NO_GRADE_LOW},
    {"relaxation_pain", "progressive_relaxation", "mind_body", "chronic", NULL, "pain intensity",
     "moderate", "low", "first_line", "Progressive relaxation improves pain intensity.",
     ACP ", Rec 2", NO_GRADE_LOW},
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
    {"massage_summary", "massage", "manual_therapy", "acute_subacute", NULL, "pain",
     "small_to_moderate", "low", "first_line", "Massage relieves acute or subacute low back pain.",
     ACP ", Rec 1; " AHRQ_AFP " (effect size, recalled)",
     "The summary says massage is moderately effective for chronic pain, ACP/APS 2007 wording; "
     "ACP 2017 recommends it for acute and subacute pain only, and the AHRQ review finds a small "
     "to moderate effect."},
    {"massage_chronic_review", "massage", "manual_therapy", "chronic", NULL, "pain",
     "small_to_moderate", "low", "adjunct",
     "Massage is among the therapies with small to moderate short-term benefit in chronic pain.",
     CHOU_NONPHARM "; " AHRQ_AFP " (low strength, recalled)",
     "The summary says moderately effective, ACP/APS 2007 wording. ACP 2017 lists massage for "
     "acute and subacute pain only; the summary, and the plan, add it as an adjunct for chronic "
     "pain."},
    {"smt_benefit", "spinal_manipulation", "manual_therapy", "chronic", NULL, "pain, function",
     "small_to_moderate", "low", "first_line",
     "Spinal manipulation gives small to moderate benefit.", ACP ", Rec 2",
     NO_GRADE_LOW " " INITIAL_SMT},
    {"smt_vs_active", "spinal_manipulation", "manual_therapy", "chronic",
     "other active interventions", "pain", "none", "low", "first_line",
     "Spinal manipulation relieves pain no better than other active treatments.", ACP ", Rec 2",
     NO_GRADE_LOW " " INITIAL_SMT},
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
     ACP ", Rec 1; " CHOU_PHARM "; Cashin 2021, BMJ (effect size, very low certainty)", NULL},
    {"smr_chronic", "muscle_relaxant", "pharmacologic", "chronic", NULL, "pain", "unclear",
     "not_graded", "caution",
     "ACP 2017 does not list muscle relaxants for chronic low back pain: keep any use to a short "
     "course for a spasm flare.",
     ACP ", Rec 2 and 3",
     "The summary includes limited relaxant use in chronic treatment; ACP 2017 does not "
     "recommend relaxants for chronic pain."},
    {"pain_spasm_cycle", "muscle_relaxant", "pharmacologic", "acute_subacute", NULL, "pain, spasm",
     "unclear", "not_graded", "adjunct",
     "The pain-spasm-pain cycle, the rationale for adding a relaxant to an analgesic in acute "
     "flares, is a theory with mixed support.",
     "Roland 1986, Clin Biomech [3]; van Dieen 2003, J Electromyogr Kinesiol [4]; Friedman 2015, "
     "JAMA (recalled)",
     "The summary takes the cycle as a rationale for combining an analgesic and a relaxant in "
     "acute flares. ACP 2017 Rec 1 says NSAIDs or relaxants, and a randomised trial (Friedman "
     "2015) found cyclobenzaprine added to naproxen no better than naproxen alone."},
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
     "usual care", "short-term pain, disability", "moderate", "moderate", "first_line",
     "Multidisciplinary rehabilitation, physician care coordinated with psychological, physical, "
     "social or vocational therapy, reduces short-term pain and disability.",
     ACP ", Rec 2", INITIAL_MDR},
    {"refer_mdr", "multidisciplinary_rehabilitation", "rehabilitation", "chronic", NULL,
     "pain, disability", "unclear", "not_graded", "escalation",
     "After an inadequate response, refer to a multidisciplinary rehabilitation programme.",
     "Summary treatment algorithm, citing [1]",
     "This step is the algorithm of the summary, not an ACP 2017 statement. " INITIAL_MDR},
    /* Evaluation */
    {"evaluate_cause", "specific_cause_evaluation", "evaluation", "chronic", NULL, NULL, "unclear",
     "not_graded", "other_recommended",
     "After an inadequate response, look for a specific cause that needs targeted treatment.",
     "Summary treatment algorithm (no citation); ACP/APS 2007 (recalled)",
     "The summary cites no source for this step. ACP/APS 2007 Rec 3 grades testing when a serious "
     "condition is suspected, not an inadequate response as such."},
    {"red_flags_evaluate", "specific_cause_evaluation", "evaluation", "any", NULL, NULL, "unclear",
     "moderate", "other_recommended",
     "Severe or progressive neurologic deficits, or red flags that suggest a serious condition "
     "such as cauda equina, cancer, infection or fracture, call for imaging and testing before "
     "nonspecific treatment.",
     ACP2007 ", Rec 3 (strong); AHCPR 1994, guideline 14; Verhagen 2016, Eur Spine J",
     "Not in the summary. Verhagen 2016: single red flags have little accuracy data, so they "
     "trigger an evaluation rather than make a diagnosis; the grade here is that of the "
     "recommendation to test."},
    /* Low-value care */
    {"lumbar_support_no_benefit", "lumbar_support", "physical_modality", "chronic", NULL,
     "pain, function", "unclear", "insufficient", "avoid",
     "Lumbar supports have not shown clear benefit for chronic low back pain.",
     ACP2007 " (evidence insufficient, recalled); WHO 2023: should not be used; summary [1]", NULL},
    {"tens_vs_sham", "tens", "physical_modality", "chronic", "sham TENS",
     "pain intensity, function", "none", "low", "avoid",
     "TENS is no better than sham TENS for pain or function.",
     ACP " (low quality, recalled); WHO 2023: should not be used", NULL},
};
const size_t bp_evidence_count = BP_COUNT(bp_evidence_rows);
