/*
** bp_courses.c: fills into courses (see bp_courses.h).
*/
#include "bp_courses.h"

#include <stdlib.h>

int64_t bp_course_span(const bp_course *course) { return (int64_t)course->end - course->start + 1; }

static int compare_fills(const void *pa, const void *pb) {
  const bp_fill *a = pa, *b = pb;
  if (a->start != b->start) return a->start < b->start ? -1 : 1;
  if (a->end != b->end) return a->end < b->end ? -1 : 1;
  return 0;
}

void bp_fills_sort(bp_fill *fills, size_t n) {
  if (n > 1) qsort(fills, n, sizeof(*fills), compare_fills);
}

void bp_course_builder_init(bp_course_builder *b, int64_t gap_days) {
  b->gap_days = gap_days;
  b->course_no = 0;
}

bp_fill_result bp_course_builder_add(bp_course_builder *b, bp_fill fill, bp_course *closed) {
  bp_course *c = &b->current;
  if (b->course_no > 0) {
    if (fill.start < b->last_start) return BP_FILL_OUT_OF_ORDER;
    int64_t uncovered = (int64_t)fill.start - c->end - 1;
    if (uncovered <= b->gap_days) {
      if (fill.end > c->end) {
        /* c->end was reached by a fill that started no later than this
        ** one, so the days from fill.start to c->end are covered already:
        ** only the days after both are new. */
        bp_day from = fill.start > c->end ? fill.start : c->end + 1;
        c->covered_days += (int64_t)fill.end - from + 1;
        c->end = fill.end;
      }
      c->fills++;
      b->last_start = fill.start;
      return BP_FILL_JOINED;
    }
    if (closed != NULL) *closed = *c;
  }
  b->course_no++;
  b->last_start = fill.start;
  c->start = fill.start;
  c->end = fill.end;
  c->covered_days = (int64_t)fill.end - fill.start + 1;
  c->fills = 1;
  return BP_FILL_NEW_COURSE;
}
