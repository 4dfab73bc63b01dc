#ifndef GATECHECK_CLIBXML2_SHIM_H
#define GATECHECK_CLIBXML2_SHIM_H

// Only the push parser and SAX2 handler are used: no tree, no reader, no XInclude.
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#endif
