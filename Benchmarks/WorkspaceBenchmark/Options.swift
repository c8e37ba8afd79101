/// Command-line options: `[--users N] [--groups N] [--roles N] [--policies N] [--runs K]
/// [--python-script PATH] [--keep] [--console] [--reports] [--import FILE]`.
struct Options {
    var size = AccountSize()
    var runs = 5
    var pythonScript = "Benchmarks/python_baseline.py"
    /// Keep the temporary folder with the workspace file instead of removing it.
    var keep = false
    /// Measure the console's drawing instead of load and save.
    var console = false
    /// Measure the credential report and the checklist instead.
    var reports = false
    /// Time importing this `get-account-authorization-details` file instead (see ImportBenchmark).
    var importFile: String?

    static let usage = """
        usage: iamconsole-bench [--users N] [--groups N] [--roles N] [--policies N] [--runs K]
                                [--python-script PATH] [--keep] [--console] [--reports] [--import FILE]
        --import FILE times importing an authorization-details file against Python's json.load of it.
        --console measures the console's first frame, redraw and filter keystroke instead.
        --reports measures the credential report and the security checklist instead.
        Run from the package root: swift run -c release iamconsole-bench
        """

    init(_ arguments: [String]) throws {
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            if flag == "--keep" {
                keep = true
                continue
            }
            if flag == "--console" {
                console = true
                continue
            }
            if flag == "--reports" {
                reports = true
                continue
            }
            if flag == "--help" || flag == "-h" { throw BenchmarkError(Self.usage) }
            guard let value = rest.popFirst() else { throw BenchmarkError("\(flag) needs a value\n\(Self.usage)") }
            if flag == "--import" {
                importFile = value
                continue
            }
            if flag == "--python-script" {
                pythonScript = value
                continue
            }
            guard let number = Int(value), number >= 0 else {
                throw BenchmarkError("\(flag) needs a non-negative number, not '\(value)'")
            }
            switch flag {
            case "--users": size.users = number
            case "--groups": size.groups = number
            case "--roles": size.roles = number
            case "--policies": size.policies = number
            case "--runs": runs = max(number, 1)
            default: throw BenchmarkError("unknown option \(flag)\n\(Self.usage)")
            }
        }
    }
}
