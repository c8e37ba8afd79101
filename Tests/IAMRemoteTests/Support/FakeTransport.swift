import Foundation
import IAMRemote

/// A transport that answers from memory and keeps every request, for tests without a server.
final class FakeTransport: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var answers: [(status: Int, body: String)]
    private let byAction: (@Sendable (String, String) -> (status: Int, body: String))?
    private(set) var requests: [HTTPRequest] = []

    /// Answers the requests in turn with these responses.
    init(_ answers: [(status: Int, body: String)]) {
        self.answers = answers
        byAction = nil
    }

    /// Answers each request from its action and its form-encoded body.
    init(byAction: @escaping @Sendable (String, String) -> (status: Int, body: String)) {
        answers = []
        self.byAction = byAction
    }

    func send(_ request: HTTPRequest) throws(RemoteError) -> HTTPResponse {
        lock.lock()
        defer { lock.unlock() }
        requests.append(request)
        if let byAction {
            let body = String(decoding: request.body, as: UTF8.self)
            let action =
                body.split(separator: "&").first { $0.hasPrefix("Action=") }.map { String($0.dropFirst(7)) } ?? ""
            let answer = byAction(action, body)
            return HTTPResponse(status: answer.status, body: Data(answer.body.utf8))
        }
        guard !answers.isEmpty else {
            throw .transport(endpoint: request.url.absoluteString, message: "no answer left")
        }
        let answer = answers.removeFirst()
        return HTTPResponse(status: answer.status, body: Data(answer.body.utf8))
    }

    /// The form-encoded bodies sent, as text.
    var bodies: [String] {
        lock.lock()
        defer { lock.unlock() }
        return requests.map { String(decoding: $0.body, as: UTF8.self) }
    }
}
