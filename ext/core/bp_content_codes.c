/*
** bp_content_codes.c: ICD-10-CM codes and the classes icd10_class()
** returns, from clinical-facts.md section 5 (CF 5) and the contract (API
** 3). V = verified in a VSAC value set or several code tables, R =
** recalled (treat as a lead), with confidence H/M/L, as CF 5 marks them.
** Codes are written without the dot. A prefix rule covers the code and
** every longer code that starts with it; the longest matching rule wins.
*/
#include "bp_content_codes.h"

#include "bp_common.h"

#define EXACT BP_ICD_EXACT
#define PREFIX BP_ICD_PREFIX

const bp_icd10_rule bp_icd10_rules[] = {
    /* Low back pain; M54.51 (vertebrogenic) is deliberately absent. */
    {"M545", EXACT, "low_back_pain", "CF 5: M54.5 Low back pain, header since FY2022 (V)"},
    {"M5450", EXACT, "low_back_pain", "CF 5: M54.50 Low back pain, unspecified (V)"},
    {"M5459", EXACT, "low_back_pain", "CF 5: M54.59 Other low back pain (V)"},
    {"M62830", EXACT, "muscle_spasm_back", "CF 5: M62.830 Muscle spasm of back (V, H)"},
    {"M543", PREFIX, "sciatica", "CF 5: M54.30-M54.32 Sciatica (V)"},
    {"M544", PREFIX, "sciatica", "CF 5: M54.40-M54.42 Lumbago with sciatica (V)"},
    {"M5415", EXACT, "radiculopathy", "CF 5: M54.15 Radiculopathy, thoracolumbar (V)"},
    {"M5416", EXACT, "radiculopathy", "CF 5: M54.16 Radiculopathy, lumbar (V)"},
    {"M5417", EXACT, "radiculopathy", "CF 5: M54.17 Radiculopathy, lumbosacral (V)"},
    {"M4726", EXACT, "radiculopathy", "CF 5: M47.26 Spondylosis with radiculopathy (V)"},
    {"M4727", EXACT, "radiculopathy", "CF 5: M47.27 Spondylosis with radiculopathy (V)"},
    {"M5116", EXACT, "radiculopathy",
     "CF 5: M51.16 Disc disorder with radiculopathy (R, H); API 3"},
    {"M5117", EXACT, "radiculopathy",
     "CF 5: M51.17 Disc disorder with radiculopathy (R, H); API 3"},
    {"M5126", PREFIX, "disc_disorder", "CF 5: M51.26 Other disc displacement, lumbar (V)"},
    {"M5127", PREFIX, "disc_disorder", "CF 5: M51.27 Other disc displacement, lumbosacral (V)"},
    {"M5136", PREFIX, "disc_disorder",
     "CF 5: M51.36 Disc degeneration, lumbar (V); 5-character children from Oct 2024 (R, M)"},
    {"M5137", PREFIX, "disc_disorder",
     "CF 5: M51.37 Disc degeneration, lumbosacral (V); children (R, M)"},
    {"M48061", EXACT, "spinal_stenosis",
     "CF 5: M48.061 Lumbar stenosis without neurogenic claudication (V)"},
    {"M48062", EXACT, "spinal_stenosis",
     "CF 5: M48.062 Lumbar stenosis with neurogenic claudication (V)"},
    /* Red-flag conditions */
    {"G834", EXACT, "red_flag_cauda_equina", "CF 5: G83.4 Cauda equina syndrome (R, H)"},
    {"C7951", EXACT, "red_flag_malignancy",
     "CF 5: C79.51 Secondary malignant neoplasm of bone (R, H)"},
    {"C412", EXACT, "red_flag_malignancy",
     "CF 5: C41.2 Malignant neoplasm of vertebral column (R, H)"},
    {"S320", PREFIX, "red_flag_fracture", "CF 5: S32.0- Fracture of lumbar vertebra (R, M-H)"},
    {"M8008", PREFIX, "red_flag_fracture",
     "CF 5: M80.08- Osteoporotic vertebral fracture (R, M-H)"},
    {"M4856", PREFIX, "red_flag_fracture", "CF 5: M48.56- Collapsed vertebra, lumbar (R, M-H)"},
    {"M462", PREFIX, "red_flag_infection", "CF 5: M46.2- Osteomyelitis of vertebra (V)"},
    {"M463", PREFIX, "red_flag_infection", "CF 5: M46.3- Infection of intervertebral disc (R)"},
    {"M4646", EXACT, "red_flag_infection", "CF 5: M46.46 Discitis, lumbar (V)"},
    {"G061", EXACT, "red_flag_infection", "CF 5: G06.1 Intraspinal abscess (R, H)"},
    {"M456", EXACT, "red_flag_inflammatory", "CF 5: M45.6 Ankylosing spondylitis, lumbar (V)"},
    {"M457", EXACT, "red_flag_inflammatory", "CF 5: M45.7 Ankylosing spondylitis, lumbosacral (V)"},
    {"M459", EXACT, "red_flag_inflammatory", "CF 5: M45.9 Ankylosing spondylitis, unspecified (V)"},
    {"M45A", PREFIX, "red_flag_inflammatory",
     "CF 5: M45.A- Non-radiographic axial spondyloarthritis (R, M)"},
    /* Red-flag findings (CF 5: R, M), classed by the red flag they signal (CF 6) */
    {"R634", EXACT, "red_flag_malignancy",
     "CF 5: R63.4 Abnormal weight loss; CF 6: unexplained weight loss"},
    {"Z85", PREFIX, "red_flag_malignancy",
     "CF 5: Z85.- History of malignant neoplasm; CF 6: history of cancer"},
    {"R509", EXACT, "red_flag_infection", "CF 5: R50.9 Fever; CF 6: fever"},
    {"D849", EXACT, "red_flag_infection", "CF 5: D84.9 Immunodeficiency; CF 6: immunosuppression"},
    {"R339", EXACT, "red_flag_cauda_equina",
     "CF 5: R33.9 Retention of urine; CF 6: bladder dysfunction"},
    {"R32", EXACT, "red_flag_cauda_equina",
     "CF 5: R32 Urinary incontinence; CF 6: bladder dysfunction"},
    {"R159", EXACT, "red_flag_cauda_equina",
     "CF 5: R15.9 Fecal incontinence; CF 6: lax anal sphincter"},
    {"Z7952", EXACT, "red_flag_fracture",
     "CF 5: Z79.52 Long-term systemic steroids; CF 6: prolonged steroids"},
};
const size_t bp_icd10_rule_count = BP_COUNT(bp_icd10_rules);
