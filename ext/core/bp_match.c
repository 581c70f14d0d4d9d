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

/* Four bytes, so that the whole word hash stays in the L1 cache. */
typedef struct {
  uint16_t id; /* NO_WORD: empty slot */
  uint8_t length;
  uint8_t tag; /* more bits of the hash, to skip most comparisons */
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
/* What a byte is to the scanner; every byte >= 0x80 is NON_ASCII. */
enum { ASCII_SEPARATOR, ASCII_LETTER, ASCII_DIGIT, ASCII_MARK, NON_ASCII };

typedef struct {
  word_slot words[WORD_SLOTS];
  const char *word_text[WORDS_MAX];
  size_t word_count;
  edge_slot edges[EDGE_SLOTS];
  uint16_t root_child[WORDS_MAX]; /* 0: none (the root is never a child) */
  uint16_t node_count;
  /* Per node: the row of each phrase list that ends there, or NO_ROW. */
  int16_t ends[NODES_MAX][PHRASE_LISTS];
  uint8_t ends_any[NODES_MAX];
  code_slot codes[CODE_SLOTS];
  id_slot ids[ID_SLOTS];
  uint8_t byte_kind[256];
  char byte_lower[256]; /* letters lower-cased, digits as they are */
  char byte_upper[256]; /* letters upper-cased, digits as they are */
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

/* The hash of a word (1 to BP_TOKEN_MAX bytes): its length and its first,
** last and middle (lower-case) bytes, mixed by one multiplication, so that
** the scanner hashes a token once at its end rather than byte by byte.
** Words that collide are told apart by comparing their bytes. */
static inline uint32_t hash_of_parts(unsigned char first, unsigned char last, unsigned char middle,
                                     size_t length) {
  uint32_t key =
      (uint32_t)first | (uint32_t)last << 8 | (uint32_t)middle << 16 | (uint32_t)length << 24;
  return (key * 2654435761u) >> 12;
}

static uint32_t word_hash(const char *word, size_t length) {
  return hash_of_parts((unsigned char)word[0], (unsigned char)word[length - 1],
                       (unsigned char)word[length / 2], length);
}
/* word_hash gives 20 bits: the slot (12) and the tag (8). */
_Static_assert(WORD_SLOTS == 1u << 12, "word_hash gives 12 bits of slot");
#define WORD_TAG(hash) ((uint8_t)((hash) >> 12))
#define WORD_SLOT(hash) ((hash) & (WORD_SLOTS - 1))

static uint32_t hash_bytes(const char *s, size_t n) {
  uint32_t hash = FNV_OFFSET;
  for (size_t i = 0; i < n; i++) hash = hash_step(hash, (unsigned char)s[i]);
  return hash;
}

/* The id of the word whose text is `bytes` lower-cased (byte_lower), of
** `length` bytes and hash `hash`, or NO_WORD. Content words and built
** tokens are lower case already; raw input is lowered as it is compared. */
static inline uint16_t find_word(const matcher *m, const unsigned char *bytes, size_t length,
                                 uint32_t hash) {
  uint8_t tag = WORD_TAG(hash);
  for (uint32_t i = WORD_SLOT(hash);; i = (i + 1) & (WORD_SLOTS - 1)) {
    const word_slot *slot = &m->words[i];
    if (slot->id == NO_WORD) return NO_WORD;
    if (slot->tag == tag && slot->length == length) {
      const char *text = m->word_text[slot->id];
      size_t k = 0;
      while (k < length && text[k] == m->byte_lower[bytes[k]]) k++;
      if (k == length) return slot->id;
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
  uint32_t hash = word_hash(word, length);
  uint16_t id = find_word(m, (const unsigned char *)word, length, hash);
  if (id != NO_WORD) return id;
  assert(m->word_count < WORDS_MAX);
  uint32_t i = WORD_SLOT(hash);
  while (m->words[i].id != NO_WORD) i = (i + 1) & (WORD_SLOTS - 1);
  m->words[i] = (word_slot){(uint16_t)m->word_count, (uint8_t)length, WORD_TAG(hash)};
  m->word_text[m->word_count] = word;
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
  memset(m->ends, 0xFF, sizeof(m->ends));   /* NO_ROW everywhere */
  memset(m->words, 0xFF, sizeof(m->words)); /* NO_WORD: every slot empty */
  m->node_count = 1;                        /* the root */
  /* The byte classes first: find_word lowers through byte_lower. */
  for (int c = 0; c < 256; c++) {
    m->byte_lower[c] = bp_ascii_lower((char)c);
    m->byte_upper[c] = bp_ascii_upper((char)c);
    if (c >= 128) {
      m->byte_kind[c] = NON_ASCII;
      continue;
    }
    m->ascii_mark_row[c] = NO_ROW;
    if (bp_is_ascii_letter((char)c)) {
      m->byte_kind[c] = ASCII_LETTER;
    } else if (bp_is_digit((char)c)) {
      m->byte_kind[c] = ASCII_DIGIT;
    } else {
      m->byte_kind[c] = ASCII_SEPARATOR;
    }
  }
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
  for (size_t r = bp_clause_mark_count; r-- > 0;) {
    unsigned char mark = (unsigned char)bp_clause_marks[r].mark;
    assert(mark < 128 && m->byte_kind[mark] == ASCII_SEPARATOR);
    m->byte_kind[mark] = ASCII_MARK;
    m->ascii_mark_row[mark] = (int8_t)r;
  }
  for (size_t r = 0; r < bp_icd10cm_code_count; r++) {
    size_t rule = icd10_rule_of(bp_icd10cm_codes[r].code);
    assert(rule < bp_icd10_rule_count && bp_icd10_rules[rule].class_name != NULL);
    m->icd10_rule_of_code[r] = (uint8_t)rule;
  }
}

static inline int matcher_ready(void) {
  return atomic_load_explicit(&state, memory_order_acquire) == READY;
}

static inline const matcher *get_matcher(void) {
  if (!matcher_ready()) {
    int expected = UNBUILT;
    if (atomic_compare_exchange_strong_explicit(&state, &expected, BUILDING, memory_order_acq_rel,
                                                memory_order_acquire)) {
      build(&built);
      atomic_store_explicit(&state, READY, memory_order_release);
    } else {
      /* Another thread is building: it takes microseconds. Only a race of
      ** two first calls gets here (make threads runs them, not under gcov). */
      while (!matcher_ready()) { /* LCOV_EXCL_LINE: see above */
      }
    }
  }
  return &built;
}

/* ---- Scanning ---------------------------------------------------------------- */

/*
** A token of ASCII letters (or digits) is not copied: it is the slice of
** the input from `token_start`, compared through byte_lower. Only a token
** with a non-ASCII letter (folded, or without an ASCII base) is built in
** `token`. A code run is the slice from `code_start` to the separator.
*/
typedef struct {
  const matcher *m;
  const unsigned char *input;
  bp_match_callback callback;
  void *context;
  size_t tokens; /* tokens seen so far */
  /* the token being read */
  int token_kind; /* ASCII_LETTER or ASCII_DIGIT; ASCII_SEPARATOR: none */
  size_t token_start, token_end;
  int token_built; /* the token is in `token`, not in the input */
  char token[BP_TOKEN_MAX];
  size_t token_length; /* when built */
  int token_unmatchable;
  /* trie nodes reached by the latest tokens, longest phrase first */
  uint16_t active[BP_PHRASE_MAX_TOKENS];
  size_t active_count;
  size_t active_first[BP_PHRASE_MAX_TOKENS];
  /* the code run being read */
  int in_code;
  size_t code_start, code_first_token;
  int code_ascii; /* only ASCII letters and digits so far */
} scan_state;

static void emit(scan_state *s, bp_match_list list, size_t row, size_t first, size_t last) {
  bp_match_event event = {list, row, first, last};
  s->callback(s->context, &event);
}

/* The word id of the token being read, or NO_WORD. */
static inline uint16_t token_word(const scan_state *s) {
  const matcher *m = s->m;
  if (s->token_unmatchable) return NO_WORD;
  if (s->token_built) {
    if (s->token_length == 0) return NO_WORD;
    return find_word(m, (const unsigned char *)s->token, s->token_length,
                     word_hash(s->token, s->token_length));
  }
  size_t length = s->token_end - s->token_start;
  if (length > BP_TOKEN_MAX) return NO_WORD;
  const unsigned char *in = s->input + s->token_start;
  uint32_t hash = hash_of_parts((unsigned char)m->byte_lower[in[0]],
                                (unsigned char)m->byte_lower[in[length - 1]],
                                (unsigned char)m->byte_lower[in[length / 2]], length);
  return find_word(m, in, length, hash);
}

/* Ends the token being read: advances the trie and reports phrase ends. */
static inline void end_token(scan_state *s) {
  if (s->token_kind == ASCII_SEPARATOR) return;
  size_t index = s->tokens++;
  uint16_t word = token_word(s);
  s->token_kind = ASCII_SEPARATOR;
  s->token_built = 0;
  s->token_length = 0;
  s->token_unmatchable = 0;
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
}

/* Starts a token (and a code run, if none is open) at input offset `at`. */
static inline void start_token(scan_state *s, int kind, size_t at) {
  end_token(s);
  s->token_kind = kind;
  s->token_start = at;
  if (!s->in_code) {
    s->in_code = 1;
    s->code_start = at;
    s->code_first_token = s->tokens;
    s->code_ascii = 1;
  }
}

/* Ends the code run being read at input offset `at`: reports a known code. */
static void end_code(scan_state *s, size_t at) {
  size_t length = at - s->code_start;
  s->in_code = 0;
  if (!s->code_ascii || (length != BP_PROCEDURE_CODE_LENGTH && length != CODE_LENGTH_MAX)) return;
  char code[CODE_LENGTH_MAX];
  for (size_t i = 0; i < length; i++) code[i] = s->m->byte_upper[s->input[s->code_start + i]];
  const code_slot *slot = find_code(s->m, code, length);
  if (slot != NULL) {
    emit(s, (bp_match_list)slot->list, (size_t)slot->row, s->code_first_token, s->tokens - 1);
  }
}

static void separate(scan_state *s, size_t at) {
  end_token(s);
  if (s->in_code) end_code(s, at);
}

/* From input offset `at` on, the token is built in `token`: copies the
** ASCII part read so far. */
static void build_token(scan_state *s, size_t at) {
  if (s->token_built) return;
  size_t length = at - s->token_start;
  if (length > BP_TOKEN_MAX) {
    s->token_unmatchable = 1;
    length = BP_TOKEN_MAX;
  }
  for (size_t i = 0; i < length; i++) s->token[i] = s->m->byte_lower[s->input[s->token_start + i]];
  s->token_length = length;
  s->token_built = 1;
}

/* Adds a non-ASCII letter or digit at input offset `at` to the token:
** `folded` is its ASCII form, 0 if none. */
static void add_folded(scan_state *s, int kind, char folded, size_t at) {
  if (s->token_kind != kind) start_token(s, kind, at);
  s->code_ascii = 0;
  build_token(s, at);
  if (folded == 0 || s->token_length == BP_TOKEN_MAX) {
    s->token_unmatchable = 1;
  } else {
    s->token[s->token_length++] = folded;
  }
}

void bp_match_scan(const char *text, size_t n, bp_match_callback callback, void *context) {
  const unsigned char *bytes = (const unsigned char *)text;
  scan_state s;
  s.m = get_matcher();
  s.input = bytes;
  s.callback = callback;
  s.context = context;
  s.tokens = 0;
  s.token_kind = ASCII_SEPARATOR;
  s.token_start = s.token_end = 0;
  s.token_built = 0;
  s.token_length = 0;
  s.token_unmatchable = 0;
  s.active_count = 0;
  s.in_code = 0;
  s.code_start = s.code_first_token = 0;
  s.code_ascii = 1;
  const matcher *m = s.m;
  size_t i = 0;
  while (i < n) {
    unsigned char byte = bytes[i];
    int kind = m->byte_kind[byte];
    if (kind == ASCII_LETTER || kind == ASCII_DIGIT) {
      if (s.token_kind != kind) start_token(&s, kind, i);
      if (!s.token_built) {
        /* The hot path: skip a whole run of ASCII letters (or digits). */
        do i++;
        while (i < n && m->byte_kind[bytes[i]] == kind);
        s.token_end = i;
      } else {
        do {
          if (s.token_length < BP_TOKEN_MAX) {
            s.token[s.token_length++] = m->byte_lower[bytes[i]];
          } else {
            s.token_unmatchable = 1;
          }
          i++;
        } while (i < n && m->byte_kind[bytes[i]] == kind);
      }
      continue;
    }
    if (kind != NON_ASCII) {
      /* A '.' between two digits is a decimal point, not a clause mark. */
      int decimal_point = byte == '.' && s.token_kind == ASCII_DIGIT && i + 1 < n &&
                          bp_is_digit((char)bytes[i + 1]);
      separate(&s, i);
      if (kind == ASCII_MARK && !decimal_point) {
        emit(&s, BP_LIST_CLAUSE_MARK, (size_t)m->ascii_mark_row[byte], s.tokens, s.tokens);
      }
      i++;
      continue;
    }
    uint32_t code_point;
    size_t length = bp_utf8_decode(bytes + i, n - i, &code_point);
    if (length == 0) { /* not UTF-8 (Latin-1 data): a separator */
      separate(&s, i);
      i++;
      continue;
    }
    char folded;
    bp_char_class class_of = bp_char_classify(code_point, &folded);
    if (class_of == BP_CHAR_LETTER) {
      add_folded(&s, ASCII_LETTER, folded, i);
    } else if (class_of == BP_CHAR_DIGIT) {
      add_folded(&s, ASCII_DIGIT, folded, i);
    } else if (class_of == BP_CHAR_SEPARATOR) {
      separate(&s, i);
    } else if (s.token_kind != ASCII_SEPARATOR) {
      /* A mark joins the character before it and is dropped; no code has one. */
      build_token(&s, i);
      s.code_ascii = 0;
    }
    i += length;
  }
  separate(&s, n);
}

/* ---- Fast paths ------------------------------------------------------------------ */

long bp_match_canonical_intervention(const char *text, size_t n) {
  const matcher *m = get_matcher();
  char lower[BP_TOKEN_MAX];
  uint32_t hash = FNV_OFFSET;
  if (n == 0 || n > BP_TOKEN_MAX) return -1;
  for (size_t i = 0; i < n; i++) {
    /* canonical ids are lower-case ASCII letters and underscores */
    unsigned char byte = (unsigned char)text[i];
    if (m->byte_kind[byte] != ASCII_LETTER && byte != '_') return -1;
    lower[i] = m->byte_lower[byte];
    hash = hash_step(hash, (unsigned char)lower[i]);
  }
  for (uint32_t i = hash & (ID_SLOTS - 1);; i = (i + 1) & (ID_SLOTS - 1)) {
    const id_slot *slot = &m->ids[i];
    if (slot->id == NULL) return -1;
    if (slot->length == n && memcmp(slot->id, lower, n) == 0) return slot->intervention;
  }
}

long bp_match_code(const char *text, size_t n, bp_match_list list) {
  const matcher *m = get_matcher();
  char upper[CODE_LENGTH_MAX];
  if (n != BP_PROCEDURE_CODE_LENGTH && n != CODE_LENGTH_MAX) return -1;
  for (size_t i = 0; i < n; i++) upper[i] = m->byte_upper[(unsigned char)text[i]];
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
