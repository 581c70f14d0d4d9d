/*
** tests/support/pg_standins.c: the stand-ins of pg_standins.h, for test
** programs and fuzz harnesses that link ext/postgres/pg_value.c and
** pg_state.c without a PostgreSQL server. Never part of the extension.
**
** Test-harness state (the list of blocks, the jump target of an ERROR, the
** error caught) is kept in file-level variables: one test runs at a time.
*/
#include "pg_standins.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog/pg_type.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/jsonb.h"
#include "utils/memutils.h"
#include "utils/numeric.h"

/* port.h renames the C library's printf family to PostgreSQL's; the
** stand-ins of those call the C library's own. */
#undef vsnprintf
#undef snprintf
#undef vsprintf
#undef sprintf
#undef vfprintf
#undef fprintf
#undef vprintf
#undef printf

/* ---- Memory ------------------------------------------------------------ */

/* Each block: this header, then the caller's bytes (aligned as malloc's). */
typedef struct block {
  struct block *prev, *next;
  size_t size;
  max_align_t align[];
} block;

static block *blocks;
static size_t live;
static int fail_no_oom;
static MemoryContextData the_context;

MemoryContext CurrentMemoryContext = &the_context;

MemoryContext standin_context(void) { return &the_context; }

size_t standin_live_blocks(void) { return live; }

void standin_fail_no_oom(int fail) { fail_no_oom = fail; }

static void link_block(block *b) {
  b->prev = NULL;
  b->next = blocks;
  if (blocks != NULL) blocks->prev = b;
  blocks = b;
  live++;
}

static void unlink_block(block *b) {
  if (b->prev != NULL) b->prev->next = b->next;
  if (b->next != NULL) b->next->prev = b->prev;
  if (blocks == b) blocks = b->next;
  live--;
}

static block *block_of(void *pointer) {
  return (block *)((char *)pointer - offsetof(block, align));
}

static void *allocate(Size size, int flags) {
  if (!AllocSizeIsValid(size) && !(flags & MCXT_ALLOC_HUGE)) {
    elog(ERROR, "invalid memory alloc request size %zu", (size_t)size);
  }
  if ((flags & MCXT_ALLOC_NO_OOM) && fail_no_oom) return NULL;
  block *b = malloc(sizeof(block) + (size > 0 ? size : 1));
  if (b == NULL) abort(); /* the test machine itself is out of memory */
  b->size = size;
  link_block(b);
  if (flags & MCXT_ALLOC_ZERO) memset(b->align, 0, size);
  return b->align;
}

size_t standin_reset(void) {
  size_t freed = live;
  while (blocks != NULL) {
    block *b = blocks;
    unlink_block(b);
    free(b);
  }
  return freed;
}

void *palloc(Size size) { return allocate(size, 0); }

void *palloc_extended(Size size, int flags) { return allocate(size, flags); }

void *MemoryContextAlloc(MemoryContext context, Size size) {
  (void)context;
  return allocate(size, 0);
}

void pfree(void *pointer) {
  block *b = block_of(pointer);
  unlink_block(b);
  free(b);
}

void *repalloc(void *pointer, Size size) {
  if (!AllocSizeIsValid(size)) elog(ERROR, "invalid memory alloc request size %zu", (size_t)size);
  block *b = block_of(pointer);
  unlink_block(b);
  block *grown = realloc(b, sizeof(block) + size);
  if (grown == NULL) abort();
  grown->size = size;
  link_block(grown);
  return grown->align;
}

/* ---- Errors --------------------------------------------------------------- */

static jmp_buf *catcher;
static standin_error caught;

int standin_try(void (*fn)(void *arg), void *arg, standin_error *error) {
  jmp_buf here;
  jmp_buf *outer = catcher;
  int raised = 0;
  catcher = &here;
  if (setjmp(here) == 0) {
    fn(arg);
  } else {
    raised = 1;
    if (error != NULL) *error = caught;
  }
  catcher = outer;
  return raised;
}

static int error_level;

bool errstart(int elevel, const char *domain) {
  (void)domain;
  if (elevel < ERROR) abort(); /* the binding raises nothing below ERROR */
  error_level = elevel;
  memset(&caught, 0, sizeof(caught));
  caught.sqlstate = ERRCODE_INTERNAL_ERROR;
  return true;
}

bool errstart_cold(int elevel, const char *domain) { return errstart(elevel, domain); }

int errcode(int sqlerrcode) {
  caught.sqlstate = sqlerrcode;
  return 0;
}

int errmsg_internal(const char *fmt, ...) {
  va_list args;
  va_start(args, fmt);
  vsnprintf(caught.message, sizeof(caught.message), fmt, args);
  va_end(args);
  return 0;
}

int errhint(const char *fmt, ...) {
  va_list args;
  va_start(args, fmt);
  vsnprintf(caught.hint, sizeof(caught.hint), fmt, args);
  va_end(args);
  return 0;
}

