import Foundation
import Testing

/// The MFA actions and `iamconsole mfa`, end to end through the binary.
@Suite("iam MFA actions")
struct MFAActionTests {
    static let serial = "arn:aws:iam::111122223333:mfa/alice-phone"
    static let invalidCode =
        "An error occurred (InvalidAuthenticationCode) when calling the EnableMFADevice operation: "
        + "Authentication code for device is not valid."

    static func tool(_ name: String) -> String? {
        ["/usr/bin/", "/usr/local/bin/", "/bin/"].map { $0 + name }.first(where: FileManager.default.isExecutableFile)
    }

    /// The code `serial` shows `offset` steps from the sandbox's time, from `iamconsole mfa code`.
    func code(_ box: Sandbox, _ serial: String = serial, offset: Int = 0) throws -> String {
        let result = try box.run(["mfa", "code", "--serial-number", serial, "--offset", String(offset)], as: .nobody)
        try #require(result.status == 0, "mfa code failed: \(result.stderr)")
        return result.stdout.trimmingCharacters(in: .newlines)
    }

    /// The seed the workspace keeps for a device.
    func storedSeed(_ box: Sandbox, _ serial: String = serial) throws -> String {
        let json = try #require(try JSONSerialization.jsonObject(with: try box.workspaceBytes()) as? [String: Any])
        let devices = try #require((json["account"] as? [String: Any])?["mfaDevices"] as? [[String: Any]])
        return try #require(devices.first { $0["serialNumber"] as? String == serial }?["seed"] as? String)
    }

