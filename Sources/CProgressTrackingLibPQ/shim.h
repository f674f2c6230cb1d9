#ifndef PROGRESS_TRACKING_LIBPQ_SHIM_H
#define PROGRESS_TRACKING_LIBPQ_SHIM_H

#include <libpq-fe.h>

#endif
