#ifndef PLANTRACK_CXLSXWRITER_SHIM_H
#define PLANTRACK_CXLSXWRITER_SHIM_H
// Debian's libxlsxwriter-dev. Only `plantrack-xlsx` links it: it brings libcrypto and minizip,
// which the command line would otherwise load at every start.
#include <xlsxwriter.h>
#endif
