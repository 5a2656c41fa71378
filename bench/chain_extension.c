// plantrack's chain_sha256 as a loadable extension for the sqlite3 shell, to measure what the hash
// chain costs a load (docs/PERFORMANCE.md, "Import and verify at 10^6 rows"): with it the shell
// can keep the chain triggers that bench/run.py otherwise drops from its copy.
//
//     cc -O2 -fPIC -shared -I Sources/CSQLite -o chain_extension.so bench/chain_extension.c -lsqlite3
//     sqlite3 copy.db   then   .load ./chain_extension   before the load
#include "shim.h"

int sqlite3_extension_init(sqlite3 *db, char **error, const void *api) {
    (void)error;
    (void)api;  // linked against the shell's own libsqlite3, so no API table is needed
    return csqlite_register_chain_function(db);
}
