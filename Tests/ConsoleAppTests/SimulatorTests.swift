import IAMCore
import TerminalKit
import Testing

@testable import ConsoleApp

@Suite("Policy simulator")
@MainActor
struct SimulatorTests {
    let source = { ScriptedSource(Fixtures.account()) }

    /// Opens the simulator, opens its form, picks `user bob` (→ from alice), types the actions
    /// and optional context, and runs it.
    private func simulateBob(_ terminal: MemoryTerminal, actions: String, context: String = "") {
        terminal.enqueue(keys: ":simulator\r\r")
        terminal.enqueue(.key(.right))
        terminal.enqueue(keys: "\t")
        for _ in 0..<40 { terminal.enqueue(.key(.backspace)) }
        terminal.enqueue(keys: actions + "\t\t" + context)
        terminal.enqueue(.key(.control("s")))
    }

    @Test func emptyStateExplainsHowToStart() {
        let (_, terminal) = runConsole(source(), width: 80, height: 24) { $0.enqueue(keys: ":simulator\r") }
        #expect(terminal.row(1).hasPrefix("┌ Policy simulator"))
        #expect(terminal.text.contains("Principal  (not chosen)"))
        #expect(terminal.text.contains("Press Enter or e to choose a user, group or role"))
        #expect(!terminal.text.contains("Not built yet"))
    }

    @Test func denyWithoutMFADecidesAndItsStatementIsHighlighted() {
        let (_, terminal) = runConsole(source()) { simulateBob($0, actions: "s3:GetObject iam:CreateUser") }
        let text = terminal.text
        #expect(text.contains("Principal  user bob"))
        #expect(text.contains("Simulated 2 requests for user bob."))
        let first = terminal.text.split(separator: "\n").first { $0.contains("▸ s3:GetObject") } ?? ""
        #expect(first.contains("▸ s3:GetObject"))
        #expect(first.contains("denied"))
        #expect(first.contains("DenyWithoutMFA (customer managed)"))
        #expect(text.contains("Sid DenyAllExceptMFASetupWithoutMFA"))
        #expect(text.contains("Missing context values: aws:MultiFactorAuthPresent"))
        // The statement's lines carry the mark; the document's first line does not.
        let marked = terminal.text.split(separator: "\n").filter { $0.contains("▌") }
        #expect(marked.contains { $0.contains(#""Effect": "Deny""#) })
        #expect(!marked.contains { $0.contains(#""Version""#) })
    }

    @Test func mfaContextLetsPowerUserAccessAllowAndIAMStaysImplicitlyDenied() {
        let (_, terminal) = runConsole(source()) {
            simulateBob($0, actions: "s3:GetObject, iam:CreateUser", context: "aws:MultiFactorAuthPresent=true")
        }
        let rows = terminal.text.split(separator: "\n")
        let get = rows.first { $0.contains("s3:GetObject") && $0.contains("allowed") } ?? ""
        #expect(get.contains("PowerUserAccess (AWS managed)"))
        let create = rows.first { $0.contains("iam:CreateUser") && !$0.contains("Actions") } ?? ""
        #expect(create.contains("implicitly denied"))
        #expect(create.contains("none"))
        #expect(terminal.text.contains("Context    aws:MultiFactorAuthPresent=true"))
    }

    @Test func movingToAnImplicitDenyExplainsIt() {
        let (_, terminal) = runConsole(source(), width: 80, height: 24) {
            simulateBob($0, actions: "s3:GetObject iam:CreateUser", context: "aws:MultiFactorAuthPresent=true")
            $0.enqueue(keys: "j")
        }
        #expect(terminal.text.contains("No statement allows iam:CreateUser on *: it is implicitly denied."))
    }

    @Test func aUserWithoutSimulatePermissionSeesAWSAccessDenied() {
        let (_, terminal) = runConsole(source(), principal: .user(Fixtures.cjkName)) {
            simulateBob($0, actions: "s3:GetObject")
        }
        #expect(terminal.text.contains("AccessDenied"))
        #expect(terminal.text.contains("is not authorized to perform: iam:SimulatePrincipalPolicy"))
        #expect(!terminal.text.contains("Deciding statement"))
    }

    @Test func badContextStaysInTheFormWithTheFieldError() {
        let (_, terminal) = runConsole(source()) { simulateBob($0, actions: "s3:GetObject", context: "novalue") }
        #expect(terminal.text.contains("Write the context as key=value, key=value."))
        #expect(terminal.text.contains("Simulate API calls"))
    }

    @Test func modelRunsWithoutAScreenAndLocatesInlineGroupStatements() throws {
        var account = Fixtures.account()
        var service = IAMService(account: account)
        _ = try service.putInlinePolicy(
            PutInlinePolicyRequest(
                groupName: "Developers", policyName: "ReadLogs",
                policyDocument:
                    #"{"Version":"2012-10-17","Statement":[{"Sid":"Logs","Effect":"Allow","Action":"logs:Get*","Resource":"*"}]}"#
            ), as: .root)
        account = service.account
        let input = SimulationInput(
            principal: "user bob", actions: "logs:GetLogEvents", resources: "",
            context: "aws:MultiFactorAuthPresent=true")
        let results = try PolicySimulation.run(input, in: account, as: .root).get()
        #expect(results.count == 1)
        #expect(results[0].decision == "allowed")
        let statements = results[0].statements
        #expect(statements.contains { $0.policy == "ReadLogs (inline, group Developers)" && $0.label == "Sid Logs" })
        let inline = try #require(statements.first { $0.policy.hasPrefix("ReadLogs") })
        #expect(inline.lines[inline.firstLine].trimmingCharacters(in: .whitespaces) == "{")
        #expect(inline.lines[inline.firstLine + 1].contains(#""Sid": "Logs""#))
    }

    @Test func contextValuesGetTypes() throws {
        let entries = try PolicySimulation.contextEntries("aws:MultiFactorAuthPresent=true, n=3, aws:TagKeys=a|b").get()
        #expect(entries.map(\.contextKeyType) == ["boolean", "numeric", "stringList"])
        #expect(entries[2].contextKeyValues == ["a", "b"])
    }
}
