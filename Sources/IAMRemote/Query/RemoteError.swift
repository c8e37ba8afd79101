/// Why a call to an IAM endpoint failed.
public enum RemoteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The endpoint answered with an AWS error: its code (`NoSuchEntity`, `AccessDenied`...) and message.
    case service(action: String, code: String, message: String, status: Int, requestId: String?)
    /// The endpoint could not be reached, or the connection failed.
    case transport(endpoint: String, message: String)
    /// The endpoint answered with something that is not the expected XML.
    case malformedResponse(action: String, status: Int, message: String)

    /// The AWS error code, for service errors.
    public var code: String? {
        if case .service(_, let code, _, _, _) = self { return code }
        return nil
    }

    /// One line: `ACTION: CODE: message (HTTP status)`.
    public var description: String {
        switch self {
        case .service(let action, let code, let message, let status, let requestId):
            let request = requestId.map { ", request id \($0)" } ?? ""
            return "\(action): \(code): \(message) (HTTP \(status)\(request))"
        case .transport(let endpoint, let message):
            return "cannot reach \(endpoint): \(message)"
        case .malformedResponse(let action, let status, let message):
            return "\(action): unexpected response (HTTP \(status)): \(message)"
        }
    }
}
