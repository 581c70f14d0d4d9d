/*
** sqlite_binding.c: values in, errors and results out (see
** sqlite_binding.h), and the one callback behind every scalar function.
*/
#include "sqlite_binding.h"

SQLITE_EXTENSION_INIT3

#include <string.h>

int bp_sqlite_values(sqlite3_context *ctx, int argc, sqlite3_value **argv, bp_value *out) {
  for (int i = 0; i < argc; i++) {
    sqlite3_value *v = argv[i];
    switch (sqlite3_value_type(v)) {
      case SQLITE_INTEGER:
        out[i] = bp_value_integer(sqlite3_value_int64(v));
        break;
      case SQLITE_FLOAT:
        out[i] = bp_value_real(sqlite3_value_double(v));
        break;
      case SQLITE_TEXT: {
        /* In a UTF-16 database this converts, which may fail. */
        const char *text = (const char *)sqlite3_value_text(v);
        if (text == NULL) {
          sqlite3_result_error_nomem(ctx);
          return 0;
        }
        out[i] = bp_value_text(text, (size_t)sqlite3_value_bytes(v));
        break;
      }
      case SQLITE_BLOB: {
        /* A zeroblob is expanded here, which may fail; the value is then
        ** NULL, of no bytes, so its length is read first (a blob's length
        ** needs no expansion). */
        int bytes = sqlite3_value_bytes(v);
        const void *blob = sqlite3_value_blob(v);
        if (blob == NULL && bytes > 0) {
          sqlite3_result_error_nomem(ctx);
          return 0;
        }
        out[i] = bp_value_blob(blob, (size_t)bytes);
        break;
      }
      default:
        out[i] = bp_value_null();
        break;
    }
  }
  return 1;
}

static void *sqlite_grow(bp_call *call, void *old, size_t size) {
  (void)call;
  sqlite3_free(old);
  return sqlite3_malloc64(size);
}

void bp_sqlite_call_init(sqlite3_context *ctx, bp_call *call) {
  const bp_function_info *function = sqlite3_user_data(ctx);
  bp_call_init(call, function->name);
  call->grow = sqlite_grow;
}

void bp_sqlite_call_done(bp_call *call) {
  if (call->scratch == NULL) return; /* the common case: no call into SQLite */
  sqlite3_free(call->scratch);
  call->scratch = NULL;
  call->scratch_size = 0;
}

void bp_sqlite_raise(sqlite3_context *ctx, const bp_call *call) {
  if (call->status == BP_STATUS_NO_MEMORY) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  sqlite3_result_error(ctx, call->message, -1);
  if (call->status == BP_STATUS_TOO_BIG) sqlite3_result_error_code(ctx, SQLITE_TOOBIG);
}

static void sqlite_append(bp_writer *base, const char *bytes, size_t length) {
  bp_sqlite_writer *writer = (bp_sqlite_writer *)base;
  if (writer->text == NULL) {
    if (length <= sizeof(writer->inline_text) - writer->length) {
      memcpy(writer->inline_text + writer->length, bytes, length);
      writer->length += length;
      return;
    }
    writer->text = sqlite3_str_new(writer->db);
    sqlite3_str_append(writer->text, writer->inline_text, (int)writer->length);
  }
  sqlite3_str_append(writer->text, bytes, (int)length);
}

void bp_sqlite_writer_init(sqlite3_context *ctx, bp_sqlite_writer *writer) {
  writer->base.append = sqlite_append;
  writer->db = sqlite3_context_db_handle(ctx);
  writer->text = NULL;
  writer->length = 0;
}

void bp_sqlite_writer_free(bp_sqlite_writer *writer) {
  if (writer->text != NULL) sqlite3_free(sqlite3_str_finish(writer->text));
  writer->text = NULL;
}

void bp_sqlite_writer_result(sqlite3_context *ctx, bp_sqlite_writer *writer) {
  if (writer->text == NULL) {
    /* SQLite copies it, and refuses it past the length limit. */
    sqlite3_result_text64(ctx, writer->inline_text, writer->length, SQLITE_TRANSIENT, SQLITE_UTF8);
    return;
  }
  int rc = sqlite3_str_errcode(writer->text);
  int length = sqlite3_str_length(writer->text);
  char *text = sqlite3_str_finish(writer->text);
  writer->text = NULL;
  if (rc == SQLITE_OK && text != NULL) {
    sqlite3_result_text(ctx, text, length, sqlite3_free);
    return;
  }
  sqlite3_free(text);
  if (rc == SQLITE_TOOBIG) {
    sqlite3_result_error_toobig(ctx);
  } else {
    sqlite3_result_error_nomem(ctx);
  }
}

void bp_sqlite_result(sqlite3_context *ctx, const bp_result *result, bp_sqlite_writer *writer) {
  switch (result->type) {
    case BP_RESULT_NULL:
      sqlite3_result_null(ctx);
      return;
    case BP_RESULT_INTEGER:
    case BP_RESULT_BOOLEAN:
      sqlite3_result_int64(ctx, result->integer);
      return;
    case BP_RESULT_TEXT:
      sqlite3_result_text(ctx, result->text, -1, SQLITE_STATIC);
      return;
    case BP_RESULT_DATE: {
      char text[BP_DATE_TEXT_SIZE];
      bp_date_format(result->day, text);
      sqlite3_result_text(ctx, text, -1, SQLITE_TRANSIENT);
      return;
    }
    case BP_RESULT_JSON:
      bp_sqlite_writer_result(ctx, writer);
      return;
  }
}

/* Arguments converted on the stack; recommend_plan with more pairs than
** this allocates. */
#define STACK_VALUES 32

void bp_sqlite_scalar(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  const bp_function_info *function = sqlite3_user_data(ctx);
  bp_value stack_values[STACK_VALUES];
  bp_value *values = stack_values;
  bp_call call;
  bp_result result;
  bp_sqlite_writer writer;
  bp_sqlite_writer_init(ctx, &writer);
  bp_sqlite_call_init(ctx, &call);
  if (argc > STACK_VALUES) {
    values = sqlite3_malloc64(sizeof(bp_value) * (sqlite3_uint64)argc);
    if (values == NULL) {
      sqlite3_result_error_nomem(ctx);
      goto done;
    }
  }
  if (!bp_sqlite_values(ctx, argc, argv, values)) goto done;
  function->scalar(&call, argc, values, &result, &writer.base);
  if (call.status != BP_STATUS_OK) {
    bp_sqlite_raise(ctx, &call);
  } else {
    bp_sqlite_result(ctx, &result, &writer);
  }
done:
  bp_sqlite_writer_free(&writer);
  if (values != stack_values) sqlite3_free(values);
  bp_sqlite_call_done(&call);
}
