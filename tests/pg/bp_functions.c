/*
** bp_functions.c: prints the core's one list of SQL functions,
** bp_functions[], one line per function
** (name|min_args|max_args|kind|returns|arguments; the arguments as the
** core writes them, "start, end [, as_of]", may hold a "|" themselves), for
** tests/pg/surface.py, which checks that the PostgreSQL install script
** declares exactly these functions, and tests/pg/differential.py, which
** calls each of them in every arity. Linked with the core alone.
*/
#include <stdio.h>

#include "bp_calls.h"

int main(void) {
  static const char *const kinds[] = {
      [BP_KIND_SCALAR] = "scalar", [BP_KIND_AGGREGATE] = "aggregate", [BP_KIND_WINDOW] = "window"};
  for (size_t i = 0; i < bp_function_count; i++) {
    const bp_function_info *f = &bp_functions[i];
    printf("%s|%d|%d|%s|%s|%s\n", f->name, f->min_args, f->max_args, kinds[f->kind], f->returns,
           f->arguments);
  }
  return 0;
}
