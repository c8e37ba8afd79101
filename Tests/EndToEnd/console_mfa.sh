#!/usr/bin/env bash
# Enrols a virtual MFA device for the root user through the real console in tmux, reading the QR
# code off the screen as a phone would.
#
# usage: console_mfa.sh IAMCONSOLE_BINARY WORKSPACE_FILE
#
# Works on a copy of the workspace at 120x40: signs in as root, opens the Root account page and
# the MFA wizard, captures the screen, turns the half-block QR code into an image
# (support/qr_from_screen.py) and decodes it with zbarimg; the text must be the exact otpauth URI
# of the device in the workspace JSON. Then types two consecutive codes made by oathtool from the
# decoded secret, checks the device is assigned in the JSON, signs out by quitting, and signs in
# again, now asked for an MFA code. Every wait polls; no fixed sleeps.
set -euo pipefail
export LC_ALL=C.UTF-8 LANG=C.UTF-8

fail() {
    echo "console_mfa: FAIL: $*" >&2
    if [[ -n "${last_screen:-}" ]]; then
        printf 'console_mfa: last screen:\n%s\n' "$last_screen" >&2
    fi
    exit 1
}

[[ $# -eq 2 ]] || { echo "usage: $0 IAMCONSOLE_BINARY WORKSPACE_FILE" >&2; exit 2; }
bin=$(realpath -- "$1") || fail "binary not found: $1"
source_workspace=$(realpath -- "$2") || fail "workspace not found: $2"
here=$(dirname "$(realpath -- "$0")")
for tool in tmux python3 zbarimg oathtool; do
    command -v "$tool" >/dev/null || fail "$tool is not installed (scripts/install-deps installs it)"
done

socket="iammfa-$$"
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
start_console() {
    keys "clear; $command" Enter
    wait_text "Sign in to account 111122223333"
    keys Tab Tab
    type_text 'root@acme.example'
    keys Tab
    type_text 'Acme-Root-2026!'
    keys C-s
}

tmux_cmd new-session -d -s console -x 120 -y 40 -e LANG=C.UTF-8 -e TERM=tmux-256color "bash --norc --noprofile"
printf -v command '%q --workspace %q; echo EXIT=$?' "$bin" "$workspace"
start_console
wait_text "Principal root"

type_text ':root'
keys Enter
wait_text "Multi-factor authentication (MFA) (0)"
type_text 'a'
wait_text "Add a credential for the root user"
keys Right Tab
type_text 'e2e-phone'
keys C-s
wait_text "2. Scan this QR code with the app"
capture
printf '%s\n' "$last_screen" >"$scratch/screen.txt"
python3 "$here/support/qr_from_screen.py" "$scratch/screen.txt" "$scratch/qr.png" || fail "could not read the QR block"
decoded=$(zbarimg -q --raw "$scratch/qr.png" 2>/dev/null | head -n 1) || fail "zbarimg could not decode the QR code"
seed=$(python3 -c 'import json,sys; a=json.load(open(sys.argv[1]))["account"]; print(next(m["seed"] for m in a["mfaDevices"] if m["serialNumber"].endswith("mfa/e2e-phone")))' "$workspace") \
    || fail "the device is not in the workspace JSON"
expected_uri="otpauth://totp/e2e-phone@acme-demo?secret=$seed"
[[ "$decoded" == "$expected_uri" ]] || fail "the QR code says '$decoded', expected '$expected_uri'"
echo "console_mfa: ok: the QR code on screen decodes to $expected_uri"

secret=${decoded##*secret=}
# Codes are for 30-second steps: make them early in a step, so the step cannot change before the
# console checks them.
while (($(date +%s) % 30 > 25)); do sleep 0.2; done
code1=$(oathtool --totp -b "$secret" -N "now - 30 seconds")
code2=$(oathtool --totp -b "$secret")
type_text "$code1"
keys Tab
type_text "$code2"
keys C-s
wait_text "Assigned the MFA device e2e-phone to the root user."
python3 -c 'import json,sys; a=json.load(open(sys.argv[1]))["account"]; sys.exit(0 if any(s.endswith("mfa/e2e-phone") for s in a["root"].get("mfaDevices", [])) else 1)' "$workspace" \
    || fail "the root user has no e2e-phone device in the workspace JSON"
echo "console_mfa: ok: codes from oathtool assigned the device"

type_text ':q'
keys Enter
wait_text "EXIT=0" 50
start_console
wait_text "MFA code"
echo "console_mfa: ok: the next root sign-in asks for an MFA code"
# A fresh code (the step after the ones the enrolment used) signs in.
while (($(date +%s) % 30 > 25)); do sleep 0.2; done
code3=$(oathtool --totp -b "$secret" -N "now + 30 seconds")
type_text "$code3"
keys C-s
wait_text "with MFA." 100
echo "console_mfa: PASS"
