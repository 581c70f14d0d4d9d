/*
** bp_match.c: the matcher of bp_match.h.
**
** The one deliberate exception to "no mutable globals": the matcher's
** tables (`built`) are computed from the constant content tables the first
** time any recogniser runs, once per process, and never change afterwards.
** A C11 atomic state makes that thread-safe without a lock on the hot path:
** the first caller to move `state` from UNBUILT to BUILDING fills the
** tables and publishes them with a release store of READY; every other
** caller waits for READY (an acquire load) and from then on only reads.
** Nothing is allocated: every table has a capacity fixed at compile time
** from the content headers' *_MAX capacities, checked by _Static_assert.
*/
#include "bp_match.h"

#include <assert.h>
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>

#include "bp_common.h"
#include "bp_content_codes.h"
#include "bp_content_interventions.h"
#include "bp_content_relaxant.h"
#include "bp_text.h"

/* ---- Capacities ---------------------------------------------------------- */

#define PHRASES_MAX                                                                            \
  (BP_RELAXANT_NAMES_MAX + 2 * BP_MARKERS_MAX + BP_INTERVENTION_NAMES_MAX + BP_NEGATIONS_MAX + \
   BP_CLAUSE_WORDS_MAX)
/* Every token of every phrase could be a new word and a new trie node. */
#define WORDS_MAX ((size_t)PHRASES_MAX * BP_PHRASE_MAX_TOKENS)
#define NODES_MAX (WORDS_MAX + 1)
#define WORD_SLOTS 4096
#define EDGE_SLOTS 4096
#define CODES_MAX (BP_RELAXANT_ATCS_MAX + BP_PROCEDURE_CODES_MAX)
#define CODE_SLOTS 256
#define ID_SLOTS 128
/* Codes are 5 (CPT, HCPCS) or 7 (ATC) characters. */
#define CODE_LENGTH_MAX 7
#define NO_WORD 0xFFFFu
#define NO_ROW (-1)
/* The lists made of phrases come first in bp_match_list. */
#define PHRASE_LISTS BP_LIST_ATC_CODE

_Static_assert(WORD_SLOTS >= 2 * WORDS_MAX && (WORD_SLOTS & (WORD_SLOTS - 1)) == 0,
               "word hash: a power of two, at most half full");
_Static_assert(EDGE_SLOTS >= 2 * NODES_MAX && (EDGE_SLOTS & (EDGE_SLOTS - 1)) == 0,
               "edge hash: a power of two, at most half full");
_Static_assert(CODE_SLOTS >= 2 * CODES_MAX && (CODE_SLOTS & (CODE_SLOTS - 1)) == 0,
               "code hash: a power of two, at most half full");
_Static_assert(ID_SLOTS >= 2 * BP_INTERVENTION_COUNT && (ID_SLOTS & (ID_SLOTS - 1)) == 0,
               "canonical id hash: a power of two, at most half full");
_Static_assert(NODES_MAX < NO_WORD, "word and node ids must fit in 16 bits");
/* Each phrase table has at most PHRASES_MAX rows. */
_Static_assert(PHRASES_MAX < INT16_MAX && CODES_MAX < INT16_MAX, "rows must fit in int16_t");
_Static_assert(BP_ICD10_RULES_MAX <= UINT8_MAX, "ICD-10 rule indexes must fit in uint8_t");
_Static_assert(BP_INTERVENTION_COUNT <= INT16_MAX, "interventions must fit in int16_t");

/* ---- Tables ----------------------------------------------------------------- */

typedef struct {
  const char *word; /* NULL: empty slot */
  uint32_t hash;
  uint16_t length;
  uint16_t id;
} word_slot;

typedef struct {
  uint32_t key; /* parent << 16 | word id */
  uint16_t child;
  uint8_t used;
} edge_slot;

typedef struct {
  const char *code; /* NULL: empty slot */
  uint8_t length;
  uint8_t list; /* BP_LIST_ATC_CODE or BP_LIST_PROCEDURE_CODE */
  int16_t row;
} code_slot;

typedef struct {
  const char *id; /* NULL: empty slot */
  uint8_t length;
  int16_t intervention;
} id_slot;

/* What an ASCII byte is to the scanner. */
enum { ASCII_SEPARATOR, ASCII_LETTER, ASCII_DIGIT, ASCII_MARK };

