#ifndef CNCURSESW_H
#define CNCURSESW_H
/* SwiftPM drops pkg-config's -D flags, so the wide-character feature macros live here. */
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#endif
