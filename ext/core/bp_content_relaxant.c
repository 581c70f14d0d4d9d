/*
** bp_content_relaxant.c: backpain's clinical content, one sourced row per fact.
** See bp_content.h for the row types and the citation keys (CF, GS, API).
** Grades in a source string (V = verified, R = recalled; H/M/L
** confidence) are those docs/clinical-content.md gives.
*/
#include "bp_content_relaxant.h"

#include "bp_common.h"

/* ---- Muscle relaxants ---------------------------------------------- */

/* The eight ingredients of API section 2 (their RxNorm ingredient names)
** and their US brand names: every trade name the FDA Orange Book lists for
** a product containing one of them (OB: the data files of May 2024, see
** fixtures/codes/README.md; tests/unit/test_codes.c checks each against
** the extract), marketed or discontinued, since old records still name
** them, and the brands of CF section 4 that the Orange Book lists under
** the generic name (Fexmid, Lorzone). A name of several words is found by
** its first, distinctive word ("Parafon Forte DSC" by "parafon").
** Deliberately absent: Tonmya (CF 2: a fibromyalgia product, see the
** markers below) and Disipal (OB: orphenadrine hydrochloride tablets for
** parkinsonism, not a muscle relaxant product; ATC N04AB02). */
#define OB(what) "FDA Orange Book " what
const bp_relaxant_name bp_relaxant_names[] = {
    {{{"cyclobenzaprine"}}, "cyclobenzaprine", 0, "API 2; CF 4: ingredient (RxNorm name)"},
    {{{"flexeril"}}, "cyclobenzaprine", 0, OB("FLEXERIL, NDA 017821, discontinued; CF 4")},
    {{{"fexmid"}}, "cyclobenzaprine", 0, "CF 4: US brand"},
    {{{"amrix"}}, "cyclobenzaprine", 1, OB("AMRIX, NDA 021777, extended-release capsule; CF 2")},
    {{{"carisoprodol"}}, "carisoprodol", 0, "API 2; CF 4: ingredient (RxNorm name)"},
    {{{"soma"}},
     "carisoprodol",
     0,
     OB("SOMA, SOMA COMPOUND (W/ CODEINE), NDA 011792/012365/012366")},
    {{{"rela"}}, "carisoprodol", 0, OB("RELA, NDA 012155, discontinued")},
    {{{"methocarbamol"}}, "methocarbamol", 0, "API 2; CF 4: ingredient (RxNorm name)"},
    {{{"robaxin"}}, "methocarbamol", 0, OB("ROBAXIN, ROBAXIN-750, NDA 011011/011790")},
    {{{"robaxisal"}}, "methocarbamol", 0, OB("ROBAXISAL (with aspirin), NDA 012281, discontinued")},
    {{{"delaxin"}}, "methocarbamol", 0, OB("DELAXIN, ANDA 085454, discontinued")},
    {{{"forbaxin"}}, "methocarbamol", 0, OB("FORBAXIN, ANDA 085136, discontinued")},
    {{{"metaxalone"}}, "metaxalone", 0, "API 2; CF 4: ingredient (RxNorm name)"},
    {{{"skelaxin"}}, "metaxalone", 0, OB("SKELAXIN, NDA 013217, discontinued; CF 4")},
    {{{"tizanidine"}}, "tizanidine", 0, "API 2; CF 4: ingredient (RxNorm name)"},
    {{{"zanaflex"}}, "tizanidine", 0, OB("ZANAFLEX, NDA 020397/021447")},
    {{{"chlorzoxazone"}}, "chlorzoxazone", 0, "API 2; CF 4: ingredient (RxNorm name)"},
    {{{"parafon"}}, "chlorzoxazone", 0, OB("PARAFON FORTE DSC, NDA 011529, discontinued; CF 4")},
    {{{"paraflex"}}, "chlorzoxazone", 0, OB("PARAFLEX, NDA 011300, discontinued")},
    {{{"strifon"}}, "chlorzoxazone", 0, OB("STRIFON FORTE DSC, ANDA 081008, discontinued")},
    {{{"lorzone"}}, "chlorzoxazone", 0, "CF 4: US brand"},
    {{{"orphenadrine"}}, "orphenadrine", 0, "API 2; CF 4: ingredient (RxNorm name)"},
    {{{"norflex"}}, "orphenadrine", 0, OB("NORFLEX, NDA 012157/013055, discontinued; CF 4")},
    {{{"norgesic"}}, "orphenadrine", 0, OB("NORGESIC (FORTE), NDA 013416, discontinued; CF 4")},
    {{{"orphengesic"}}, "orphenadrine", 0, OB("ORPHENGESIC (FORTE), ANDA 075141")},
    {{{"invagesic"}}, "orphenadrine", 0, OB("INVAGESIC (FORTE), ANDA 074817, discontinued")},
    {{{"baclofen"}}, "baclofen", 0, "API 2; CF 4: ingredient (RxNorm name)"},
    {{{"lioresal"}}, "baclofen", 0, OB("LIORESAL, NDA 017851/020075; CF 4")},
    {{{"gablofen"}}, "baclofen", 0, OB("GABLOFEN, NDA 022462, intrathecal")},
    {{{"kemstro"}}, "baclofen", 0, OB("KEMSTRO, NDA 021589, discontinued")},
    {{{"ozobax"}}, "baclofen", 0, OB("OZOBAX (DS), NDA 208193; CF 4")},
    {{{"fleqsuvy"}}, "baclofen", 0, OB("FLEQSUVY, NDA 215602; CF 4")},
    {{{"lyvispah"}}, "baclofen", 0, OB("LYVISPAH, NDA 215422; CF 4")},
};
const size_t bp_relaxant_name_count = BP_COUNT(bp_relaxant_names);
_Static_assert(BP_COUNT(bp_relaxant_names) <= BP_RELAXANT_NAMES_MAX,
               "relaxant names must fit BP_RELAXANT_NAMES_MAX");