typedef struct {
  word_slot words[WORD_SLOTS];
  size_t word_count;
  edge_slot edges[EDGE_SLOTS];
  uint16_t root_child[WORDS_MAX]; /* 0: none (the root is never a child) */
  uint16_t node_count;
  /* Per node: the row of each phrase list that ends there, or NO_ROW. */
  int16_t ends[NODES_MAX][PHRASE_LISTS];
  uint8_t ends_any[NODES_MAX];
  code_slot codes[CODE_SLOTS];
  id_slot ids[ID_SLOTS];
  uint8_t ascii_kind[128];
  int8_t ascii_mark_row[128];
  uint8_t icd10_rule_of_code[BP_ICD10CM_CODES_MAX];
} matcher;

static matcher built;
static atomic_int state;
enum { UNBUILT = 0, BUILDING = 1, READY = 2 };

/* ---- Hashing ------------------------------------------------------------------ */

#define FNV_OFFSET 2166136261u
#define FNV_PRIME 16777619u

static uint32_t hash_step(uint32_t hash, unsigned char byte) { return (hash ^ byte) * FNV_PRIME; }

static uint32_t hash_bytes(const char *s, size_t n) {
  uint32_t hash = FNV_OFFSET;
  for (size_t i = 0; i < n; i++) hash = hash_step(hash, (unsigned char)s[i]);
  return hash;
}

static uint16_t find_word(const matcher *m, const char *word, size_t length, uint32_t hash) {
  for (uint32_t i = hash & (WORD_SLOTS - 1);; i = (i + 1) & (WORD_SLOTS - 1)) {
    const word_slot *slot = &m->words[i];
    if (slot->word == NULL) return NO_WORD;
    if (slot->hash == hash && slot->length == length && memcmp(slot->word, word, length) == 0) {
      return slot->id;
    }
  }
}

static uint16_t child_of(const matcher *m, uint16_t node, uint16_t word) {
  if (node == 0) return m->root_child[word];
  uint32_t key = (uint32_t)node << 16 | word;
  for (uint32_t i = (key * FNV_PRIME) & (EDGE_SLOTS - 1);; i = (i + 1) & (EDGE_SLOTS - 1)) {
    const edge_slot *slot = &m->edges[i];
    if (!slot->used) return 0;
    if (slot->key == key) return slot->child;
  }
}

/* ---- Building --------------------------------------------------------------- */

static uint16_t add_word(matcher *m, const char *word) {
  size_t length = strlen(word);
  assert(length > 0 && length <= BP_TOKEN_MAX); /* content words: tests/unit/test_match.c */
  uint32_t hash = hash_bytes(word, length);
  uint16_t id = find_word(m, word, length, hash);
  if (id != NO_WORD) return id;
  assert(m->word_count < WORDS_MAX);
  uint32_t i = hash & (WORD_SLOTS - 1);
  while (m->words[i].word != NULL) i = (i + 1) & (WORD_SLOTS - 1);
  m->words[i] = (word_slot){word, hash, (uint16_t)length, (uint16_t)m->word_count};
  return (uint16_t)m->word_count++;
}

static uint16_t add_child(matcher *m, uint16_t node, uint16_t word) {
  uint16_t child = child_of(m, node, word);
  if (child != 0) return child;
  assert(m->node_count < NODES_MAX);
  child = m->node_count++;
  if (node == 0) {
    m->root_child[word] = child;
    return child;
  }
  uint32_t key = (uint32_t)node << 16 | word;
  uint32_t i = (key * FNV_PRIME) & (EDGE_SLOTS - 1);
  while (m->edges[i].used) i = (i + 1) & (EDGE_SLOTS - 1);
  m->edges[i] = (edge_slot){key, child, 1};
  return child;
}

/* Adds the phrases of a table whose rows start with a bp_phrase. */
static void add_phrases(matcher *m, bp_match_list list, const void *rows, size_t count,
                        size_t row_size) {
  for (size_t r = 0; r < count; r++) {
    const bp_phrase *phrase = (const bp_phrase *)((const char *)rows + r * row_size);
    uint16_t node = 0;
    for (size_t k = 0; k < BP_PHRASE_MAX_TOKENS && phrase->tokens[k] != NULL; k++) {
      node = add_child(m, node, add_word(m, phrase->tokens[k]));
    }
    assert(node != 0);
    /* The earliest row of a list wins when two rows share a phrase. */
    if (m->ends[node][list] == NO_ROW) m->ends[node][list] = (int16_t)r;
    m->ends_any[node] = 1;
  }
}

static void add_code(matcher *m, const char *code, bp_match_list list, size_t row) {
  size_t length = strlen(code);
  assert(length == BP_PROCEDURE_CODE_LENGTH || length == CODE_LENGTH_MAX);
  uint32_t i = hash_bytes(code, length) & (CODE_SLOTS - 1);
  while (m->codes[i].code != NULL) {
    if (strcmp(m->codes[i].code, code) == 0) return; /* the earliest row wins */
    i = (i + 1) & (CODE_SLOTS - 1);
  }
  m->codes[i] = (code_slot){code, (uint8_t)length, (uint8_t)list, (int16_t)row};
}

