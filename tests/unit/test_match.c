/*
** test_match.c: the matcher of bp_match.c (no SQLite): every word of the
** content can be matched at all; a scan reports phrases, codes and clause
** marks in text order with their token spans (worked out by hand for each
** text below); code runs need ASCII letters and digits with nothing
** between them; the fast paths agree with the scan.
*/
#include <string.h>

#include "bp_common.h"
#include "bp_content_interventions.h"
#include "bp_content_relaxant.h"
#include "bp_match.h"
#include "tap.h"

/* A phrase token can match only if it is 1 to BP_TOKEN_MAX lower-case
** ASCII letters, or digits: the scanner splits letters from digits. */
static int matchable(const char *token) {
  size_t n = strlen(token), letters = 0, digits = 0;
  for (size_t i = 0; i < n; i++) {
    letters += token[i] >= 'a' && token[i] <= 'z';
    digits += token[i] >= '0' && token[i] <= '9';
  }
  return n > 0 && n <= BP_TOKEN_MAX && (letters == n || digits == n);
}

static size_t unmatchable_tokens(const void *rows, size_t count, size_t row_size) {
  size_t bad = 0;
  for (size_t r = 0; r < count; r++) {
    const bp_phrase *phrase = (const bp_phrase *)((const char *)rows + r * row_size);
    if (phrase->tokens[0] == NULL) bad++;
    for (size_t k = 0; k < BP_PHRASE_MAX_TOKENS && phrase->tokens[k] != NULL; k++) {
      if (!matchable(phrase->tokens[k])) {
        tap_diag("token '%s' can never match", phrase->tokens[k]);
        bad++;
      }
    }
  }
  return bad;
}

static void test_content_words(void) {
  size_t bad =
      unmatchable_tokens(bp_relaxant_names, bp_relaxant_name_count, sizeof(bp_relaxant_names[0])) +
      unmatchable_tokens(bp_extended_release_phrases, bp_extended_release_phrase_count,
                         sizeof(bp_extended_release_phrases[0])) +
      unmatchable_tokens(bp_outside_back_pain_phrases, bp_outside_back_pain_phrase_count,
                         sizeof(bp_outside_back_pain_phrases[0])) +
      unmatchable_tokens(bp_intervention_names, bp_intervention_name_count,
                         sizeof(bp_intervention_names[0])) +
      unmatchable_tokens(bp_negations, bp_negation_count, sizeof(bp_negations[0])) +
      unmatchable_tokens(bp_clause_words, bp_clause_word_count, sizeof(bp_clause_words[0]));
  tap_is_int((long long)bad, 0, "every phrase token of the content can match");
}

#define EVENTS_MAX 32

typedef struct {
  bp_match_event events[EVENTS_MAX];
  size_t count;
} recorder;

static void record(void *context, const bp_match_event *event) {
  recorder *r = context;
  if (r->count < EVENTS_MAX) r->events[r->count] = *event;
  r->count++;
}

/* Writes the events as "list:first-last" joined by spaces (rows left out,
** except for clause marks, which show their character). */
static void describe(const recorder *r, char *out, size_t size) {
  static const char *const names[BP_LIST_COUNT] = {
      "name", "er", "outside", "intervention", "negation", "clause", "atc", "code", "mark"};
  size_t used = 0;
  out[0] = '\0';
  for (size_t i = 0; i < r->count && i < EVENTS_MAX; i++) {
    const bp_match_event *e = &r->events[i];
    int written;
    if (e->list == BP_LIST_CLAUSE_MARK) {
      written = snprintf(out + used, size - used, "%s%c@%zu", i ? " " : "",
                         bp_clause_marks[e->row].mark, e->first_token);
    } else {
      written = snprintf(out + used, size - used, "%s%s:%zu-%zu", i ? " " : "", names[e->list],
                         e->first_token, e->last_token);
    }
    if (written < 0 || (size_t)written >= size - used) break;
    used += (size_t)written;
  }
}

static void test_scan(void) {
  static const struct {
    const char *text;
    const char *want;
  } cases[] = {
      /* tokens: amrix(0) er(1) no(2) 97110(3) m(4) 03(5) bx(6) 08(7) */
      {"Amrix ER; no 97110, M03BX08.", "name:0-0 er:1-1 ;@2 negation:2-2 code:3-3 ,@4 atc:4-7 .@8"},
      /* 24(0) hr(1): letters and digits are separate tokens */
      {"24hr", "er:0-1"},
      /* a phrase of four words, across a hyphen and a dash */
      {"mindfulness-based stress\xe2\x80\x93reduction", "intervention:0-0"},
      {"low level laser", "intervention:0-2 intervention:2-2"},
      /* a decimal point is no mark; a full stop after a number is */
      {"7.5 mg. x", ".@3"},
      /* codes need a whole ASCII run of the right length */
      {"E0720x", ""},
      {"xE0720", ""},
      {"E07 20", ""},
      {"\xc3\x89"
       "0720",
       ""},
      {"e0720", "code:0-1"},
      /* a name inside a longer word is no name */
      {"cyclobenzaprinex noncyclobenzaprine", ""},
      /* an invalid byte separates; a combining mark does not */
      {"\xae"
       "baclofen\xae",
       "name:0-0"},
      {"bacl\xcc\x81ofen", "name:0-0"},
      /* a token longer than BP_TOKEN_MAX matches nothing */
      {"baclofenbaclofenbaclofenbaclofenbaclofenbaclofen", ""},
      {"", ""},
  };
  for (size_t i = 0; i < BP_COUNT(cases); i++) {
    recorder r = {.count = 0};
    char got[512];
    bp_match_scan(cases[i].text, strlen(cases[i].text), record, &r);
    describe(&r, got, sizeof(got));
    tap_is_str(got, cases[i].want, "scan of '%s'", cases[i].text);
  }
}

static void test_fast_paths(void) {
  tap_is_int(bp_match_canonical_intervention("TENS", 4), BP_INT_TENS, "canonical id, upper case");
  tap_is_int(bp_match_canonical_intervention("tens ", 5), -1, "a canonical id with a space");
  tap_is_int(bp_match_canonical_intervention("", 0), -1, "empty text");
  /* found by fuzz_recognise: a NUL inside the text once matched (and read
  ** past the id) */
  tap_is_int(bp_match_canonical_intervention("spinal_manipulation\0", 20), -1,
             "a canonical id followed by a NUL byte");
  tap_is_int(bp_match_code("E0720\0", 6, BP_LIST_PROCEDURE_CODE), -1, "a code and a NUL byte");
  long row = bp_match_code("l0651", 5, BP_LIST_PROCEDURE_CODE);
  tap_ok(row >= 0 && strcmp(bp_procedure_codes[row].code, "L0651") == 0, "a code, lower case");
  tap_is_int(bp_match_code("L0651", 5, BP_LIST_ATC_CODE), -1, "a code of another list");
  tap_is_int(bp_match_code("M03BX0", 6, BP_LIST_ATC_CODE), -1, "a cut ATC code");
  row = bp_match_code("m03bx08", 7, BP_LIST_ATC_CODE);
  tap_ok(row >= 0 && strcmp(bp_relaxant_atcs[row].ingredient, "cyclobenzaprine") == 0,
         "an ATC code, lower case");
}

int main(void) {
  test_content_words();
  test_scan();
  test_fast_paths();
  return tap_done();
}
