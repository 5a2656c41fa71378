/* Steps every row of progress_updates through the SQLite C API and reads each column into a
 * value the program owns (text is copied, as a Swift String is), the C baseline for the Storage
 * benchmark; Sources/StorageStep does the same through plantrack's Storage layer. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static size_t copied(sqlite3_stmt *statement, int column) {
    const unsigned char *text = sqlite3_column_text(statement, column);
    if (!text) return 0;
    size_t count = (size_t)sqlite3_column_bytes(statement, column);
    char *copy = malloc(count + 1);
    memcpy(copy, text, count);
    copy[count] = 0;
    size_t length = strlen(copy);
    free(copy);
    return length;
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: storage_step DATABASE\n");
        return 2;
    }
    sqlite3 *db;
    if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
        fprintf(stderr, "open: %s\n", sqlite3_errmsg(db));
        return 1;
    }
    const char *sql =
        "SELECT id, action_id, reported_on, status, percent, note, evidence_url, author FROM progress_updates";
    sqlite3_stmt *statement;
    if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &statement, NULL) != SQLITE_OK) {
        fprintf(stderr, "prepare: %s\n", sqlite3_errmsg(db));
        return 1;
    }
    long rows = 0;
    long checksum = 0;
    int code;
    while ((code = sqlite3_step(statement)) == SQLITE_ROW) {
        long id = (long)sqlite3_column_int64(statement, 0);
        long action_id = (long)sqlite3_column_int64(statement, 1);
        checksum += id + action_id + (long)copied(statement, 2) + (long)copied(statement, 3);
        if (sqlite3_column_type(statement, 4) != SQLITE_NULL) checksum += (long)sqlite3_column_double(statement, 4);
        checksum += (long)copied(statement, 5) + (long)copied(statement, 6) + (long)copied(statement, 7);
        rows++;
    }
    if (code != SQLITE_DONE) {
        fprintf(stderr, "step: %s\n", sqlite3_errmsg(db));
        return 1;
    }
    sqlite3_finalize(statement);
    sqlite3_close(db);
    printf("%ld rows, checksum %ld\n", rows, checksum);
    return 0;
}
