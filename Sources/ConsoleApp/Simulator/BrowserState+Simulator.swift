import IAMCore
import TerminalKit

/// The Policy simulator view's state: the last inputs, their results and which deciding
/// statement the document pane shows. It survives leaving the view, as AWS's simulator keeps
/// its inputs while the page is open.
struct SimulatorView: Sendable, Equatable {
    var input = SimulationInput()
    var results: [SimulatedDecision] = []
    /// Why the last run failed (AWS's error, such as AccessDenied), if it did.
    var failure: SimulationError?
    var hasRun = false
    /// The deciding statement of the selected result the document pane shows.
    var statement = 0
}

extension BrowserState {
    /// Enter or `e` on the simulator: the inputs form, filled with the last inputs.
    mutating func startSimulation() {
        guard let account = index?.account else { return }
        let choices = PolicySimulation.principalChoices(in: account)
        guard !choices.isEmpty else {
            message = StatusMessage(text: "The account has no users, groups or roles to simulate", isError: false)
            return
        }
        modal = .form(Self.simulationForm(simulator.input, choices: choices), .simulate)
    }

    static func simulationForm(_ input: SimulationInput, choices: [String]) -> Form {
        Form(
            title: "Simulate API calls",
            fields: [
                .choice(
                    id: "principal", label: "Principal", options: choices,
                    selected: choices.firstIndex(of: input.principal) ?? 0,
                    hint: "Its own and its groups' policies and its permissions boundary"),
                .text(
                    id: "actions", label: "Actions", value: input.actions, maxLength: 4096,
                    hint: "iam:CreateUser, s3:GetObject (commas or spaces)"),
                .text(
                    id: "resources", label: "Resources", value: input.resources, maxLength: 4096,
                    hint: "ARNs; * for all"),
                .text(
                    id: "context", label: "Context", value: input.context, maxLength: 4096,
                    hint: "aws:MultiFactorAuthPresent=true, aws:TagKeys=a|b"),
            ], submitTitle: "Run simulation")
    }

    /// Runs the submitted form; a field problem goes back to the form, AWS's refusal to the view.
    mutating func submitSimulation(_ values: [String: FormValue], form: Form) {
        guard let account = index?.account, let session else { return }
        func value(_ id: String) -> String {
            switch values[id] {
            case .text(let text)?, .choice(let text)?: return text.trimmingCharacters(in: .whitespaces)
            default: return ""
            }
        }
        let input = SimulationInput(
            principal: value("principal"), actions: value("actions"), resources: value("resources"),
            context: value("context"))
        simulator.input = input
        let now = index?.now ?? account.createDate
        switch PolicySimulation.run(input, in: account, as: session, session: consoleSession, clock: FixedClock(now)) {
        case .success(let results):
            simulator.results = results
            simulator.failure = nil
            message = StatusMessage(
                text: "Simulated \(results.count) request\(results.count == 1 ? "" : "s") for \(input.principal).",
                isError: false)
        case .failure(let error):
            if let field = error.field {
                var retry = form
                retry.setError(error.message, for: field)
                modal = .form(retry, .simulate)
                return
            }
            simulator.results = []
            simulator.failure = error
            message = StatusMessage(text: "\(error.code ?? "Error"): \(error.message)", isError: true)
        }
        simulator.hasRun = true
        simulator.statement = 0
        modal = nil
        if top.route != .section(.simulator) { open(.simulator) }
        var view = top
        view.selection = 0
        view.offset = 0
        top = view
    }

    /// Tab and `]` on the simulator: the next (or previous) deciding statement of the selected result.
    mutating func cycleSimulatorStatement(forward: Bool) {
        let selection = top.selection
        guard simulator.results.indices.contains(selection) else { return }
        let count = simulator.results[selection].statements.count
        guard count > 1 else {
            message = StatusMessage(text: "Only one statement decided this result", isError: false)
            return
        }
        simulator.statement = (simulator.statement + (forward ? 1 : count - 1)) % count
    }
}
