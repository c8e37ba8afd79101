# Shared by the end-to-end scripts that drive the console in tmux: a private tmux server with one
# session named `console`, screen polling (never fixed sleeps), keys, and the sample's sign-in.
#
# Source it with the script's arguments (`source support/tmux_session.sh "$@"`: the iamconsole
# binary and the sample workspace) after setting `name` (the script's name, for messages) and,
# when the script needs more than tmux and python3, `needed_tools`. It checks the arguments and the
# tools, sets `bin`, and copies the workspace to `$workspace` in a scratch folder, removed on exit
# with the tmux server.

[[ $# -eq 2 ]] || { echo "usage: $0 IAMCONSOLE_BINARY WORKSPACE_FILE" >&2; exit 2; }
bin=$(realpath -- "$1") || { echo "$name: FAIL: binary not found: $1" >&2; exit 1; }
source_workspace=$(realpath -- "$2") || { echo "$name: FAIL: workspace not found: $2" >&2; exit 1; }

fail() {
    echo "$name: FAIL: $*" >&2
    if [[ -n "${last_screen:-}" ]]; then
        printf '%s: last screen:\n%s\n' "$name" "$last_screen" >&2
    fi
    exit 1
}

for tool in tmux python3 "${needed_tools[@]}"; do
    command -v "$tool" >/dev/null || fail "$tool is not installed (scripts/install-deps installs it)"
done
grep -q '111122223333' "$source_workspace" || fail "not the sample workspace (account 111122223333): $source_workspace"

socket="$name-$$"
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
keys() { tmux_cmd send-keys -t console "$@"; }
type_text() { tmux_cmd send-keys -t console -l "$1"; }
# The first box's top border spans exactly $expected_width cells and ends in its corner.
border_fits() {
    local line
    line=$(sed -n 2p <<<"$last_screen")
    [[ ${#line} -eq $expected_width && "$line" == *"┐" ]]
}

# Starts a shell in a WIDTHxHEIGHT session; `start_console` then runs the binary in it.
open_session() {
    tmux_cmd new-session -d -s console -x "$1" -y "$2" -e LANG=C.UTF-8 -e TERM=tmux-256color "bash --norc --noprofile"
    printf -v command '%q --workspace %q; echo EXIT=$?' "$bin" "$workspace"
}
start_console() {
    keys "clear; $command" Enter
    wait_text "Sign in to account 111122223333"
}
# Signs in as the sample's root user from the sign-in form.
sign_in_root() {
    keys Tab Tab
    type_text 'root@acme.example'
    keys Tab
    type_text 'Acme-Root-2026!'
    keys C-s
}
# Types :q and expects the console to exit with status 0.
quit_console() {
    type_text ':q'
    keys Enter
    wait_text "EXIT=" 50
    local exit_line
    exit_line=$(grep -oE 'EXIT=[0-9]+' <<<"$last_screen" | tail -n 1)
    [[ "$exit_line" == "EXIT=0" ]] || fail "expected exit code 0 after :q, got ${exit_line#EXIT=}"
}
