import IAMCore
import TerminalKit
import Testing

@testable import ConsoleApp

/// Drives the real loop on a `MemoryTerminal` with queued keys and a frozen clock.
@MainActor
func runConsole(
    _ source: any AccountSource, width: Int = 120, height: Int = 40, principal: Principal? = .root,
    input: (MemoryTerminal) -> Void
) -> (code: Int32, terminal: MemoryTerminal) {
    let terminal = MemoryTerminal(width: width, height: height)
    input(terminal)
    var loop = ConsoleLoop(
        terminal: terminal, source: source, theme: .builtinDefault, glyphs: .unicode, clock: FrozenClock(),
        principal: principal, themeDirectories: [])
    return (loop.run(), terminal)
}

@Suite("Browsing")
@MainActor
struct BrowsingTests {
    let source = { ScriptedSource(Fixtures.account()) }

    @Test func firstFrameShowsHeaderSidebarAndDashboard() {
        let (code, terminal) = runConsole(source()) { _ in }
        #expect(code == TerminalSignal.hangup.exitCode)
        let header = terminal.row(0)
        #expect(header.contains("Account 111122223333 (acme-demo)"))
        #expect(header.contains("Principal root"))
        #expect(header.contains("/home/ops/acme.iamws.json"))
        #expect(header.hasSuffix("loaded"))
        #expect(terminal.row(1).hasPrefix("┌ Dashboard ─"))
        #expect(terminal.row(2).contains("▸ Dashboard"))
        #expect(terminal.text.contains("Policy simulator"))
        #expect(terminal.text.contains("The root user has MFA: root"))
        #expect(terminal.text.contains("Access keys are rotated within 90 days: alice, carol"))
        #expect(terminal.row(39).contains("/ filter"))
    }

    @Test func usersListShowsTheConsoleColumnsAndKeepsBordersWithCJK() {
        let (_, terminal) = runConsole(source()) { $0.enqueue(keys: ":users\r") }
        let text = terminal.text
        #expect(terminal.row(1).hasPrefix("┌ Users ─"))
        #expect(text.contains("Users (7)"))
        for title in ["User name", "Path", "Groups", "Last activity", "MFA", "Password age"] {
            #expect(text.contains(title), "missing column \(title)")
        }
        let erin = terminal.row(terminal.text.split(separator: "\n").firstIndex { $0.contains(" erin ") } ?? 0)
        #expect(erin.contains("Admins, Auditors +…") || erin.contains("Admins, Auditors + 1"))
        #expect(erin.contains("Security key"))
        #expect(erin.contains("30 days"))
        for row in 1..<38 {
            let line = terminal.row(row)
            #expect(displayWidth(line) == 120, "row \(row) is \(displayWidth(line)) wide: \(line)")
            #expect(line.hasSuffix("│") || line.hasSuffix("┐") || line.hasSuffix("┘"))
        }
        #expect(text.contains(Fixtures.cjkName))
    }

    @Test func allColumnsShowWithoutTheSidebar() {
        let (_, terminal) = runConsole(source(), width: 200) { $0.enqueue(keys: ":users\rb") }
        let text = terminal.text
        for title in ["Console last sign-in", "Access key ID", "Access key age"] {
            #expect(text.contains(title), "missing column \(title)")
        }
        #expect(text.contains("AKIAEXAMPLEALICEKEYA (Active)"))
        #expect(!text.contains("Policy simulator"))
    }

    @Test func enterDrillsInTabsSwitchAndEscGoesBack() {
        let (_, terminal) = runConsole(source()) {
            $0.enqueue(keys: ":users\r")
            $0.enqueueTick()
            $0.enqueue(keys: "jjj\r")  // dave
            $0.enqueueTick()
            $0.enqueue(keys: "\t")
            $0.enqueueTick()
            $0.enqueue(keys: "]]")
            $0.enqueueTick()
            $0.enqueue(keys: "[")
            $0.enqueueTick()
            $0.enqueue(keys: "\u{1B}")
        }
        let frames = terminal.frames
        #expect(frames[2].contains("┌ Users › dave › Permissions ─"))
        #expect(frames[2].contains("PowerUserAccess"))
        #expect(frames[2].contains("Group Developers"))
        #expect(frames[2].contains("DeveloperBoundary"))
        #expect(frames[3].contains("Users › dave › Groups"))
        #expect(frames[3].contains("Auditors"))
        #expect(frames[4].contains("Users › dave › Security credentials"))
        #expect(frames[4].contains("Console password: Not enabled"))
        #expect(frames[5].contains("Users › dave › Tags"))
        #expect(frames[5].contains("payments"))
        #expect(frames[6].contains("┌ Users ─"))
        #expect(frames[6].contains("▸ dave"))
    }

