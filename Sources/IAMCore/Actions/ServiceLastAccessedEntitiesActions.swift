/// GetServiceLastAccessedDetailsWithEntities request.
public struct GetServiceLastAccessedDetailsWithEntitiesRequest: Codable, Sendable {
    public var jobId: String
    public var serviceNamespace: String
    public var maxItems: Int?
    public var marker: String?
    public init(jobId: String, serviceNamespace: String, maxItems: Int? = nil, marker: String? = nil) {
        self.jobId = jobId
        self.serviceNamespace = serviceNamespace
        self.maxItems = maxItems
        self.marker = marker
    }
}

/// One user or role that could have used a service, in the shape of AWS's `EntityDetails`.
public struct EntityDetails: Codable, Sendable, Equatable {
    /// AWS's `EntityInfo`.
    public struct Info: Codable, Sendable, Equatable {
        public var arn: String
        public var name: String
        /// `USER` or `ROLE`.
        public var type: String
        public var id: String
        public var path: String
    }

    public var entityInfo: Info
    /// When the entity last used the service; nil when not in the tracking period.
    public var lastAuthenticated: Timestamp?
}

/// GetServiceLastAccessedDetailsWithEntities response.
public struct GetServiceLastAccessedDetailsWithEntitiesResponse: Codable, Sendable, Equatable {
    public var jobStatus: String
    public var jobCreationDate: Timestamp
    public var jobCompletionDate: Timestamp
    public var entityDetailsList: [EntityDetails]
    public var isTruncated: Bool
    public var marker: String?
}

extension IAMService {
    /// The users and roles that could have used `ServiceNamespace` through the job's entity (a
    /// group's members, a policy's users and roles, or the user or role itself), most recent first.
    public func getServiceLastAccessedDetailsWithEntities(
        _ request: GetServiceLastAccessedDetailsWithEntitiesRequest, as principal: Principal
    ) throws(IAMError) -> GetServiceLastAccessedDetailsWithEntitiesResponse {
        try recorded("GetServiceLastAccessedDetailsWithEntities", request, principal) {
            () throws(IAMError) -> GetServiceLastAccessedDetailsWithEntitiesResponse in
            try handleGetServiceLastAccessedDetailsWithEntities(request, as: principal)
        }
    }

    private func handleGetServiceLastAccessedDetailsWithEntities(
        _ request: GetServiceLastAccessedDetailsWithEntitiesRequest, as principal: Principal
    ) throws(IAMError) -> GetServiceLastAccessedDetailsWithEntitiesResponse {
        try authorize(principal, "GetServiceLastAccessedDetailsWithEntities", "*")
        guard let job = account.accessAdvisorJobs.last(where: { $0.jobId == request.jobId.lowercased() }) else {
            throw .noSuchEntity("The job with ID \(request.jobId) cannot be found.")
        }
        guard let entity = AdvisedEntity(arn: job.arn, in: account) else {
            throw .noSuchEntity("The entity with ARN \(job.arn) cannot be found.")
        }
        let namespace = request.serviceNamespace.lowercased()
        let cutoff = clock.now().adding(seconds: -Account.activityTrackingDays * 86_400)
        var latest: [String: Timestamp] = [:]
        for (key, time) in account.activity where key.service == namespace && time >= cutoff {
            if let known = latest[key.principalARN], known >= time { continue }
            latest[key.principalARN] = time
        }
        let details = entity.principals.compactMap { arn in
            entityInfo(arn).map { EntityDetails(entityInfo: $0, lastAuthenticated: latest[arn]) }
        }.sorted { lhs, rhs in
            switch (lhs.lastAuthenticated, rhs.lastAuthenticated) {
            case (let left?, let right?) where left != right: return left > right
            case (.some, nil): return true
            case (nil, .some): return false
            default: return lhs.entityInfo.arn < rhs.entityInfo.arn
            }
        }
        let page = try Paging.inOrder(details, marker: request.marker, maxItems: request.maxItems)
        return GetServiceLastAccessedDetailsWithEntitiesResponse(
            jobStatus: "COMPLETED", jobCreationDate: job.creationDate, jobCompletionDate: job.creationDate,
            entityDetailsList: page.items, isTruncated: page.isTruncated, marker: page.marker)
    }

    private func entityInfo(_ arn: String) -> EntityDetails.Info? {
        guard let name = IAMResourceName(arn) else { return nil }
        if name.kind == "user", let user = account.user(named: name.name) {
            return EntityDetails.Info(arn: arn, name: user.name, type: "USER", id: user.id, path: user.path)
        }
        if name.kind == "role", let role = account.role(named: name.name) {
            return EntityDetails.Info(arn: arn, name: role.name, type: "ROLE", id: role.id, path: role.path)
        }
        return nil
    }
}
