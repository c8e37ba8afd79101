import Foundation
import Testing

/// The full-screen console started without a terminal, and its one-frame dump.
@Suite("console launcher")
struct ConsoleLaunchTests {
    @Test func withoutATerminalItExitsTwoWithOneLine() throws {
        let box = try Sandbox()
        try box.initSample()
        let started = Date()
        let result = try box.run(["--workspace", box.workspace], as: .nobody, timeout: 10)
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(result.status == 2)
        #expect(result.stdout == "")
        let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 2 && lines.last == "", "one line on stderr, got: \(result.stderr)")
    }

    @Test func dumpScreenPrintsTheOverview() throws {
        let box = try Sandbox()
        try box.initSample()
        let before = try box.workspaceBytes()
        let result = try box.run(["--workspace", box.workspace, "--dump-screen", "80x24"], as: .nobody, timeout: 10)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("111122223333"))
        #expect(result.stdout.contains("acme-demo"))
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 24, "an 80x24 frame has 24 lines")
        #expect(try box.workspaceBytes() == before)
    }

    @Test func aBadScreenSizeIsAUsageError() throws {
        let box = try Sandbox()
        let result = try box.run(["--dump-screen", "80by24"], as: .nobody)
        #expect(result.status == 252)
        #expect(result.stderr.contains("argument --dump-screen: expected WIDTHxHEIGHT"))
    }
}
