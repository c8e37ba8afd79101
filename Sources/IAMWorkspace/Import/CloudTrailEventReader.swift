import IAMCore
import IAMPolicy

/// The parts of one CloudTrail record that access advisor needs.
struct CloudTrailEvent {
    /// Who made the request, as CloudTrail's `userIdentity` tells it.
    enum Caller: Equatable {
        /// An IAM user: its ARN and unique id (`AIDA…`).
        case user(arn: String, id: String?)
        /// A role session: the role's ARN (the session issuer) and unique id (`AROA…`).
        case role(arn: String, id: String?)
        /// Any other identity (root, an AWS service, another account, a federated user), by its type.
        case other(type: String)
    }

    var time: Timestamp
    var source: String
    var name: String
    var region: String
    var eventType: String?
    var errorCode: String?
    var caller: Caller
}

/// Reads the records of CloudTrail files in the shapes people have them in:
/// - a log file as CloudTrail delivers it to S3 (`{"Records": [...]}`, also what `iamconsole audit
///   export` writes);
/// - the output of `aws cloudtrail lookup-events` (`{"Events": [{"CloudTrailEvent": "<JSON text>"}]}`);
/// - a single record object.
enum CloudTrailEventReader {
    /// The records of one file's JSON text, or an error at the first one that cannot be read.
    static func events(in bytes: [UInt8], file: String) throws(ImportError) -> [CloudTrailEvent] {
        let root: JSONNode
        do {
            root = try JSONParser.parseNode(bytes)
        } catch {
            throw ImportError(file: file, location: error.location, message: "not JSON: \(error.message)")
        }
        let top = try ImportObject(root, what: "the file", file: file)
        if let records = top.value("Records") {
            guard case .array(let elements) = records.kind else {
                throw top.error("'Records' must be a list, found \(records.value.typeName)", at: records)
            }
            return try elements.enumerated().map { (index, node) throws(ImportError) in
                try event(node, what: "Records[\(index)]", file: file)
            }
        }
        if let events = top.value("Events") {
            guard case .array(let elements) = events.kind else {
                throw top.error("'Events' must be a list, found \(events.value.typeName)", at: events)
            }
            return try elements.enumerated().map { (index, node) throws(ImportError) in
                let what = "Events[\(index)]"
                let entry = try ImportObject(node, what: what, file: file)
                let text = try entry.string("CloudTrailEvent")
                let inner: JSONNode
                switch Result(catching: { () throws(JSONSyntaxError) in try JSONParser.parseNode(text) }) {
                case .success(let node): inner = node
                case .failure(let error):
                    throw entry.error(
                        "CloudTrailEvent is not a JSON record: \(error.message)", at: entry.value("CloudTrailEvent"))
                }
                return try event(inner, what: "\(what).CloudTrailEvent", file: file, fallback: entry.node.location)
            }
        }
        if top.value("eventName") != nil { return [try event(root, what: "the record", file: file)] }
        throw ImportError(
            file: file, location: root.location,
            message: "not a CloudTrail file: expected {\"Records\": [...]} (a CloudTrail log file) or "
                + "{\"Events\": [...]} (aws cloudtrail lookup-events output)")
    }

    private static func event(
        _ node: JSONNode, what: String, file: String, fallback: SourceLocation? = nil
    ) throws(ImportError) -> CloudTrailEvent {
        var record = try ImportObject(node, what: what, file: file)
        if let fallback {
            // A record inside a JSON string has positions within that string: point at its entry instead.
            record = try ImportObject(
                JSONNode(kind: node.kind, location: fallback, endOffset: node.endOffset), what: what, file: file)
        }
        let identity = try ImportObject(try record.required("userIdentity"), what: "\(what).userIdentity", file: file)
        return CloudTrailEvent(
            time: try record.date("eventTime"),
            source: try record.string("eventSource"),
            name: try record.string("eventName"),
            region: try record.optionalString("awsRegion") ?? "us-east-1",
            eventType: try record.optionalString("eventType"),
            errorCode: try record.optionalString("errorCode"),
            caller: try caller(identity))
    }

    private static func caller(_ identity: ImportObject) throws(ImportError) -> CloudTrailEvent.Caller {
        let type = try identity.optionalString("type") ?? "Unknown"
        switch type {
        case "IAMUser":
            guard let arn = try identity.optionalString("arn") else { return .other(type: type) }
            return .user(arn: arn, id: try identity.optionalString("principalId"))
        case "AssumedRole":
            if let context = identity.value("sessionContext"), context.kind != .null {
                let session = try ImportObject(context, what: "\(identity.what).sessionContext", file: identity.file)
                if let issuerNode = session.value("sessionIssuer"), issuerNode.kind != .null {
                    let issuer = try ImportObject(
                        issuerNode, what: "\(session.what).sessionIssuer", file: identity.file)
                    if let arn = try issuer.optionalString("arn") {
                        return .role(arn: arn, id: try issuer.optionalString("principalId"))
                    }
                }
            }
            // Without a session issuer, the role is the middle part of `arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION`.
            guard let arn = try identity.optionalString("arn"), let role = roleARN(fromSessionARN: arn) else {
                return .other(type: type)
            }
            let id = try identity.optionalString("principalId").map { String($0.prefix { $0 != ":" }) }
            return .role(arn: role, id: id)
        default:
            return .other(type: type)
        }
    }

    /// `arn:aws:sts::123456789012:assumed-role/Name/session` → `arn:aws:iam::123456789012:role/Name`
    /// (a path, which the session ARN does not carry, is matched by name later).
    static func roleARN(fromSessionARN arn: String) -> String? {
        guard let parsed = ARN(arn), parsed.service == "sts" else { return nil }
        let resource = parsed.resource.split(separator: "/", omittingEmptySubsequences: false)
        guard resource.count >= 3, resource[0] == "assumed-role" else { return nil }
        return "arn:\(parsed.partition):iam::\(parsed.account):role/\(resource[1])"
    }
}
