// The C face of libxml2 that LedeExtract calls: the HTML parser and the tree it builds.
// Debian's libxml2 is built with ICU, and its headers then pull ICU's types into the module, where they
// clash with Foundation's; Lede uses none of them, so the flag is dropped once xmlversion.h has set it.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
