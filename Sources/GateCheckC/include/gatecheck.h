/*
 * gatecheck.h: the C ABI of gatecheck (libGateCheckC.so), one call from report bytes to a JSON verdict.
 *
 * Build: scripts/build-c-abi.sh (swift build -c release --product GateCheckC, with the Swift runtime linked in
 * statically), then compile with -I Sources/GateCheckC/include and link with -L .build/release -lGateCheckC.
 * docs/c-and-python.md has the details and an example.
 *
 * Verdict: the JSON document of schemas/verdict.schema.json, byte for byte what `gatecheck --format json` prints for
 * the same inputs (keys sorted, ending with a newline). Its "exit_code" is also stored in *exit_code:
 *   0  every blocking gate passed
 *   1  at least one blocking gate failed
 *   2  cannot judge: a bad configuration, an unreadable report, no blocking gate judged, or a bad argument
 * A bad argument is never a crash: NULL arrays when count > 0, a NULL name, a NULL body with a non-zero length,
 * a name that is not UTF-8, a bad configuration, a NULL or invalid `today` each give an exit-2 verdict whose
 * "diagnostics" say what is wrong. What cannot be checked is the caller's promise: every non-NULL pointer points
 * to as many elements (bytes) as count (lengths[i], config_len) says, and names are NUL-terminated.
 *
 * Ownership: the library never keeps, frees or writes any argument (other than *exit_code) and copies what it needs
 * before returning. A returned verdict belongs to the caller, who frees it with gatecheck_free (not free(): the
 * library may use another allocator). NULL is returned only when memory for the verdict cannot be allocated.
 *
 * Threads: every function may be called from any number of threads at once. There is no global mutable state; each
 * call builds its own configuration and checker. A call runs on the caller's thread and starts no thread.
 */
#ifndef GATECHECK_H
#define GATECHECK_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Checks reports against a configuration and returns the JSON verdict.
 *
 * config_json, config_len: gates.json's bytes (not NUL-terminated; at most 4 MiB), or NULL for the built-in gates.
 *     Diagnostics about it call it "gates.json".
 * count: the number of reports; names, bodies and lengths each have count elements (may be NULL when count is 0).
 * names[i]: the report's name, NUL-terminated UTF-8: what the verdict calls it and what gates.json `inputs`
 *     bindings match. Pass the paths the command-line tool would see to get its verdict byte for byte.
 * bodies[i], lengths[i]: the report's bytes (NULL only with length 0). The kind is detected from the content.
 * today: the current date as "YYYY-MM-DD" (UTC), which decides whether a waiver has expired. The library reads
 *     no clock, so a fixed date gives a reproducible verdict.
 * exit_code: where the verdict's exit code (0, 1 or 2) is stored; may be NULL.
 *
 * Every report is a named input: one that is not a report is an error (exit 2), as a file named on the command
 * line is. gatecheck_check_ex can mark inputs found by walking a directory instead.
 */
char *gatecheck_check(const char *config_json, size_t config_len, size_t count, const char *const *names,
                      const uint8_t *const *bodies, const size_t *lengths, const char *today, int *exit_code);

/*
 * gatecheck_check with walked[i] != 0 for each input found by walking a directory: one that is not a report is
 * listed under "ignored" (as the command-line tool does with a directory's other files) instead of being an error.
 * walked may be NULL (every input named, as gatecheck_check).
 */
char *gatecheck_check_ex(const char *config_json, size_t config_len, size_t count, const char *const *names,
                         const uint8_t *const *bodies, const size_t *lengths, const uint8_t *walked,
                         const char *today, int *exit_code);

/* Frees a verdict returned by gatecheck_check or gatecheck_check_ex. NULL is ignored. */
void gatecheck_free(char *verdict);

/* The library's version ("0.1.0"), as in the verdict's tool.version: a static string, never to be freed. */
const char *gatecheck_version(void);

#ifdef __cplusplus
}
#endif

#endif /* GATECHECK_H */
