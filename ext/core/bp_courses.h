/*
** bp_courses.h: merging muscle relaxant fills into courses, with no SQLite
** dependency and no allocation (callers own every array).
**
** A course is a maximal chain of fills, taken in start order, in which each
** fill starts no more than gap_days uncovered days after the latest end so
** far (uncovered days between end E and the next start S: S - E - 1).
** Overlapping and adjacent fills always join; overlapping supply is not
** carried forward. See docs/reference.md.
*/
#ifndef BP_COURSES_H
#define BP_COURSES_H

#include <stddef.h>
#include <stdint.h>

#include "bp_date.h"

typedef struct {
  bp_day start;
  bp_day end; /* last day taken; end >= start */
} bp_fill;

typedef struct {
  bp_day start;
  bp_day end;           /* last covered day */
  int64_t covered_days; /* distinct days covered by at least one fill */
  int64_t fills;
} bp_course;

/* span_days of a course: end - start + 1. */
int64_t bp_course_span(const bp_course *course);

/* Sorts fills by start, then end. */
void bp_fills_sort(bp_fill *fills, size_t n);

/*
** Builds courses from fills that arrive in ascending start order. Start
** with bp_course_builder_init; course_no is 0 before the first fill and
** then the 1-based number of the course the last fill joined.
*/
typedef struct {
  int64_t gap_days;
  int64_t course_no;
  bp_day last_start; /* start of the last fill added */
  bp_course current; /* the course being built, valid when course_no > 0 */
} bp_course_builder;

void bp_course_builder_init(bp_course_builder *b, int64_t gap_days);

typedef enum {
  BP_FILL_JOINED = 0,      /* the fill joined the current course */
  BP_FILL_NEW_COURSE = 1,  /* the fill began a new course */
  BP_FILL_OUT_OF_ORDER = 2 /* it starts before the previous fill: ignored */
} bp_fill_result;

/*
** Adds a fill. On BP_FILL_NEW_COURSE with course_no > 1 afterwards, the
** course it closed is written to *closed (when closed is not NULL).
*/
bp_fill_result bp_course_builder_add(bp_course_builder *b, bp_fill fill, bp_course *closed);
#endif
