import Foundation
import IAMCore
import IAMWorkspace
import TerminalKit
import Testing

@testable import ConsoleApp

/// The Security credentials tab and the Root account page: access keys (secret shown once, CSV,
/// deactivate, delete) and MFA devices (the virtual wizard with its QR code and two codes, a
/// security key, a hardware token), all through IAMService as the signed-in principal.
@Suite("Security credentials", .serialized)
@MainActor
struct CredentialTabTests {
    /// Runs the console as root on `workspace` with downloads going to `exports`.
    private func run(
        _ workspace: WorkspaceFixture, exports: URL? = nil, width: Int = 120, height: Int = 40,
        principal: Principal = .root, keys: (MemoryTerminal) -> Void
    ) throws -> MemoryTerminal {
        let terminal = MemoryTerminal(width: width, height: height)
        keys(terminal)
        var loop = ConsoleLoop(
            terminal: terminal, source: try workspace.source(), theme: .builtinDefault, glyphs: .unicode,
            clock: FrozenClock(), principal: principal, themeDirectories: [])
        if let exports { loop.exportDirectory = exports.path }
        _ = loop.run()
        return terminal
    }

    /// alice's Security credentials tab (the fourth).
    private func openAliceCredentials(_ terminal: MemoryTerminal) {
        terminal.enqueue(keys: ":users\r\r]]]")
    }

