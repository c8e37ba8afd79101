/* wcwidth and newlocale are declared only under XOPEN/POSIX 2008; define before every include. */
#define _XOPEN_SOURCE 700
#include <locale.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>
#include "include/CTermShim.h"

static locale_t cached_locale = (locale_t)0;
static pthread_once_t locale_once = PTHREAD_ONCE_INIT;

static void create_utf8_locale(void) {
    const char *names[] = {"C.UTF-8", "C.utf8", "en_US.UTF-8", NULL};
    for (int i = 0; names[i] != NULL && cached_locale == (locale_t)0; i++) {
        cached_locale = newlocale(LC_CTYPE_MASK, names[i], (locale_t)0);
    }
}

static locale_t utf8_locale(void) {
    pthread_once(&locale_once, create_utf8_locale);
    return cached_locale;
}

int ts_wcwidth(uint32_t codepoint) {
    if (codepoint < 0x20 || codepoint == 0x7f) return -1;
    if (codepoint < 0x7f) return 1;
    locale_t loc = utf8_locale();
    int width;
    if (loc != (locale_t)0) {
        locale_t previous = uselocale(loc);
        width = wcwidth((wchar_t)codepoint);
        uselocale(previous);
    } else {
        width = wcwidth((wchar_t)codepoint);
    }
    /* Without any UTF-8 locale wcwidth knows nothing beyond ASCII; one cell is the best guess. */
    if (width < 0 && codepoint >= 0xa0) return 1;
    return width;
}

static volatile sig_atomic_t pending_signal = 0;
static struct sigaction saved_int, saved_term, saved_hup;
static int handlers_installed = 0;

static void record_signal(int sig) { pending_signal = sig; }

void ts_install_signal_handlers(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = record_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    sigaction(SIGINT, &action, &saved_int);
    sigaction(SIGTERM, &action, &saved_term);
    sigaction(SIGHUP, &action, &saved_hup);
    handlers_installed = 1;
}

void ts_restore_signal_handlers(void) {
    if (!handlers_installed) return;
    sigaction(SIGINT, &saved_int, NULL);
    sigaction(SIGTERM, &saved_term, NULL);
    sigaction(SIGHUP, &saved_hup, NULL);
    handlers_installed = 0;
}

int ts_take_pending_signal(void) {
    int sig = pending_signal;
    pending_signal = 0;
    return sig;
}

int ts_peek_pending_signal(void) { return pending_signal; }

void ts_setup_locale(void) { setlocale(LC_ALL, ""); }

SCREEN *ts_newterm(void) { return newterm(NULL, stdout, stdin); }
WINDOW *ts_stdscr(void) { return stdscr; }
int ts_colors(void) { return COLORS; }
int ts_color_pairs(void) { return COLOR_PAIRS; }

attr_t ts_a_normal(void) { return A_NORMAL; }
attr_t ts_a_bold(void) { return A_BOLD; }
attr_t ts_a_reverse(void) { return A_REVERSE; }
attr_t ts_a_underline(void) { return A_UNDERLINE; }
attr_t ts_a_dim(void) { return A_DIM; }

int ts_wattr_set(WINDOW *win, attr_t attrs, int pair) { return wattr_set(win, attrs, (short)pair, NULL); }

int ts_enable_mouse(int on) {
    mmask_t wanted = on ? (BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED) : 0;
    mmask_t old = 0;
    mmask_t got = mousemask(wanted, &old);
    // Report presses at once instead of waiting to tell a click from a double click.
    mouseinterval(0);
    return on ? (got != 0) : 1;
}

int ts_read_mouse(int *row, int *column) {
    MEVENT event;
    if (getmouse(&event) != OK) return 0;
    *row = event.y;
    *column = event.x;
    if (event.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)) return 1;
    if (event.bstate & BUTTON4_PRESSED) return 4;
    if (event.bstate & BUTTON5_PRESSED) return 5;
    return 0;
}
