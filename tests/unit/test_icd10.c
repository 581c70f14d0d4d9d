/*
** test_icd10.c: ICD-10-CM classes for cohort building (no SQLite). Codes
** and classes from the contract (section 3) and the decisions of
** docs/recognition.md, each code checked by hand in the CMS order files;
** with and without the dot, any case, and codes that do not exist.
*/
#include <string.h>

#include "bp_common.h"
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
    {"M48.06", "spinal_stenosis"}, /* valid FY2016-FY2017, a header since */
    {"M48.07", "spinal_stenosis"}, /* lumbosacral */
    {"M48.05", NULL},              /* thoracolumbar */
    {"M48.08", NULL},              /* sacral */
    {"M48.0", NULL},               /* header of every region */
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
    {"S32.10XA", "red_flag_fracture"}, /* sacrum */
    {"S32.2XXA", "red_flag_fracture"}, /* coccyx */
    {"S32.1", "red_flag_fracture"},    /* header: every child is a sacral fracture */
    {"S32.301A", NULL},                /* ilium: not the spine */
    {"S32.9XXA", NULL},                /* pelvis, unspecified */
    {"S32.0", "red_flag_fracture"},
    {"M48.50XA", "red_flag_fracture"}, /* collapsed vertebra, site unspecified */
    {"M48.52XA", "red_flag_fracture"}, /* cervical: the condition, any level */
    {"M48.57XS", "red_flag_fracture"}, /* lumbosacral */
    {"M48.56", "red_flag_fracture"},   /* header */
    {"M48.56XB", NULL},                /* no 7th character B for M48.5 */
    {"M48.46XA", "red_flag_fracture"}, /* fatigue fracture of vertebra */
    {"M80.08XK", "red_flag_fracture"},
    {"M80.88XA", "red_flag_fracture"}, /* other osteoporosis, vertebra */
    {"M80.051A", NULL},                /* femur */
    {"Z79.51", NULL},                  /* inhaled steroids */
    {"M46.25", "red_flag_infection"},
    {"M46.36", "red_flag_infection"},
    {"M46.46", "red_flag_infection"},
    {"M46.45", "red_flag_infection"}, /* discitis, any level */
    {"M46.47", "red_flag_infection"}, /* lumbosacral discitis */
    {"M46.50", "red_flag_infection"}, /* other infective spondylopathy */
    {"M46.1", NULL},                  /* sacroiliitis */
    {"M46.2", "red_flag_infection"},
    {"M46.2Z", NULL},                  /* no such code */
    {"G06.0", NULL},                   /* intracranial */
    {"R50.2", NULL},                   /* drug induced fever */
    {"D84.821", "red_flag_infection"}, /* immunodeficiency due to drugs, FY2021 on */
    {"D84.1", NULL},                   /* complement defects */
    {"G06.1", "red_flag_infection"},
    {"R50.9", "red_flag_infection"},
    {"D84.9", "red_flag_infection"},
    {"M45.6", "red_flag_inflammatory"},
    {"M45.7", "red_flag_inflammatory"},
    {"M45.9", "red_flag_inflammatory"},
    {"M45.A6", "red_flag_inflammatory"},
    {"M45.5", "red_flag_inflammatory"}, /* thoracolumbar: the disease, any level */
    {"M45.AB", "red_flag_inflammatory"},
    {"M45.A", "red_flag_inflammatory"},
    {"M45.AC", NULL},                  /* no such code */
    {"C79.31", "red_flag_malignancy"}, /* any secondary malignancy */
    {"C41.4", "red_flag_malignancy"},
    {"Z85.46", "red_flag_malignancy"},
    {"Z85.A", NULL},                   /* no such code */
    {"Z85.4A", "red_flag_malignancy"}, /* fallopian tube: new in FY2026 */
    {"Z85.4B", NULL},                  /* no such code */
    {"Z85.4A0", NULL},                 /* no such code */
    {"R63.0", NULL},
    {"R33.0", NULL},
    {"R15.2", NULL},
    {"G83.81", NULL},
    /* new and changed codes of the order files */
    {"M51.A0", "disc_disorder"}, /* annulus fibrosus defect, FY2023 on */
    {"M51.A5", "disc_disorder"},
    {"M51.A6", NULL}, /* no such code */
    {"M51.360", "disc_disorder"},
    {"M51.379", "disc_disorder"},
    {"M51.368", NULL}, /* no such code */
    {"M51.06", "disc_disorder"},
    {"M51.46", "disc_disorder"},
    {"M51.86", "disc_disorder"},
    {"M51.25", NULL}, /* thoracolumbar */
    {"M51.9", NULL},  /* region unspecified */
    {"M51.15", NULL}, /* thoracolumbar: API 3 lists the lumbar and lumbosacral ones */
    {"M47.28", NULL}, /* sacral */
    {"M54.18", NULL}, /* sacral */
    {"M54.10", NULL},
    {"M54.9", NULL},
    {"M54.89", NULL},
    {"M62.85", NULL}, /* multifidus dysfunction, FY2025 */
    {"M43.16", NULL}, /* spondylolisthesis */
    {"M50.20", NULL}, /* cervical */
    /* well shaped, but not ICD-10-CM codes */
    {"M54.39", NULL},
    {"M54.52", NULL},
    {"M51.260", NULL},
    {"M62.8300", NULL},
    {"M62.83", NULL},                 /* a real header whose children differ */
    {"S32.010", "red_flag_fracture"}, /* a real header (no 7th character) */
    {"S32.013A", NULL},               /* no such code */
    {"S32.010Z", NULL},               /* no such 7th character */
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
  size_t n = BP_COUNT(cases);
  for (size_t k = 0; k < n; k++) {
    tap_is_str(bp_icd10_class(cases[k].code, strlen(cases[k].code)), cases[k].want, "'%s'",
               cases[k].code);
  }
  tap_ok(n >= 140, "at least 140 codes (%zu)", n);
  return tap_done();
}
