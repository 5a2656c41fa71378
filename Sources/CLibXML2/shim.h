#ifndef PLANTRACK_CLIBXML2_SHIM_H
#define PLANTRACK_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
// Debian's libxml2 is built with ICU, and its encoding.h then includes the system's ICU headers,
// which clash with the ICU module Foundation carries. Only pointers to the encoding handler
// (whose layout that changes) are ever used here, so its ICU fields need not be visible.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

// libxml2 prints every recoverable error to stderr by default; the converter reports its own
// one-line errors instead. (The handler's parameter type changed across versions, hence void *.)
static void clibxml2_ignore_error(void *context, void *error) { (void)context; (void)error; }
static void clibxml2_ignore_generic(void *context, const char *message, ...) { (void)context; (void)message; }
static inline void clibxml2_silence_errors(void) {
    xmlSetStructuredErrorFunc(NULL, (xmlStructuredErrorFunc)clibxml2_ignore_error);
    xmlSetGenericErrorFunc(NULL, clibxml2_ignore_generic);
}

// xmlFree is a global function pointer, which Swift 6 treats as shared mutable state.
static inline void clibxml2_free(void *pointer) { xmlFree(pointer); }
#endif
