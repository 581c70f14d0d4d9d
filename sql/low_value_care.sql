-- sql/low_value_care.sql: how often do patients get the treatments the
-- guideline says to avoid (TENS, lumbar supports)?
-- Answers:
--   1. per avoided intervention: procedure rows, patients, and the evidence
--      row behind "avoid" (guideline_evidence);
--   2. the procedure texts and codes that were counted.
-- Procedures are mapped with intervention_code() (CPT/HCPCS codes and free
-- text) and joined to guideline_evidence rows whose recommendation is
-- "avoid" among physical modalities. Needs: .load dist/backpain.

-- 1. Avoided interventions
SELECT e.intervention, count(*) AS procedures, count(DISTINCT x.person_id) AS patients,
       e.id AS evidence_id, e.quality, e.statement
  FROM (SELECT person_id, intervention_code(procedure_source_value) AS code
          FROM procedure_occurrence) AS x
  JOIN guideline_evidence AS e
    ON e.intervention = x.code AND e.recommendation = 'avoid' AND e.category = 'physical_modality'
 GROUP BY e.intervention, e.id
 ORDER BY procedures DESC, e.intervention;

-- 2. What was counted
SELECT intervention, procedure_source_value, count(*) AS procedures
  FROM (SELECT intervention_code(procedure_source_value) AS intervention, procedure_source_value
          FROM procedure_occurrence LIMIT -1 OFFSET 0) -- one call per row (not flattened)
 WHERE intervention IN (
         SELECT intervention FROM guideline_evidence
          WHERE recommendation = 'avoid' AND category = 'physical_modality')
 GROUP BY intervention, procedure_source_value
 ORDER BY intervention, procedures DESC, procedure_source_value;
