import Foundation
import IAMCore
import IAMRemote
import Testing

/// A `moto_server` (PyPI `moto[server]`) started by a test on 127.0.0.1 at a free port, with its
/// own empty state, and stopped when the test ends.
///
/// When moto_server is not installed the tests that need it are skipped with that reason
/// (`scripts/install-deps` installs it; CI runs them).
final class MotoServer: @unchecked Sendable {
    /// Where `moto_server` is: on PATH, or in pip's `--user` folder.
    static let executable: String? = {
        let environment = ProcessInfo.processInfo.environment
        let path = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)
        let home = environment["HOME"] ?? NSHomeDirectory()
        return (path + [home + "/.local/bin"]).map { $0 + "/moto_server" }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }()

    /// Whether the moto tests can run; the reason is shown when they are skipped.
    static let isInstalled = executable != nil
    static let missing: Comment =
        "moto_server is not installed (python3 -m pip install 'moto[server]', or scripts/install-deps); skipping"

    /// The credentials tests sign with; moto accepts any.
    static let credentials = AWSCredentials(
        accessKeyId: "AKIAMOTOTESTKEY00001", secretAccessKey: "moto-test-secret", source: "test")
    /// moto's default account.
    static let accountId = "123456789012"

    private(set) var process: Process
    private(set) var port: Int
    private(set) var logPath: String
    var endpoint: String { "http://127.0.0.1:\(port)" }

    /// Starts a server with these extra environment variables and waits (up to 30 seconds) until it
    /// says it listens. A port another test's server took in the meantime makes this one exit, and
    /// the next attempt takes another port.
    init(environment: [String: String] = [:]) throws {
        let executable = try #require(
            Self.executable, "moto_server is not installed (python3 -m pip install 'moto[server]')")
        var attempt = 0
        while true {
            attempt += 1
            (process, port, logPath) = try Self.start(executable, environment: environment)
            if try waitUntilListening() { return }
            let output = FileManager.default.contents(atPath: logPath).map { String(decoding: $0, as: UTF8.self) }
            stop()
            if attempt == 3 {
                Issue.record("moto_server did not start on 127.0.0.1 (3 attempts): \(output ?? "")")
                throw CancellationError()
            }
        }
    }

    private static func start(
        _ executable: String, environment: [String: String]
    ) throws -> (Process, Int, String) {
        let port = try freePort()
        let logPath = FileManager.default.temporaryDirectory
            .appendingPathComponent("moto-\(port)-\(UUID().uuidString).log").path
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-H", "127.0.0.1", "-p", String(port)]
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        process.standardOutput = log
        process.standardError = log
        process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        try process.run()
        return (process, port, logPath)
    }

    /// True once this server's log says it runs on its port and the port answers; false when it
    /// exits or 30 seconds pass.
    private func waitUntilListening() throws -> Bool {
        let deadline = Date().addingTimeInterval(30)
        while process.isRunning, Date() < deadline {
            let log = FileManager.default.contents(atPath: logPath).map { String(decoding: $0, as: UTF8.self) } ?? ""
            if log.contains("Running on http://127.0.0.1:\(port)"), Self.answers(port) { return true }
            usleep(50_000)
        }
        return false
    }

    deinit { stop() }

    func stop() {
        if process.isRunning {
            // SIGKILL: a process started from a test's worker thread inherits its blocked signals,
            // so moto_server never sees a SIGTERM; it keeps nothing worth a clean shutdown.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(atPath: logPath)
    }

    /// The connection tests use, signed with ``credentials``.
    func connection(pageSize: Int? = nil) throws -> RemoteConnection {
        var connection = try RemoteConnection(
            endpoint: endpoint, stsEndpoint: nil, region: "us-east-1", credentials: Self.credentials)
        connection.iam.pageSize = pageSize
        return connection
    }

    /// Calls IAM directly, to set up or inspect the endpoint's state.
    @discardableResult
    func call(_ action: String, _ parameters: KeyValuePairs<String, String> = [:]) throws -> XMLNode {
        try connection().iam.call(action, QueryParameters(parameters))
    }

    /// A port nothing listens on now: bind to port 0, read the port the kernel chose, close.
    static func freePort() throws -> Int {
        let socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(socketDescriptor >= 0, "socket() failed")
        defer { close(socketDescriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                bind(socketDescriptor, raw, length) == 0 && getsockname(socketDescriptor, raw, &length) == 0
            }
        }
        try #require(bound, "cannot bind a socket on 127.0.0.1")
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Whether something accepts TCP connections on the port.
    static func answers(_ port: Int) -> Bool {
        let socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketDescriptor >= 0 else { return false }
        defer { close(socketDescriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socketDescriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }
}