void errfinish(const char *filename, int lineno, const char *funcname) {
  (void)filename;
  (void)lineno;
  (void)funcname;
  int code = caught.sqlstate;
  for (int i = 0; i < 5; i++) caught.code[i] = (char)PGUNSIXBIT(code >> (6 * i));
  caught.code[5] = '\0';
  if (error_level < ERROR || catcher == NULL) abort(); /* an ERROR outside standin_try */
  longjmp(*catcher, 1);
}

/* ---- Values ----------------------------------------------------------------- */

Datum standin_varlena(const void *bytes, size_t length, int short_header) {
  if (short_header && length + VARHDRSZ_SHORT <= VARATT_SHORT_MAX) {
    char *v = palloc(VARHDRSZ_SHORT + length);
    SET_VARSIZE_SHORT(v, VARHDRSZ_SHORT + length);
    memcpy(v + VARHDRSZ_SHORT, bytes, length);
    return PointerGetDatum(v);
  }
  struct varlena *v = palloc(VARHDRSZ + length);
  SET_VARSIZE(v, VARHDRSZ + length);
  memcpy(VARDATA(v), bytes, length);
  return PointerGetDatum(v);
}

Datum standin_numeric(const char *text) { return standin_varlena(text, strlen(text), 0); }

Datum standin_jsonb(const char *json) { return standin_varlena(json, strlen(json), 0); }

Datum standin_text_array(const char *const *items, const size_t *lengths, size_t count) {
  size_t total = 0;
  for (size_t i = 0; i < count; i++) total += 5 + (items[i] != NULL ? lengths[i] : 0);
  char *packed = palloc(total + 1);
  size_t at = 0;
  for (size_t i = 0; i < count; i++) {
    uint32 length = items[i] != NULL ? (uint32)lengths[i] : 0;
    packed[at++] = items[i] != NULL;
    memcpy(packed + at, &length, 4);
    at += 4;
    if (length > 0) memcpy(packed + at, items[i], length);
    at += length;
  }
  Datum array = standin_varlena(packed, total, 0);
  pfree(packed);
  return array;
}

struct varlena *pg_detoast_datum(struct varlena *datum) {
  if (VARATT_IS_4B_U(datum)) return datum;
  if (!VARATT_IS_1B(datum) || VARATT_IS_1B_E(datum)) abort(); /* not made by these stand-ins */
  size_t length = VARSIZE_1B(datum) - VARHDRSZ_SHORT;
  struct varlena *copy = palloc(VARHDRSZ + length);
  SET_VARSIZE(copy, VARHDRSZ + length);
  memcpy(VARDATA(copy), VARDATA_1B(datum), length);
  return copy;
}

struct varlena *pg_detoast_datum_packed(struct varlena *datum) {
  if (VARATT_IS_COMPRESSED(datum) || VARATT_IS_EXTERNAL(datum)) abort();
  return datum;
}

/* The text of a stand-in varlena, NUL-terminated, palloc'd. */
static char *text_of(const struct varlena *v) {
  size_t length = VARSIZE(v) - VARHDRSZ;
  char *text = palloc(length + 1);
  memcpy(text, VARDATA(v), length);
  text[length] = '\0';
  return text;
}

Datum numeric_out(PG_FUNCTION_ARGS) {
  Numeric number = PG_GETARG_NUMERIC(0);
  PG_RETURN_CSTRING(text_of((struct varlena *)number));
}

bool numeric_is_nan(Numeric num) {
  char *text = text_of((struct varlena *)num);
  bool nan = strcmp(text, "NaN") == 0;
  pfree(text);
  return nan;
}

bool numeric_is_inf(Numeric num) {
  char *text = text_of((struct varlena *)num);
  bool inf = strcmp(text, "Infinity") == 0 || strcmp(text, "-Infinity") == 0;
  pfree(text);
  return inf;
}

/* numeric_out's text, [-]digits[.digits], rounded to scale + 1 significant
** digits and written d.ddd...e+NN (zero: 0.000...e+00). */
char *numeric_out_sci(Numeric num, int scale) {
  char *text = text_of((struct varlena *)num);
  const char *p = text;
  int negative = *p == '-';
  if (negative) p++;
  /* The digits without the point, and where the point was. */
  size_t n = strlen(p);
  char *digits = palloc(n + 2);
  size_t count = 0;
  long point = -1;
  for (size_t i = 0; i < n; i++) {
    if (p[i] == '.') {
      point = (long)count;
    } else {
      digits[count++] = p[i];
    }
  }
  if (point < 0) point = (long)count;
  size_t first = 0;
  while (first < count && digits[first] == '0') first++;
  size_t want = (size_t)scale + 1;
  char *out = palloc(want + 32);
  if (first == count) {
    snprintf(out, want + 32, "%s0.%0*de+00", negative ? "-" : "", scale, 0);
    pfree(digits);
    pfree(text);
    return out;
  }
  long exponent = point - (long)first - 1;
  /* want significant digits, rounded half away from zero (one more digit
  ** may appear: 9.99 -> 10.0, then the exponent grows). */
  char *kept = palloc(want + 2);
  kept[0] = '0';
  for (size_t i = 0; i < want; i++) {
    kept[i + 1] = first + i < count ? digits[first + i] : '0';
  }
  if (first + want < count && digits[first + want] >= '5') {
    size_t i = want;
    while (kept[i] == '9') kept[i--] = '0';
    kept[i]++;
  }
  const char *lead = kept;
  if (kept[0] == '0') {
    lead = kept + 1;
  } else {
    exponent++;
  }
  size_t at = 0;
  if (negative) out[at++] = '-';
  out[at++] = lead[0];
  if (scale > 0) {
    out[at++] = '.';
    memcpy(out + at, lead + 1, (size_t)scale);
    at += (size_t)scale;
  }
  snprintf(out + at, want + 32 - at, "e%+03ld", exponent);
  pfree(kept);
  pfree(digits);
  pfree(text);
  return out;
}

