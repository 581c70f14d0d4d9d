/*
** bp_intervention.c: intervention recognition with negation (see
** bp_intervention.h). One scan of bp_match.c feeds both the relaxant
** finder and the clause logic below.
*/
#include "bp_intervention.h"

#include "bp_common.h"
#include "bp_match.h"
#include "bp_relaxant.h"

/* The mentions of one clause, or of all closed clauses, that still count. */
typedef struct {
  long code_row; /* first billing code, or -1 */
  int relaxant;  /* a relaxant mention */
  long name_row; /* most specific name (lowest row), or -1 */
} mentions;

typedef struct {
  bp_relaxant_finder relaxant;
  mentions kept;        /* from closed clauses */
  mentions clause;      /* from the clause being read */
  int negate_following; /* a negation before names holds in this clause */
  /* A ',' was seen and no mention since: whether it ends the clause is
  ** known at the next mention (yes) or clause end (no). Negation words
  ** after it wait until then. */
  int comma_pending;
  unsigned cues_after_comma; /* BP_NEGATES_* of the words after it */
} reader;

static void clear(mentions *m) {
  m->code_row = -1;
  m->relaxant = 0;
  m->name_row = -1;
}

static void merge(mentions *into, const mentions *from) {
  if (into->code_row < 0) into->code_row = from->code_row; /* the first in the text */
  into->relaxant |= from->relaxant;
  if (from->name_row >= 0 && (into->name_row < 0 || from->name_row < into->name_row)) {
    into->name_row = from->name_row;
  }
}

static void apply_cues(reader *r, unsigned cues) {
  if (cues & BP_NEGATES_PRECEDING) clear(&r->clause);
  if (cues & BP_NEGATES_FOLLOWING) r->negate_following = 1;
}

/* The clause ends: what it kept counts from now on. */
static void end_clause(reader *r) {
  if (r->comma_pending) apply_cues(r, r->cues_after_comma); /* that ',' ended nothing */
  merge(&r->kept, &r->clause);
  clear(&r->clause);
  r->negate_following = 0;
  r->comma_pending = 0;
  r->cues_after_comma = 0;
}

static void mention(reader *r, bp_match_list list, size_t row) {
  if (r->comma_pending) { /* the ',' before this mention ended a clause */
    unsigned cues = r->cues_after_comma;
    r->comma_pending = 0; /* end_clause must not apply the cues to the old clause */
    end_clause(r);
    if (cues & BP_NEGATES_FOLLOWING) r->negate_following = 1;
  }
  if (r->negate_following) return;
  if (list == BP_LIST_PROCEDURE_CODE) {
    if (r->clause.code_row < 0) r->clause.code_row = (long)row;
  } else if (list == BP_LIST_INTERVENTION_NAME) {
    if (r->clause.name_row < 0 || (long)row < r->clause.name_row) r->clause.name_row = (long)row;
  } else {
    r->clause.relaxant = 1;
  }
}

static void see_event(void *context, const bp_match_event *event) {
  reader *r = context;
  bp_relaxant_finder_see(&r->relaxant, event);
  switch (event->list) {
    case BP_LIST_PROCEDURE_CODE:
    case BP_LIST_INTERVENTION_NAME:
    case BP_LIST_RELAXANT_NAME:
    case BP_LIST_ATC_CODE:
      mention(r, event->list, event->row);
      break;
    case BP_LIST_NEGATION:
      if (r->comma_pending) {
        r->cues_after_comma |= bp_negations[event->row].negates;
      } else {
        apply_cues(r, bp_negations[event->row].negates);
      }
      break;
    case BP_LIST_CLAUSE_WORD:
      end_clause(r);
      break;
    case BP_LIST_CLAUSE_MARK:
      if (bp_clause_marks[event->row].kind == BP_CLAUSE_ENDS) {
        end_clause(r);
      } else {
        if (r->comma_pending) apply_cues(r, r->cues_after_comma); /* the last ',' ended nothing */
        r->comma_pending = 1;
        r->cues_after_comma = 0;
      }
      break;
    default:
      break;
  }
}

int bp_intervention_from_text(const char *text, size_t n, bp_intervention *out) {
  long id = bp_match_canonical_intervention(text, n);
  if (id >= 0) {
    *out = (bp_intervention)id;
    return 1;
  }
  long code = bp_match_code(text, n, BP_LIST_PROCEDURE_CODE);
  if (code >= 0) {
    *out = bp_procedure_codes[code].intervention;
    return 1;
  }
  reader r;
  bp_relaxant_finder_init(&r.relaxant);
  clear(&r.kept);
  clear(&r.clause);
  r.negate_following = 0;
  r.comma_pending = 0;
  r.cues_after_comma = 0;
  bp_match_scan(text, n, see_event, &r);
  end_clause(&r);

  bp_relaxant_product product;
  bp_relaxant_finder_result(&r.relaxant, &product);
  if (r.kept.code_row >= 0) {
    *out = bp_procedure_codes[r.kept.code_row].intervention;
  } else if (r.kept.relaxant && product.ingredient != NULL) {
    *out = BP_INT_MUSCLE_RELAXANT;
  } else if (r.kept.name_row >= 0) {
    *out = bp_intervention_names[r.kept.name_row].intervention;
  } else {
    return 0;
  }
  return 1;
}
