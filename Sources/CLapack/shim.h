#ifndef CLAPACK_SHIM_H
#define CLAPACK_SHIM_H
#include <cblas.h>
#include <lapacke.h>

// OpenBLAS's own thread count (the module links OpenBLAS): declared here
// because Debian's cblas.h alternative may be another implementation's.
void openblas_set_num_threads(int num_threads);
int openblas_get_num_threads(void);
#endif