char *JsonbToCString(StringInfo out, JsonbContainer *in, int estimated_len) {
  (void)out;
  /* in is &jsonb->root: the varlena's data; estimated_len its whole size. */
  size_t length = (size_t)estimated_len - VARHDRSZ;
  char *text = palloc(length + 1);
  memcpy(text, in, length);
  text[length] = '\0';
  return text;
}

/* Appends to a growing palloc'd buffer. */
typedef struct {
  char *data;
  size_t used, size;
} growing;

static void append(growing *g, const char *bytes, size_t length) {
  if (g->used + length + 1 > g->size) {
    g->size = (g->used + length + 1) * 2;
    g->data = g->data == NULL ? palloc(g->size) : repalloc(g->data, g->size);
  }
  memcpy(g->data + g->used, bytes, length);
  g->used += length;
  g->data[g->used] = '\0';
}

/* escape_json()'s escapes: \" \\ \b \f \n \r \t, other control bytes as \u00XX. */
static void append_json_string(growing *g, const char *s, size_t n) {
  append(g, "\"", 1);
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    char escape[8];
    const char *named = c == '"'    ? "\\\""
                        : c == '\\' ? "\\\\"
                        : c == '\b' ? "\\b"
                        : c == '\f' ? "\\f"
                        : c == '\n' ? "\\n"
                        : c == '\r' ? "\\r"
                        : c == '\t' ? "\\t"
                                    : NULL;
    if (named != NULL) {
      append(g, named, strlen(named));
    } else if (c < 0x20) {
      snprintf(escape, sizeof(escape), "\\u%04x", c);
      append(g, escape, 6);
    } else {
      append(g, (const char *)&c, 1);
    }
  }
  append(g, "\"", 1);
}

Datum array_to_json(PG_FUNCTION_ARGS) {
  struct varlena *packed = PG_DETOAST_DATUM(PG_GETARG_DATUM(0));
  const char *at = VARDATA(packed), *end = at + VARSIZE(packed) - VARHDRSZ;
  growing json = {NULL, 0, 0};
  append(&json, "[", 1);
  for (int i = 0; at < end; i++) {
    uint32 length;
    int present = *at++;
    memcpy(&length, at, 4);
    at += 4;
    if (i > 0) append(&json, ",", 1);
    if (present) {
      append_json_string(&json, at, length);
    } else {
      append(&json, "null", 4);
    }
    at += length;
  }
  append(&json, "]", 1);
  Datum result = standin_varlena(json.data, json.used, 0);
  pfree(json.data);
  PG_RETURN_DATUM(result);
}

char *format_type_extended(Oid type_oid, int32 typemod, bits16 flags) {
  (void)typemod;
  (void)flags;
  char *name = palloc(64);
  if (type_oid == INTERVALOID) {
    snprintf(name, 64, "pg_catalog.interval");
  } else if (type_oid == INT4ARRAYOID) {
    snprintf(name, 64, "pg_catalog.integer[]");
  } else {
    snprintf(name, 64, "public.type_%u", type_oid);
  }
  return name;
}

Datum DirectFunctionCall1Coll(PGFunction func, Oid collation, Datum arg1) {
  LOCAL_FCINFO(fcinfo, 1);
  InitFunctionCallInfoData(*fcinfo, NULL, 1, collation, NULL, NULL);
  fcinfo->args[0].value = arg1;
  fcinfo->args[0].isnull = false;
  Datum result = (*func)(fcinfo);
  if (fcinfo->isnull) elog(ERROR, "function returned NULL");
  return result;
}

/* ---- The printf family (port.h) ------------------------------------------- */

int pg_vsnprintf(char *str, size_t count, const char *fmt, va_list args) {
  return vsnprintf(str, count, fmt, args);
}

int pg_snprintf(char *str, size_t count, const char *fmt, ...) {
  va_list args;
  va_start(args, fmt);
  int n = vsnprintf(str, count, fmt, args);
  va_end(args);
  return n;
}

int pg_vfprintf(FILE *stream, const char *fmt, va_list args) { return vfprintf(stream, fmt, args); }

int pg_fprintf(FILE *stream, const char *fmt, ...) {
  va_list args;
  va_start(args, fmt);
  int n = vfprintf(stream, fmt, args);
  va_end(args);
  return n;
}

int pg_vprintf(const char *fmt, va_list args) { return vprintf(fmt, args); }

int pg_printf(const char *fmt, ...) {
  va_list args;
  va_start(args, fmt);
  int n = vprintf(fmt, args);
  va_end(args);
  return n;
}
