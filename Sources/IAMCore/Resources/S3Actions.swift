/// A request that names one bucket.
public struct BucketRequest: Codable, Sendable {
    public var bucket: String
    public init(bucket: String) { self.bucket = bucket }
}

/// CreateBucket request.
public struct CreateBucketRequest: Codable, Sendable {
    public struct Configuration: Codable, Sendable {
        public var locationConstraint: String?
        // The AWS CLI's shorthand and JSON spell it so; it is the Region to create the bucket in.
        enum CodingKeys: String, CodingKey { case locationConstraint = "LocationConstraint" }
    }
    public var bucket: String
    public var createBucketConfiguration: Configuration?
    public init(bucket: String, region: String? = nil) {
        self.bucket = bucket
        self.createBucketConfiguration = region.map { Configuration(locationConstraint: $0) }
    }
}

/// CreateBucket response.
public struct CreateBucketResponse: Codable, Sendable, Equatable { public var location: String }

/// ListBuckets response.
public struct ListBucketsResponse: Codable, Sendable, Equatable {
    public struct Bucket: Codable, Sendable, Equatable {
        public var name: String
        public var creationDate: Timestamp
    }
    public struct Owner: Codable, Sendable, Equatable {
        public var iD: String
    }
    public var buckets: [Bucket]
    public var owner: Owner
}

/// PutBucketPolicy request.
public struct PutBucketPolicyRequest: Codable, Sendable {
    public var bucket: String
    public var policy: String
    public init(bucket: String, policy: String) {
        self.bucket = bucket
        self.policy = policy
    }
}

/// GetBucketPolicy response.
public struct GetBucketPolicyResponse: Codable, Sendable, Equatable { public var policy: String }

/// Amazon S3's bucket actions, as far as bucket policies go.
extension IAMService {
    /// S3 limits bucket policies to 20 KB.
    static let bucketPolicyMaximumBytes = 20 * 1024

    /// Creates a bucket in the request's Region (the service's by default).
    public mutating func createBucket(
        _ request: CreateBucketRequest, as principal: Principal
    ) throws(IAMError) -> CreateBucketResponse {
        try recorded("CreateBucket", request, principal, eventSource: AuditEventSource.s3) {
            (service: inout IAMService) throws(IAMError) -> CreateBucketResponse in
            try Self.checkBucketName(request.bucket)
            let arn = SharedResourceNames.bucket(request.bucket)
            try service.authorizeResource(principal, "s3:CreateBucket", arn, deniedCode: .accessDenied)
            guard service.account.resources[arn] == nil else {
                throw IAMError(
                    .bucketAlreadyOwnedByYou,
                    "Your previous request to create the named bucket succeeded and you already own it.")
            }
            let region = request.createBucketConfiguration?.locationConstraint ?? service.region
            let bucket = SharedResource(
                type: .s3Bucket, arn: arn, name: request.bucket, region: region, createDate: service.clock.now())
            service.commitResource(bucket, arn: arn, principal, "s3:CreateBucket")
            return CreateBucketResponse(location: "/" + request.bucket)
        }
    }

    /// Deletes a bucket (the workspace holds no objects, so every bucket is empty).
    public mutating func deleteBucket(
        _ request: BucketRequest, as principal: Principal
    ) throws(IAMError) -> EmptyResponse {
        try recorded("DeleteBucket", request, principal, eventSource: AuditEventSource.s3) {
            (service: inout IAMService) throws(IAMError) -> EmptyResponse in
            let bucket = try service.existingBucket(request.bucket)
            try service.authorizeResource(principal, "s3:DeleteBucket", bucket.arn, deniedCode: .accessDenied)
            service.commitResource(nil, arn: bucket.arn, principal, "s3:DeleteBucket")
            return EmptyResponse()
        }
    }

