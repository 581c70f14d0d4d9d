-- sql/postgres/low_value_care.sql: how often do patients get the
-- treatments the guideline says to avoid (TENS, lumbar supports)?
-- sql/low_value_care.sql in PostgreSQL's dialect, with the same answers:
--   1. per avoided intervention: procedure rows, patients, and the evidence
--      row behind "avoid" (the view guideline_evidence);
--   2. the procedure texts and codes that were counted.
-- Procedures are mapped with intervention_code() (CPT/HCPCS codes and free
-- text), once per row (LATERAL ... OFFSET 0, as in sql/postgres/views.sql),
-- and joined to guideline_evidence rows whose recommendation is "avoid"
-- among physical modalities. Needs: CREATE EXTENSION backpain (this report
-- reads the OMOP table procedure_occurrence, not the views).

-- 1. Avoided interventions
SELECT e.intervention COLLATE "C" AS intervention, count(*) AS procedures,
       count(DISTINCT x.person_id) AS patients, e.id AS evidence_id, e.quality, e.statement
  FROM (SELECT p.person_id, k.code
          FROM procedure_occurrence AS p
         CROSS JOIN LATERAL (SELECT intervention_code(p.procedure_source_value) AS code OFFSET 0) AS k) AS x
  JOIN guideline_evidence AS e
    ON e.intervention = x.code AND e.recommendation = 'avoid' AND e.category = 'physical_modality'
 GROUP BY e.intervention, e.id, e.quality, e.statement
 ORDER BY procedures DESC, intervention;

-- 2. What was counted
SELECT k.intervention COLLATE "C" AS intervention,
       p.procedure_source_value COLLATE "C" AS procedure_source_value, count(*) AS procedures
  FROM procedure_occurrence AS p
 CROSS JOIN LATERAL (SELECT intervention_code(p.procedure_source_value) AS intervention OFFSET 0) AS k
 WHERE k.intervention IN (
         SELECT intervention FROM guideline_evidence
          WHERE recommendation = 'avoid' AND category = 'physical_modality')
 GROUP BY k.intervention, p.procedure_source_value
 ORDER BY intervention, procedures DESC, procedure_source_value;