/* The slot of a code of `length` upper-case characters, or NULL. */
static const code_slot *find_code(const matcher *m, const char *code, size_t length) {
  for (uint32_t i = hash_bytes(code, length) & (CODE_SLOTS - 1);; i = (i + 1) & (CODE_SLOTS - 1)) {
    const code_slot *slot = &m->codes[i];
    if (slot->code == NULL) return NULL;
    if (slot->length == length && memcmp(slot->code, code, length) == 0) return slot;
  }
}

/* The longest-prefix rule of an ICD-10-CM code. */
static size_t icd10_rule_of(const char *code) {
  size_t best = SIZE_MAX, best_length = 0;
  for (size_t r = 0; r < bp_icd10_rule_count; r++) {
    size_t length = strlen(bp_icd10_rules[r].prefix);
    if (length > best_length && strncmp(code, bp_icd10_rules[r].prefix, length) == 0) {
      best = r;
      best_length = length;
    }
  }
  return best;
}

static void build(matcher *m) {
  memset(m->ends, 0xFF, sizeof(m->ends)); /* NO_ROW everywhere */
  m->node_count = 1;                      /* the root */
  add_phrases(m, BP_LIST_RELAXANT_NAME, bp_relaxant_names, bp_relaxant_name_count,
              sizeof(bp_relaxant_names[0]));
  add_phrases(m, BP_LIST_EXTENDED_RELEASE, bp_extended_release_phrases,
              bp_extended_release_phrase_count, sizeof(bp_extended_release_phrases[0]));
  add_phrases(m, BP_LIST_OUTSIDE_BACK_PAIN, bp_outside_back_pain_phrases,
              bp_outside_back_pain_phrase_count, sizeof(bp_outside_back_pain_phrases[0]));
  add_phrases(m, BP_LIST_INTERVENTION_NAME, bp_intervention_names, bp_intervention_name_count,
              sizeof(bp_intervention_names[0]));
  add_phrases(m, BP_LIST_NEGATION, bp_negations, bp_negation_count, sizeof(bp_negations[0]));
  add_phrases(m, BP_LIST_CLAUSE_WORD, bp_clause_words, bp_clause_word_count,
              sizeof(bp_clause_words[0]));
  for (size_t r = 0; r < bp_relaxant_atc_count; r++) {
    add_code(m, bp_relaxant_atcs[r].code, BP_LIST_ATC_CODE, r);
  }
  for (size_t r = 0; r < bp_procedure_code_count; r++) {
    add_code(m, bp_procedure_codes[r].code, BP_LIST_PROCEDURE_CODE, r);
  }
  for (size_t r = 0; r < BP_INTERVENTION_COUNT; r++) {
    const char *id = bp_interventions[r].id;
    size_t length = strlen(id);
    assert(length <= BP_TOKEN_MAX);
    uint32_t i = hash_bytes(id, length) & (ID_SLOTS - 1);
    while (m->ids[i].id != NULL) i = (i + 1) & (ID_SLOTS - 1);
    m->ids[i] = (id_slot){id, (uint8_t)length, (int16_t)r};
  }
  for (int c = 0; c < 128; c++) {
    m->ascii_mark_row[c] = NO_ROW;
    if (bp_is_ascii_letter((char)c)) {
      m->ascii_kind[c] = ASCII_LETTER;
    } else if (bp_is_digit((char)c)) {
      m->ascii_kind[c] = ASCII_DIGIT;
    } else {
      m->ascii_kind[c] = ASCII_SEPARATOR;
    }
  }
  for (size_t r = bp_clause_mark_count; r-- > 0;) {
    unsigned char mark = (unsigned char)bp_clause_marks[r].mark;
    assert(mark < 128 && m->ascii_kind[mark] != ASCII_LETTER && m->ascii_kind[mark] != ASCII_DIGIT);
    m->ascii_kind[mark] = ASCII_MARK;
    m->ascii_mark_row[mark] = (int8_t)r;
  }
  for (size_t r = 0; r < bp_icd10cm_code_count; r++) {
    size_t rule = icd10_rule_of(bp_icd10cm_codes[r].code);
    assert(rule < bp_icd10_rule_count && bp_icd10_rules[rule].class_name != NULL);
    m->icd10_rule_of_code[r] = (uint8_t)rule;
  }
}

