/*
** backpain.h: public header for applications that link backpain statically
** (make static, -DSQLITE_CORE). Register it for every new connection with
**
**   sqlite3_auto_extension((void (*)(void))sqlite3_backpain_init);
**
** or call sqlite3_backpain_init(db, &error, NULL) on one connection.
*/
#ifndef BACKPAIN_H
#define BACKPAIN_H

#include <sqlite3.h>

#ifdef __cplusplus
extern "C" {
#endif

int sqlite3_backpain_init(sqlite3 *db, char **error_message, const sqlite3_api_routines *api);

#ifdef __cplusplus
}
#endif

#endif
