/// An `Action`/`NotAction` entry: matched case-insensitively as a glob over `service:name`
/// (*IAM JSON policy elements: Action*). The service part is compared first, literally, so `s3:*`
/// never reaches `s3express:…`.
struct ActionPattern: Sendable, Equatable {
    /// The lowercased service, or `nil` for `*` and for a wildcard in the service part (then the whole text is globbed).
    let service: [UInt8]?
    /// The pattern for the part after the colon (or for the whole action when `service` is `nil`).
    let name: WildcardPattern

    init(_ text: String) {
        let lowered = text.lowercased()
        if let colon = lowered.firstIndex(of: ":"), !lowered[..<colon].contains(where: { $0 == "*" || $0 == "?" }) {
            service = Array(lowered[..<colon].utf8)
            name = WildcardPattern(lowered[lowered.index(after: colon)...])
        } else {
            service = nil
            name = WildcardPattern(lowered)
        }
    }

    func matches(_ action: RequestAction) -> Bool {
        guard let service else {
            return name.matches(action.whole, foldCase: true)
        }
        guard service.count == action.service.count else { return false }
        for index in 0..<service.count where service[index] != lowerASCII(action.service[index]) { return false }
        return name.matches(action.name, foldCase: true)
    }
}

/// The request's action split once per evaluation.
struct RequestAction {
    let whole: UnsafeBufferPointer<UInt8>
    let service: UnsafeBufferPointer<UInt8>
    let name: UnsafeBufferPointer<UInt8>

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        whole = bytes
        var colon = 0
        while colon < bytes.count, bytes[colon] != UInt8(ascii: ":") { colon += 1 }
        service = UnsafeBufferPointer(rebasing: bytes[0..<colon])
        name = UnsafeBufferPointer(rebasing: bytes[min(colon + 1, bytes.count)...])
    }
}

/// A `Resource`/`NotResource` entry (*IAM JSON policy elements: Resource*): case-sensitive; `*` and `?`
/// work within ARN segments; the resource part (after the fifth colon) is one glob in which `*` spans `/`
/// and `:`; a trailing `*` of a shorter pattern matches the rest of the ARN. The service segment is
/// literal (no wildcard is allowed there), and variables are read only after the fifth colon.
struct ResourcePattern: Sendable, Equatable {
    enum Form: Sendable, Equatable {
        case any
        /// A pattern that is not an ARN: globbed against the whole resource text.
        case text(WildcardPattern)
        case arn(segments: [WildcardPattern], tail: PolicyVariableTemplate)
    }

    let form: Form

    init(_ text: String, variables: Bool) {
        if text == "*" {
            form = .any
            return
        }
        let parts = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count >= 2, parts[0] == "arn" else {
            form = .text(WildcardPattern(text))
            return
        }
        var segments: [WildcardPattern] = []
        for (index, part) in parts.dropLast().enumerated() {
            segments.append(WildcardPattern(part, wildcards: index != 2))
        }
        let last = parts[parts.count - 1]
        let tail =
            parts.count == 6
            ? PolicyVariableTemplate(last, variables: variables, wildcards: true)
            : PolicyVariableTemplate(last, variables: false, wildcards: parts.count - 1 != 2)
        form = .arn(segments: segments, tail: tail)
    }

    func matches(_ resource: UnsafeBufferPointer<UInt8>, context: RequestContext) -> Bool {
        switch form {
        case .any:
            return true
        case .text(let pattern):
            return pattern.matches(resource)
        case .arn(let segments, let tail):
            return tail.withResolved(context) { matchColonSegments(segments, tail: $0, text: resource) } ?? false
        }
    }
}
