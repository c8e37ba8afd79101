import Foundation
import IAMCore
import IAMRemote
import Testing

/// AWS's published Signature Version 4 test suite (see Fixtures/aws4_testsuite/README.md): for each
/// request, the canonical request, string to sign and Authorization header must match AWS's files.
@Suite struct SigV4TestSuiteTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/aws4_testsuite")
    static let time = Timestamp(iso8601: "2015-08-30T12:36:00Z") ?? Timestamp(microseconds: 0)
    static let sessionToken = "6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267"

    /// Every folder holding a `.req` file, relative to the suite's folder (`normalize-path/get-space`).
    static let cases: [String] = {
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        var names: [String] = []
        while let path = enumerator?.nextObject() as? String {
            if path.hasSuffix(".req") { names.append((path as NSString).deletingLastPathComponent) }
        }
        return names.sorted()
    }()

    @Test func theSuiteIsThere() {
        #expect(Self.cases.count == 34)
        #expect(Self.cases.contains("get-vanilla"))
        #expect(Self.cases.contains("normalize-path/get-space"))
        #expect(Self.cases.contains("post-x-www-form-urlencoded"))
    }

    @Test(arguments: cases) func signsLikeAWS(_ name: String) throws {
        let base = Self.folder.appendingPathComponent(name).appendingPathComponent((name as NSString).lastPathComponent)
        func file(_ ext: String) throws -> String {
            String(decoding: try Data(contentsOf: base.appendingPathExtension(ext)), as: UTF8.self)
        }
        var request = try Self.parse(try file("req"))
        let credentials = AWSCredentials(
            accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
            sessionToken: name == "get-vanilla-with-session-token" ? Self.sessionToken : nil, source: "test")
        let signer = SigV4Signer(credentials: credentials, region: "us-east-1", service: "service")
        signer.sign(&request, at: Self.time)
        #expect(request.header("Authorization") == (try file("authz")))
        var unsigned = request
        unsigned.headers.removeAll { $0.name == "Authorization" }
        let canonical = signer.canonicalRequest(unsigned)
        #expect(canonical == (try file("creq")))
        #expect(signer.stringToSign(canonicalRequest: canonical, at: Self.time) == (try file("sts")))
    }

    @Test func derivesTheSigningKeyOfAWSsExample() {
        // The example in AWS's "Deriving the signing key" documentation (secret of the suite, 20150830,
        // us-east-1, iam).
        let signer = SigV4Signer(
            credentials: AWSCredentials(
                accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", source: "test"),
            region: "us-east-1", service: "iam")
        let key = signer.signingKey(at: Self.time).map { String(format: "%02x", $0) }.joined()
        #expect(key == "c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9")
    }

    /// Reads a `.req` file: request line, header lines (a line starting with white space continues
    /// the previous header's value), a blank line, the body.
    static func parse(_ text: String) throws -> SigV4Request {
        var lines = text.components(separatedBy: "\n")
        let requestLine = lines.removeFirst()
        let method = String(requestLine.prefix { $0 != " " })
        var target = String(requestLine.dropFirst(method.count + 1))
        if target.hasSuffix(" HTTP/1.1") { target.removeLast(" HTTP/1.1".count) }
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        var headers: [SigV4Request.Header] = []
        var body = ""
        while !lines.isEmpty {
            let line = lines.removeFirst()
            if line.isEmpty {
                body = lines.joined(separator: "\n")
                break
            }
            if line.first == " " || line.first == "\t", !headers.isEmpty {
                headers[headers.count - 1].value += " " + line.trimmingCharacters(in: .whitespaces)
                continue
            }
            let colon = try #require(line.firstIndex(of: ":"), "header line without a colon: \(line)")
            headers.append(.init(String(line[..<colon]), String(line[line.index(after: colon)...])))
        }
        return SigV4Request(
            method: method, path: String(parts[0]), query: parts.count > 1 ? String(parts[1]) : "", headers: headers,
            body: Array(body.utf8))
    }
}
