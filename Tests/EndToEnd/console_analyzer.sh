#!/usr/bin/env bash
# Drives the Access analyzer view through the real console binary in a private tmux server.
#
# usage: console_analyzer.sh IAMCONSOLE_BINARY WORKSPACE_FILE
#
# Works on a copy of the sample workspace: opens the console at 120x40, signs in as root, opens
# `:analyzer`, checks the three findings, opens the public bucket's finding and its highlighted
# statement, archives it with `A` (and checks the saved workspace), resizes to 80x24 and checks
# the redraw, quits with `:q` and expects exit 0. Every wait polls the screen.
set -euo pipefail
export LC_ALL=C.UTF-8 LANG=C.UTF-8

name=console_analyzer
here=$(dirname "$(realpath -- "$0")")
# shellcheck source=support/tmux_session.sh
source "$here/support/tmux_session.sh" "$@"

bucket_archived() {
    python3 -c '
import json, sys
account = json.load(open(sys.argv[1]))["account"]
findings = [f for a in account.get("analyzers", []) for f in a["findings"]]
bucket = [f["status"] for f in findings if f["resource"] == "arn:aws:s3:::acme-public-assets"]
sys.exit(0 if bucket == ["ARCHIVED"] else 1)' "$workspace"
}
open_session 120 40
start_console
sign_in_root
wait_text "Principal root"
echo "$name: ok: signed in as root"

type_text ':analyzer'
keys Enter
wait_text "Access analyzer (3)"
[[ "$last_screen" == *"Everyone"* && "$last_screen" == *"444455556666"* ]] ||
    fail "the public bucket and the partner's key are not listed"
echo "$name: ok: three findings listed"

keys G Enter
wait_text "Bucket policy, Sid PublicReadForWebsite, lines 4-10"
[[ "$last_screen" == *'▌             "Principal": "*",'* ]] || fail "the causing statement is not highlighted"
echo "$name: ok: the finding's statement is highlighted in the bucket policy"

type_text 'A'
wait_text "Archived the finding on acme-public-assets."
bucket_archived || fail "the workspace does not hold the finding as ARCHIVED"
echo "$name: ok: archived and saved"

tmux_cmd resize-window -t console -x 80 -y 24
expected_width=80
wait_for border_fits 50 || fail "after resizing to 80x24 the top border is not 80 cells wide"
[[ "$last_screen" == *"Finding: acme-public-assets"* ]] || fail "the finding was not redrawn at 80x24"
echo "$name: ok: redrawn at 80x24"

quit_console
echo "$name: PASS"
