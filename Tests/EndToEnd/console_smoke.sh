#!/usr/bin/env bash
# Smoke test of the real console binary in a private tmux server.
#
# usage: console_smoke.sh IAMCONSOLE_BINARY WORKSPACE_FILE [ACCOUNT_ID]
#
# Opens `iamconsole --workspace FILE` at 120x40, waits for the account id, resizes to 80x24,
# quits with `:q` and checks the exit code and that the alternate screen was left; then checks
# that without a TTY the binary exits 2 at once with a one-line message. ACCOUNT_ID defaults to
# the first 12-digit number in the workspace file.
set -euo pipefail
export LC_ALL=C.UTF-8 LANG=C.UTF-8

fail() {
    echo "console_smoke: FAIL: $*" >&2
    if [[ -n "${last_screen:-}" ]]; then
        printf 'console_smoke: last screen:\n%s\n' "$last_screen" >&2
    fi
    exit 1
}

[[ $# -ge 2 && $# -le 3 ]] || { echo "usage: $0 IAMCONSOLE_BINARY WORKSPACE_FILE [ACCOUNT_ID]" >&2; exit 2; }
bin=$(realpath -- "$1") || fail "binary not found: $1"
workspace=$(realpath -- "$2") || fail "workspace not found: $2"
[[ -x "$bin" ]] || fail "not executable: $bin"
[[ -r "$workspace" ]] || fail "cannot read workspace: $workspace"
command -v tmux >/dev/null || fail "tmux is not installed"
account_id=${3:-$(grep -oE '[0-9]{12}' "$workspace" | head -n 1 || true)}
[[ -n "$account_id" ]] || fail "no 12-digit account id in $workspace; pass it as the third argument"

socket="iamtest-$$"
tmux_cmd() { tmux -L "$socket" -f /dev/null "$@"; }
scratch=$(mktemp -d)
cleanup() {
    tmux_cmd kill-server 2>/dev/null || true
    rm -f -- "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$socket"
    rm -rf -- "$scratch"
}
trap cleanup EXIT

capture() { last_screen=$(tmux_cmd capture-pane -t console -p); }

# Polls the screen every 0.1 s until the shell function named by $1 succeeds; at most $2 tries.
wait_for() {
    local check=$1 tries=$2
    for ((i = 0; i < tries; i++)); do
        capture
        if "$check"; then return 0; fi
        sleep 0.1
    done
    return 1
}

shows_account() { [[ "$last_screen" == *"$account_id"* ]]; }
# The first box's top border spans exactly the expected width and ends in its corner.
border_line() { sed -n 2p <<<"$last_screen"; }
border_fits() {
    local line
    line=$(border_line)
    [[ ${#line} -eq $expected_width && "$line" == *"┐" ]] && shows_account
}
exited() { [[ "$last_screen" == *"EXIT="* ]]; }

echo "console_smoke: starting $bin --workspace $workspace at 120x40"
tmux_cmd new-session -d -s console -x 120 -y 40 -e LANG=C.UTF-8 -e TERM=tmux-256color "bash --norc --noprofile"
printf -v command '%q --workspace %q; echo EXIT=$?' "$bin" "$workspace"
tmux_cmd send-keys -t console "clear; $command" Enter

wait_for shows_account 100 || fail "account id $account_id did not appear within 10 s"
expected_width=120
wait_for border_fits 30 || fail "top border is not 120 cells wide ending in ┐: $(border_line)"
echo "console_smoke: ok: account $account_id shown at 120x40"

tmux_cmd resize-window -t console -x 80 -y 24
expected_width=80
wait_for border_fits 50 || fail "after resizing to 80x24 the top border is not 80 cells wide: $(border_line)"
echo "console_smoke: ok: redrawn at 80x24"

tmux_cmd send-keys -t console ':' 'q' Enter
wait_for exited 50 || fail "the console did not exit within 5 s of :q"
exit_line=$(grep -oE 'EXIT=[0-9]+' <<<"$last_screen" | tail -n 1)
[[ "$exit_line" == "EXIT=0" ]] || fail "expected exit code 0 after :q, got ${exit_line#EXIT=}"
alternate=$(tmux_cmd display -p -t console '#{alternate_on}')
[[ "$alternate" == "0" ]] || fail "the alternate screen is still on after exit (endwin did not run)"
echo "console_smoke: ok: :q exits 0 and leaves the alternate screen"

last_screen=""
set +e
timeout 2 "$bin" --workspace "$workspace" </dev/null >"$scratch/out" 2>"$scratch/err"
code=$?
set -e
[[ $code -ne 124 ]] || fail "without a TTY the console did not exit within 2 s"
[[ $code -eq 2 ]] || fail "without a TTY expected exit code 2, got $code"
lines=$(wc -l <"$scratch/err")
[[ $lines -eq 1 ]] || fail "without a TTY expected one line on stderr, got $lines: $(cat "$scratch/err")"
grep -q 'needs a terminal' "$scratch/err" || fail "unexpected message without a TTY: $(cat "$scratch/err")"
[[ ! -s "$scratch/out" ]] || fail "without a TTY nothing should go to stdout, got: $(cat "$scratch/out")"
echo "console_smoke: ok: without a TTY exits 2 with: $(cat "$scratch/err")"
echo "console_smoke: PASS"
