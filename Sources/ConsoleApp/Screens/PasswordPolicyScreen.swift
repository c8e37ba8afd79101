import IAMCore
import TerminalKit

/// The Password policy page: the rules in force (the account's custom policy, or IAM's default),
/// each with its allowed range, and the form `e` opens to change them (AWS's non-partial
/// UpdateAccountPasswordPolicy: every field is sent) or to go back to the IAM default.
enum PasswordPolicyScreen {
    static func detail(in account: Account) -> EntityDetail {
        var lines: [DetailLine] = []
        if let policy = account.passwordPolicy {
            lines.append(DetailLine("Custom password policy", kind: .heading))
            let yes = { (flag: Bool) in flag ? "Yes" : "No" }
            let rows: [[String]] = [
                ["Minimum password length", "\(policy.minimumPasswordLength) characters", "6-128"],
                ["Require an uppercase letter (A-Z)", yes(policy.requireUppercaseCharacters), ""],
                ["Require a lowercase letter (a-z)", yes(policy.requireLowercaseCharacters), ""],
                ["Require a number (0-9)", yes(policy.requireNumbers), ""],
                ["Require a symbol (!@#$%^&*()_+-=[]{}|')", yes(policy.requireSymbols), ""],
                ["Allow users to change their own password", yes(policy.allowUsersToChangePassword), ""],
                [
                    "Password expiration",
                    policy.maxPasswordAge > 0 ? "after \(policy.maxPasswordAge) days" : "Never", "1-1095 days",
                ],
                ["Hard expiry (administrator must reset)", yes(policy.hardExpiry), ""],
                [
                    "Prevent password reuse",
                    policy.passwordReusePrevention > 0 ? "last \(policy.passwordReusePrevention) passwords" : "Off",
                    "1-24",
                ],
            ]
            lines += DetailLines.table(["Rule", "Setting", "Range"], rows, empty: "")
        } else {
            lines.append(DetailLine("IAM default password policy", kind: .heading))
            lines += PasswordRules.defaultPolicyDescription.map { DetailLine("- " + $0) }
        }
        lines.append(DetailLine(""))
        lines.append(
            DetailLine(
                "e edits the policy; d returns to the IAM default. Changes apply to passwords set from now on.",
                kind: .muted))
        return EntityDetail(
            kind: "Account", name: "Password policy", arn: "arn:aws:iam::\(account.id):root",
            summary: [
                ("Account ID", account.id), ("Policy", account.passwordPolicy == nil ? "IAM default" : "Custom"),
            ],
            tabs: [DetailTab(title: "Rules", lines: lines)])
    }

    static let choices = ["Custom", "IAM default"]

    /// The edit form, filled with the policy in force (AWS's console starts a custom policy from
    /// the defaults: length 8, the four character types off, no expiry, no reuse rule).
    static func form(for account: Account) -> Form {
        let policy = account.passwordPolicy ?? PasswordPolicy(minimumPasswordLength: 8)
        return Form(
            title: "Edit password policy",
            fields: [
                .choice(
                    id: "kind", label: "Policy", options: choices, selected: account.passwordPolicy == nil ? 1 : 0,
                    hint: "IAM default: AWS's rules; the fields below are then not used"),
                .number(id: "length", label: "Minimum length", value: policy.minimumPasswordLength, range: 6...128),
                .checkbox(id: "upper", label: "Uppercase letter", isOn: policy.requireUppercaseCharacters),
                .checkbox(id: "lower", label: "Lowercase letter", isOn: policy.requireLowercaseCharacters),
                .checkbox(id: "number", label: "Number", isOn: policy.requireNumbers),
                .checkbox(id: "symbol", label: "Symbol", isOn: policy.requireSymbols),
                .checkbox(id: "change", label: "Users change own", isOn: policy.allowUsersToChangePassword),
                .number(
                    id: "maxAge", label: "Expire after", value: policy.maxPasswordAge, range: 0...1095,
                    hint: "Days, 1-1095; 0: passwords never expire"),
                .checkbox(id: "hard", label: "Hard expiry", isOn: policy.hardExpiry),
                .number(
                    id: "reuse", label: "Prevent reuse", value: policy.passwordReusePrevention, range: 0...24,
                    hint: "Previous passwords, 1-24; 0: reuse allowed"),
            ], submitTitle: "Save")
    }

    /// The confirmation and command for the submitted form.
    static func command(_ values: [String: FormValue]) -> (ConfirmDialog, EditCommand) {
        if values["kind"] == .choice(choices[1]) {
            return (
                ConfirmDialog.destructive(
                    title: "Use the IAM default",
                    message: "Delete the custom password policy and use IAM's default rules?",
                    confirmTitle: "Use default"),
                EditCommand(success: "The account uses the IAM default password policy.", target: .stay) {
                    _ = try $0.deleteAccountPasswordPolicy(as: $1)
                }
            )
        }
        func flag(_ id: String) -> Bool { values[id] == .bool(true) }
        func number(_ id: String) -> Int? {
            if case .number(let value) = values[id] { return value }
            return nil
        }
        let maxAge = number("maxAge").flatMap { $0 > 0 ? $0 : nil }
        let reuse = number("reuse").flatMap { $0 > 0 ? $0 : nil }
        let request = UpdateAccountPasswordPolicyRequest(
            minimumPasswordLength: number("length"), requireSymbols: flag("symbol"), requireNumbers: flag("number"),
            requireUppercaseCharacters: flag("upper"), requireLowercaseCharacters: flag("lower"),
            allowUsersToChangePassword: flag("change"), maxPasswordAge: maxAge, passwordReusePrevention: reuse,
            hardExpiry: flag("hard"))
        return (
            ConfirmDialog(
                title: "Save password policy",
                message: "Save the custom password policy? Passwords set from now on must meet it; existing ones "
                    + "keep working until they expire.", buttons: ["Cancel", "Save"]),
            EditCommand(success: "Saved the password policy.", target: .stay) {
                _ = try $0.updateAccountPasswordPolicy(request, as: $1)
            }
        )
    }
}
