// The C face of OpenBLAS that LedeBLAS calls: the CBLAS routines and the thread-count controls.
#include <cblas.h>

// Stops the worker threads OpenBLAS starts when it loads (exported, not in cblas.h; OpenBLAS uses it
// around fork). Its idle workers spin on sched_yield for about 2^28 cycles before they sleep, which
// costs a short-lived process a core; later calls start them again if more than one thread is asked for.
int blas_thread_shutdown_(void);
