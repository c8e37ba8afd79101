#ifndef CQRENCODE_SHIM_H
#define CQRENCODE_SHIM_H
/* libqrencode from Debian's libqrencode-dev (pkg-config libqrencode). */
#include <qrencode.h>
#endif
