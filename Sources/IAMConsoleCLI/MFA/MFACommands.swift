import Foundation
import IAMCore
import IAMWorkspace

/// `iamconsole mfa ...`: the MFA steps that happen outside AWS's API, which the model simulates.
///
/// - `register-security-key` registers a FIDO key by name and credential id (AWS does this in the
///   console's WebAuthn ceremony), authorised as `iam:EnableMFADevice`, with the usual credentials.
/// - `import-hardware-token` adds a hardware TOTP token's serial number and seed (read from
///   standard input), as AWS learns them from the token's vendor; it needs no credentials.
/// - `code` prints the code a virtual or hardware device shows now, from the seed in the
///   workspace: a stand-in authenticator for scripts and demos, never for real secrets.
enum MFACommands {
    static let group = CommandGroup(
        name: "mfa", specs: [registerSecurityKey],
        about: "MFA steps AWS performs outside its API (see README, \"MFA\").")

    static let registerSecurityKey = ActionSpec(
        cliName: "register-security-key", operation: "RegisterSecurityKey",
        summary: "Registers and enables a FIDO security key (simulated; AWS does this in its console).",
        flags: [
            ActionTable.mfaUserName, ActionTable.flag("key-name", required: true, "The key's name."),
            ActionTable.flag("credential-id", required: true, "The authenticator's credential id (base64url)."),
        ], mutates: true, resultKeys: nil,
        call: ActionCall.make(RegisterSecurityKeyRequest.self) { try $0.registerSecurityKey($1, as: $2) })

    static let usage = """
        usage: iamconsole mfa register-security-key --key-name NAME --credential-id ID [--user-name USER] [--root]
               iamconsole mfa import-hardware-token --serial-number SERIAL    (the base32 seed on standard input)
               iamconsole mfa code --serial-number SERIAL [--offset STEPS]   (a simulated authenticator)
        """

    static func run(_ words: [String], environment: CLIEnvironment) -> Int32 {
        switch words.first {
        case "import-hardware-token": return importHardwareToken(Array(words.dropFirst()), environment: environment)
        case "code": return code(Array(words.dropFirst()), environment: environment)
        case nil, "help", "--help":
            print(usage)
            return words.isEmpty ? 252 : 0
        default: return IAMCommand.run(words, environment: environment, group: group)
        }
    }

    /// Reads `--flag value` pairs of a simple command; nil (after printing the error) on a usage error.
    private static func options(_ words: [String], allowed: Set<String>, command: String) -> [String: String]? {
        var result: [String: String] = [:]
        var index = 0
        while index < words.count {
            let name = words[index].hasPrefix("--") ? String(words[index].dropFirst(2)) : ""
            guard allowed.contains(name), index + 1 < words.count else {
                printError("usage: iamconsole mfa \(command) [flags]\niamconsole: error: unexpected '\(words[index])'")
                return nil
            }
            result[name] = words[index + 1]
            index += 2
        }
        guard result["serial-number"] != nil else {
            printError(
                "usage: iamconsole mfa \(command) [flags]\niamconsole: error: the following arguments are required: --serial-number"
            )
            return nil
        }
        return result
    }

    static func importHardwareToken(_ words: [String], environment: CLIEnvironment) -> Int32 {
        guard let options = options(words, allowed: ["serial-number", "workspace"], command: "import-hardware-token"),
            let serial = options["serial-number"]
        else { return 252 }
        guard let seed = SecretInput.read(prompt: "Base32 seed of \(serial): ") else {
            printError("iamconsole: error: import-hardware-token needs the token's base32 seed on standard input")
            return 252
        }
        do {
            let clock = try environment.clock()
            let workspace = try Workspace(path: environment.workspacePath(options["workspace"]))
            try workspace.update { account in
                var service = IAMService(account: account, clock: clock, random: environment.random())
                try service.importHardwareMFADevice(
                    ImportHardwareMFADeviceRequest(serialNumber: serial, base32StringSeed: seed))
                return (service.account, ())
            }
            return 0
        } catch let error as IAMError {
            printError(
                "\nAn error occurred (\(error.code.rawValue)) when importing the hardware token: \(error.message)")
            return 254
        } catch {
            printError("iamconsole: error: \(error)")
            return 255
        }
    }

    static func code(_ words: [String], environment: CLIEnvironment) -> Int32 {
        guard let options = options(words, allowed: ["serial-number", "workspace", "offset"], command: "code"),
            let serial = options["serial-number"]
        else { return 252 }
        guard let offset = Int64(options["offset"] ?? "0") else {
            printError("iamconsole: error: argument --offset: invalid integer value: '\(options["offset"] ?? "")'")
            return 252
        }
        do {
            let now = try environment.clock().now()
            let workspace = try Workspace(path: environment.workspacePath(options["workspace"]))
            guard let device = workspace.account.mfaDevices[serial], let secret = device.seed.flatMap(Base32.decode)
            else {
                printError("iamconsole: error: no virtual or hardware MFA device with serial number \(serial)")
                return 254
            }
            print(TOTP.code(secret: secret, step: TOTP.step(at: now) + offset + Int64(device.driftSteps ?? 0)))
            return 0
        } catch {
            printError("iamconsole: error: \(error)")
            return 255
        }
    }
}
