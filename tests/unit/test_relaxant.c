/*
** test_relaxant.c: recognition of muscle relaxant products (no SQLite).
** Real-looking prescription strings (RxNorm-style names, brands, salts, ER
** forms, combinations, ATC codes) and look-alike non-relaxants.
*/
#include <string.h>

#include "bp_common.h"
#include "bp_relaxant.h"
#include "tap.h"

typedef struct {
  const char *text;
  const char *ingredient; /* NULL: not a relaxant */
  int extended_release;
  int outside_back_pain;
} product_case;

static const product_case cases[] = {
    /* cyclobenzaprine: names, salts, strengths, forms */
    {"Cyclobenzaprine HCl 10 MG Oral Tablet", "cyclobenzaprine", 0, 0},
    {"cyclobenzaprine hydrochloride 7.5 MG Oral Tablet", "cyclobenzaprine", 0, 0},
    {"FLEXERIL 5mg", "cyclobenzaprine", 0, 0},
    {"Flexeril(R) 10mg tab", "cyclobenzaprine", 0, 0},
    {"Fexmid 7.5 MG Oral Tablet", "cyclobenzaprine", 0, 0},
    {"cyclobenzaprine10mg", "cyclobenzaprine", 0, 0},
    {"CYCLOBENZAPRINE-HCL 5MG TAB", "cyclobenzaprine", 0, 0},
    {"cyclobenzaprine_hcl 5 mg", "cyclobenzaprine", 0, 0},
    {"Amrix 15 mg ER capsule", "cyclobenzaprine", 1, 0},
    {"AMRIX 30 MG", "cyclobenzaprine", 1, 0},
    {"24 HR cyclobenzaprine hydrochloride 15 MG Extended Release Oral Capsule", "cyclobenzaprine",
     1, 0},
    {"Cyclobenzaprine ER 30mg cap", "cyclobenzaprine", 1, 0},
    {"cyclobenzaprine 15 mg extended-release capsule", "cyclobenzaprine", 1, 0},
    {"cyclobenzaprine 30 MG 24hr capsule", "cyclobenzaprine", 1, 0},
    /* products outside back pain: no relaxant for any function (API 4) */
    {"cyclobenzaprine 2.8 MG Sublingual Tablet", NULL, 0, 1},
    {"Tonmya (cyclobenzaprine HCl) 2.8 mg SL tablet", NULL, 0, 1},
    {"Tonmya (cyclobenzaprine) 2.8 mg SL", NULL, 0, 1},
    {"cyclobenzaprine 2.8 mg sublingual tablet", NULL, 0, 1},
    {"CYCLOBENZAPRINE 2.8MG SUB-LINGUAL TAB", NULL, 0, 1},
    {"cyclobenzaprine HCl 2.8 mg", NULL, 0, 1},
    {"TONMYA\xe2\x84\xa2 cyclobenzaprine", NULL, 0, 1},
    {"cyclobenzaprine 5 mg for fibromyalgia", NULL, 0, 1},
    /* the markers are cyclobenzaprine's: other relaxants stay */
    {"baclofen 10 mg SL", "baclofen", 0, 0},
    {"tizanidine 4 mg for fibromyalgia", "tizanidine", 0, 0},
    /* near misses of the markers */
    {"cyclobenzaprine 12.8 mg", "cyclobenzaprine", 0, 0},
    {"cyclobenzaprine 2.85 mg", "cyclobenzaprine", 0, 0},
    {"cyclobenzaprine slow taper", "cyclobenzaprine", 0, 0},
    /* the other seven ingredients, their brands and combinations */
    {"Carisoprodol 350 MG Oral Tablet", "carisoprodol", 0, 0},
    {"SOMA 250 mg tablet", "carisoprodol", 0, 0},
    {"Soma Compound", "carisoprodol", 0, 0},
    {"carisoprodol/aspirin/codeine 200-325-16 mg", "carisoprodol", 0, 0},
    {"methocarbamol 750", "methocarbamol", 0, 0},
    {"Robaxin-750", "methocarbamol", 0, 0},
    {"Methocarbamol 100 MG/ML Injectable Solution", "methocarbamol", 0, 0},
    {"metaxalone 800 MG Oral Tablet", "metaxalone", 0, 0},
    {"Skelaxin 800mg", "metaxalone", 0, 0},
    {"tiZANidine 4 MG Oral Tablet", "tizanidine", 0, 0},
    {"Zanaflex 2 mg capsule", "tizanidine", 0, 0},
    {"Tizanidine HCl 6 MG Oral Capsule", "tizanidine", 0, 0},
    {"chlorzoxazone 500 MG Oral Tablet", "chlorzoxazone", 0, 0},
    {"Parafon Forte DSC 500 mg", "chlorzoxazone", 0, 0},
    {"Lorzone 750 mg tablet", "chlorzoxazone", 0, 0},
    {"orphenadrine citrate 100 MG 12HR Extended Release Oral Tablet", "orphenadrine", 1, 0},
    {"Norflex 100mg", "orphenadrine", 0, 0},
    {"Orphenadrine/Aspirin/Caffeine 25-385-30 mg", "orphenadrine", 0, 0},
    {"Norgesic Forte", "orphenadrine", 0, 0},
    {"baclofen 10 MG Oral Tablet", "baclofen", 0, 0},
    {"Lioresal Intrathecal 0.05 mg/mL", "baclofen", 0, 0},
    {"Ozobax 5 mg/5 mL oral solution", "baclofen", 0, 0},
    {"FLEQSUVY 25 mg/5 mL suspension", "baclofen", 0, 0},
    {"Lyvispah 10 mg granules", "baclofen", 0, 0},
    /* Orange Book brands, marketed and discontinued */
    {"RELA 350 mg tablet", "carisoprodol", 0, 0},
    {"Soma Compound w/ Codeine", "carisoprodol", 0, 0},
    {"Robaxisal tablet", "methocarbamol", 0, 0},
    {"DELAXIN 500", "methocarbamol", 0, 0},
    {"Forbaxin 750 mg", "methocarbamol", 0, 0},
    {"Paraflex 250 mg", "chlorzoxazone", 0, 0},
    {"Strifon Forte DSC", "chlorzoxazone", 0, 0},
    {"Orphengesic Forte", "orphenadrine", 0, 0},
    {"INVAGESIC", "orphenadrine", 0, 0},
    {"Gablofen 500 mcg/mL intrathecal", "baclofen", 0, 0},
    {"Kemstro 10 mg ODT", "baclofen", 0, 0},
    {"Ozobax DS 10 mg/5 mL", "baclofen", 0, 0},
    /* real-world text: symbols, Unicode spaces and dashes, quotes (API 4) */
    {"Amrix\xc2\xae 15 mg", "cyclobenzaprine", 1, 0},
    {"Skelaxin\xe2\x84\xa2 800", "metaxalone", 0, 0},
    {"baclofen\xc2\xa0"
     "10 mg",
     "baclofen", 0, 0},
    {"baclofen\xe2\x80\x93"
     "10mg",
     "baclofen", 0, 0},
    {"baclofen\xe2\x80\x94"
     "10mg",
     "baclofen", 0, 0},
    {"\xe2\x80\x9cSoma\xe2\x80\x9d 350", "carisoprodol", 0, 0},
    {"\xe2\x80\x98Zanaflex\xe2\x80\x99", "tizanidine", 0, 0},
    {"Robaxin\xc2\xa9", "methocarbamol", 0, 0},
    {"tizanidine\xc2\xb7"
     "4mg",
     "tizanidine", 0, 0},
    {"baclofen\xe2\x80\xaf"
     "10 mg",
     "baclofen", 0, 0},
    {"baclofen\xe3\x80\x80"
     "10 mg",
     "baclofen", 0, 0},
    {"\xef\xbb\xbf"
     "baclofen",
     "baclofen", 0, 0},
    {"baclofen\xf0\x9f\x92\x8a", "baclofen", 0, 0},
    /* Latin-1 data: a byte that is not UTF-8 separates */
    {"Amrix\xae 15 mg", "cyclobenzaprine", 1, 0},
    {"\xff"
     "baclofen",
     "baclofen", 0, 0},
    {"baclofen\x80"
     "10",
     "baclofen", 0, 0},
    /* diacritics fold, composed or combining; fullwidth letters fold */
    {"baclof\xc3\xa9n 10 mg", "baclofen", 0, 0},
    {"BACLOFE\xcc\x81N", "baclofen", 0, 0},
    {"M\xc3\xa9thocarbamol 500", "methocarbamol", 0, 0},
    {"\xef\xbc\xa2\xef\xbc\xa1\xef\xbc\xa3\xef\xbc\xac\xef\xbc\xaf\xef\xbc\xa6\xef\xbc\xa5\xef\xbc"
     "\xae",
     "baclofen", 0, 0},
    /* letters without an ASCII base glue to the word */
    {"baclofen\xc3\x9f", NULL, 0, 0},
    {"\xce\xb1"
     "baclofen",
     NULL, 0, 0},
    {"baclofen\xc2\xb2", NULL, 0, 0},
    /* WHO ATC codes, any case, alone or in text */
    {"M03BX08", "cyclobenzaprine", 0, 0},
    {"ATC:M03BA03", "methocarbamol", 0, 0},
    {"m03bx02", "tizanidine", 0, 0},
    {"M03BA02 (ATC)", "carisoprodol", 0, 0},
    {"M03BB03", "chlorzoxazone", 0, 0},
    {"M03BC01", "orphenadrine", 0, 0},
    {"M03BX01", "baclofen", 0, 0},
    /* two relaxants: the first named wins */
    {"cyclobenzaprine and carisoprodol", "cyclobenzaprine", 0, 0},
    {"carisoprodol then cyclobenzaprine", "carisoprodol", 0, 0},
    /* look-alikes and other drugs */
    {"Ibuprofen 800 MG Oral Tablet", NULL, 0, 0},
    {"ibuprofen", NULL, 0, 0},
    {"amitriptyline 10 mg", NULL, 0, 0},
    {"cyclosporine 100 mg", NULL, 0, 0},
    {"cyproheptadine 4 mg", NULL, 0, 0},
    {"carbamazepine 200 mg", NULL, 0, 0},
    {"metolazone 5 mg", NULL, 0, 0},
    {"methimazole 10 mg", NULL, 0, 0},
    {"tinidazole 500 mg", NULL, 0, 0},
    {"carvedilol 6.25 mg", NULL, 0, 0},
    {"Tramadol HCl 50 MG Oral Tablet", NULL, 0, 0},
    {"diazepam 5 mg", NULL, 0, 0},
    {"dantrolene 25 mg", NULL, 0, 0},
    {"Tonmya 2.8 mg", NULL, 0, 0},
    {"Disipal 50 mg", NULL, 0, 0},
    {"somatropin 5 mg", NULL, 0, 0},
    /* names inside other words do not count */
    {"noncyclobenzaprine", NULL, 0, 0},
    {"cyclobenzaprinex 10 mg", NULL, 0, 0},
    {"xbaclofen", NULL, 0, 0},
    {"\xc3\xa9"
     "baclofen",
     NULL, 0, 0},
    {"M03BX08X", NULL, 0, 0},
    {"XM03BX08", NULL, 0, 0},
    {"M03BX088", NULL, 0, 0},
    {"M03AX01", NULL, 0, 0},
    {"N04AB02", NULL, 0, 0},
    {"", NULL, 0, 0},
    {"   ", NULL, 0, 0},
};