/* ATC codes of CF section 4 in group M03 (muscle relaxants). Metaxalone
** has no verified ATC code; orphenadrine's N04AB02 is its anti-Parkinson
** classification and is not a muscle-relaxant use, so it is left out. */
const bp_relaxant_atc bp_relaxant_atcs[] = {
    {"M03BX08", "cyclobenzaprine", "CF 4, ATC (V)"}, {"M03BA02", "carisoprodol", "CF 4, ATC (V)"},
    {"M03BA03", "methocarbamol", "CF 4, ATC (V)"},   {"M03BX02", "tizanidine", "CF 4, ATC (V2)"},
    {"M03BB03", "chlorzoxazone", "CF 4, ATC (V)"},   {"M03BC01", "orphenadrine", "CF 4, ATC (V2)"},
    {"M03BX01", "baclofen", "CF 4, ATC (V2)"},
};
const size_t bp_relaxant_atc_count = BP_COUNT(bp_relaxant_atcs);
_Static_assert(BP_COUNT(bp_relaxant_atcs) <= BP_RELAXANT_ATCS_MAX,
               "ATC codes must fit BP_RELAXANT_ATCS_MAX");

const bp_marker bp_extended_release_phrases[] = {
    {{{"er"}}, NULL, "API 2, relaxant_dose_alerts: ER"},
    {{{"extended", "release"}}, NULL, "API 2: \"extended release\""},
    {{{"24", "hr"}}, NULL, "API 2: 24 hr capsules"},
    {{{"24", "hour"}}, NULL, "API 2: 24 hr capsules"},
};
const size_t bp_extended_release_phrase_count = BP_COUNT(bp_extended_release_phrases);
_Static_assert(BP_COUNT(bp_extended_release_phrases) <= BP_MARKERS_MAX,
               "markers must fit BP_MARKERS_MAX");

/* Tonmya and sublingual cyclobenzaprine in any spelling (API 4): the
** brand, the route written out, split, or abbreviated (SL), the strength
** only Tonmya has, and its indication. */
const bp_marker bp_outside_back_pain_phrases[] = {
    {{{"tonmya"}}, "cyclobenzaprine", "CF 2: Tonmya, fibromyalgia; API 4"},
    {{{"sublingual"}}, "cyclobenzaprine", "CF 2: Tonmya is sublingual; API 4"},
    {{{"sub", "lingual"}}, "cyclobenzaprine", "API 4: sublingual in any spelling"},
    {{{"sl"}}, "cyclobenzaprine", "API 4: SL, the abbreviation of sublingual"},
    {{{"2", "8", "mg"}}, "cyclobenzaprine", "CF 2: Tonmya is cyclobenzaprine 2.8 mg"},
    {{{"fibromyalgia"}}, "cyclobenzaprine", "CF 2: Tonmya indication; API 2"},
};
const size_t bp_outside_back_pain_phrase_count = BP_COUNT(bp_outside_back_pain_phrases);
_Static_assert(BP_COUNT(bp_outside_back_pain_phrases) <= BP_MARKERS_MAX,
               "markers must fit BP_MARKERS_MAX");

const char bp_dose_rule_ingredient[] = "cyclobenzaprine";

