/// CreateQueue request.
public struct CreateQueueRequest: Codable, Sendable {
    public var queueName: String
    public var attributes: [String: String]?
    public init(queueName: String, attributes: [String: String]? = nil) {
        self.queueName = queueName
        self.attributes = attributes
    }
}

/// A request that names one queue by its URL.
public struct QueueRequest: Codable, Sendable {
    public var queueUrl: String
    public init(queueUrl: String) { self.queueUrl = queueUrl }
}

/// SetQueueAttributes request.
public struct SetQueueAttributesRequest: Codable, Sendable {
    public var queueUrl: String
    public var attributes: [String: String]
    public init(queueUrl: String, attributes: [String: String]) {
        self.queueUrl = queueUrl
        self.attributes = attributes
    }
}

/// GetQueueAttributes request.
public struct GetQueueAttributesRequest: Codable, Sendable {
    public var queueUrl: String
    public var attributeNames: [String]?
    public init(queueUrl: String, attributeNames: [String]? = nil) {
        self.queueUrl = queueUrl
        self.attributeNames = attributeNames
    }
}

/// ListQueues request.
public struct ListQueuesRequest: Codable, Sendable {
    public var queueNamePrefix: String?
    public init(queueNamePrefix: String? = nil) { self.queueNamePrefix = queueNamePrefix }
}

/// CreateQueue response.
public struct CreateQueueResponse: Codable, Sendable, Equatable { public var queueUrl: String }

/// ListQueues response.
public struct ListQueuesResponse: Codable, Sendable, Equatable { public var queueUrls: [String] }

/// GetQueueAttributes response.
public struct GetQueueAttributesResponse: Codable, Sendable, Equatable { public var attributes: [String: String] }

/// Amazon SQS's queue actions, as far as queue policies go: the `Policy` attribute is the only
/// one the workspace keeps (the others do not decide who may use the queue).
extension IAMService {
    /// SQS limits a queue policy to 20 KB.
    static let queuePolicyMaximumBytes = 20 * 1024

    /// Creates a queue, with a policy when `Attributes` has one; creating an existing queue with
    /// the same policy returns its URL, as SQS does.
    public mutating func createQueue(
        _ request: CreateQueueRequest, as principal: Principal
    ) throws(IAMError) -> CreateQueueResponse {
        try recorded("CreateQueue", request, principal, eventSource: AuditEventSource.sqs) {
            (service: inout IAMService) throws(IAMError) -> CreateQueueResponse in
            try Self.checkQueueName(request.queueName)
            let arn = SharedResourceNames.queue(service.account.id, region: service.region, name: request.queueName)
            try service.authorizeResource(principal, "sqs:CreateQueue", arn)
            let policy = try service.queuePolicy(in: request.attributes ?? [:])
            let url = SharedResourceNames.queueURL(service.account.id, region: service.region, name: request.queueName)
            if let existing = service.account.resources[arn] {
                guard existing.policy == policy ?? nil else {
                    throw IAMError(
                        .queueNameExists,
                        "A queue already exists with the same name and a different value for attribute Policy")
                }
                return CreateQueueResponse(queueUrl: url)
            }
            let queue = SharedResource(
                type: .sqsQueue, arn: arn, name: request.queueName, region: service.region,
                createDate: service.clock.now(), policy: policy.flatMap { $0 })
            service.commitResource(queue, arn: arn, principal, "sqs:CreateQueue")
            return CreateQueueResponse(queueUrl: url)
        }
    }

    /// Deletes a queue.
    public mutating func deleteQueue(_ request: QueueRequest, as principal: Principal) throws(IAMError) -> EmptyResponse
    {
        try recorded("DeleteQueue", request, principal, eventSource: AuditEventSource.sqs) {
            (service: inout IAMService) throws(IAMError) -> EmptyResponse in
            let queue = try service.existingQueue(request.queueUrl)
            try service.authorizeResource(principal, "sqs:DeleteQueue", queue.arn)
            service.commitResource(nil, arn: queue.arn, principal, "sqs:DeleteQueue")
            return EmptyResponse()
        }
    }

