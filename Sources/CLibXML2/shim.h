#ifndef GATECHECK_CLIBXML2_SHIM_H
#define GATECHECK_CLIBXML2_SHIM_H

// libxml2's ICU encoding back end would pull the system ICU headers into this module, and their UErrorCode clashes
// with the one Foundation's own ICU declares wherever both modules are visible (a clean build of the tests fails).
// gatecheck never uses the ICU back end; without it only struct _xmlCharEncodingHandler loses two trailing
// pointer fields, and that struct is only ever used here through pointers.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

// Only the push parser and SAX2 handler are used: no tree, no reader, no XInclude.
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

// Some libxml2 errors (an input conversion that fails, "xmlParseChunk: encoder error") bypass the parser context's
// structured callback and go to the generic handler, which prints to standard error; a library must not print, and
// gatecheck learns of them from xmlParseChunk's result instead. The handler is per thread, so each parse sets it.
// (A C function: Swift cannot write a variadic C function.)
static void gatecheck_ignore_generic_error(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}

static inline void gatecheck_silence_generic_errors(void) {
    xmlSetGenericErrorFunc(NULL, gatecheck_ignore_generic_error);
}

// The version a release build stamps in: scripts/release.sh compiles with -Xcc -DGATECHECK_BUILD_VERSION='"0.1.0"'
// (from the git tag). Every other build leaves it undefined and gets NULL, so gateCheckVersion is the source's.
// (Here because this is the package's only C module; a macro on the command line is seen only through a header.)
static inline const char *gatecheck_build_version(void) {
#ifdef GATECHECK_BUILD_VERSION
    return GATECHECK_BUILD_VERSION;
#else
    return 0;
#endif
}

#endif