    @Test func slashFiltersLiveAndEscClears() {
        let (_, terminal) = runConsole(source()) {
            $0.enqueue(keys: ":users\r/CA")
            $0.enqueueTick()
            $0.enqueue(keys: "r")
            $0.enqueueTick()
            $0.enqueue(keys: "\r")
            $0.enqueueTick()
            $0.enqueue(keys: "\u{1B}")
        }
        let frames = terminal.frames
        #expect(frames[1].contains("filter: CA   1 of 7"))
        #expect(frames[1].contains("▸ carol"))
        #expect(frames[2].contains("filter: CAr"))
        #expect(!frames[2].contains("alice"))
        #expect(frames[3].contains("filter: CAr"))
        #expect(!frames[4].contains("filter:"))
        #expect(frames[4].contains("alice"))
        #expect(frames[4].contains("▸ carol"))
    }

    @Test func rolesCommandShowsTrustedEntitiesAndTheTrustDocument() {
        let (_, terminal) = runConsole(source()) {
            $0.enqueue(keys: ":roles\r")
            $0.enqueueTick()
            $0.enqueue(keys: "\r\t")
        }
        let list = terminal.frames[1]
        #expect(list.contains("Role name"))
        #expect(list.contains("Trusted entities"))
        #expect(list.contains("AWS service: ec2"))
        #expect(list.contains("Account: 999988887777"))
        #expect(list.contains("Not accessed in the tracking period"))
        let trust = terminal.frames[2]
        #expect(trust.contains("Roles › app-server › Trust relationships"))
        #expect(trust.contains("\"Service\": \"ec2.amazonaws.com\""))
    }

    @Test func policyDetailShowsDocumentEntitiesAndVersions() {
        let (_, terminal) = runConsole(source()) {
            $0.enqueue(keys: ":policies\r/deploya\r\r")
            $0.enqueueTick()
            $0.enqueue(keys: "\t")
            $0.enqueueTick()
            $0.enqueue(keys: "\t")
        }
        let frames = terminal.frames
        #expect(frames[1].contains("Policies › DeployArtifacts › Permissions"))
        #expect(frames[1].contains("\"Version\": \"2012-10-17\""))
        #expect(frames[2].contains("deploy-bot"))
        #expect(frames[2].contains("Permissions policy"))
        #expect(frames[3].contains("v2 (Default)"))
        #expect(frames[3].contains("v1"))
    }

    @Test func yCopiesTheSelectedARNWithOSC52() {
        let (_, terminal) = runConsole(source()) { $0.enqueue(keys: ":users\rjy") }
        let arn = "arn:aws:iam::111122223333:user/engineering/bob"
        #expect(terminal.clipboardWrites == [MemoryTerminal.osc52(arn)])
        #expect(terminal.clipboardWrites.first?.hasPrefix("\u{1B}]52;c;") == true)
        #expect(terminal.text.contains("Copied \(arn)"))
    }

    @Test func qClosesTheViewAndAtTheTopHints() {
        let (code, terminal) = runConsole(source()) {
            $0.enqueue(keys: ":groups\r\r")
            $0.enqueueTick()
            $0.enqueue(keys: "q")
            $0.enqueueTick()
            $0.enqueue(keys: "q")
        }
        #expect(code == TerminalSignal.hangup.exitCode)
        #expect(terminal.frames[1].contains("User groups › Admins › Users"))
        #expect(terminal.frames[1].contains("alice"))
        #expect(terminal.frames[2].contains("┌ User groups ─"))
        #expect(terminal.row(38).contains("Type :q to quit"))
        let (quit, _) = runConsole(source()) { $0.enqueue(keys: ":q\r") }
        #expect(quit == 0)
    }

    @Test func helpOverlayIsGeneratedFromTheKeyMap() {
        let (_, terminal) = runConsole(source()) {
            $0.enqueue(keys: "?")
            $0.enqueueTick()
            $0.enqueue(keys: "x")
        }
        let help = terminal.frames[1]
        #expect(help.contains("Help: keys and commands"))
        #expect(help.contains("Filter the table"))
        #expect(help.contains("Copy the selected ARN"))
        #expect(help.contains(":roles"))
        #expect(!terminal.frames[2].contains("Help: keys and commands"))
    }