static const matcher *get_matcher(void) {
  if (atomic_load_explicit(&state, memory_order_acquire) != READY) {
    int expected = UNBUILT;
    if (atomic_compare_exchange_strong_explicit(&state, &expected, BUILDING, memory_order_acq_rel,
                                                memory_order_acquire)) {
      build(&built);
      atomic_store_explicit(&state, READY, memory_order_release);
    } else {
      /* Another thread is building: it takes microseconds. */
      while (atomic_load_explicit(&state, memory_order_acquire) != READY) {
      }
    }
  }
  return &built;
}

/* ---- Scanning ---------------------------------------------------------------- */

typedef struct {
  const matcher *m;
  bp_match_callback callback;
  void *context;
  size_t tokens; /* tokens seen so far */
  /* the token being read */
  char token[BP_TOKEN_MAX];
  size_t token_length;
  uint32_t token_hash;
  int token_kind; /* ASCII_LETTER or ASCII_DIGIT; ASCII_SEPARATOR: none */
  int token_unmatchable;
  /* trie nodes reached by the latest tokens, longest phrase first */
  uint16_t active[BP_PHRASE_MAX_TOKENS];
  size_t active_count;
  size_t active_first[BP_PHRASE_MAX_TOKENS];
  /* the code run being read */
  char code[CODE_LENGTH_MAX];
  size_t code_length;
  size_t code_first_token;
  int code_unmatchable;
} scan_state;

static void emit(scan_state *s, bp_match_list list, size_t row, size_t first, size_t last) {
  bp_match_event event = {list, row, first, last};
  s->callback(s->context, &event);
}

/* Ends the token being read: advances the trie and reports phrase ends. */
static void end_token(scan_state *s) {
  if (s->token_kind == ASCII_SEPARATOR) return;
  size_t index = s->tokens++;
  s->token_kind = ASCII_SEPARATOR;
  uint16_t word =
      s->token_unmatchable ? NO_WORD : find_word(s->m, s->token, s->token_length, s->token_hash);
  uint16_t next[BP_PHRASE_MAX_TOKENS];
  size_t next_first[BP_PHRASE_MAX_TOKENS];
  size_t count = 0;
  if (word != NO_WORD) {
    for (size_t a = 0; a < s->active_count; a++) {
      uint16_t child = child_of(s->m, s->active[a], word);
      if (child != 0 && count < BP_PHRASE_MAX_TOKENS) {
        next[count] = child;
        next_first[count++] = s->active_first[a];
      }
    }
    uint16_t child = s->m->root_child[word];
    if (child != 0 && count < BP_PHRASE_MAX_TOKENS) {
      next[count] = child;
      next_first[count++] = index;
    }
  }
  for (size_t a = 0; a < count; a++) {
    s->active[a] = next[a];
    s->active_first[a] = next_first[a];
    if (!s->m->ends_any[next[a]]) continue;
    for (int list = 0; list < PHRASE_LISTS; list++) {
      int16_t row = s->m->ends[next[a]][list];
      if (row != NO_ROW) emit(s, (bp_match_list)list, (size_t)row, next_first[a], index);
    }
  }
  s->active_count = count;
  s->token_length = 0;
  s->token_hash = FNV_OFFSET;
  s->token_unmatchable = 0;
}

/* Ends the code run being read: reports it when it is a known code. */
static void end_code(scan_state *s) {
  size_t length = s->code_length;
  s->code_length = 0;
  if (s->code_unmatchable || (length != BP_PROCEDURE_CODE_LENGTH && length != CODE_LENGTH_MAX)) {
    s->code_unmatchable = 0;
    return;
  }
  const code_slot *slot = find_code(s->m, s->code, length);
  if (slot != NULL) {
    emit(s, (bp_match_list)slot->list, (size_t)slot->row, s->code_first_token, s->tokens - 1);
  }
}

/* Adds one character (letter or digit) to the token and the code run:
** `folded` is its ASCII form, 0 if none; a code has ASCII characters only. */
static void add_char(scan_state *s, int kind, char folded, int ascii) {
  if (s->token_kind != kind) {
    end_token(s);
    s->token_kind = kind;
  }
  if (s->code_length == 0 && !s->code_unmatchable) s->code_first_token = s->tokens;
  if (folded == 0) {
    s->token_unmatchable = 1;
    s->code_unmatchable = 1;
    return;
  }
  if (s->token_length < BP_TOKEN_MAX) {
    s->token[s->token_length++] = folded;
    s->token_hash = hash_step(s->token_hash, (unsigned char)folded);
  } else {
    s->token_unmatchable = 1;
  }
  if (ascii && s->code_length < CODE_LENGTH_MAX) {
    s->code[s->code_length++] = bp_ascii_upper(folded);
  } else {
    s->code_unmatchable = 1;
  }
}

