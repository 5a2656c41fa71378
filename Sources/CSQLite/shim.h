#ifndef PLANTRACK_CSQLITE_SHIM_H
#define PLANTRACK_CSQLITE_SHIM_H
#include <sqlite3.h>
#include <stdint.h>
#include <string.h>

// SQLITE_TRANSIENT is a cast macro Swift cannot import; it tells SQLite to copy bound bytes.
static inline sqlite3_destructor_type csqlite_transient(void) { return SQLITE_TRANSIENT; }

// MARK: SHA-256 (FIPS 180-4)
//
// In C rather than Swift because the hash chain hashes every append-only row: a million rows
// are checked in well under a second this way. Streaming: init, update any number of times, final.

typedef struct {
    uint32_t state[8];
    uint64_t length;        // bytes hashed so far
    uint8_t buffer[64];
    uint32_t used;          // bytes waiting in buffer
} csqlite_sha256;

static const uint32_t csqlite_sha256_k[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

#define CSQLITE_ROTR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

static inline void csqlite_sha256_block(uint32_t *state, const uint8_t *block) {
    uint32_t w[64];
    for (int i = 0; i < 16; i++) {
        w[i] = (uint32_t)block[i * 4] << 24 | (uint32_t)block[i * 4 + 1] << 16
            | (uint32_t)block[i * 4 + 2] << 8 | (uint32_t)block[i * 4 + 3];
    }
    for (int i = 16; i < 64; i++) {
        uint32_t s0 = CSQLITE_ROTR(w[i - 15], 7) ^ CSQLITE_ROTR(w[i - 15], 18) ^ (w[i - 15] >> 3);
        uint32_t s1 = CSQLITE_ROTR(w[i - 2], 17) ^ CSQLITE_ROTR(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint32_t a = state[0], b = state[1], c = state[2], d = state[3];
    uint32_t e = state[4], f = state[5], g = state[6], h = state[7];
    for (int i = 0; i < 64; i++) {
        uint32_t t1 = h + (CSQLITE_ROTR(e, 6) ^ CSQLITE_ROTR(e, 11) ^ CSQLITE_ROTR(e, 25))
            + ((e & f) ^ (~e & g)) + csqlite_sha256_k[i] + w[i];
        uint32_t t2 = (CSQLITE_ROTR(a, 2) ^ CSQLITE_ROTR(a, 13) ^ CSQLITE_ROTR(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
        h = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
    }
    state[0] += a; state[1] += b; state[2] += c; state[3] += d;
    state[4] += e; state[5] += f; state[6] += g; state[7] += h;
}


// SHA extensions (x86 SHA-NI), where the processor has them: several times faster than the
// portable rounds, which is what lets `verify` recheck a million rows in a second or so.
#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#include <immintrin.h>

static inline int csqlite_sha256_has_extensions(void) {
    static int cached = -1;
    if (cached < 0) {
        unsigned a = 0, b = 0, c = 0, d = 0;
        int sse = __get_cpuid(1, &a, &b, &c, &d) && (c & (1u << 9)) && (c & (1u << 19));  // SSSE3, SSE4.1
        int sha = __get_cpuid_count(7, 0, &a, &b, &c, &d) && (b & (1u << 29));
        cached = sse && sha;
    }
    return cached;
}

__attribute__((target("sha,sse4.1,ssse3")))
static inline void csqlite_sha256_blocks_ni(uint32_t *state, const uint8_t *data, size_t blocks) {
    const __m128i mask = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
    __m128i tmp = _mm_loadu_si128((const __m128i *)&state[0]);
    __m128i state1 = _mm_loadu_si128((const __m128i *)&state[4]);
    tmp = _mm_shuffle_epi32(tmp, 0xB1);                 // CDAB
    state1 = _mm_shuffle_epi32(state1, 0x1B);           // EFGH
    __m128i state0 = _mm_alignr_epi8(tmp, state1, 8);  // ABEF
    state1 = _mm_blend_epi16(state1, tmp, 0xF0);        // CDGH
    while (blocks-- > 0) {
        __m128i abef = state0, cdgh = state1;
        __m128i m[4];
        for (int g = 0; g < 16; g++) {
            if (g < 4) m[g] = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 16 * g)), mask);
            __m128i msg = _mm_add_epi32(m[g & 3], _mm_loadu_si128((const __m128i *)&csqlite_sha256_k[4 * g]));
            state1 = _mm_sha256rnds2_epu32(state1, state0, msg);
            if (g >= 3 && g <= 14) {
                __m128i t = _mm_alignr_epi8(m[g & 3], m[(g + 3) & 3], 4);
                m[(g + 1) & 3] = _mm_sha256msg2_epu32(_mm_add_epi32(m[(g + 1) & 3], t), m[g & 3]);
            }
            msg = _mm_shuffle_epi32(msg, 0x0E);
            state0 = _mm_sha256rnds2_epu32(state0, state1, msg);
            if (g >= 1 && g <= 12) m[(g + 3) & 3] = _mm_sha256msg1_epu32(m[(g + 3) & 3], m[g & 3]);
        }
        state0 = _mm_add_epi32(state0, abef);
        state1 = _mm_add_epi32(state1, cdgh);
        data += 64;
    }
    tmp = _mm_shuffle_epi32(state0, 0x1B);          // FEBA
    state1 = _mm_shuffle_epi32(state1, 0xB1);       // DCHG
    state0 = _mm_blend_epi16(tmp, state1, 0xF0);    // DCBA
    state1 = _mm_alignr_epi8(state1, tmp, 8);       // ABEF
    _mm_storeu_si128((__m128i *)&state[0], state0);
    _mm_storeu_si128((__m128i *)&state[4], state1);
}
#endif

static inline void csqlite_sha256_blocks(uint32_t *state, const uint8_t *data, size_t blocks) {
#if defined(__x86_64__) || defined(__i386__)
    if (csqlite_sha256_has_extensions()) {
        csqlite_sha256_blocks_ni(state, data, blocks);
        return;
    }
#endif
    for (size_t i = 0; i < blocks; i++) csqlite_sha256_block(state, data + 64 * i);
}

static inline void csqlite_sha256_init(csqlite_sha256 *ctx) {
    static const uint32_t initial[8] = {
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    };
    memcpy(ctx->state, initial, sizeof initial);
    ctx->length = 0;
    ctx->used = 0;
}

static inline void csqlite_sha256_update(csqlite_sha256 *ctx, const void *data, size_t count) {
    const uint8_t *bytes = (const uint8_t *)data;
    ctx->length += count;
    if (ctx->used > 0) {
        size_t take = 64 - ctx->used < count ? 64 - ctx->used : count;
        memcpy(ctx->buffer + ctx->used, bytes, take);
        ctx->used += (uint32_t)take;
        bytes += take;
        count -= take;
        if (ctx->used < 64) return;
        csqlite_sha256_blocks(ctx->state, ctx->buffer, 1);
        ctx->used = 0;
    }
    if (count >= 64) {
        csqlite_sha256_blocks(ctx->state, bytes, count / 64);
        bytes += count / 64 * 64;
        count %= 64;
    }
    memcpy(ctx->buffer, bytes, count);
    ctx->used = (uint32_t)count;
}

static inline void csqlite_sha256_final(csqlite_sha256 *ctx, uint8_t digest[32]) {
    uint64_t bits = ctx->length * 8;
    uint8_t padding[72] = {0x80};
    size_t padLength = ctx->used < 56 ? 56 - ctx->used : 120 - ctx->used;
    for (int i = 0; i < 8; i++) padding[padLength + i] = (uint8_t)(bits >> (56 - 8 * i));
    csqlite_sha256_update(ctx, padding, padLength + 8);
    for (int i = 0; i < 8; i++) {
        digest[i * 4] = (uint8_t)(ctx->state[i] >> 24);
        digest[i * 4 + 1] = (uint8_t)(ctx->state[i] >> 16);
        digest[i * 4 + 2] = (uint8_t)(ctx->state[i] >> 8);
        digest[i * 4 + 3] = (uint8_t)ctx->state[i];
    }
}

// MARK: The hash chain of append-only rows
//
// A row's link is SHA-256 over: the previous link (32 zero bytes for the first row), the table
// name, then each (column name, value) pair whose value is not NULL, in the order given. Each
// item is a type byte and its bytes: integers and reals as 8 big-endian bytes, text and blobs
// with a 4-byte big-endian length first, so no two different rows encode alike. NULL pairs are
// left out so that a column added later (NULL in old rows) leaves the old links valid.

static inline void csqlite_chain_put_bytes(csqlite_sha256 *ctx, uint8_t type, const void *bytes, int count) {
    uint8_t head[5] = {type, (uint8_t)(count >> 24), (uint8_t)(count >> 16), (uint8_t)(count >> 8), (uint8_t)count};
    csqlite_sha256_update(ctx, head, 5);
    if (count > 0) csqlite_sha256_update(ctx, bytes, (size_t)count);
}

static inline void csqlite_chain_put_value(csqlite_sha256 *ctx, sqlite3_value *value) {
    uint8_t item[9];
    switch (sqlite3_value_type(value)) {
    case SQLITE_INTEGER: {
        uint64_t v = (uint64_t)sqlite3_value_int64(value);
        item[0] = 'i';
        for (int i = 0; i < 8; i++) item[1 + i] = (uint8_t)(v >> (56 - 8 * i));
        csqlite_sha256_update(ctx, item, 9);
        break;
    }
    case SQLITE_FLOAT: {
        double d = sqlite3_value_double(value);
        uint64_t v;
        memcpy(&v, &d, 8);
        item[0] = 'r';
        for (int i = 0; i < 8; i++) item[1 + i] = (uint8_t)(v >> (56 - 8 * i));
        csqlite_sha256_update(ctx, item, 9);
        break;
    }
    case SQLITE_TEXT: {
        const unsigned char *text = sqlite3_value_text(value);
        csqlite_chain_put_bytes(ctx, 't', text, sqlite3_value_bytes(value));
        break;
    }
    case SQLITE_BLOB: {
        const void *blob = sqlite3_value_blob(value);
        csqlite_chain_put_bytes(ctx, 'b', blob, sqlite3_value_bytes(value));
        break;
    }
    default:
        break;
    }
}

static inline void csqlite_chain_start(csqlite_sha256 *ctx, const void *previous, int previousBytes, const char *table) {
    static const uint8_t zeros[32] = {0};
    csqlite_sha256_init(ctx);
    csqlite_sha256_update(ctx, previous != NULL && previousBytes == 32 ? previous : zeros, 32);
    csqlite_chain_put_bytes(ctx, 't', table, (int)strlen(table));
}

// SQL: chain_sha256(previous_link, table_name, name1, value1, name2, value2, …) → 32-byte blob.
static inline void csqlite_chain_function(sqlite3_context *context, int count, sqlite3_value **values) {
    if (count < 2 || count % 2 != 0 || sqlite3_value_type(values[1]) != SQLITE_TEXT) {
        sqlite3_result_error(context, "chain_sha256(previous, table, name, value, …) takes a table and name/value pairs", -1);
        return;
    }
    csqlite_sha256 ctx;
    const void *previous = sqlite3_value_type(values[0]) == SQLITE_BLOB ? sqlite3_value_blob(values[0]) : NULL;
    csqlite_chain_start(&ctx, previous, sqlite3_value_bytes(values[0]), (const char *)sqlite3_value_text(values[1]));
    for (int i = 2; i + 1 < count; i += 2) {
        if (sqlite3_value_type(values[i + 1]) == SQLITE_NULL) continue;
        csqlite_chain_put_bytes(&ctx, 't', sqlite3_value_text(values[i]), sqlite3_value_bytes(values[i]));
        csqlite_chain_put_value(&ctx, values[i + 1]);
    }
    uint8_t digest[32];
    csqlite_sha256_final(&ctx, digest);
    sqlite3_result_blob(context, digest, 32, SQLITE_TRANSIENT);
}

static inline int csqlite_register_chain_function(sqlite3 *db) {
    return sqlite3_create_function_v2(
        db, "chain_sha256", -1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, csqlite_chain_function, NULL, NULL, NULL);
}

// The link of the current row of `statement`, whose columns are the row's columns by name,
// exactly as the table's chain trigger passes them (used by `verify`).
static inline void csqlite_chain_row(sqlite3_stmt *statement, int firstColumn, const void *previous, const char *table, uint8_t digest[32]) {
    csqlite_sha256 ctx;
    csqlite_chain_start(&ctx, previous, previous ? 32 : 0, table);
    int columns = sqlite3_column_count(statement);
    for (int i = firstColumn; i < columns; i++) {
        sqlite3_value *value = sqlite3_column_value(statement, i);
        if (sqlite3_value_type(value) == SQLITE_NULL) continue;
        const char *name = sqlite3_column_name(statement, i);
        csqlite_chain_put_bytes(&ctx, 't', name, (int)strlen(name));
        csqlite_chain_put_value(&ctx, value);
    }
    csqlite_sha256_final(&ctx, digest);
}

// Whether column `linkColumn` of `links`' current row is the link of `row`'s current row; the
// whole check in C, so `verify` allocates nothing per row.
static inline int csqlite_chain_matches(sqlite3_stmt *row, int firstColumn, const uint8_t *previous, const char *table,
                                        sqlite3_stmt *links, int linkColumn) {
    uint8_t digest[32];
    csqlite_chain_row(row, firstColumn, previous, table, digest);
    const void *link = sqlite3_column_blob(links, linkColumn);
    return link != NULL && sqlite3_column_bytes(links, linkColumn) == 32 && memcmp(link, digest, 32) == 0;
}

static inline void csqlite_sha256_digest(const void *bytes, size_t count, uint8_t digest[32]) {
    csqlite_sha256 ctx;
    csqlite_sha256_init(&ctx);
    csqlite_sha256_update(&ctx, bytes, count);
    csqlite_sha256_final(&ctx, digest);
}
// sqlite3_db_config is variadic, which Swift cannot call: one wrapper per setting used.
// The two-argument fts3_tokenizer() registers a tokenizer from a raw pointer (a way to run code
// from SQL); plantrack never needs it, so every connection turns it off.
static inline int csqlite_disable_fts3_tokenizer(sqlite3 *db) {
    return sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_FTS3_TOKENIZER, 0, (int *)0);
}

#endif
