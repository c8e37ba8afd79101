import Foundation

/// GenerateServiceLastAccessedDetails request.
public struct GenerateServiceLastAccessedDetailsRequest: Codable, Sendable {
    /// The user, group, role or managed policy to report on.
    public var arn: String
    /// `SERVICE_LEVEL` (the default) or `ACTION_LEVEL`.
    public var granularity: String?
    public init(arn: String, granularity: String? = nil) {
        self.arn = arn
        self.granularity = granularity
    }
}

/// GenerateServiceLastAccessedDetails response.
public struct GenerateServiceLastAccessedDetailsResponse: Codable, Sendable, Equatable {
    public var jobId: String
}

/// GetServiceLastAccessedDetails request.
public struct GetServiceLastAccessedDetailsRequest: Codable, Sendable {
    public var jobId: String
    public var maxItems: Int?
    public var marker: String?
    public init(jobId: String, maxItems: Int? = nil, marker: String? = nil) {
        self.jobId = jobId
        self.maxItems = maxItems
        self.marker = marker
    }
}

/// GetServiceLastAccessedDetails response. Jobs complete at once, so `JobStatus` is `COMPLETED`.
public struct GetServiceLastAccessedDetailsResponse: Codable, Sendable, Equatable {
    public var jobStatus: String
    public var jobType: String
    public var jobCreationDate: Timestamp
    public var servicesLastAccessed: [ServiceLastAccessed]
    public var jobCompletionDate: Timestamp
    public var isTruncated: Bool
    public var marker: String?
}

extension IAMService {
    /// Starts a report of the services `Arn` is granted and when each was last used.
    public mutating func generateServiceLastAccessedDetails(
        _ request: GenerateServiceLastAccessedDetailsRequest, as principal: Principal
    ) throws(IAMError) -> GenerateServiceLastAccessedDetailsResponse {
        try recorded("GenerateServiceLastAccessedDetails", request, principal) {
            (service: inout IAMService) throws(IAMError) -> GenerateServiceLastAccessedDetailsResponse in
            try service.handleGenerateServiceLastAccessedDetails(request, as: principal)
        }
    }

    private mutating func handleGenerateServiceLastAccessedDetails(
        _ request: GenerateServiceLastAccessedDetailsRequest, as principal: Principal
    ) throws(IAMError) -> GenerateServiceLastAccessedDetailsResponse {
        let granularity = request.granularity ?? "SERVICE_LEVEL"
        guard granularity == "SERVICE_LEVEL" || granularity == "ACTION_LEVEL" else {
            throw NameRules.validationError(
                granularity, "granularity", "Member must satisfy enum value set: [SERVICE_LEVEL, ACTION_LEVEL]")
        }
        guard IAMResourceName(request.arn) != nil else {
            throw IAMError(.invalidInput, "ARN \(request.arn) is not valid.")
        }
        try authorize(principal, "GenerateServiceLastAccessedDetails", request.arn)
        guard AdvisedEntity(arn: request.arn, in: account) != nil else {
            throw .noSuchEntity("The entity with ARN \(request.arn) cannot be found.")
        }
        let job = AccessAdvisorJob(
            jobId: Self.uuid(random.bytes(16)), arn: request.arn, granularity: granularity,
            creationDate: clock.now())
        account.accessAdvisorJobs.append(job)
        if account.accessAdvisorJobs.count > AccessAdvisorJob.retained {
            account.accessAdvisorJobs.removeFirst(account.accessAdvisorJobs.count - AccessAdvisorJob.retained)
        }
        committed(principal, "GenerateServiceLastAccessedDetails", request.arn)
        return GenerateServiceLastAccessedDetailsResponse(jobId: job.jobId)
    }

    /// The report of a job made by GenerateServiceLastAccessedDetails, computed from the activity
    /// recorded up to now.
    public func getServiceLastAccessedDetails(
        _ request: GetServiceLastAccessedDetailsRequest, as principal: Principal
    ) throws(IAMError) -> GetServiceLastAccessedDetailsResponse {
        try recorded("GetServiceLastAccessedDetails", request, principal) {
            () throws(IAMError) -> GetServiceLastAccessedDetailsResponse in
            try handleGetServiceLastAccessedDetails(request, as: principal)
        }
    }

    private func handleGetServiceLastAccessedDetails(
        _ request: GetServiceLastAccessedDetailsRequest, as principal: Principal
    ) throws(IAMError) -> GetServiceLastAccessedDetailsResponse {
        try authorize(principal, "GetServiceLastAccessedDetails", "*")
        guard let job = account.accessAdvisorJobs.last(where: { $0.jobId == request.jobId.lowercased() }) else {
            throw .noSuchEntity("The job with ID \(request.jobId) cannot be found.")
        }
        guard let entity = AdvisedEntity(arn: job.arn, in: account) else {
            throw .noSuchEntity("The entity with ARN \(job.arn) cannot be found.")
        }
        let now = clock.now()
        let rows = AccessAdvisorReport.services(
            for: entity, in: account, at: now, actionLevel: job.granularity == "ACTION_LEVEL")
        let page = try Paging.inOrder(rows, marker: request.marker, maxItems: request.maxItems)
        return GetServiceLastAccessedDetailsResponse(
            jobStatus: "COMPLETED", jobType: job.granularity, jobCreationDate: job.creationDate,
            servicesLastAccessed: page.items, jobCompletionDate: job.creationDate, isTruncated: page.isTruncated,
            marker: page.marker)
    }

    /// A version 4 UUID from 16 random bytes, lowercase as AWS writes job ids.
    static func uuid(_ bytes: [UInt8]) -> String {
        var bytes = bytes + Array(repeating: 0, count: max(0, 16 - bytes.count))
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = bytes.prefix(16).map { String(format: "%02x", $0) }.joined()
        let parts = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { range in
            String(hex.dropFirst(range.lowerBound).prefix(range.count))
        }
        return parts.joined(separator: "-")
    }
}
