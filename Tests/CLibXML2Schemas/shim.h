#ifndef GATECHECK_CLIBXML2_SCHEMAS_SHIM_H
#define GATECHECK_CLIBXML2_SCHEMAS_SHIM_H

// For tests only: libxml2's XML Schema validator (xmllint --schema), which needs a document tree. The library
// itself never builds one (Sources/CLibXML2).
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>

#endif
