// The C face of OpenBLAS that LedeBLAS calls: the CBLAS routines and the thread-count controls.
#include <cblas.h>
