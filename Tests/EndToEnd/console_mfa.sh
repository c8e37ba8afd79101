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

name=console_mfa
needed_tools=(zbarimg oathtool)
here=$(dirname "$(realpath -- "$0")")
# shellcheck source=support/tmux_session.sh
source "$here/support/tmux_session.sh" "$@"

open_session 120 40
start_console
sign_in_root
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

quit_console
start_console
sign_in_root
wait_text "MFA code"
echo "console_mfa: ok: the next root sign-in asks for an MFA code"
# A fresh code (the step after the ones the enrolment used) signs in.
while (($(date +%s) % 30 > 25)); do sleep 0.2; done
code3=$(oathtool --totp -b "$secret" -N "now + 30 seconds")
type_text "$code3"
keys C-s
wait_text "with MFA." 100
echo "console_mfa: PASS"
