#!/usr/bin/env bash
# Drives the console's editing tasks through the real binary in a private tmux server.
#
# usage: console_edit_tasks.sh IAMCONSOLE_BINARY WORKSPACE_FILE
#
# Works on a copy of the workspace. Starts at 80x24, signs in as root and: creates a user with
# :create-user, adds it to a group and attaches a policy on its tabs; opens the DeveloperBoundary
# policy in the editor, types a syntax error and waits for the diagnostic at its line:column,
# fixes it, changes a Sid and saves a new version; resizes to 120x40 in the middle and checks the
# redraw; creates and deletes a group through the type-the-name confirmation; checks the
# workspace JSON after each change and quits with :q. Every wait polls; no fixed sleeps.
set -euo pipefail
export LC_ALL=C.UTF-8 LANG=C.UTF-8

name=console_edit_tasks
here=$(dirname "$(realpath -- "$0")")
# shellcheck source=support/tmux_session.sh
source "$here/support/tmux_session.sh" "$@"

# Runs a Python expression over the saved account (`a`); fails the test with $2 when it is false.
check_json() {
    python3 - "$workspace" "$1" <<'PY' || fail "$2"
import json, sys
a = json.load(open(sys.argv[1]))["account"]
user = lambda name: next((u for u in a["users"] if u["name"] == name), None)
group = lambda name: next((g for g in a["groups"] if g["name"] == name), None)
policy = lambda name: next((p for p in a["policies"] if p["name"] == name), None)
sys.exit(0 if eval(sys.argv[2]) else 1)
PY
}
open_session 80 24
start_console
sign_in_root
wait_text "Principal root"
echo "console_edit_tasks: ok: signed in as root at 80x24"

# A user, added to a group and given a policy on its tabs.
type_text ':create-user e2e-frank'
keys Enter
wait_text "Created user e2e-frank."
check_json 'user("e2e-frank") is not None' "e2e-frank is not in the workspace"
keys Enter
wait_text "User: e2e-frank"
type_text ']'
wait_text "User groups membership (0)"
type_text 'a'
wait_text "Add e2e-frank to a group"
keys C-s
wait_text "Added e2e-frank to Admins."
check_json 'user("e2e-frank")["groups"] == ["Admins"]' "e2e-frank is not in Admins in the workspace"
type_text '['
wait_text "Permissions policies"
type_text 'a'
wait_text "Add permissions to user e2e-frank"
keys C-s
wait_text "Attached "
check_json 'len(user("e2e-frank").get("attachedPolicies", [])) == 1' "no policy attached to e2e-frank in the workspace"
echo "console_edit_tasks: ok: user created, added to Admins, policy attached, all saved"

# The policy editor: a typo shows its diagnostic; the fix and a change save version 2.
type_text ':policies'
keys Enter
type_text '/DeveloperB'
keys Enter Enter
wait_text "Policy: DeveloperBoundary"
type_text 'e'
wait_text "Managed policy arn:aws:iam::111122223333:policy/DeveloperBoundary"
keys Down End
type_text 'x'
wait_text "2:29 Syntax errors in policy."
echo "console_edit_tasks: ok: the typo's diagnostic shows at 2:29"
tmux_cmd resize-window -t console -x 120 -y 40
wait_text "Syntax errors in policy."
echo "console_edit_tasks: ok: the editor redrew at 120x40 with the diagnostic"
keys BSpace
for _ in 1 2 3 4 5 6 7 8 9; do keys Down; done
keys End Left Left
type_text '2'
wait_text '"NoBillingOrOrganizations2",'
keys C-s
wait_text "Save: diff against v1 (default)"
keys Enter
wait_text "Saved Managed policy arn:aws:iam::111122223333:policy/DeveloperBoundary."
check_json 'policy("DeveloperBoundary")["defaultVersionId"] == "v2" and len(policy("DeveloperBoundary")["versions"]) == 2 and "NoBillingOrOrganizations2" in next(v["document"] for v in policy("DeveloperBoundary")["versions"] if v["versionId"] == "v2")' \
    "DeveloperBoundary has no default version v2 with the change"
expected_width=120
wait_for border_fits 50 || fail "after the resize to 120x40 the top border is not 120 cells wide"
echo "console_edit_tasks: ok: fixed, changed and saved as version v2"

# Delete with the type-the-name confirmation.
type_text ':create-group e2e-temp'
keys Enter
wait_text "Created group e2e-temp."
check_json 'group("e2e-temp") is not None' "e2e-temp is not in the workspace"
type_text 'd'
wait_text "Delete group"
type_text 'e2e-temp'
keys Enter
wait_text "Deleted group e2e-temp."
check_json 'group("e2e-temp") is None' "e2e-temp is still in the workspace"
echo "console_edit_tasks: ok: group deleted after typing its name"

quit_console
echo "console_edit_tasks: PASS"
