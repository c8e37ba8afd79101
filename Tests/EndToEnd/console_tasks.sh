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

fail() {
    echo "console_tasks: FAIL: $*" >&2
    if [[ -n "${last_screen:-}" ]]; then
        printf 'console_tasks: last screen:\n%s\n' "$last_screen" >&2
    fi
    exit 1
}

[[ $# -eq 2 ]] || { echo "usage: $0 IAMCONSOLE_BINARY WORKSPACE_FILE" >&2; exit 2; }
bin=$(realpath -- "$1") || fail "binary not found: $1"
source_workspace=$(realpath -- "$2") || fail "workspace not found: $2"
command -v tmux >/dev/null || fail "tmux is not installed"
command -v python3 >/dev/null || fail "python3 is not installed"
grep -q '111122223333' "$source_workspace" || fail "not the sample workspace (account 111122223333): $source_workspace"

socket="iamtasks-$$"
tmux_cmd() { tmux -L "$socket" -f /dev/null "$@"; }
scratch=$(mktemp -d)
cleanup() {
    tmux_cmd kill-server 2>/dev/null || true
    rm -rf -- "$scratch"
}
trap cleanup EXIT
workspace="$scratch/workspace.json"
cp -- "$source_workspace" "$workspace"

capture() { last_screen=$(tmux_cmd capture-pane -t console -p); }
# Polls every 0.1 s until the function named by $1 succeeds; at most $2 tries.
wait_for() {
    local check=$1 tries=$2
    for ((i = 0; i < tries; i++)); do
        capture
        if "$check"; then return 0; fi
        sleep 0.1
    done
    return 1
}
shows() { [[ "$last_screen" == *"$expected"* ]]; }
wait_text() {
    expected=$1
    wait_for shows "${2:-100}" || fail "\"$1\" did not appear"
}
saved_user() {
    python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); s=json.dumps(d); sys.exit(0 if "\"e2e-erin\"" in s else 1)' \
        "$workspace"
}
border_fits() {
    local line
    line=$(sed -n 2p <<<"$last_screen")
    [[ ${#line} -eq $expected_width && "$line" == *"┐" ]]
}

tmux_cmd new-session -d -s console -x 120 -y 40 -e LANG=C.UTF-8 -e TERM=tmux-256color "bash --norc --noprofile"
printf -v command '%q --workspace %q; echo EXIT=$?' "$bin" "$workspace"
tmux_cmd send-keys -t console "clear; $command" Enter

wait_text "Sign in to account 111122223333"
echo "console_tasks: ok: sign-in screen with the demo credentials"
tmux_cmd send-keys -t console Tab Tab
tmux_cmd send-keys -t console -l 'root@acme.example'
tmux_cmd send-keys -t console Tab
tmux_cmd send-keys -t console -l 'Acme-Root-2026!'
tmux_cmd send-keys -t console C-s
wait_text "Principal root"
echo "console_tasks: ok: signed in as root"

tmux_cmd send-keys -t console -l ':users'
tmux_cmd send-keys -t console Enter
wait_text "Users (5)"
tmux_cmd send-keys -t console -l 'n'
wait_text "Create user"
tmux_cmd send-keys -t console -l 'e2e-erin'
tmux_cmd send-keys -t console C-s
wait_text "Created user e2e-erin."
[[ "$last_screen" == *"▸ e2e-erin"* ]] || fail "the new user is not the selected row"
saved_user || fail "the workspace JSON does not contain the user e2e-erin"
echo "console_tasks: ok: user created, selected and saved to the workspace"

tmux_cmd resize-window -t console -x 80 -y 24
expected_width=80
wait_for border_fits 50 || fail "after resizing to 80x24 the top border is not 80 cells wide"
[[ "$last_screen" == *"e2e-erin"* ]] || fail "the user list was not redrawn at 80x24"
echo "console_tasks: ok: redrawn at 80x24"

tmux_cmd send-keys -t console -l ':q'
tmux_cmd send-keys -t console Enter
wait_text "EXIT=" 50
exit_line=$(grep -oE 'EXIT=[0-9]+' <<<"$last_screen" | tail -n 1)
[[ "$exit_line" == "EXIT=0" ]] || fail "expected exit code 0 after :q, got ${exit_line#EXIT=}"
echo "console_tasks: PASS"