int main(void) {
  size_t n = BP_COUNT(cases);
  for (size_t i = 0; i < n; i++) {
    bp_relaxant_product p;
    bp_relaxant_classify(cases[i].text, strlen(cases[i].text), &p);
    const char *want = cases[i].ingredient;
    int same = (p.ingredient == NULL || want == NULL) ? p.ingredient == want
                                                      : strcmp(p.ingredient, want) == 0;
    same = same && p.extended_release == cases[i].extended_release &&
           p.outside_back_pain == cases[i].outside_back_pain;
    /* an excluded product names what was left out */
    if (same && cases[i].outside_back_pain) {
      same = p.excluded_ingredient != NULL && strcmp(p.excluded_ingredient, "cyclobenzaprine") == 0;
    } else if (same) {
      same = p.excluded_ingredient == NULL;
    }
    tap_ok(same, "'%s' -> %s%s%s", cases[i].text, want ? want : "NULL",
           cases[i].extended_release ? ", extended release" : "",
           cases[i].outside_back_pain ? ", outside back pain" : "");
    if (!same) {
      tap_diag("got %s er=%d outside=%d", p.ingredient ? p.ingredient : "NULL", p.extended_release,
               p.outside_back_pain);
    }
  }
  tap_ok(n >= 120, "at least 120 product strings (%zu)", n);
  return tap_done();
}
