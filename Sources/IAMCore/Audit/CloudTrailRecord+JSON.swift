import IAMPolicy

/// A trail line that is not a record this tool can read.
public struct CloudTrailRecordError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
}

extension CloudTrailRecord {
    /// The record as CloudTrail writes it. `requestParameters` and `responseElements` are always
    /// present (as `null` when empty); the other optional members only when they have a value.
    public var json: JSONValue {
        var members: [JSONMember] = []
        func add(_ key: String, _ value: JSONValue?) {
            if let value { members.append(JSONMember(key: key, value: value)) }
        }
        add("eventVersion", .string(eventVersion))
        add("userIdentity", userIdentity.json)
        add("eventTime", .string(eventTimeText))
        add("eventSource", .string(eventSource))
        add("eventName", .string(eventName))
        add("awsRegion", .string(awsRegion))
        add("sourceIPAddress", .string(sourceIPAddress))
        add("userAgent", .string(userAgent))
        add("errorCode", errorCode.map(JSONValue.string))
        add("errorMessage", errorMessage.map(JSONValue.string))
        add("requestParameters", requestParameters)
        add("responseElements", responseElements)
        add("additionalEventData", additionalEventData)
        add("requestID", requestID.map(JSONValue.string))
        add("eventID", .string(eventID))
        add("readOnly", readOnly.map(JSONValue.bool))
        add("resources", resources.map { .array($0.map(\.json)) })
        add("eventType", .string(eventType))
        add("managementEvent", .bool(managementEvent))
        add("recipientAccountId", .string(recipientAccountId))
        add("eventCategory", .string(eventCategory))
        return .object(members)
    }

    /// Reads a record written by `json` (or by CloudTrail: unknown members are ignored).
    public init(json: JSONValue) throws(CloudTrailRecordError) {
        guard case .object = json else { throw CloudTrailRecordError(description: "a record must be a JSON object") }
        func text(_ key: String) throws(CloudTrailRecordError) -> String {
            guard let value = json[key]?.stringValue else {
                throw CloudTrailRecordError(description: "missing string member \(key)")
            }
            return value
        }
        let timeText = try text("eventTime")
        guard let time = Timestamp(iso8601: timeText) else {
            throw CloudTrailRecordError(description: "eventTime '\(timeText)' is not an ISO 8601 date-time")
        }
        guard let identity = json["userIdentity"] else {
            throw CloudTrailRecordError(description: "missing member userIdentity")
        }
        self.init(
            userIdentity: try CloudTrailIdentity(json: identity), eventTime: time, eventSource: try text("eventSource"),
            eventName: try text("eventName"), userAgent: json["userAgent"]?.stringValue ?? "",
            eventID: try text("eventID"), eventType: json["eventType"]?.stringValue ?? "AwsApiCall",
            recipientAccountId: json["recipientAccountId"]?.stringValue ?? "",
            requestParameters: json["requestParameters"] ?? .null, responseElements: json["responseElements"] ?? .null)
        eventVersion = json["eventVersion"]?.stringValue ?? eventVersion
        awsRegion = json["awsRegion"]?.stringValue ?? awsRegion
        sourceIPAddress = json["sourceIPAddress"]?.stringValue ?? sourceIPAddress
        errorCode = json["errorCode"]?.stringValue
        errorMessage = json["errorMessage"]?.stringValue
        additionalEventData = json["additionalEventData"].flatMap { $0.isNull ? nil : $0 }
        requestID = json["requestID"]?.stringValue
        readOnly = json["readOnly"]?.boolValue
        resources = json["resources"]?.arrayValue?.compactMap(CloudTrailResource.init(json:))
        managementEvent = json["managementEvent"]?.boolValue ?? true
        eventCategory = json["eventCategory"]?.stringValue ?? eventCategory
    }

    /// `{"Records": [...]}`: the body of a CloudTrail log file holding `records`.
    public static func logFile(_ records: [CloudTrailRecord]) -> JSONValue {
        .object([JSONMember(key: "Records", value: .array(records.map(\.json)))])
    }
}

extension CloudTrailIdentity {
    var json: JSONValue {
        var members: [JSONMember] = [JSONMember(key: "type", value: .string(type))]
        if let principalId { members.append(JSONMember(key: "principalId", value: .string(principalId))) }
        if let arn { members.append(JSONMember(key: "arn", value: .string(arn))) }
        members.append(JSONMember(key: "accountId", value: .string(accountId)))
        if let accessKeyId { members.append(JSONMember(key: "accessKeyId", value: .string(accessKeyId))) }
        if let userName { members.append(JSONMember(key: "userName", value: .string(userName))) }
        if let sessionContext {
            var context: [JSONMember] = []
            if let issuer = sessionContext.sessionIssuer {
                var members: [JSONMember] = [JSONMember(key: "type", value: .string(issuer.type))]
                if let id = issuer.principalId { members.append(JSONMember(key: "principalId", value: .string(id))) }
                members.append(JSONMember(key: "arn", value: .string(issuer.arn)))
                members.append(JSONMember(key: "accountId", value: .string(issuer.accountId)))
                members.append(JSONMember(key: "userName", value: .string(issuer.userName)))
                context.append(JSONMember(key: "sessionIssuer", value: .object(members)))
            }
            context.append(
                JSONMember(
                    key: "attributes",
                    value: [
                        "creationDate": .string(CloudTrailRecord.format(sessionContext.creationDate)),
                        "mfaAuthenticated": .string(sessionContext.mfaAuthenticated ? "true" : "false"),
                    ]))
            members.append(JSONMember(key: "sessionContext", value: .object(context)))
        }
        return .object(members)
    }

    init(json: JSONValue) throws(CloudTrailRecordError) {
        guard let type = json["type"]?.stringValue else {
            throw CloudTrailRecordError(description: "userIdentity has no type")
        }
        self.init(
            type: type, principalId: json["principalId"]?.stringValue, arn: json["arn"]?.stringValue,
            accountId: json["accountId"]?.stringValue ?? "", accessKeyId: json["accessKeyId"]?.stringValue,
            userName: json["userName"]?.stringValue)
        if let context = json["sessionContext"], let attributes = context["attributes"] {
            let created = attributes["creationDate"]?.stringValue.flatMap { Timestamp(iso8601: $0) }
            sessionContext = SessionContext(
                sessionIssuer: context["sessionIssuer"].flatMap { issuer in
                    issuer["arn"]?.stringValue.map { arn in
                        SessionIssuer(
                            type: issuer["type"]?.stringValue ?? "Role",
                            principalId: issuer["principalId"]?.stringValue,
                            arn: arn, accountId: issuer["accountId"]?.stringValue ?? "",
                            userName: issuer["userName"]?.stringValue ?? "")
                    }
                },
                creationDate: created ?? Timestamp(microseconds: 0),
                mfaAuthenticated: attributes["mfaAuthenticated"]?.stringValue == "true")
        }
    }
}

extension CloudTrailResource {
    var json: JSONValue {
        var members = [JSONMember(key: "accountId", value: .string(accountId))]
        if let type { members.append(JSONMember(key: "type", value: .string(type))) }
        members.append(JSONMember(key: "ARN", value: .string(arn)))
        return .object(members)
    }

    init?(json: JSONValue) {
        guard let arn = json["ARN"]?.stringValue else { return nil }
        self.init(arn: arn, accountId: json["accountId"]?.stringValue ?? "", type: json["type"]?.stringValue)
    }
}
