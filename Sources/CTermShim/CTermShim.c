#define _XOPEN_SOURCE 700
#include <wchar.h>
#include "include/CTermShim.h"

int ts_wcwidth(uint32_t codepoint) { return wcwidth((wchar_t)codepoint); }
