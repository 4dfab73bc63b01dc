#ifndef GATECHECK_CLIBXML2_SCHEMAS_SHIM_H
#define GATECHECK_CLIBXML2_SCHEMAS_SHIM_H

// libxml2's ICU encoding back end would pull the system ICU headers into this module, and their UErrorCode clashes
// with the one Foundation's own ICU declares wherever both modules are visible (a clean build of the tests fails).
// gatecheck never uses the ICU back end; without it only struct _xmlCharEncodingHandler loses two trailing
// pointer fields, and that struct is only ever used here through pointers.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

// For tests only: libxml2's XML Schema validator (xmllint --schema), which needs a document tree. The library
// itself never builds one (Sources/CLibXML2).
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>

#endif
