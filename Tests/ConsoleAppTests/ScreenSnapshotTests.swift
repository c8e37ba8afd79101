import Foundation
import IAMCore
import TerminalKit
import Testing

@testable import ConsoleApp

/// Whole-screen text of every view at 80x24 and 120x40, in Unicode and in `--ascii`, compared
/// with the files in `Snapshots/` (frozen clock, fixed account). A change to any screen shows up
/// as a diff of the file. After an intended change, regenerate them with
/// `IAMCONSOLE_UPDATE_SNAPSHOTS=1 swift test --filter ScreenSnapshotTests` and review the diff.
@Suite("Screen snapshots", .serialized)
@MainActor
struct ScreenSnapshotTests {
    /// A view and the keys that reach it from the dashboard.
    struct Scene: Sendable, CustomStringConvertible {
        var name: String
        var keys: String
        var description: String { name }
    }

    nonisolated static let scenes = [
        Scene(name: "dashboard", keys: ""),
        Scene(name: "users", keys: ":users\r"),
        Scene(name: "user-permissions", keys: ":users\r/bob\r\r"),
        Scene(name: "user-security-credentials", keys: ":users\r\r]]]"),
        Scene(name: "groups", keys: ":groups\r"),
        Scene(name: "group-users", keys: ":groups\r\r"),
        Scene(name: "roles", keys: ":roles\r"),
        Scene(name: "role-trust", keys: ":roles\r\r]"),
        Scene(name: "policies", keys: ":policies\r"),
        Scene(name: "policy-document", keys: ":policies\r/DenyWithoutMFA\r\r"),
        Scene(name: "inline-policy", keys: ":users\r/deploy\r\rjj\r"),
        Scene(name: "simulator", keys: ":simulator\r"),
        Scene(name: "root-account", keys: ":root\r"),
        Scene(name: "password-policy", keys: ":password\r"),
        Scene(name: "credential-report", keys: ":creds\r"),
        Scene(name: "user-access-advisor", keys: ":users\r/alice\r\r]]]]"),
        Scene(name: "access-advisor", keys: ":advisor\r"),
        Scene(name: "access-analyzer", keys: ":analyzer\r"),
        Scene(name: "access-analyzer-finding", keys: ":analyzer\rG\r"),
        Scene(name: "help", keys: "?"),
    ]

    static let sizes = [(80, 24), (120, 40)]

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Snapshots")

    private func render(_ scene: Scene, width: Int, height: Int, ascii: Bool) -> String {
        let terminal = MemoryTerminal(width: width, height: height)
        terminal.enqueue(keys: scene.keys)
        var loop = ConsoleLoop(
            terminal: terminal, source: ScriptedSource(Fixtures.account()), theme: .builtinDefault,
            glyphs: .forMode(ascii: ascii), clock: FrozenClock(), principal: .root, themeDirectories: [])
        _ = loop.run()
        return terminal.text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { String($0.reversed().drop { $0 == " " }.reversed()) }.joined(separator: "\n") + "\n"
    }

    @Test(arguments: scenes)
    func screenMatchesItsSnapshot(_ scene: Scene) throws {
        let update = ProcessInfo.processInfo.environment["IAMCONSOLE_UPDATE_SNAPSHOTS"] == "1"
        for (width, height) in Self.sizes {
            for ascii in [false, true] {
                let text = render(scene, width: width, height: height, ascii: ascii)
                let file = Self.folder.appendingPathComponent(
                    "\(scene.name)-\(width)x\(height)\(ascii ? "-ascii" : "").txt")
                if update {
                    try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
                    try Data(text.utf8).write(to: file)
                    continue
                }
                let expected = try String(contentsOf: file, encoding: .utf8)
                #expect(text == expected, "\(file.lastPathComponent) differs:\n\(text)")
                for line in text.split(separator: "\n") {
                    #expect(displayWidth(String(line)) <= width, "\(file.lastPathComponent): a line is too wide")
                    if ascii { #expect(line.allSatisfy(\.isASCII) || line.contains(Fixtures.cjkName)) }
                }
            }
        }
    }

    /// `NO_COLOR` and `--no-color`: every cell keeps its attributes and loses its colours.
    @Test func withoutColorNoCellHasAColour() {
        let terminal = MemoryTerminal(width: 120, height: 40)
        terminal.enqueue(keys: ":users\r")
        var loop = ConsoleLoop(
            terminal: terminal, source: ScriptedSource(Fixtures.account()), theme: Theme.builtinDefault.withoutColor(),
            glyphs: .unicode, clock: FrozenClock(), principal: .root, themeDirectories: [])
        _ = loop.run()
        var attributes = 0
        for row in 0..<40 {
            for column in 0..<120 {
                guard let style = terminal.style(row: row, column: column) else { continue }
                #expect(style.foreground == .default && style.background == .default)
                if style.bold || style.reverse || style.underline { attributes += 1 }
            }
        }
        #expect(attributes > 100, "the selection and headers keep their attributes")
    }
}
