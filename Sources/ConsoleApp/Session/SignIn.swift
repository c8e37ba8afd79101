import IAMCore
import TerminalKit

/// The sign-in forms: the one the console opens on (root or IAM user) and the MFA step. What was
/// typed is checked by `IAMService.signIn` and `completeSignIn` (IAMCore), which the loop runs
/// through the source so the audit trail and the throttle see every attempt.
enum SignIn {
    /// Field ids.
    static let kindField = "kind"
    static let accountField = "account"
    static let identityField = "identity"
    static let passwordField = "password"
    static let kinds = ["Root user", "IAM user"]

    /// The sign-in form for `account`.
    static func form(for account: Account?) -> Form {
        Form(
            title: "Sign in",
            fields: [
                .choice(
                    id: kindField, label: "Sign in as", options: kinds,
                    hint: "Left/Right to switch between root and IAM user"),
                .text(
                    id: accountField, label: "Account ID or alias", value: account?.id ?? "", maxLength: 64,
                    hint: "IAM users only"),
                .text(id: identityField, label: "Email or user name", maxLength: 128),
                .password(id: passwordField, label: "Password", maxLength: 128),
            ],
            submitTitle: "Sign in", cancelTitle: "Clear")
    }

    /// The identity and password typed into the sign-in form.
    static func attempt(_ values: [String: FormValue]) -> (SignInIdentity, String) {
        let identity = text(values[identityField]).trimmingCharacters(in: .whitespaces)
        let password = text(values[passwordField])
        if case .choice(let kind) = values[kindField], kind == kinds[0] {
            return (.root(email: identity), password)
        }
        return (.user(account: text(values[accountField]), userName: identity), password)
    }

    /// Field ids of the MFA form.
    static let deviceField = "device"
    static let codeField = "code"

    /// The second step, as AWS's sign-in page asks for it: the MFA device (when there are
    /// several) and its code; a security key is "used" by submitting with it chosen.
    static func mfaForm(for challenge: MFAChallenge) -> Form {
        var fields: [FormField] = []
        if challenge.devices.count > 1 {
            fields.append(
                .choice(
                    id: deviceField, label: "MFA device", options: challenge.devices.map(deviceLabel),
                    hint: "Left/Right to choose"))
        }
        let onlyKeys = challenge.devices.allSatisfy { $0.type == .securityKey }
        if !onlyKeys {
            fields.append(
                .text(
                    id: codeField, label: "MFA code", maxLength: 16,
                    hint: "The 6-digit code your authenticator app or token shows"))
        }
        return Form(
            title: "Multi-factor authentication", fields: fields,
            submitTitle: onlyKeys ? "Use security key" : "Submit", cancelTitle: "Cancel")
    }

    /// Field ids of the change-password form.
    static let oldPasswordField = "old"
    static let newPasswordField = "new"
    static let confirmField = "confirm"

    /// The change-password step: why, the account's rules, the old password and the new one twice.
    static func changePasswordForm(for session: ConsoleSession, in account: Account) -> Form {
        Form(
            title: session.passwordChange?.message ?? "Change your password",
            fields: [
                .password(id: oldPasswordField, label: "Old password", maxLength: 128),
                .password(
                    id: newPasswordField, label: "New password", maxLength: 128,
                    hint: passwordRules(in: account).joined(separator: "; ")),
                .password(id: confirmField, label: "Confirm new password", maxLength: 128),
            ], submitTitle: "Change password", cancelTitle: "Sign out")
    }

    /// The password rules in force, in words: the account's policy, or AWS's default rules.
    static func passwordRules(in account: Account) -> [String] {
        guard let policy = account.passwordPolicy else { return PasswordRules.defaultPolicyDescription }
        var rules = ["At least \(policy.minimumPasswordLength) characters"]
        if policy.requireUppercaseCharacters { rules.append("an uppercase letter") }
        if policy.requireLowercaseCharacters { rules.append("a lowercase letter") }
        if policy.requireNumbers { rules.append("a number") }
        if policy.requireSymbols { rules.append("a symbol") }
        if policy.passwordReusePrevention > 0 {
            rules.append("not one of the last \(policy.passwordReusePrevention) passwords")
        }
        return rules
    }

    /// `Virtual: alice-phone`, `Security key: erin-key`.
    static func deviceLabel(_ device: MFAChallenge.Device) -> String {
        switch device.type {
        case .virtual: return "Virtual: \(device.name)"
        case .hardware: return "Hardware: \(device.name)"
        case .securityKey: return "Security key: \(device.name)"
        }
    }

    /// The answer to `challenge` from the submitted MFA form.
    static func mfaResponse(
        _ values: [String: FormValue], challenge: MFAChallenge, in account: Account
    ) -> MFAResponse {
        var device = challenge.devices.first
        if case .choice(let label) = values[deviceField] {
            device = challenge.devices.first { deviceLabel($0) == label } ?? device
        }
        if let device, device.type == .securityKey,
            let credential = account.mfaDevices[device.serialNumber]?.credentialId
        {
            // No authenticator to touch in a terminal: the console answers for the registered key.
            return .securityKey(SecurityKeyAssertion.simulated(credentialId: credential, challenge: challenge))
        }
        let code = text(values[codeField]).trimmingCharacters(in: .whitespaces)
        return .code(code, serialNumber: challenge.devices.count > 1 ? device?.serialNumber : nil)
    }

    /// The demo credentials, shown under the form when the workspace is the sample account.
    static func demoLines(for account: Account?) -> [String] {
        guard let account, account.id == SampleAccount.Credentials.accountId else { return [] }
        return [
            "Sample account \(account.id): demo credentials",
            "Root user: \(SampleAccount.Credentials.rootEmail) / \(SampleAccount.Credentials.rootPassword)",
            "IAM users alice, bob, carol: \(SampleAccount.Credentials.userPassword)",
        ]
    }

    private static func text(_ value: FormValue?) -> String {
        if case .text(let text) = value { return text }
        return ""
    }

    /// Draws the sign-in form and, for the sample account, the demo credentials below it, inside
    /// the frame. Returns where the cursor belongs.
    @MainActor
    static func draw(_ form: Form, account: Account?, in canvas: Canvas, theme: Theme) -> Position? {
        let demo = demoLines(for: account)
        let formHeight = min(canvas.height - 1 - demo.count, form.contentHeight + 2)
        let width = min(canvas.width, 72)
        let left = max(0, (canvas.width - width) / 2)
        let box = canvas.subcanvas(Rect(row: 0, column: left, width: width, height: max(3, formHeight)))
        let cursor = form.drawBoxed(in: box, theme: theme, width: width)
        for (offset, line) in demo.enumerated() {
            let row = max(3, formHeight) + offset
            guard row < canvas.height else { break }
            canvas.text(
                truncate(" " + line, toWidth: canvas.width, ellipsis: canvas.glyphs.ellipsis), row: row, column: 0,
                style: offset == 0 ? theme[.label] : theme[.muted])
        }
        return cursor
    }
}
