/*
** sql_functions.h: the C callbacks behind every SQL function, declared in
** one place for the registration table in backpain.c. Each binding file
** (sql_*.c) defines the callbacks of one contract section.
*/
#ifndef BP_SQL_FUNCTIONS_H
#define BP_SQL_FUNCTIONS_H

#include "sqlite3ext.h"

/* sql_relaxant.c: contract section 2 */
void bp_sql_relaxant_ingredient(sqlite3_context *, int, sqlite3_value **);
void bp_sql_relaxant_end(sqlite3_context *, int, sqlite3_value **);
void bp_sql_relaxant_days(sqlite3_context *, int, sqlite3_value **);
void bp_sql_relaxant_overdue(sqlite3_context *, int, sqlite3_value **);
void bp_sql_collect_fill_step(sqlite3_context *, int, sqlite3_value **);
void bp_sql_relaxant_courses_final(sqlite3_context *);
void bp_sql_relaxant_longest_course_final(sqlite3_context *);
void bp_sql_relaxant_course_no_step(sqlite3_context *, int, sqlite3_value **);
void bp_sql_relaxant_course_no_value(sqlite3_context *);
void bp_sql_relaxant_course_no_inverse(sqlite3_context *, int, sqlite3_value **);
void bp_sql_relaxant_course_no_final(sqlite3_context *);
void bp_sql_relaxant_dose_alerts(sqlite3_context *, int, sqlite3_value **);

/* sql_guideline.c: contract section 3 */
void bp_sql_intervention_code(sqlite3_context *, int, sqlite3_value **);
void bp_sql_pain_phase(sqlite3_context *, int, sqlite3_value **);
void bp_sql_icd10_class(sqlite3_context *, int, sqlite3_value **);
void bp_sql_recommend_plan(sqlite3_context *, int, sqlite3_value **);

/* sql_evidence.c: the guideline_evidence virtual table */
int bp_sql_register_evidence(sqlite3 *db);

#endif
