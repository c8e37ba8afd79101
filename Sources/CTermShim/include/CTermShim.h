#ifndef CTERMSHIM_H
#define CTERMSHIM_H
#include "../../CNcursesw/CNcursesw.h"
#include <stdint.h>

/// Display width of one Unicode scalar as a UTF-8 terminal draws it: 0 for combining marks,
/// 2 for CJK and wide emoji, -1 for control characters. Uses a private C.UTF-8 locale, so the
/// answer does not depend on the process locale and is safe to call from any thread.
int ts_wcwidth(uint32_t codepoint);

/// Installs SIGINT, SIGTERM and SIGHUP handlers that only record the signal number.
/// Call before initscr/newterm so ncurses leaves these signals to us. Not SA_RESTART, so a
/// blocking read returns early and the loop notices the signal promptly.
void ts_install_signal_handlers(void);
/// Restores the dispositions saved by ts_install_signal_handlers.
void ts_restore_signal_handlers(void);
/// The most recent signal caught (0 if none), cleared by the call.
int ts_take_pending_signal(void);
/// The most recent signal caught (0 if none), left pending.
int ts_peek_pending_signal(void);

/// setlocale(LC_ALL, "") so ncurses decodes and encodes UTF-8.
void ts_setup_locale(void);
/// newterm(NULL, stdout, stdin); NULL when the terminal type is unknown (initscr would exit).
SCREEN *ts_newterm(void);
/// The standard screen of the current SCREEN.
WINDOW *ts_stdscr(void);
/// Number of colours the terminal supports (COLORS), 0 before start_color.
int ts_colors(void);
/// Number of colour pairs (COLOR_PAIRS), 0 before start_color.
int ts_color_pairs(void);

attr_t ts_a_normal(void);
attr_t ts_a_bold(void);
attr_t ts_a_reverse(void);
attr_t ts_a_underline(void);
attr_t ts_a_dim(void);

/// Reports button-1 clicks and wheel steps (on) or nothing (off); the mask macros are not
/// visible to Swift. Returns 1 when the terminal can report the mouse.
int ts_enable_mouse(int on);
/// Reads the pending KEY_MOUSE event: 1 for a button-1 press or click, 4 for wheel up, 5 for
/// wheel down, 0 for anything else or an error; the cell is stored in *row and *column.
int ts_read_mouse(int *row, int *column);

/// Sets the window's current attributes and colour pair.
int ts_wattr_set(WINDOW *win, attr_t attrs, int pair);
#endif
