/// An error as AWS IAM reports it: a code, an HTTP status and a message in AWS's wording.
public struct IAMError: Error, Sendable, Equatable, CustomStringConvertible {
    /// AWS's error codes, with the HTTP status each is sent with.
    public enum Code: String, Sendable, CaseIterable {
        case noSuchEntity = "NoSuchEntity"
        case entityAlreadyExists = "EntityAlreadyExists"
        case limitExceeded = "LimitExceeded"
        case invalidInput = "InvalidInput"
        case validationError = "ValidationError"
        case malformedPolicyDocument = "MalformedPolicyDocument"
        case deleteConflict = "DeleteConflict"
        case unmodifiableEntity = "UnmodifiableEntity"
        case policyNotAttachable = "PolicyNotAttachable"
        case accessDenied = "AccessDenied"
        case concurrentModification = "ConcurrentModification"
        case entityTemporarilyUnmodifiable = "EntityTemporarilyUnmodifiable"
        case passwordPolicyViolation = "PasswordPolicyViolation"
        case invalidAuthenticationCode = "InvalidAuthenticationCode"
        case invalidUserType = "InvalidUserType"
        case invalidClientTokenId = "InvalidClientTokenId"
        case signatureDoesNotMatch = "SignatureDoesNotMatch"
        case expiredToken = "ExpiredToken"
        case packedPolicyTooLarge = "PackedPolicyTooLarge"
        case serviceFailure = "ServiceFailure"
        case reportNotPresent = "ReportNotPresent"
        case reportExpired = "ReportExpired"
        // The codes of the services whose resource-based policies the workspace holds.
        case noSuchBucket = "NoSuchBucket"
        case noSuchBucketPolicy = "NoSuchBucketPolicy"
        case bucketAlreadyOwnedByYou = "BucketAlreadyOwnedByYou"
        case malformedPolicy = "MalformedPolicy"
        case notFoundException = "NotFoundException"
        case malformedPolicyDocumentException = "MalformedPolicyDocumentException"
        case queueDoesNotExist = "QueueDoesNotExist"
        case queueNameExists = "QueueNameExists"
        case invalidAttributeValue = "InvalidAttributeValue"
        case resourceNotFoundException = "ResourceNotFoundException"
        case resourceConflictException = "ResourceConflictException"
        case invalidParameterValueException = "InvalidParameterValueException"
        case resourceExistsException = "ResourceExistsException"
        case conflictException = "ConflictException"
        case validationException = "ValidationException"
        case accessDeniedException = "AccessDeniedException"
        case invalidBucketName = "InvalidBucketName"
        case invalidAttributeName = "InvalidAttributeName"
        case publicPolicyException = "PublicPolicyException"

        /// The HTTP status AWS answers with.
        public var httpStatus: Int {
            switch self {
            case .noSuchEntity: return 404
            case .entityAlreadyExists, .limitExceeded, .deleteConflict, .concurrentModification,
                .entityTemporarilyUnmodifiable:
                return 409
            case .invalidInput, .validationError, .malformedPolicyDocument, .unmodifiableEntity,
                .policyNotAttachable, .passwordPolicyViolation, .invalidUserType, .packedPolicyTooLarge:
                return 400
            case .accessDenied, .invalidAuthenticationCode, .invalidClientTokenId, .signatureDoesNotMatch,
                .expiredToken:
                return 403
            case .serviceFailure: return 500
            case .reportNotPresent, .reportExpired: return 410
            case .noSuchBucket, .noSuchBucketPolicy, .resourceNotFoundException: return 404
            case .bucketAlreadyOwnedByYou, .resourceConflictException, .conflictException, .queueNameExists: return 409
            case .malformedPolicy, .notFoundException, .malformedPolicyDocumentException, .queueDoesNotExist,
                .invalidAttributeValue, .invalidParameterValueException, .resourceExistsException, .validationException,
                .invalidBucketName, .invalidAttributeName, .publicPolicyException:
                return 400
            case .accessDeniedException: return 403
            }
        }
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(message)" }

    // Constructors for the errors that recur across actions, worded as AWS words them.

    static func noSuchEntity(_ message: String) -> IAMError { IAMError(.noSuchEntity, message) }
    static func noSuchUser(_ name: String) -> IAMError { .noSuchEntity("The user with name \(name) cannot be found.") }
    static func noSuchGroup(_ name: String) -> IAMError {
        .noSuchEntity("The group with name \(name) cannot be found.")
    }
    static func noSuchRole(_ name: String) -> IAMError { .noSuchEntity("The role with name \(name) cannot be found.") }
    static func noSuchInstanceProfile(_ name: String) -> IAMError {
        .noSuchEntity("Instance Profile \(name) cannot be found.")
    }
    static func policyNotFound(_ arn: String) -> IAMError { .noSuchEntity("Policy \(arn) was not found.") }
    static func policyNotAttachable(_ arn: String) -> IAMError {
        .noSuchEntity("Policy \(arn) does not exist or is not attachable.")
    }
    static func quota(_ name: String, _ value: Int) -> IAMError {
        IAMError(.limitExceeded, "Cannot exceed quota for \(name): \(value)")
    }
    /// `InvalidClientTokenId`: an unknown, inactive or deleted key, or a wrong session token.
    public static let invalidToken = IAMError(
        .invalidClientTokenId, "The security token included in the request is invalid.")
    /// `ExpiredToken`: temporary credentials used after their expiration.
    public static let expiredToken = IAMError(.expiredToken, "The security token included in the request is expired")
    static func deleteConflict(_ message: String) -> IAMError { IAMError(.deleteConflict, message) }
    static func malformed(_ message: String) -> IAMError { IAMError(.malformedPolicyDocument, message) }
}

extension IAMError.Code {
    /// Whether the code belongs to one of the other services the workspace models (S3, KMS, SQS,
    /// Lambda, Secrets Manager, Access Analyzer) rather than to IAM or STS.
    public var isOtherServiceCode: Bool {
        switch self {
        case .noSuchBucket, .noSuchBucketPolicy, .bucketAlreadyOwnedByYou, .malformedPolicy, .notFoundException,
            .malformedPolicyDocumentException, .queueDoesNotExist, .queueNameExists, .invalidAttributeValue,
            .resourceNotFoundException, .resourceConflictException, .invalidParameterValueException,
            .resourceExistsException, .conflictException, .validationException, .accessDeniedException,
            .invalidBucketName, .invalidAttributeName, .publicPolicyException:
            return true
        default: return false
        }
    }

    /// Whether the code says a submitted policy document is malformed, in any of the services.
    public var isMalformedPolicy: Bool {
        switch self {
        case .malformedPolicyDocument, .malformedPolicy, .malformedPolicyDocumentException, .invalidAttributeValue:
            return true
        case .invalidParameterValueException: return true
        default: return false
        }
    }
}