/* ---- Relaxant duration ---------------------------------------------- */

/* The label's limit. A test build may set another with
** -DBP_TEST_RELAXANT_MAX_DAYS=N (tests/hooks/test_max_days.c: the plan's
** reasons and every overdue answer follow it); no other build sets it. */
#ifdef BP_TEST_RELAXANT_MAX_DAYS
#define RELAXANT_MAX_DAYS BP_TEST_RELAXANT_MAX_DAYS
#else
#define RELAXANT_MAX_DAYS 21
#endif
const bp_sourced_int bp_relaxant_max_days = {
    RELAXANT_MAX_DAYS, "CF 2 and GS: \"only for short periods (up to two or three weeks)\""};

const bp_sourced_int bp_relaxant_gap_days = {
    7, "API 2 default; a design choice, not from the clinical references"};

/* ---- Cyclobenzaprine label rules ------------------------------------ */

const char *const bp_hepatic_names[] = {"none", "mild", "moderate", "severe"};
_Static_assert(BP_COUNT(bp_hepatic_names) == BP_HEPATIC_COUNT, "one name per bp_hepatic");

#define ANY BP_RULE_ANY
#define IR BP_RELEASE_IMMEDIATE
#define ER BP_RELEASE_EXTENDED
/* Numbers several rows share, written once: the dose the label starts
** the elderly and mild hepatic impairment at, and the age from which
** API 2 and API 3 call a patient elderly. A test build may set another
** start dose with -DBP_TEST_START_DOSE_MG=X (tests/hooks/test_max_days.c:
** the plan's reasons state it, 7.5 mg with its fraction); no other build
** sets it. */
#ifdef BP_TEST_START_DOSE_MG
#define START_DOSE_MG BP_TEST_START_DOSE_MG
#else
#define START_DOSE_MG 5
#endif
#define ELDERLY_AGE 65

/* recommend_plan's relaxant rule follows the immediate-release rows of
** hepatic_not_recommended, hepatic_start_5mg and elderly_start_5mg (see
** bp_relaxant_label in bp_content_plan.c): their conditions on the patient
** decide its steps and notes, and its reasons state their numbers. */
const bp_dose_rule bp_dose_rules[] = {
    {"hepatic_not_recommended", IR, BP_HEPATIC_MODERATE, BP_HEPATIC_SEVERE, ANY, ANY, ANY, ANY,
     "CF 2, Hepatic: moderate/severe not recommended (R, H)"},
    {"hepatic_not_recommended", ER, BP_HEPATIC_MILD, BP_HEPATIC_SEVERE, ANY, ANY, ANY, ANY,
     "CF 2, ER: not recommended in any hepatic impairment (R, M)"},
    {"hepatic_start_5mg", IR, BP_HEPATIC_MILD, BP_HEPATIC_MILD, ANY, START_DOSE_MG, ANY, ANY,
     "CF 2, Hepatic: mild, start 5 mg and titrate slowly (R, H); GS"},
    {"elderly_start_5mg", IR, ANY, ANY, ELDERLY_AGE, START_DOSE_MG, ANY, ANY,
     "CF 2, Elderly: start 5 mg and titrate slowly (R, H); age 65: API 2 and API 3"},
    {"elderly_er_not_recommended", ER, ANY, ANY, ELDERLY_AGE, ANY, ANY, ANY,
     "CF 2, ER: not recommended in the elderly (R, M); age 65: API 2"},
    {"above_usual_single_dose", IR, ANY, ANY, ANY, 10, ANY, ANY,
     "CF 2, IR dose: 5 mg up to 10 mg three times daily (R, H)"},
    {"above_usual_single_dose", ER, ANY, ANY, ANY, 30, ANY, ANY,
     "CF 2, ER: 15 mg once daily, up to 30 mg (R, H)"},
    {"above_max_daily_dose", IR, ANY, ANY, ANY, ANY, 30, ANY,
     "CF 2, IR dose: implied maximum 30 mg/day (R, H)"},
    {"above_max_daily_dose", ER, ANY, ANY, ANY, ANY, 30, ANY,
     "CF 2, ER: up to 30 mg once daily (R, H)"},
    {"above_max_daily_dose", ER, ANY, ANY, ANY, ANY, ANY, 1, "CF 2, ER: once daily (R, H)"},
};
const size_t bp_dose_rule_count = BP_COUNT(bp_dose_rules);
_Static_assert(BP_COUNT(bp_dose_rules) <= BP_DOSE_RULES_MAX,
               "dose rules must fit BP_DOSE_RULES_MAX");
