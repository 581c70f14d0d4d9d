/*
** bp_content_relaxant.c: backpain's clinical content, one sourced row per fact.
** See bp_content.h for the row types and the citation keys (CF, GS, API).
** Grades in a source string (V = verified, R = recalled; H/M/L
** confidence) are those clinical-facts.md gives.
*/
#include "bp_content_relaxant.h"

#include "bp_common.h"

/* ---- Muscle relaxants ---------------------------------------------- */

/* The eight ingredients of API section 2 and their US brand names from
** CF section 4. Brands listed elsewhere only (Tonmya, CF section 2: a
** fibromyalgia product) are deliberately absent. */
const bp_relaxant_name bp_relaxant_names[] = {
    {{{"cyclobenzaprine"}}, "cyclobenzaprine", 0, "CF 4, ingredient"},
    {{{"flexeril"}}, "cyclobenzaprine", 0, "CF 4, US brand (discontinued)"},
    {{{"fexmid"}}, "cyclobenzaprine", 0, "CF 4, US brand"},
    {{{"amrix"}}, "cyclobenzaprine", 1, "CF 2 and 4, ER capsules 15/30 mg"},
    {{{"carisoprodol"}}, "carisoprodol", 0, "CF 4, ingredient"},
    {{{"soma"}}, "carisoprodol", 0, "CF 4, US brand"},
    {{{"methocarbamol"}}, "methocarbamol", 0, "CF 4, ingredient"},
    {{{"robaxin"}}, "methocarbamol", 0, "CF 4, US brand"},
    {{{"metaxalone"}}, "metaxalone", 0, "CF 4, ingredient"},
    {{{"skelaxin"}}, "metaxalone", 0, "CF 4, US brand"},
    {{{"tizanidine"}}, "tizanidine", 0, "CF 4, ingredient"},
    {{{"zanaflex"}}, "tizanidine", 0, "CF 4, US brand"},
    {{{"chlorzoxazone"}}, "chlorzoxazone", 0, "CF 4, ingredient"},
    {{{"parafon"}}, "chlorzoxazone", 0, "CF 4, US brand Parafon Forte DSC"},
    {{{"lorzone"}}, "chlorzoxazone", 0, "CF 4, US brand"},
    {{{"orphenadrine"}}, "orphenadrine", 0, "CF 4, ingredient"},
    {{{"norflex"}}, "orphenadrine", 0, "CF 4, US brand (discontinued)"},
    {{{"norgesic"}}, "orphenadrine", 0, "CF 4, US brand (combination)"},
    {{{"baclofen"}}, "baclofen", 0, "CF 4, ingredient"},
    {{{"lioresal"}}, "baclofen", 0, "CF 4, US brand (intrathecal)"},
    {{{"ozobax"}}, "baclofen", 0, "CF 4, US brand"},
    {{{"fleqsuvy"}}, "baclofen", 0, "CF 4, US brand"},
    {{{"lyvispah"}}, "baclofen", 0, "CF 4, US brand"},
};
const size_t bp_relaxant_name_count = BP_COUNT(bp_relaxant_names);

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

const bp_marker bp_extended_release_phrases[] = {
    {{{"er"}}, "API 2, relaxant_dose_alerts: ER"},
    {{{"extended", "release"}}, "API 2: \"extended release\""},
    {{{"24", "hr"}}, "API 2: 24 hr capsules"},
    {{{"24", "hour"}}, "API 2: 24 hr capsules"},
};
const size_t bp_extended_release_phrase_count = BP_COUNT(bp_extended_release_phrases);

const bp_marker bp_outside_back_pain_phrases[] = {
    {{{"tonmya"}}, "CF 2: Tonmya, fibromyalgia; API 2"},
    {{{"sublingual"}}, "CF 2: Tonmya is sublingual; API 2"},
    {{{"fibromyalgia"}}, "CF 2: Tonmya indication; API 2"},
};
const size_t bp_outside_back_pain_phrase_count = BP_COUNT(bp_outside_back_pain_phrases);

const char bp_dose_rule_ingredient[] = "cyclobenzaprine";

/* ---- Relaxant duration ---------------------------------------------- */

const bp_sourced_int bp_relaxant_max_days = {
    21, "CF 2 and GS: \"only for short periods (up to two or three weeks)\""};

const bp_sourced_int bp_relaxant_gap_days = {
    7, "API 2 default; a design choice, not from the clinical references"};

/* ---- Cyclobenzaprine label rules ------------------------------------ */

const char *const bp_hepatic_names[BP_HEPATIC_COUNT] = {"none", "mild", "moderate", "severe"};

#define ANY BP_RULE_ANY
#define IR BP_RELEASE_IMMEDIATE
#define ER BP_RELEASE_EXTENDED

const bp_dose_rule bp_dose_rules[] = {
    {"hepatic_not_recommended", IR, BP_HEPATIC_MODERATE, BP_HEPATIC_SEVERE, ANY, ANY, ANY, ANY,
     "CF 2, Hepatic: moderate/severe not recommended (R, H)"},
    {"hepatic_not_recommended", ER, BP_HEPATIC_MILD, BP_HEPATIC_SEVERE, ANY, ANY, ANY, ANY,
     "CF 2, ER: not recommended in any hepatic impairment (R, M)"},
    {"hepatic_start_5mg", IR, BP_HEPATIC_MILD, BP_HEPATIC_MILD, ANY, 5, ANY, ANY,
     "CF 2, Hepatic: mild, start 5 mg and titrate slowly (R, H); GS"},
    {"elderly_start_5mg", IR, ANY, ANY, 65, 5, ANY, ANY,
     "CF 2, Elderly: start 5 mg and titrate slowly (R, H); age 65: API 2"},
    {"elderly_er_not_recommended", ER, ANY, ANY, 65, ANY, ANY, ANY,
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
