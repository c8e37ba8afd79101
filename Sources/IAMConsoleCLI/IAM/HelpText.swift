/// Help generated from the action table, so it never drifts from what the parser accepts.
enum HelpText {
    static func actionList(_ group: CommandGroup = .iam) -> String {
        var lines = [
            "usage: iamconsole \(group.name) <action> [flags]", "",
            group.about,
            "Credentials: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY name an access key of the workspace",
            "(with AWS_SESSION_TOKEN for temporary credentials from `iamconsole sts`);",
            "--root acts as the root user and reads the root password from standard input.", "",
            "Global flags: --workspace PATH, --root, --output json|text, --query JMESPATH, --no-paginate,",
            "--max-items N, --starting-token TOKEN, --page-size N", "", "Actions:",
        ]
        let width = (group.specs.map(\.cliName.count).max() ?? 0) + 2
        for spec in group.specs.sorted(by: { $0.cliName < $1.cliName }) {
            lines.append("  " + spec.cliName.padding(toLength: width, withPad: " ", startingAt: 0) + spec.summary)
        }
        return lines.joined(separator: "\n")
    }

    static func action(_ spec: ActionSpec, group: CommandGroup = .iam) -> String {
        var lines = ["usage: iamconsole \(group.name) \(spec.cliName) [flags]", "", spec.summary, "", "Flags:"]
        for flag in spec.flags {
            let shape: String
            switch flag.kind {
            case .string: shape = "<value>"
            case .integer: shape = "<integer>"
            case .boolean: shape = "| --no-\(flag.name)"
            case .document: shape = "<json or file://path>"
            case .tags: shape = "Key=k,Value=v ..."
            case .stringList: shape = "<value> ..."
            case .documentList: shape = "<json or file://path> ..."
            case .structureList: shape = "Name=value,... ..."
            case .json: shape = "<json, file://path or Key=value,...>"
            }
            let required = flag.required ? " (required)" : ""
            lines.append("  --\(flag.name) \(shape)\(required)")
            if !flag.help.isEmpty { lines.append("      \(flag.help)") }
        }
        if spec.resultKeys != nil {
            lines.append("  --max-items <integer>, --starting-token <token>, --page-size <integer>, --no-paginate")
        }
        return lines.joined(separator: "\n")
    }
}
