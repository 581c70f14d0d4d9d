/*
** test_icd10.c: ICD-10-CM classes for cohort building (no SQLite). Codes
** and classes from clinical-facts.md section 5 and sql-api.md section 3,
** with and without the dot, any case, and near misses.
*/
#include <string.h>

#include "bp_icd10.h"
#include "tap.h"

typedef struct {
  const char *code;
  const char *want;
} icd_case;

static const icd_case cases[] = {
    {"M54.5", "low_back_pain"},
    {"M545", "low_back_pain"},
    {"m54.5", "low_back_pain"},
    {"M54.50", "low_back_pain"},
    {"M5459", "low_back_pain"},
    {"M54.51", NULL}, /* vertebrogenic: not nonspecific low back pain */
    {"M5451", NULL},
    {"M62.830", "muscle_spasm_back"},
    {"m62830", "muscle_spasm_back"},
    {"M62.831", NULL}, /* calf */
    {"M62.838", NULL}, /* other muscle spasm */
    {"M54.3", "sciatica"},
    {"M54.30", "sciatica"},
    {"M54.31", "sciatica"},
    {"M54.32", "sciatica"},
    {"M54.40", "sciatica"},
    {"M54.41", "sciatica"},
    {"M5442", "sciatica"},
    {"M54.15", "radiculopathy"},
    {"M54.16", "radiculopathy"},
    {"M54.17", "radiculopathy"},
    {"M54.14", NULL}, /* thoracic */
    {"M47.26", "radiculopathy"},
    {"M47.27", "radiculopathy"},
    {"M51.16", "radiculopathy"},
    {"M51.17", "radiculopathy"},
    {"M51.26", "disc_disorder"},
    {"M51.27", "disc_disorder"},
    {"M51.36", "disc_disorder"},
    {"M51.360", "disc_disorder"},
    {"M51.37", "disc_disorder"},
    {"M48.061", "spinal_stenosis"},
    {"M48.062", "spinal_stenosis"},
    {"M48.06", NULL},
    {"G83.4", "red_flag_cauda_equina"},
    {"R33.9", "red_flag_cauda_equina"},
    {"R32", "red_flag_cauda_equina"},
    {"R15.9", "red_flag_cauda_equina"},
    {"C79.51", "red_flag_malignancy"},
    {"C41.2", "red_flag_malignancy"},
    {"Z85.3", "red_flag_malignancy"},
    {"Z85", "red_flag_malignancy"},
    {"R63.4", "red_flag_malignancy"},
    {"S32.010A", "red_flag_fracture"},
    {"S32.0", "red_flag_fracture"},
    {"M80.08XA", "red_flag_fracture"},
    {"M48.56XA", "red_flag_fracture"},
    {"Z79.52", "red_flag_fracture"},
    {"S32.1", NULL}, /* sacrum: not in the reference list */
    {"M46.25", "red_flag_infection"},
    {"M46.36", "red_flag_infection"},
    {"M46.46", "red_flag_infection"},
    {"M46.45", NULL},
    {"G06.1", "red_flag_infection"},
    {"R50.9", "red_flag_infection"},
    {"D84.9", "red_flag_infection"},
    {"M45.6", "red_flag_inflammatory"},
    {"M45.7", "red_flag_inflammatory"},
    {"M45.9", "red_flag_inflammatory"},
    {"M45.A6", "red_flag_inflammatory"},
    {"M45.5", NULL},
    /* layout */
    {" M54.5 ", "low_back_pain"},
    {"\tM54.5\r\n", "low_back_pain"},
    {"M45.a6", "red_flag_inflammatory"},
    {"M5{5", NULL},
    {"M54.5\x01", NULL},
    {"M5.45", NULL},
    {"M54..5", NULL},
    {"M54.5.", NULL},
    {"M54.", NULL},
    {"M54", NULL},
    {"M5", NULL},
    {"545", NULL},
    {"M54 5", NULL},
    {"M54.500000", NULL},
    {"I10", NULL},
    {"E11.9", NULL},
    {"S39.012A", NULL},
    {"", NULL},
};

int main(void) {
  size_t n = sizeof(cases) / sizeof(cases[0]);
  for (size_t k = 0; k < n; k++) {
    tap_is_str(bp_icd10_class(cases[k].code, strlen(cases[k].code)), cases[k].want, "'%s'",
               cases[k].code);
  }
  tap_ok(n >= 30, "at least 30 codes (%zu)", n);
  return tap_done();
}
