// CAtomicWords is header-only (include/CAtomicWords.h); a C target needs one source file.
#include "CAtomicWords.h"
