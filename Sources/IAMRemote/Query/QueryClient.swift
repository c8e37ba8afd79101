import Foundation
import IAMCore

/// A client of an AWS Query API (IAM's, or STS's): form-encoded POSTs signed with Signature
/// Version 4, XML answers, AWS error XML turned into ``RemoteError/service(action:code:message:status:requestId:)``.
///
/// ```swift
/// let iam = QueryClient.iam(endpoint: url, credentials: credentials, region: "us-east-1")
/// let result = try iam.call("GetUser", QueryParameters(["UserName": "alice"]))
/// let arn = result.text("User/Arn")
/// ```
public struct QueryClient: Sendable {
    public var endpoint: URL
    public var signer: SigV4Signer
    /// The API version sent with each call (`2010-05-08` for IAM).
    public var version: String
    public var transport: any HTTPTransport
    /// The clock that dates signatures.
    public var clock: any IAMClock
    /// `MaxItems` of paginated calls; nil leaves the service's default (100 for IAM).
    public var pageSize: Int?
    /// Seconds to wait before each retry of a throttled call or a server error; empty for no retries.
    public var retryDelays: [Double] = [0.5, 1, 2, 4]

    /// Creates a client.
    public init(
        endpoint: URL, signer: SigV4Signer, version: String, transport: any HTTPTransport = URLSessionTransport(),
        clock: any IAMClock = SystemClock(), pageSize: Int? = nil
    ) {
        self.endpoint = endpoint
        self.signer = signer
        self.version = version
        self.transport = transport
        self.clock = clock
        self.pageSize = pageSize
    }

    /// A client of IAM (service `iam`, version `2010-05-08`) at `endpoint`.
    public static func iam(
        endpoint: URL, credentials: AWSCredentials, region: String, transport: any HTTPTransport = URLSessionTransport()
    ) -> QueryClient {
        QueryClient(
            endpoint: endpoint, signer: SigV4Signer(credentials: credentials, region: region, service: "iam"),
            version: "2010-05-08", transport: transport)
    }

    /// A client of STS (service `sts`, version `2011-06-15`) at `endpoint`.
    public static func sts(
        endpoint: URL, credentials: AWSCredentials, region: String, transport: any HTTPTransport = URLSessionTransport()
    ) -> QueryClient {
        QueryClient(
            endpoint: endpoint, signer: SigV4Signer(credentials: credentials, region: region, service: "sts"),
            version: "2011-06-15", transport: transport)
    }

    /// The `Host` header for the endpoint: the host, and the port when it is not the scheme's default.
    var hostHeader: String {
        let host = endpoint.host ?? ""
        guard let port = endpoint.port else { return host }
        let isDefault = (endpoint.scheme == "https" && port == 443) || (endpoint.scheme == "http" && port == 80)
        return isDefault ? host : "\(host):\(port)"
    }

    /// The signed HTTP request for one call.
    public func request(_ action: String, _ parameters: QueryParameters) -> HTTPRequest {
        let body = Array(parameters.formEncoded(action: action, version: version).utf8)
        let path = endpoint.path.isEmpty ? "/" : endpoint.path
        var signable = SigV4Request(
            method: "POST", path: path,
            headers: [
                .init("Host", hostHeader), .init("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"),
            ], body: body)
        signer.sign(&signable, at: clock.now())
        return HTTPRequest(url: endpoint, method: "POST", headers: signable.headers, body: Data(body))
    }

    /// Calls `action` and returns its `<ACTIONResult>` element (an empty one for actions that return nothing).
    ///
    /// A call refused for throttling, or failed by a server error (HTTP 5xx with an AWS error), is
    /// tried again after each of ``retryDelays``, as AWS's SDKs do: the endpoint did not make it.
    public func call(_ action: String, _ parameters: QueryParameters = QueryParameters()) throws(RemoteError) -> XMLNode
    {
        var delays = retryDelays[...]
        while true {
            do {
                return try callOnce(action, parameters)
            } catch {
                guard Self.isRetryable(error), let delay = delays.popFirst() else { throw error }
                Thread.sleep(forTimeInterval: delay)
            }
        }
    }

    /// Errors worth another try: throttling, and server errors that say so in AWS's error XML.
    static func isRetryable(_ error: RemoteError) -> Bool {
        guard case .service(_, let code, _, let status, _) = error else { return false }
        let throttling: Set<String> = [
            "Throttling", "ThrottlingException", "RequestLimitExceeded", "TooManyRequestsException",
        ]
        return throttling.contains(code) || status >= 500 || code == "ServiceUnavailable"
    }

    private func callOnce(_ action: String, _ parameters: QueryParameters) throws(RemoteError) -> XMLNode {
        let response = try transport.send(request(action, parameters))
        let root: XMLNode
        do {
            root = try XMLNode.parse(response.body)
        } catch {
            throw .malformedResponse(
                action: action, status: response.status,
                message: "not XML (\(error)): \(Self.preview(response.body))")
        }
        if root.name == "ErrorResponse" || root.name == "Error" || response.status >= 300 {
            // IAM nests <Error> in <ErrorResponse>; STS and signature checks may nest it in <Errors>.
            let error = root.name == "Error" ? root : (root["Error"] ?? root["Errors/Error"] ?? root)
            guard let code = error.text("Code") else {
                throw .malformedResponse(
                    action: action, status: response.status, message: "no error code in: \(Self.preview(response.body))"
                )
            }
            throw .service(
                action: action, code: code, message: error.text("Message") ?? error.text("message") ?? "",
                status: response.status, requestId: root.text("RequestId") ?? root.text("ResponseMetadata/RequestId"))
        }
        guard root.name == "\(action)Response" else {
            throw .malformedResponse(
                action: action, status: response.status, message: "expected <\(action)Response>, found <\(root.name)>")
        }
        return root.child("\(action)Result") ?? XMLNode(name: "\(action)Result")
    }

    /// Calls a paginated action until `IsTruncated` is false, passing each page's `Marker` on,
    /// and returns every page's result in order.
    public func pages(
        _ action: String, _ parameters: QueryParameters = QueryParameters()
    ) throws(RemoteError)
        -> [XMLNode]
    {
        var results: [XMLNode] = []
        var marker: String?
        repeat {
            var page = parameters
            if let pageSize { page.add("MaxItems", String(pageSize)) }
            page.add("Marker", marker)
            let result = try call(action, page)
            results.append(result)
            marker = result.text("IsTruncated") == "true" ? result.text("Marker") : nil
            if result.text("IsTruncated") == "true", marker == nil {
                throw .malformedResponse(
                    action: action, status: 200, message: "IsTruncated is true but the page has no Marker")
            }
        } while marker != nil
        return results
    }

    /// The `<member>` elements of `listPath` across every page.
    public func list(
        _ action: String, _ listPath: String, _ parameters: QueryParameters = QueryParameters()
    )
        throws(RemoteError) -> [XMLNode]
    {
        try pages(action, parameters).flatMap { $0.members(listPath) }
    }

    private static func preview(_ body: Data) -> String {
        let text = String(decoding: body.prefix(300), as: UTF8.self)
        return text.isEmpty ? "(empty body)" : text
    }
}
