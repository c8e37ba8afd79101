import IAMPolicy

/// One entry of the audit trail, in the shape of a record of an AWS CloudTrail log file.
///
/// Every request made through the tool becomes one record, allowed or refused: IAM and STS calls
/// as `AwsApiCall` events and console sign-ins as `AwsConsoleSignIn` events. Members are written
/// in CloudTrail's order and with its names, so `{"Records": [...]}` of these reads like a log
/// file that CloudTrail delivered. Secrets never reach a record (see `AuditRedaction`).
public struct CloudTrailRecord: Sendable, Equatable {
    /// The version of the record format this tool writes.
    public static let currentEventVersion = "1.08"
    /// Where requests come from: the tool runs on the operator's machine, not behind an endpoint.
    public static let localSourceAddress = "local"
    /// The region CloudTrail names for IAM, a global service.
    public static let globalRegion = "us-east-1"

    public var eventVersion: String
    public var userIdentity: CloudTrailIdentity
    public var eventTime: Timestamp
    /// `iam.amazonaws.com`, `sts.amazonaws.com` or `signin.amazonaws.com`.
    public var eventSource: String
    /// The action without its service prefix: `CreateUser`, `ConsoleLogin`, ...
    public var eventName: String
    public var awsRegion: String
    public var sourceIPAddress: String
    /// `iamconsole-cli/VERSION` or `iamconsole-console/VERSION`.
    public var userAgent: String
    /// AWS's error code for a refused request (`AccessDenied`, `NoSuchEntityException`, ...).
    public var errorCode: String?
    public var errorMessage: String?
    /// The request's members in camelCase with secrets hidden; `null` when there are none.
    public var requestParameters: JSONValue
    /// What a successful change returned, secrets left out; `null` for reads and refusals.
    public var responseElements: JSONValue
    /// Extra facts of sign-in events (`MFAUsed`, `LoginTo`, `MobileVersion`).
    public var additionalEventData: JSONValue?
    public var requestID: String?
    public var eventID: String
    /// Whether the request only reads; absent on sign-in events, as in CloudTrail.
    public var readOnly: Bool?
    /// The resources acted on, when known (records migrated from the old in-workspace trail).
    public var resources: [CloudTrailResource]?
    /// `AwsApiCall` or `AwsConsoleSignIn`.
    public var eventType: String
    public var managementEvent: Bool
    public var recipientAccountId: String
    public var eventCategory: String

    /// A record with CloudTrail's constant members filled in.
    public init(
        userIdentity: CloudTrailIdentity, eventTime: Timestamp, eventSource: String, eventName: String,
        userAgent: String, eventID: String, eventType: String, recipientAccountId: String,
        requestParameters: JSONValue = .null, responseElements: JSONValue = .null
    ) {
        self.eventVersion = Self.currentEventVersion
        self.userIdentity = userIdentity
        self.eventTime = eventTime
        self.eventSource = eventSource
        self.eventName = eventName
        self.awsRegion = Self.globalRegion
        self.sourceIPAddress = Self.localSourceAddress
        self.userAgent = userAgent
        self.requestParameters = requestParameters
        self.responseElements = responseElements
        self.eventID = eventID
        self.eventType = eventType
        self.managementEvent = true
        self.recipientAccountId = recipientAccountId
        self.eventCategory = "Management"
    }

    /// Whether the request succeeded: no error code, and for sign-ins a `Success` answer.
    public var succeeded: Bool {
        guard errorCode == nil, errorMessage == nil else { return false }
        return responseElements["ConsoleLogin"]?.stringValue.map { $0 == "Success" } ?? true
    }

    /// `eventTime` as CloudTrail writes it: ISO 8601 in UTC to the second, with a `Z`.
    public var eventTimeText: String { Self.format(eventTime) }

    static func format(_ time: Timestamp) -> String { String(time.iso8601.prefix(19)) + "Z" }
}

/// The `userIdentity` element: who made the request and with which credentials.
public struct CloudTrailIdentity: Sendable, Equatable {
    /// `Root`, `IAMUser` or `AssumedRole`.
    public var type: String
    public var principalId: String?
    public var arn: String?
    public var accountId: String
    /// The access key that signed the request, when it was made with one.
    public var accessKeyId: String?
    public var userName: String?
    /// Present for console sessions and role sessions.
    public var sessionContext: SessionContext?

    public init(
        type: String, principalId: String?, arn: String?, accountId: String, accessKeyId: String? = nil,
        userName: String? = nil, sessionContext: SessionContext? = nil
    ) {
        self.type = type
        self.principalId = principalId
        self.arn = arn
        self.accountId = accountId
        self.accessKeyId = accessKeyId
        self.userName = userName
        self.sessionContext = sessionContext
    }

    /// The session behind temporary credentials: the role it was issued for, when it was created, and
    /// whether its holder authenticated with MFA.
    public struct SessionContext: Sendable, Equatable {
        public var sessionIssuer: SessionIssuer?
        public var creationDate: Timestamp
        public var mfaAuthenticated: Bool

        public init(sessionIssuer: SessionIssuer? = nil, creationDate: Timestamp, mfaAuthenticated: Bool) {
            self.sessionIssuer = sessionIssuer
            self.creationDate = creationDate
            self.mfaAuthenticated = mfaAuthenticated
        }
    }

    /// The role a session's credentials were issued for.
    public struct SessionIssuer: Sendable, Equatable {
        /// `Role`.
        public var type: String
        public var principalId: String?
        public var arn: String
        public var accountId: String
        public var userName: String

        public init(type: String = "Role", principalId: String?, arn: String, accountId: String, userName: String) {
            self.type = type
            self.principalId = principalId
            self.arn = arn
            self.accountId = accountId
            self.userName = userName
        }
    }
}

/// One entry of a record's `resources` list.
public struct CloudTrailResource: Sendable, Equatable {
    public var arn: String
    public var accountId: String
    public var type: String?

    public init(arn: String, accountId: String, type: String? = nil) {
        self.arn = arn
        self.accountId = accountId
        self.type = type
    }
}