    @Test func reloadAfterADiskChangeKeepsTheSelectionByName() {
        var changed = Fixtures.account()
        var zed = User(name: "aaron", path: "/", id: "AIDAEXAMPLEAARON0001", createDate: Fixtures.now)
        zed.groups = []
        changed.users["aaron"] = zed
        let source = ScriptedSource(Fixtures.account(), changes: [nil, .success(Fixtures.snapshot(changed))])
        let (_, terminal) = runConsole(source) {
            $0.enqueue(keys: ":users\rjj")
            $0.enqueueTick()
            $0.enqueueTick()
        }
        #expect(terminal.frames[1].contains("▸ carol"))
        #expect(terminal.frames[2].contains("aaron"))
        #expect(terminal.frames[2].contains("▸ carol"))
        #expect(terminal.frames[2].contains("Users (8)"))
        #expect(terminal.row(0).hasSuffix("reloaded"))
        #expect(terminal.row(38).contains("Reloaded"))
    }

    @Test func narrowScreenHidesTheSidebarUntilAsked() {
        let (_, terminal) = runConsole(source(), width: 80, height: 24) {
            $0.enqueue(keys: ":users\r")
            $0.enqueueTick()
            $0.enqueue(keys: "b")
        }
        #expect(!terminal.frames[1].contains("Policy simulator"))
        #expect(terminal.frames[1].contains("MFA"))
        #expect(terminal.frames[2].contains("Policy simulator"))
        #expect(terminal.frames[2].split(separator: "\n", omittingEmptySubsequences: false).count == 24)
    }

    @Test func resizeToTooSmallAndBackRedrawsCleanly() {
        let (_, terminal) = runConsole(source()) {
            $0.enqueue(keys: ":users\r")
            $0.enqueueTick()
            $0.enqueueResize(width: 20, height: 5)
            $0.enqueueTick()
            $0.enqueueResize(width: 80, height: 24)
            $0.enqueueTick()
            $0.enqueueResize(width: 120, height: 40)
        }
        #expect(terminal.frames[2].contains("Terminal too small"))
        #expect(terminal.frames[3].contains("┌ Users ─"))
        #expect(terminal.frames[4].contains("▸ Users"))
        #expect(terminal.row(1).count == 120)
    }

    @Test func sidebarNavigatesWithHJKL() {
        let (_, terminal) = runConsole(source()) { $0.enqueue(keys: "hjjjjl") }
        #expect(terminal.row(1).hasPrefix("┌ Roles ─"))
        #expect(terminal.text.contains("Trusted entities"))
    }

    @Test func largeAccountDrawsQuickly() {
        let large = ScriptedSource(Fixtures.large(users: 5_000))
        let clock = ContinuousClock()
        var terminal = MemoryTerminal(width: 120, height: 40)
        let elapsed = clock.measure {
            (_, terminal) = runConsole(large) {
                $0.enqueue(keys: ":users\rG/user04")
                $0.enqueueTick()
            }
        }
        #expect(terminal.text.contains("user04"))
        #expect(elapsed < .seconds(3))
    }

    @Test func renderOnceReturnsOneFrame() {
        let text = ConsoleRunner.renderOnce(source: source(), options: ConsoleOptions(), width: 80, height: 24)
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false).count == 24)
        #expect(text.contains("111122223333"))
        #expect(text.contains("Sign in to account 111122223333"))
        let ascii = ConsoleRunner.renderOnce(
            source: source(), options: ConsoleOptions(ascii: true, themeName: "missing", principal: .root), width: 80,
            height: 24)
        #expect(ascii.contains("theme 'missing' not found"))
        #expect(ascii.contains("+ Dashboard -"))
    }
}

/// Help longer than the screen scrolls, and any other key closes it.
@Suite("Scrolling help")
@MainActor
struct ScrollingHelpTests {
    @Test func theLastCommandsAreReachableAt80x24() {
        let source = { ScriptedSource(Fixtures.account()) }
        let (_, top) = runConsole(source(), width: 80, height: 24) { $0.enqueue(keys: "?") }
        #expect(top.text.contains("Select the previous row"))
        #expect(!top.text.contains(":q :quit"))
        let (_, bottom) = runConsole(source(), width: 80, height: 24) { terminal in
            terminal.enqueue(keys: "?G")
        }
        #expect(bottom.text.contains(":q :quit"), "\(bottom.text)")
        #expect(!bottom.text.contains("Select the previous row"))
        let (_, closed) = runConsole(source(), width: 80, height: 24) { $0.enqueue(keys: "?jjx") }
        #expect(!closed.text.contains("Help: keys and commands"))
    }
}
