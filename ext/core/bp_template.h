/*
** bp_template.h: content text that names its numbers. A reason in the
** content tables that states a limit does not write the number; it names
** it, as in "More than {max_days} days of use", and the plan engine renders
** it with the value from the table that holds it, so that changing the
** table changes the text (bp_content_plan.h lists the names).
**
** A placeholder is {name}, a name of letters, digits and underscores. Text
** outside placeholders is copied as it is; content text has no other brace.
*/
#ifndef BP_TEMPLATE_H
#define BP_TEMPLATE_H

#include <stddef.h>

/* A value a template may name, and its text. */
typedef struct {
  const char *name;
  const char *text;
} bp_template_value;

/* What bp_template_render returns for a template it cannot render. */
#define BP_TEMPLATE_BAD ((size_t)-1)

/*
** Writes `text` with each {name} replaced by the text of the value of that
** name to out (size bytes, NUL-terminated when size > 0, cut to fit).
** Returns the length of the whole rendering, which is size or more when
** it was cut, or BP_TEMPLATE_BAD when the text names a value not among
** values, or has a '{' that no name and '}' follow.
*/
size_t bp_template_render(const char *text, const bp_template_value *values, size_t count,
                          char *out, size_t size);

#endif
