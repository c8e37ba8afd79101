#ifndef CTERMSHIM_H
#define CTERMSHIM_H
#include "../../CNcursesw/CNcursesw.h"
#include <stdint.h>

/// Display width of one Unicode scalar as the terminal draws it (wcwidth after setlocale).
int ts_wcwidth(uint32_t codepoint);
#endif