    /// Lists the URLs of the queues in the service's Region.
    public func listQueues(_ request: ListQueuesRequest, as principal: Principal) throws(IAMError) -> ListQueuesResponse
    {
        try recorded("ListQueues", request, principal, eventSource: AuditEventSource.sqs) {
            () throws(IAMError) -> ListQueuesResponse in
            try authorizeResource(principal, "sqs:ListQueues", "*")
            let prefix = request.queueNamePrefix ?? ""
            let urls = account.resources(of: .sqsQueue).filter { $0.region == region && $0.name.hasPrefix(prefix) }
                .map { SharedResourceNames.queueURL(account.id, region: $0.region, name: $0.name) }
            return ListQueuesResponse(queueUrls: urls)
        }
    }

    /// Sets a queue's `Policy` attribute (an empty string removes the policy).
    public mutating func setQueueAttributes(
        _ request: SetQueueAttributesRequest, as principal: Principal
    ) throws(IAMError) -> EmptyResponse {
        try recorded("SetQueueAttributes", request, principal, eventSource: AuditEventSource.sqs) {
            (service: inout IAMService) throws(IAMError) -> EmptyResponse in
            var queue = try service.existingQueue(request.queueUrl)
            try service.authorizeResource(principal, "sqs:SetQueueAttributes", queue.arn)
            guard let policy = try service.queuePolicy(in: request.attributes) else { return EmptyResponse() }
            queue.policy = policy
            service.commitResource(queue, arn: queue.arn, principal, "sqs:SetQueueAttributes")
            return EmptyResponse()
        }
    }

    /// Returns a queue's `Policy`, `QueueArn` and `CreatedTimestamp` attributes (those asked for, or `All`).
    public func getQueueAttributes(
        _ request: GetQueueAttributesRequest, as principal: Principal
    ) throws(IAMError) -> GetQueueAttributesResponse {
        try recorded("GetQueueAttributes", request, principal, eventSource: AuditEventSource.sqs) {
            () throws(IAMError) -> GetQueueAttributesResponse in
            let queue = try existingQueue(request.queueUrl)
            try authorizeResource(principal, "sqs:GetQueueAttributes", queue.arn)
            var all = ["QueueArn": queue.arn, "CreatedTimestamp": String(queue.createDate.seconds)]
            if let policy = queue.policy { all["Policy"] = policy }
            let names = request.attributeNames ?? ["All"]
            let chosen = names.contains("All") ? all : all.filter { names.contains($0.key) }
            return GetQueueAttributesResponse(attributes: chosen)
        }
    }

    /// The queue a URL names (`https://sqs.REGION.amazonaws.com/ACCOUNT/NAME`).
    func existingQueue(_ url: String) throws(IAMError) -> SharedResource {
        let parts = url.split(separator: "/")
        if parts.count >= 2, String(parts[parts.count - 2]) == account.id {
            let name = String(parts[parts.count - 1])
            if let queue = account.resources.values.first(where: {
                $0.type == .sqsQueue && $0.name == name
                    && SharedResourceNames.queueURL(account.id, region: $0.region, name: name) == url
            }) {
                return queue
            }
        }
        throw IAMError(.queueDoesNotExist, "The specified queue does not exist.")
    }

    /// The `Policy` of an attribute map: nil when absent, `.some(nil)` for an empty string (no
    /// policy), else the validated document. Attributes other than `Policy` are refused.
    func queuePolicy(in attributes: [String: String]) throws(IAMError) -> String?? {
        for name in attributes.keys.sorted() where name != "Policy" {
            throw IAMError(
                .invalidAttributeName, "Unknown Attribute \(name). The workspace keeps only a queue's Policy attribute."
            )
        }
        guard let text = attributes["Policy"] else { return nil }
        guard !text.isEmpty else { return .some(nil) }
        try checkResourcePolicy(text, code: .invalidAttributeValue, maximumBytes: Self.queuePolicyMaximumBytes)
        return .some(text)
    }

    /// SQS's naming rules: 1–80 letters, digits, hyphens and underscores (and `.fifo` at the end).
    static func checkQueueName(_ name: String) throws(IAMError) {
        let base = name.hasSuffix(".fifo") ? String(name.dropLast(5)) : name
        let valid =
            (1...80).contains(name.count)
            && base.unicodeScalars.allSatisfy {
                ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "-" || $0 == "_"
            }
        guard valid else {
            throw IAMError(
                .invalidParameterValueException,
                "Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length")
        }
    }
}
