/*
** tests/support/function_examples.h: a valid call of every SQL function,
** for the C API tests that run every function (bad_input.c, no_writes.c,
** schema_safety.c). The functions they run come from the engine's list
** (every_function.h); this table only gives, per function, the argument
** names errors use and valid arguments, and the tests fail when it and
** the engine's list differ (ef_compare).
**
** A row covers the arities min_args to max_args: a call with n arguments
** takes the first n of each column. pain_phase has a row per arity, since
** its one-argument form is another argument. recommend_plan (any number of
** arguments) gives key, value pairs instead, up to the first NULL.
*/
#ifndef BP_FUNCTION_EXAMPLES_H
#define BP_FUNCTION_EXAMPLES_H

#include "every_function.h"

#define EXAMPLE_MAX_ARGS 8

typedef struct {
  ef_signature sig;
  const char *args[EXAMPLE_MAX_ARGS];     /* the names error messages give the arguments */
  const char *literals[EXAMPLE_MAX_ARGS]; /* a valid SQL literal for each */
  /* a valid expression for each over a row of a table with the columns
  ** drug, s (start), e (end), code and therapy */
  const char *columns[EXAMPLE_MAX_ARGS];
  int null_allowed_arg; /* a non-NULL value here may give NULL (unrecognised text); -1: none */
} function_example;

static const function_example function_examples[] = {
    {{"backpain_version", 's', 0, 0}, {NULL}, {NULL}, {NULL}, -1},
    {{"relaxant_ingredient", 's', 1, 1}, {"drug"}, {"'cyclobenzaprine'"}, {"drug"}, 0},
    {{"relaxant_end", 's', 2, 2},
     {"start", "days_supply"},
     {"'2024-01-01'", "10"},
     {"s", "14"},
     -1},
    {{"relaxant_days", 's', 2, 2},
     {"start", "end"},
     {"'2024-01-01'", "'2024-01-10'"},
     {"s", "e"},
     -1},
    {{"relaxant_overdue", 's', 2, 4},
     {"start", "end", "as_of", "max_days"},
     {"'2024-01-01'", "'2024-01-10'", "'2024-01-05'", "21"},
     {"s", "e", "'2024-02-01'", "10"},
     -1},
    {{"relaxant_courses", 'a', 2, 5},
     {"start", "end", "gap_days", "max_days", "as_of"},
     {"'2024-01-01'", "'2024-01-10'", "7", "21", "'2024-01-05'"},
     {"s", "e", "3", "14", "'2024-06-30'"},
     -1},
    {{"relaxant_longest_course", 'a', 2, 4},
     {"start", "end", "gap_days", "as_of"},
     {"'2024-01-01'", "'2024-01-10'", "7", "'2024-01-05'"},
     {"s", "e", "30", "'2024-06-30'"},
     -1},
    {{"relaxant_course_no", 'w', 2, 4},
     {"start", "end", "gap_days", "as_of"},
     {"'2024-01-01'", "'2024-01-10'", "7", "'2024-01-05'"},
     {"s", "e", "30", "'2024-06-30'"},
     -1},
    {{"relaxant_dose_alerts", 's', 3, 5},
     {"drug", "dose_mg", "doses_per_day", "hepatic", "age"},
     {"'cyclobenzaprine 10 mg'", "10", "3", "'mild'", "70"},
     {"drug", "10", "3", "'mild'", "70"},
     0},
    {{"intervention_code", 's', 1, 1}, {"text"}, {"'yoga'"}, {"therapy"}, 0},
    {{"pain_phase", 's', 1, 1}, {"weeks"}, {"8"}, {"relaxant_days(s, e) / 7.0"}, -1},
    {{"pain_phase", 's', 2, 2},
     {"onset", "as_of"},
     {"'2024-01-01'", "'2024-03-01'"},
     {"s", "e"},
     -1},
    {{"icd10_class", 's', 1, 1}, {"code"}, {"'M54.5'"}, {"code"}, 0},
    {{"recommend_plan", 's', -1, -1},
     {NULL},
     {"'pain_weeks'", "20", "'spasm'", "1", "'relaxant_days'", "10", "'hepatic'", "'mild'"},
     {"'onset'", "s", "'as_of'", "e", "'tried'", "therapy", "'spasm'", "1"},
     -1},
};

/* The example for (name, narg), or NULL. */
static inline const function_example *function_example_for(const char *name, int narg) {
  return (const function_example *)(const void *)EF_FIND(function_examples, name, narg);
}

/*
** Appends "name(a, b, ...)" to sql, with the first narg entries of
** `values` (the example's literals or columns) as arguments; for any
** number of arguments (narg -1), every entry up to the first NULL.
*/
static inline void function_example_call(sqlite3_str *sql, const function_example *example,
                                         int narg, const char *const *values) {
  sqlite3_str_appendf(sql, "%s(", example->sig.name);
  for (int a = 0; a < EXAMPLE_MAX_ARGS && (narg < 0 ? values[a] != NULL : a < narg); a++) {
    sqlite3_str_appendf(sql, "%s%s", a ? ", " : "", values[a]);
  }
  sqlite3_str_appendall(sql, ")");
}

#endif
