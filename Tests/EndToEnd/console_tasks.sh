#!/usr/bin/env bash
# Drives one editing task through the real console binary in a private tmux server.
#
# usage: console_tasks.sh IAMCONSOLE_BINARY WORKSPACE_FILE
#
# Works on a copy of the workspace: opens the console at 120x40, signs in as the sample
# account's root user, creates the user `e2e-erin` with `n`, checks the screen and the saved
# workspace JSON, resizes to 80x24 and checks the redraw, quits with `:q` and expects exit 0.
# Every wait polls the screen; there are no fixed sleeps.
set -euo pipefail
export LC_ALL=C.UTF-8 LANG=C.UTF-8

name=console_tasks
here=$(dirname "$(realpath -- "$0")")
# shellcheck source=support/tmux_session.sh
source "$here/support/tmux_session.sh" "$@"

saved_user() {
    python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); s=json.dumps(d); sys.exit(0 if "\"e2e-erin\"" in s else 1)' \
        "$workspace"
}
open_session 120 40
start_console
echo "console_tasks: ok: sign-in screen with the demo credentials"
sign_in_root
wait_text "Principal root"
echo "console_tasks: ok: signed in as root"

type_text ':users'
keys Enter
wait_text "Users (5)"
type_text 'n'
wait_text "Create user"
type_text 'e2e-erin'
keys C-s
wait_text "Created user e2e-erin."
[[ "$last_screen" == *"▸ e2e-erin"* ]] || fail "the new user is not the selected row"
saved_user || fail "the workspace JSON does not contain the user e2e-erin"
echo "console_tasks: ok: user created, selected and saved to the workspace"

tmux_cmd resize-window -t console -x 80 -y 24
expected_width=80
wait_for border_fits 50 || fail "after resizing to 80x24 the top border is not 80 cells wide"
[[ "$last_screen" == *"e2e-erin"* ]] || fail "the user list was not redrawn at 80x24"
echo "console_tasks: ok: redrawn at 80x24"

quit_console
echo "console_tasks: PASS"