    @Test(.enabled(if: tool("zbarimg") != nil, "zbarimg is missing: install Debian's zbar-tools"))
    func theQRCodePNGDecodesToTheExactOtpauthURI() throws {
        let box = try Sandbox()
        try box.initSample()
        let output = try box.ok(
            "create-virtual-mfa-device", "--virtual-mfa-device-name", "alice-phone", "--outfile", "qr.png",
            "--bootstrap-method", "QRCodePNG")
        #expect(output["VirtualMFADevice"] as? [String: String] == ["SerialNumber": Self.serial])
        let png = box.folder + "/qr.png"
        let mode = try FileManager.default.attributesOfItem(atPath: png)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.tool("zbarimg")))
        process.arguments = ["--raw", "-q", png]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let decoded = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(decoded == "otpauth://totp/alice-phone@acme-demo?secret=\(try storedSeed(box))\n")
    }

    @Test func theSeedFileHoldsTheBase32SeedAndEnablesTheDevice() throws {
        let box = try Sandbox()
        try box.initSample()
        try box.ok(
            "create-virtual-mfa-device", "--virtual-mfa-device-name", "alice-phone", "--outfile", "seed.txt",
            "--bootstrap-method", "Base32StringSeed")
        let seed = try #require(FileManager.default.contents(atPath: box.folder + "/seed.txt"))
        #expect(String(decoding: seed, as: UTF8.self) == (try storedSeed(box)))
        #expect(seed.count == 32)
        try box.ok(
            "enable-mfa-device", "--user-name", "alice", "--serial-number", Self.serial, "--authentication-code1",
            try code(box, offset: -1), "--authentication-code2", try code(box))
        let listed = try box.ok("list-mfa-devices", "--user-name", "alice")
        #expect(values(listed["MFADevices"], "SerialNumber") == [Self.serial])
        #expect(values(listed["MFADevices"], "EnableDate") == ["2026-03-01T12:00:00+00:00"])
        let assigned = try box.ok("list-virtual-mfa-devices", "--assignment-status", "Assigned")
        #expect(values(assigned["VirtualMFADevices"], "SerialNumber") == [Self.serial])
        let unassigned = try box.ok("list-virtual-mfa-devices", "--assignment-status", "Unassigned")
        #expect(values(unassigned["VirtualMFADevices"], "SerialNumber") == [])
        let conflict = try box.iam("delete-virtual-mfa-device", "--serial-number", Self.serial)
        #expect(conflict.status == 254)
        #expect(
            conflict.stderr.contains(
                "(DeleteConflict) when calling the DeleteVirtualMFADevice operation: MFA VirtualDevice in use. Must deactivate first."
            ))
        try box.ok("deactivate-mfa-device", "--user-name", "alice", "--serial-number", Self.serial)
        try box.ok("delete-virtual-mfa-device", "--serial-number", Self.serial)
        #expect(values(try box.ok("list-virtual-mfa-devices")["VirtualMFADevices"], "SerialNumber") == [])
    }

    @Test func badCodesAreRefusedAndChangeNothing() throws {
        let box = try Sandbox()
        try box.initSample()
        try box.ok(
            "create-virtual-mfa-device", "--virtual-mfa-device-name", "alice-phone", "--outfile", "seed.txt",
            "--bootstrap-method", "Base32StringSeed")
        let before = try box.workspaceBytes()
        let current = try code(box)
        let cases: [(String, String, String)] = [
            (
                String(repeating: "1", count: 7), current,
                "(ValidationError) when calling the EnableMFADevice operation: 1 validation error detected: Value '1111111' at 'authenticationCode1' failed to satisfy constraint: Member must have length less than or equal to 6"
            ),
            (
                "12a456", current,
                "(ValidationError) when calling the EnableMFADevice operation: 1 validation error detected: Value '12a456' at 'authenticationCode1' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\d]+"
            ),
            (try code(box, offset: -3), try code(box, offset: -2), Self.invalidCode),
            (current, current, Self.invalidCode),
        ]
        for (first, second, message) in cases {
            let result = try box.iam(
                "enable-mfa-device", "--user-name", "alice", "--serial-number", Self.serial, "--authentication-code1",
                first, "--authentication-code2", second)
            #expect(result.status == 254)
            #expect(result.stderr.contains(message), "\(first) \(second): \(result.stderr)")
            #expect(try box.workspaceBytes() == before)
        }
        // A code is accepted once: the pair that enabled the device cannot enable it again.
        let pair = [try code(box, offset: -1), current]
        let enable = [
            "enable-mfa-device", "--user-name", "alice", "--serial-number", Self.serial, "--authentication-code1",
            pair[0], "--authentication-code2", pair[1],
        ]
        #expect(try box.run(["iam"] + enable).status == 0)
        try box.ok("deactivate-mfa-device", "--user-name", "alice", "--serial-number", Self.serial)
        let reused = try box.run(["iam"] + enable)
        #expect(reused.status == 254 && reused.stderr.contains(Self.invalidCode))
    }

    @Test func theBootstrapFlagsAreCheckedBeforeTheCall() throws {
        let box = try Sandbox()
        try box.initSample()
        let before = try box.workspaceBytes()
        let method = try box.iam(
            "create-virtual-mfa-device", "--virtual-mfa-device-name", "x", "--outfile", "x.png", "--bootstrap-method",
            "PNG")
        #expect(method.status == 252)
        #expect(method.stderr.contains("valid choices are: QRCodePNG | Base32StringSeed"))
        let folder = try box.iam(
            "create-virtual-mfa-device", "--virtual-mfa-device-name", "x", "--outfile", "missing/x.png",
            "--bootstrap-method", "QRCodePNG")
        #expect(folder.status == 252)
        let missing = try box.iam("create-virtual-mfa-device", "--virtual-mfa-device-name", "x")
        #expect(missing.status == 252)
        #expect(missing.stderr.contains("--outfile, --bootstrap-method"))
        #expect(try box.workspaceBytes() == before)
    }

    @Test func tagsOnVirtualDevices() throws {
        let box = try Sandbox()
        try box.initSample()
        try box.ok(
            "create-virtual-mfa-device", "--virtual-mfa-device-name", "alice-phone", "--outfile", "seed.txt",
            "--bootstrap-method", "Base32StringSeed", "--tags", "Key=team,Value=a")
        try box.ok("tag-mfa-device", "--serial-number", Self.serial, "--tags", "Key=env,Value=prod")
        try box.ok("untag-mfa-device", "--serial-number", Self.serial, "--tag-keys", "team")
        #expect(values(try box.ok("list-mfa-device-tags", "--serial-number", Self.serial)["Tags"], "Key") == ["env"])
    }

    @Test func securityKeysAndHardwareTokensThroughTheMFACommands() throws {
        let box = try Sandbox()
        try box.initSample()
        let registered = try box.run(
            [
                "mfa", "register-security-key", "--user-name", "bob", "--key-name", "yubikey", "--credential-id",
                "Y3JlZGVudGlhbC0wMDAx",
            ])
        try #require(registered.status == 0, "\(registered.stderr)")
        let serial = try #require(try registered.json()["SerialNumber"] as? String)
        #expect(serial.hasPrefix("arn:aws:iam::111122223333:u2f/user/bob/yubikey-"))
        let got = try box.ok("get-mfa-device", "--serial-number", serial, "--user-name", "bob")
        #expect(got["UserName"] as? String == "bob" && got["SerialNumber"] as? String == serial)
        let imported = try box.run(
            ["mfa", "import-hardware-token", "--serial-number", "GAHT12345678"], as: .nobody,
            stdin: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP\n")
        #expect(imported.status == 0 && imported.stdout.isEmpty)
        #expect(try storedSeed(box, "GAHT12345678") == "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
        try box.ok(
            "enable-mfa-device", "--user-name", "bob", "--serial-number", "GAHT12345678", "--authentication-code1",
            try code(box, "GAHT12345678", offset: -1), "--authentication-code2", try code(box, "GAHT12345678"))
        let listed = try box.ok("list-mfa-devices", "--user-name", "bob")
        #expect(values(listed["MFADevices"], "SerialNumber") == [serial, "GAHT12345678"])
        let again = try box.run(
            ["mfa", "import-hardware-token", "--serial-number", "GAHT12345678"], as: .nobody, stdin: "JBSWY3DP\n")
        #expect(again.status == 254)
        let usage = try box.run(["mfa", "code"], as: .nobody)
        #expect(usage.status == 252 && usage.stderr.contains("--serial-number"))
    }

    @Test(.enabled(if: tool("oathtool") != nil, "oathtool is missing: install Debian's oathtool package"))
    func theSimulatedAuthenticatorAgreesWithOathtool() throws {
        let box = try Sandbox()
        try box.initSample()
        try box.ok(
            "create-virtual-mfa-device", "--virtual-mfa-device-name", "alice-phone", "--outfile", "seed.txt",
            "--bootstrap-method", "Base32StringSeed")
        let seed = try storedSeed(box)
        for (offset, when) in [
            (0, "2026-03-01 12:00:00 UTC"), (-1, "2026-03-01 11:59:30 UTC"), (2, "2026-03-01 12:01:05 UTC"),
        ] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: try #require(Self.tool("oathtool")))
            process.arguments = ["--totp", "-b", "--now=\(when)", seed]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let expected = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(try code(box, offset: offset) + "\n" == expected)
        }
    }

    @Test func helpListsTheMFAActions() throws {
        let box = try Sandbox()
        let help = try box.run(["iam", "help"], as: .nobody)
        for action in [
            "create-virtual-mfa-device", "enable-mfa-device", "deactivate-mfa-device", "delete-virtual-mfa-device",
            "list-mfa-devices", "list-virtual-mfa-devices", "resync-mfa-device", "get-mfa-device", "tag-mfa-device",
            "untag-mfa-device", "list-mfa-device-tags",
        ] {
            #expect(help.stdout.contains("  " + action + " "), "\(action)")
        }
        let mfa = try box.run(["mfa", "help"], as: .nobody)
        #expect(mfa.status == 0 && mfa.stdout.contains("import-hardware-token"))
        let action = try box.run(["iam", "create-virtual-mfa-device", "help"], as: .nobody)
        #expect(action.stdout.contains("--bootstrap-method <value> (required)"))
    }
}