    /// Lists the account's buckets by name.
    public func listBuckets(as principal: Principal) throws(IAMError) -> ListBucketsResponse {
        try recorded("ListBuckets", nil, principal, eventSource: AuditEventSource.s3) {
            () throws(IAMError) -> ListBucketsResponse in
            try authorizeResource(principal, "s3:ListAllMyBuckets", "*", deniedCode: .accessDenied)
            let buckets = account.resources(of: .s3Bucket).sorted { $0.name < $1.name }.map {
                ListBucketsResponse.Bucket(name: $0.name, creationDate: $0.createDate)
            }
            return ListBucketsResponse(buckets: buckets, owner: .init(iD: account.id))
        }
    }

    /// Replaces a bucket's policy.
    public mutating func putBucketPolicy(
        _ request: PutBucketPolicyRequest, as principal: Principal
    ) throws(IAMError) -> EmptyResponse {
        try recorded("PutBucketPolicy", request, principal, eventSource: AuditEventSource.s3) {
            (service: inout IAMService) throws(IAMError) -> EmptyResponse in
            var bucket = try service.existingBucket(request.bucket)
            try service.authorizeResource(principal, "s3:PutBucketPolicy", bucket.arn, deniedCode: .accessDenied)
            try service.checkResourcePolicy(
                request.policy, code: .malformedPolicy, maximumBytes: Self.bucketPolicyMaximumBytes)
            bucket.policy = request.policy
            service.commitResource(bucket, arn: bucket.arn, principal, "s3:PutBucketPolicy")
            return EmptyResponse()
        }
    }

    /// Returns a bucket's policy.
    public func getBucketPolicy(
        _ request: BucketRequest, as principal: Principal
    ) throws(IAMError) -> GetBucketPolicyResponse {
        try recorded("GetBucketPolicy", request, principal, eventSource: AuditEventSource.s3) {
            () throws(IAMError) -> GetBucketPolicyResponse in
            let bucket = try existingBucket(request.bucket)
            try authorizeResource(principal, "s3:GetBucketPolicy", bucket.arn, deniedCode: .accessDenied)
            guard let policy = bucket.policy else {
                throw IAMError(.noSuchBucketPolicy, "The bucket policy does not exist")
            }
            return GetBucketPolicyResponse(policy: policy)
        }
    }

    /// Removes a bucket's policy (S3 answers success when there is none).
    public mutating func deleteBucketPolicy(
        _ request: BucketRequest, as principal: Principal
    ) throws(IAMError) -> EmptyResponse {
        try recorded("DeleteBucketPolicy", request, principal, eventSource: AuditEventSource.s3) {
            (service: inout IAMService) throws(IAMError) -> EmptyResponse in
            var bucket = try service.existingBucket(request.bucket)
            try service.authorizeResource(principal, "s3:DeleteBucketPolicy", bucket.arn, deniedCode: .accessDenied)
            guard bucket.policy != nil else { return EmptyResponse() }
            bucket.policy = nil
            service.commitResource(bucket, arn: bucket.arn, principal, "s3:DeleteBucketPolicy")
            return EmptyResponse()
        }
    }

    func existingBucket(_ name: String) throws(IAMError) -> SharedResource {
        guard let bucket = account.resources[SharedResourceNames.bucket(name)] else {
            throw IAMError(.noSuchBucket, "The specified bucket does not exist")
        }
        return bucket
    }

    /// S3's naming rules: 3–63 lowercase letters, digits, dots and hyphens, starting and ending
    /// with a letter or digit, not shaped like an IP address.
    static func checkBucketName(_ name: String) throws(IAMError) {
        let bytes = Array(name.utf8)
        func isAlphanumeric(_ byte: UInt8) -> Bool {
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
        }
        let valid =
            (3...63).contains(bytes.count)
            && bytes.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }
            && bytes.first.map(isAlphanumeric) == true && bytes.last.map(isAlphanumeric) == true
            && !name.contains("..")
            && !(name.split(separator: ".").count == 4 && name.split(separator: ".").allSatisfy { Int($0) != nil })
        guard valid else { throw IAMError(.invalidBucketName, "The specified bucket is not valid.") }
    }
}
