#ifndef BENCH_LIBPQ_SHIM_H
#define BENCH_LIBPQ_SHIM_H

#include <libpq-fe.h>

#endif