    @Test func aNewAccessKeysSecretIsShownOnceAndDownloadedAsAWSCSV() throws {
        let workspace = try WorkspaceFixture()
        defer { workspace.remove() }
        let exports = FileManager.default.temporaryDirectory.appendingPathComponent("exports-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: exports, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: exports) }
        // alice already has one key; AWS allows two.
        let terminal = try run(workspace, exports: exports) { terminal in
            openAliceCredentials(terminal)
            terminal.enqueue(keys: "a")
            terminal.enqueue(.key(.control("s")))
            terminal.enqueue(keys: "s")
        }
        #expect(terminal.text.contains("Access key created for user alice"), "\(terminal.text)")
        #expect(terminal.text.contains("This is the only time the secret can be seen or downloaded."))
        let alice = try #require(try workspace.account().user(named: "alice"))
        #expect(alice.accessKeys.count == 2)
        let key = try #require(alice.accessKeys.last)
        let csv = try String(contentsOf: exports.appendingPathComponent("alice_accessKeys.csv"), encoding: .utf8)
        let lines = csv.split(separator: "\n")
        #expect(lines.first == "Access key ID,Secret access key")
        let fields = lines.last?.split(separator: ",").map(String.init) ?? []
        #expect(fields.first == key.id && fields.count == 2 && fields[1].count == 40)
        #expect(terminal.text.contains(fields[1]))
        // Only a hash is stored, never the secret.
        let bytes = try workspace.bytes()
        #expect(key.secretHash != fields[1])
        #expect(bytes.range(of: Data(fields[1].utf8)) == nil)
        let attributes = try FileManager.default.attributesOfItem(
            atPath: exports.appendingPathComponent("alice_accessKeys.csv").path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        // Closed, the secret is gone from the screen.
        let closed = try run(workspace) { terminal in openAliceCredentials(terminal) }
        #expect(!closed.text.contains(fields[1]))
    }

    @Test func aThirdKeyIsAWSLimitExceeded() throws {
        let workspace = try WorkspaceFixture()
        defer { workspace.remove() }
        let terminal = try run(workspace) { terminal in
            openAliceCredentials(terminal)
            terminal.enqueue(keys: "a")
            terminal.enqueue(.key(.control("s")))
            terminal.enqueue(.key(.escape))
            terminal.enqueue(keys: "a")
            terminal.enqueue(.key(.control("s")))
        }
        #expect(terminal.text.contains("LimitExceeded"), "\(terminal.text)")
        #expect(try workspace.account().user(named: "alice")?.accessKeys.count == 2)
    }

    @Test func anActiveKeyIsDeactivatedBeforeItIsDeletedByTypingItsId() throws {
        let workspace = try WorkspaceFixture()
        defer { workspace.remove() }
        let id = SampleAccount.Credentials.aliceAccessKeyId
        // The key's line: below the MFA table and the keys' header.
        let select: (MemoryTerminal) -> Void = { terminal in
            // Lines: sign-in (4), a blank, the MFA heading and "No MFA devices", a blank, the keys'
            // heading and header: the key is line 10.
            openAliceCredentials(terminal)
            terminal.enqueue(keys: String(repeating: "j", count: 10))
        }
        let refused = try run(workspace) { terminal in
            select(terminal)
            terminal.enqueue(keys: "d")
        }
        #expect(refused.text.contains("Deactivate \(id) first (r)"), "\(refused.text)")
        let deactivated = try run(workspace) { terminal in
            select(terminal)
            terminal.enqueue(keys: "r")
            terminal.enqueue(.key(.right))
            terminal.enqueue(.key(.enter))
        }
        #expect(deactivated.text.contains("Deactivated \(id)."), "\(deactivated.text)")
        #expect(try workspace.account().user(named: "alice")?.accessKeys.first?.status == .inactive)
        let deleted = try run(workspace) { terminal in
            select(terminal)
            terminal.enqueue(keys: "d" + id + "\r")
        }
        #expect(deleted.text.contains("Deleted the access key \(id)."), "\(deleted.text)")
        #expect(try workspace.account().user(named: "alice")?.accessKeys.isEmpty == true)
    }

    /// Keys that open the root user's wizard for a device named `root-phone`.
    private func openRootWizard(_ terminal: MemoryTerminal) {
        terminal.enqueue(keys: ":root\ra")
        terminal.enqueue(.key(.right))
        terminal.enqueue(keys: "\troot-phone")
        terminal.enqueue(.key(.control("s")))
    }

    @Test func theVirtualMFAWizardDrawsTheDevicesQRCodeBlackOnWhite() throws {
        let workspace = try WorkspaceFixture()
        defer { workspace.remove() }
        let terminal = try run(workspace) { openRootWizard($0) }
        #expect(terminal.text.contains("Assign MFA device root-phone to the root user"))
        #expect(terminal.text.contains("2. Scan this QR code with the app"))
        let account = try workspace.account()
        let serial = "arn:aws:iam::111122223333:mfa/root-phone"
        #expect(account.mfaDevices[serial]?.assignedTo == nil)
        let uri = try #require(account.provisioningURI(forVirtualDevice: serial))
        #expect(uri.hasPrefix("otpauth://totp/root-phone@acme-demo?secret="))
        let block = try #require(MFAProvisioning.qrRows(for: uri).flatMap { QRBlock(modules: $0) })
        // Every line of the expected symbol, quiet zone included, is on screen, in order.
        let rows = (0..<40).map { terminal.row($0) }
        let expected = block.lines(ascii: false)
        let inked = try #require(expected.firstIndex { $0.contains("█") })
        let row = try #require(rows.firstIndex { $0.contains(expected[inked]) })
        for (offset, line) in expected.enumerated() {
            #expect(rows[row - inked + offset].contains(line), "QR line \(offset) differs")
        }
        let prefix = try #require(rows[row].range(of: expected[inked])).lowerBound
        let column = displayWidth(String(rows[row][..<prefix]))
        #expect(terminal.style(row: row, column: column) == QRBlock.style)
    }

    @Test func twoConsecutiveCodesFromTheSeedAssignTheDevice() throws {
        // The device's seed comes from the source's seeded randomness: the same keys on the same
        // sample account give the same seed, so a first run tells the test which codes to type.
        let probe = try WorkspaceFixture()
        defer { probe.remove() }
        _ = try run(probe) { openRootWizard($0) }
        let serial = "arn:aws:iam::111122223333:mfa/root-phone"
        let seedText = try #require(try probe.account().mfaDevices[serial]?.seed)
        let seed = try #require(Base32.decode(seedText))
        let step = TOTP.step(at: Fixtures.now)
        let workspace = try WorkspaceFixture()
        defer { workspace.remove() }
        let terminal = try run(workspace) { terminal in
            openRootWizard(terminal)
            terminal.enqueue(
                keys: TOTP.code(secret: seed, step: step - 1) + "\t" + TOTP.code(secret: seed, step: step))
            terminal.enqueue(.key(.control("s")))
        }
        #expect(try workspace.account().mfaDevices[serial]?.seed == seedText)
        #expect(terminal.text.contains("Assigned the MFA device root-phone to the root user."), "\(terminal.text)")
        #expect(try workspace.account().root.mfaDevices == [serial])
        #expect(terminal.text.contains("Multi-factor authentication (MFA) (1)"))
    }

    @Test func wrongCodesKeepTheWizardOpenAndRightOnesAssignTheDevice() throws {
        let workspace = try WorkspaceFixture()
        defer { workspace.remove() }
        // A device created beforehand with a known seed, so the test can type its codes.
        let terminal = try run(workspace) { terminal in
            terminal.enqueue(keys: ":users\r\r]]]a")
            terminal.enqueue(.key(.right))
            terminal.enqueue(keys: "\talice-phone")
            terminal.enqueue(.key(.control("s")))
            terminal.enqueue(keys: "111111\t222222")
            terminal.enqueue(.key(.control("s")))
        }
        #expect(terminal.text.contains("InvalidAuthenticationCode"), "\(terminal.text)")
        #expect(terminal.text.contains("Assign MFA device alice-phone"))
    }

    @Test func escapeLeavesTheWizardAndDeletesTheUnassignedDevice() throws {
        let workspace = try WorkspaceFixture()
        defer { workspace.remove() }
        let terminal = try run(workspace) { terminal in
            terminal.enqueue(keys: ":root\ra")
            terminal.enqueue(.key(.right))
            terminal.enqueue(keys: "\tspare")
            terminal.enqueue(.key(.control("s")))
            terminal.enqueue(.key(.escape))
        }
        #expect(terminal.text.contains("Cancelled: the unassigned device spare was deleted."), "\(terminal.text)")
        #expect(try workspace.account().mfaDevices.isEmpty)
    }

    @Test func theQRGivesWayToTheSecretKeyWhenTheTerminalIsSmall() throws {
        let workspace = try WorkspaceFixture()
        defer { workspace.remove() }
        let terminal = try run(workspace, width: 80, height: 24) { terminal in
            terminal.enqueue(keys: ":root\ra")
            terminal.enqueue(.key(.right))
            // A long name makes a large symbol, which does not fit 80x24.
            terminal.enqueue(keys: "\t" + String(repeating: "phone", count: 20))
            terminal.enqueue(.key(.control("s")))
        }
        let seed = try #require(try workspace.account().mfaDevices.values.first?.seed)
        #expect(terminal.text.contains("type this secret key"))
        #expect(terminal.text.contains(MFAEnrolment.grouped(seed)))
        #expect(terminal.text.contains("(the QR code needs a larger terminal)"))
    }

    @Test func aSecurityKeyAndAHardwareTokenAreAssigned() throws {
        let workspace = try WorkspaceFixture()
        defer { workspace.remove() }
        let key = try run(workspace) { terminal in
            terminal.enqueue(keys: ":root\ra")
            terminal.enqueue(.key(.right))
            terminal.enqueue(.key(.right))
            terminal.enqueue(keys: "\tyubikey")
            terminal.enqueue(.key(.control("s")))
        }
        #expect(key.text.contains("Registered the security key yubikey for the root user"), "\(key.text)")
        #expect(key.text.contains("Security key"))
        let seed: [UInt8] = Array("12345678901234567890".utf8)
        let step = TOTP.step(at: Fixtures.now)
        let token = try run(workspace) { terminal in
            terminal.enqueue(keys: ":users\r\r]]]a")
            terminal.enqueue(.key(.left))
            terminal.enqueue(keys: "\t\tGAHT12345678\t" + Base32.encode(seed))
            terminal.enqueue(.key(.control("s")))
            terminal.enqueue(
                keys: TOTP.code(secret: seed, step: step - 1) + "\t" + TOTP.code(secret: seed, step: step))
            terminal.enqueue(.key(.control("s")))
        }
        #expect(token.text.contains("Assigned the MFA device GAHT12345678 to user alice."), "\(token.text)")
        #expect(try workspace.account().user(named: "alice")?.mfaDevices.contains("GAHT12345678") == true)
    }

    @Test func onlyRootSeesTheRootAccountPage() {
        let (_, terminal) = runConsole(ScriptedSource(Fixtures.account()), principal: .user("carol")) {
            $0.enqueue(keys: ":root\r")
        }
        #expect(terminal.text.contains("only the root user of account 111122223333 can view and manage"))
        #expect(!terminal.text.contains("Access keys ("))
    }
}
