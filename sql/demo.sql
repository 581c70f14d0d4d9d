-- sql/demo.sql: what `make demo` runs in the sqlite3 shell over the
-- generated cohort: every report, as readable tables. The reports
-- themselves are plain SQL (sql/*.sql); only this file uses shell
-- commands.
.load dist/backpain
.read sql/views.sql
.mode box
.print
.print ==== Relaxant audit: courses past the label's 21 days (sql/relaxant_audit.sql)
.read sql/relaxant_audit.sql
.print
.print ==== Cyclobenzaprine dose alerts (sql/dose_alerts.sql)
.read sql/dose_alerts.sql
.print
.print ==== Data quality: what the reports left out, and why (sql/data_quality.sql)
.read sql/data_quality.sql
.print
.print ==== Cohort: chronic low back pain with spasm (sql/cohort.sql)
.read sql/cohort.sql
.print
.print ==== Plans: the guideline's next steps per person (sql/plans.sql)
.read sql/plans.sql
.print
.print ==== Low-value care: TENS and lumbar supports (sql/low_value_care.sql)
.read sql/low_value_care.sql
