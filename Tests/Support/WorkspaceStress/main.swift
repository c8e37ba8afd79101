// Drives IAMWorkspace's file mechanics from real processes, for the tests that need several writers, a writer
// killed mid-save, a lock held by another process, or a process whose writes fail.
import Foundation
import IAMWorkspace

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The small document the increment transactions parse and rewrite; the padding makes every save take time.
struct CounterDocument: Codable {
    var counter: Int
    var padding: String
}

let usage = """
    usage: workspace-stress COMMAND ...
      init FILE PADDING_BYTES          create {"counter": 0, "padding": ...}, replacing any file
      increment FILE N                 N locked transactions, each adding 1 to the counter
      churn FILE A B                   save the bytes of file A, then of B, alternately, until killed
      hold FILE SECONDS                take the lock, print "locked", sleep, release
      write-limited FILE SOURCE BYTES  save SOURCE's bytes with the file size limit (RLIMIT_FSIZE) set to BYTES
      bench FILE MEGABYTES             time reads and saves of a file of that size
    """

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

func contents(of path: String) -> Data {
    guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
    return data
}

/// Written unbuffered, so that a test waiting for a line sees it at once.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

func milliseconds(_ duration: Duration) -> String {
    let (seconds, attoseconds) = duration.components
    return String(format: "%.1f ms", Double(seconds) * 1000 + Double(attoseconds) / 1e15)
}

func increment(_ file: WorkspaceFile, times: Int) throws {
    let decoder = JSONDecoder()
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    for _ in 0..<times {
        try file.update { current in
            guard let current else { fail("\(file.path) does not exist; run init first") }
            var document = try decoder.decode(CounterDocument.self, from: current)
            document.counter += 1
            return try encoder.encode(document)
        }
    }
}

func churn(_ file: WorkspaceFile, _ first: Data, _ second: Data) throws -> Never {
    var useFirst = true
    while true {
        try file.write(useFirst ? first : second, overwrite: true)
        useFirst.toggle()
    }
}

func hold(_ file: WorkspaceFile, seconds: Double) throws {
    try file.update { _ in
        say("locked")
        Thread.sleep(forTimeInterval: seconds)
        return nil
    }
}

func writeLimited(_ file: WorkspaceFile, _ data: Data, limit: UInt64) -> Int32 {
    // Without ignoring SIGXFSZ the kernel would kill the process instead of failing the write.
    signal(SIGXFSZ, SIG_IGN)
    var limits = rlimit(rlim_cur: rlim_t(limit), rlim_max: rlim_t(limit))
    #if canImport(Glibc)
    let resource = __rlimit_resource_t(RLIMIT_FSIZE.rawValue)
    #else
    let resource = RLIMIT_FSIZE
    #endif
    guard setrlimit(resource, &limits) == 0 else { fail("setrlimit failed: errno \(errno)") }
    do {
        try file.write(data, overwrite: true)
        say("saved")
        return 0
    } catch {
        FileHandle.standardError.write(Data((error.description + "\n").utf8))
        return 1
    }
}

func bench(_ file: WorkspaceFile, megabytes: Int) throws {
    let clock = ContinuousClock()
    let size = megabytes * 1_000_000
    let first = Data((0..<size).map { UInt8(truncatingIfNeeded: $0 % 251 + 1) })
    var second = first
    second[size / 2] ^= 0xff
    try file.write(first, overwrite: true)
    var stamp: FileStamp?
    var elapsed = clock.measure { stamp = try? file.read().stamp }
    say("read \(megabytes) MB: \(milliseconds(elapsed))")
    elapsed = clock.measure { _ = try? file.write(second, overwrite: true) }
    say("save \(megabytes) MB (new bytes, with backup): \(milliseconds(elapsed))")
    elapsed = clock.measure { _ = try? file.update { $0 } }
    say("update returning identical bytes (read + compare): \(milliseconds(elapsed))")
    elapsed = clock.measure { _ = try? file.update { _ in first } }
    say("update saving new bytes (read + save + backup): \(milliseconds(elapsed))")
    if let stamp {
        elapsed = clock.measure { _ = file.changed(since: stamp) }
        say("changed(since:) after a save, by stat: \(milliseconds(elapsed))")
    }
    if let fresh = try? file.read().stamp {
        elapsed = clock.measure { _ = file.changed(since: fresh) }
        say("changed(since:) within the racy interval, stat + read + hash: \(milliseconds(elapsed))")
    }
}

let arguments = CommandLine.arguments.dropFirst()
guard let command = arguments.first, arguments.count >= 2 else { fail(usage) }
let rest = Array(arguments.dropFirst())
let file = WorkspaceFile(path: rest[0])
do {
    switch (command, rest.count) {
    case ("init", 2):
        guard let padding = Int(rest[1]) else { fail(usage) }
        let document = CounterDocument(counter: 0, padding: String(repeating: "p", count: padding))
        try file.write(try JSONEncoder().encode(document), overwrite: true)
    case ("increment", 2):
        guard let times = Int(rest[1]) else { fail(usage) }
        try increment(file, times: times)
    case ("churn", 3):
        try churn(file, contents(of: rest[1]), contents(of: rest[2]))
    case ("hold", 2):
        guard let seconds = Double(rest[1]) else { fail(usage) }
        try hold(file, seconds: seconds)
    case ("write-limited", 3):
        guard let limit = UInt64(rest[2]) else { fail(usage) }
        exit(writeLimited(file, contents(of: rest[1]), limit: limit))
    case ("bench", 2):
        guard let megabytes = Int(rest[1]) else { fail(usage) }
        try bench(file, megabytes: megabytes)
    default:
        fail(usage)
    }
} catch {
    fail("workspace-stress \(command): \(error)")
}