static void separate(scan_state *s) {
  end_token(s);
  if (s->code_length > 0 || s->code_unmatchable) end_code(s);
}

void bp_match_scan(const char *text, size_t n, bp_match_callback callback, void *context) {
  const unsigned char *bytes = (const unsigned char *)text;
  scan_state s;
  s.m = get_matcher();
  s.callback = callback;
  s.context = context;
  s.tokens = 0;
  s.token_length = 0;
  s.token_hash = FNV_OFFSET;
  s.token_kind = ASCII_SEPARATOR;
  s.token_unmatchable = 0;
  s.active_count = 0;
  s.code_length = 0;
  s.code_first_token = 0;
  s.code_unmatchable = 0;
  size_t i = 0;
  while (i < n) {
    unsigned char byte = bytes[i];
    if (byte < 0x80) {
      int kind = s.m->ascii_kind[byte];
      if (kind == ASCII_LETTER) {
        add_char(&s, ASCII_LETTER, bp_ascii_lower((char)byte), 1);
      } else if (kind == ASCII_DIGIT) {
        add_char(&s, ASCII_DIGIT, (char)byte, 1);
      } else {
        /* A '.' between two digits is a decimal point, not a clause mark. */
        int decimal_point = byte == '.' && s.token_kind == ASCII_DIGIT && i + 1 < n &&
                            bp_is_digit((char)bytes[i + 1]);
        separate(&s);
        if (kind == ASCII_MARK && !decimal_point) {
          emit(&s, BP_LIST_CLAUSE_MARK, (size_t)s.m->ascii_mark_row[byte], s.tokens, s.tokens);
        }
      }
      i++;
      continue;
    }
    uint32_t code_point;
    size_t length = bp_utf8_decode(bytes + i, n - i, &code_point);
    if (length == 0) { /* not UTF-8 (Latin-1 data): a separator */
      separate(&s);
      i++;
      continue;
    }
    char folded;
    bp_char_class class_of = bp_char_classify(code_point, &folded);
    if (class_of == BP_CHAR_LETTER) {
      add_char(&s, ASCII_LETTER, folded, 0);
    } else if (class_of == BP_CHAR_DIGIT) {
      add_char(&s, ASCII_DIGIT, folded, 0);
    } else if (class_of == BP_CHAR_SEPARATOR) {
      separate(&s);
    } /* a mark belongs to the character before it: nothing to do */
    i += length;
  }
  separate(&s);
}

/* ---- Fast paths ------------------------------------------------------------------ */

long bp_match_canonical_intervention(const char *text, size_t n) {
  const matcher *m = get_matcher();
  char lower[BP_TOKEN_MAX];
  if (n == 0 || n > BP_TOKEN_MAX) return -1;
  for (size_t i = 0; i < n; i++) lower[i] = bp_ascii_lower(text[i]);
  for (uint32_t i = hash_bytes(lower, n) & (ID_SLOTS - 1);; i = (i + 1) & (ID_SLOTS - 1)) {
    const id_slot *slot = &m->ids[i];
    if (slot->id == NULL) return -1;
    if (slot->length == n && memcmp(slot->id, lower, n) == 0) return slot->intervention;
  }
}

long bp_match_code(const char *text, size_t n, bp_match_list list) {
  const matcher *m = get_matcher();
  char upper[CODE_LENGTH_MAX];
  if (n == 0 || n > CODE_LENGTH_MAX) return -1;
  for (size_t i = 0; i < n; i++) upper[i] = bp_ascii_upper(text[i]);
  const code_slot *slot = find_code(m, upper, n);
  return slot != NULL && slot->list == list ? slot->row : -1;
}

/* ---- ICD-10-CM ----------------------------------------------------------------- */

long bp_match_icd10cm_code(const char *code, size_t length) {
  size_t low = 0, high = bp_icd10cm_code_count;
  while (low < high) {
    size_t mid = low + (high - low) / 2;
    const char *row = bp_icd10cm_codes[mid].code;
    int order = strncmp(row, code, length);
    if (order == 0 && row[length] != '\0') order = 1; /* row is longer */
    if (order == 0) return (long)mid;
    if (order < 0) {
      low = mid + 1;
    } else {
      high = mid;
    }
  }
  return -1;
}

const char *bp_match_icd10cm_class(size_t row) {
  return bp_icd10_rules[get_matcher()->icd10_rule_of_code[row]].class_name;
}
