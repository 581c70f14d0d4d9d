/*
** test_intervention.c: free text and billing codes to canonical
** intervention ids (no SQLite): the contract's examples, codes at the ends
** of every range and the codes that do not exist, the priority of specific
** over generic names, negations that must fire and must not, and near
** misses that must not match.
*/
#include <string.h>

#include "bp_common.h"
#include "bp_content_interventions.h"
#include "bp_intervention.h"
#include "tap.h"

typedef struct {
  const char *text;
  const char *want; /* NULL: not recognised */
} code_case;

static const code_case cases[] = {
    /* the contract's examples */
    {"Physical therapy - therapeutic exercise", "exercise_therapy"},
    {"heating pad", "heat_therapy"},
    {"chiropractic adjustment", "spinal_manipulation"},
    {"back brace", "lumbar_support"},
    {"TENS unit", "tens"},
    {"Iyengar yoga", "yoga"},
    {"mindfulness-based stress reduction", "mbsr"},
    {"97110", "exercise_therapy"},
    {"97124", "massage"},
    {"98940", "spinal_manipulation"},
    {"98941", "spinal_manipulation"},
    {"98942", "spinal_manipulation"},
    {"97010", "heat_therapy"},
    {"E0720", "tens"},
    {"E0730", "tens"},
    {"L0625", "lumbar_support"},
    {"L0637", "lumbar_support"},
    {"L0651", "lumbar_support"},
    {"97810", "acupuncture"},
    {"97814", "acupuncture"},
    {"Cyclobenzaprine HCl 10 MG Oral Tablet", "muscle_relaxant"},
    {"Robaxin-750", "muscle_relaxant"},
    {"M03BX08", "muscle_relaxant"},
    /* codes inside text, any case */
    {"CPT 97110 therapeutic exercise x 15 min", "exercise_therapy"},
    {"e0730 tens unit rental", "tens"},
    {"HCPCS:l0631", "lumbar_support"},
    {"97110-GP", "exercise_therapy"},
    /* more free text */
    {"Tai Chi class", "tai_chi"},
    {"t'ai chi", "tai_chi"},
    {"Cognitive Behavioural Therapy (CBT)", "cbt"},
    {"progressive muscle relaxation", "progressive_relaxation"},
    {"EMG biofeedback", "emg_biofeedback"},
    {"operant conditioning programme", "operant_therapy"},
    {"low-level laser therapy", "low_level_laser"},
    {"electroacupuncture", "acupuncture"},
    {"osteopathic manipulation", "spinal_manipulation"},
    {"therapeutic massage", "massage"},
    {"transcutaneous electrical nerve stimulation", "tens"},
    {"lumbosacral orthosis", "lumbar_support"},
    {"hot packs", "heat_therapy"},
    {"interdisciplinary pain rehabilitation", "multidisciplinary_rehabilitation"},
    {"tramadol 50 mg", "tramadol"},
    {"Duloxetine 30 MG capsule", "duloxetine"},
    {"oxycodone 5 mg", "opioid"},
    {"naproxen 500 mg", "nsaid"},
    {"NSAIDs", "nsaid"},
    {"Pilates", "exercise_therapy"},
    {"MBSR", "mbsr"},
    /* the more specific name wins wherever it stands */
    {"motor control exercise", "motor_control_exercise"},
    {"exercise: core stabilization", "motor_control_exercise"},
    {"physical therapy with massage", "massage"},
    {"yoga-based exercise class", "yoga"},
    {"carisoprodol/aspirin/codeine", "muscle_relaxant"},
    {"97124 and yoga", "massage"},
    /* negation that must fire (API 4): before the name, after it, one clause */
    {"no massage", NULL},
    {"NO MASSAGE", NULL},
    {"no\xc2\xa0massage", NULL},
    {"TENS unit declined", NULL},
    {"TENS unit, declined", NULL},
    {"TENS unit, declined, heat", "heat_therapy"},
    {"refused physical therapy", NULL},
    {"massage refused", NULL},
    {"Declined: massage", NULL},
    {"patient denies chiropractic care", NULL},
    {"never tried yoga", NULL},
    {"without heat", NULL},
    {"not a candidate for acupuncture", NULL},
    {"massage not done", NULL},
    {"TENS not given", NULL},
    {"97110 declined", NULL},
    {"declined cyclobenzaprine 10 mg", NULL},
    {"no muscle relaxants", NULL},
    {"no 7.5 mg cyclobenzaprine", NULL}, /* a decimal point ends no clause */
    {"massage declined and heat", NULL}, /* declined also negates what follows */
    /* negation that must not fire */
    {"heating pad; no brace", "heat_therapy"},
    {"no brace; heating pad", "heat_therapy"},
    {"no brace. heating pad", "heat_therapy"},
    {"no. cyclobenzaprine 7.5 mg", "muscle_relaxant"},
    {"stopped physical therapy", "exercise_therapy"},
    {"massage not tolerated", "massage"},
    {"discontinued massage", "massage"},
    {"massage discontinued", "massage"},
    {"no relief. massage", "massage"},
    {"no improvement, massage helped", "massage"},
    {"declined TENS but did yoga", "yoga"},
    {"declined TENS however yoga helps", "yoga"},
    {"no TENS, heat", "heat_therapy"},
    {"heat, no TENS", "heat_therapy"},
    {"TENS declined, heat applied", "heat_therapy"},
    {"yoga. TENS declined", "yoga"},
    {"knot massage", "massage"},
    {"nothing but massage", "massage"},
    {"nonsurgical massage", "massage"},
    /* two interventions, one negated: the other counts */
    {"no massage, physical therapy", "exercise_therapy"},
    {"physical therapy, no massage", "exercise_therapy"},
    {"97124 declined; 97110", "exercise_therapy"},
    /* codes that do not exist, and neighbours that are not the contract's */
    {"97812", NULL},
    {"97811", "acupuncture"},
    {"L0643", "lumbar_support"},
    {"L0644", NULL},
    {"L0645", NULL},
    {"L0646", NULL},
    {"L0647", NULL},
    {"L0648", "lumbar_support"},
    {"98943", NULL},
    {"E0731", NULL},
    {"\xc3\x89"
     "0720",
     NULL},
    /* products outside back pain are no relaxant here either */
    {"Tonmya (cyclobenzaprine) 2.8 mg SL", NULL},
    {"cyclobenzaprine 2.8 mg sublingual tablet", NULL},
    {"Tonmya; physical therapy", "exercise_therapy"},
    /* Unicode text and canonical ids in any case */
    {"TENS\xc2\xae unit", "tens"},
    {"heating\xe2\x80\x93pad", "heat_therapy"},
    {"\xe2\x80\x9cyoga\xe2\x80\x9d", "yoga"},
    {"MOTOR_CONTROL_EXERCISE", "motor_control_exercise"},
    {"Low_Level_Laser", "low_level_laser"},
    /* near misses */
    {"9711", NULL},
    {"971100", NULL},
    {"97109", NULL},
    {"97125", NULL},
    {"98943", NULL},
    {"97815", NULL},
    {"E0731", NULL},
    {"L0624", NULL},
    {"L0652", NULL},
    {"X97110", NULL},
    {"\xc3\xa9"
     "072",
     NULL},
    {"E07 20", NULL},
    {"preheating", NULL},
    {"yogurt", NULL},
    {"massager", NULL},
    {"attentionship", NULL},
    {"99213 office visit", NULL},
    {"Flu vaccine", NULL},
    {"acetaminophen 500 mg", NULL},
    {"", NULL},
};

int main(void) {
  size_t n = BP_COUNT(cases);
  for (size_t k = 0; k < n; k++) {
    bp_intervention got;
    int found = bp_intervention_from_text(cases[k].text, strlen(cases[k].text), &got);
    const char *got_id = found ? bp_interventions[got].id : NULL;
    tap_is_str(got_id, cases[k].want, "'%s'", cases[k].text);
  }
  tap_ok(n >= 130, "at least 130 cases (%zu)", n);
  return tap_done();
}
