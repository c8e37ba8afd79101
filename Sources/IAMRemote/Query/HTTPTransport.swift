import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One HTTP request as sent to an endpoint.
public struct HTTPRequest: Sendable, Equatable {
    public var url: URL
    public var method: String
    public var headers: [SigV4Request.Header]
    public var body: Data

    /// Creates a request.
    public init(url: URL, method: String, headers: [SigV4Request.Header], body: Data) {
        self.url = url
        self.method = method
        self.headers = headers
        self.body = body
    }
}

/// One HTTP response: status and body.
public struct HTTPResponse: Sendable, Equatable {
    public var status: Int
    public var body: Data

    /// Creates a response.
    public init(status: Int, body: Data) {
        self.status = status
        self.body = body
    }
}

/// Sends HTTP requests and waits for the answer. The real one is ``URLSessionTransport``;
/// tests use one that answers from memory.
public protocol HTTPTransport: Sendable {
    /// Sends `request` and returns the response, or a ``RemoteError/transport(endpoint:message:)``.
    func send(_ request: HTTPRequest) throws(RemoteError) -> HTTPResponse
}

/// HTTP through Foundation's URLSession, waiting for each response in turn.
///
/// The command line is synchronous, and an apply must make one change at a time in order, so a
/// blocking call is what is wanted; the session's own queue delivers the answer.
public struct URLSessionTransport: HTTPTransport {
    /// Seconds to wait for a response before giving up.
    public var timeout: TimeInterval

    /// Creates a transport.
    public init(timeout: TimeInterval = 60) { self.timeout = timeout }

    public func send(_ request: HTTPRequest) throws(RemoteError) -> HTTPResponse {
        var urlRequest = URLRequest(url: request.url, timeoutInterval: timeout)
        urlRequest.httpMethod = request.method
        for header in request.headers where header.name.lowercased() != "host" {
            urlRequest.setValue(header.value, forHTTPHeaderField: header.name)
        }
        urlRequest.httpBody = request.body
        let box = ResponseBox()
        let done = DispatchSemaphore(value: 0)
        let task = URLSession.shared.dataTask(with: urlRequest) { data, response, error in
            box.set(data: data, response: response as? HTTPURLResponse, error: error)
            done.signal()
        }
        task.resume()
        done.wait()
        let (data, response, error) = box.get()
        let endpoint = request.url.absoluteString
        if let error { throw .transport(endpoint: endpoint, message: error.localizedDescription) }
        guard let response else { throw .transport(endpoint: endpoint, message: "no HTTP response") }
        return HTTPResponse(status: response.statusCode, body: data ?? Data())
    }
}

/// The completion handler's results, handed from the session's queue to the waiting caller.
private final class ResponseBox: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?
    private var response: HTTPURLResponse?
    private var error: (any Error)?

    func set(data: Data?, response: HTTPURLResponse?, error: (any Error)?) {
        lock.lock()
        defer { lock.unlock() }
        self.data = data
        self.response = response
        self.error = error
    }

    func get() -> (Data?, HTTPURLResponse?, (any Error)?) {
        lock.lock()
        defer { lock.unlock() }
        return (data, response, error)
    }
}
