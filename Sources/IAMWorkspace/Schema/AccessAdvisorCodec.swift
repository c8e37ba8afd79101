import IAMCore

// Access advisor's activity and jobs read straight from bytes and written back, mirroring the
// synthesized `Codable` conformances of `ServiceActivity` and `AccessAdvisorJob`.

private enum ServiceActivityField: Int, ObjectFields {
    case action, principal, region, time
    static let table = KeyTable(Self.self)
}

private enum AccessAdvisorJobField: Int, ObjectFields {
    case arn, creationDate, granularity, jobId
    static let table = KeyTable(Self.self)
}

extension WorkspaceReader {
    mutating func activity() throws(FastPathRefused) -> [ServiceActivity] {
        try optionalArray { reader throws(FastPathRefused) in try reader.serviceActivity() }
    }

    mutating func accessAdvisorJobs() throws(FastPathRefused) -> [AccessAdvisorJob] {
        try optionalArray { reader throws(FastPathRefused) in try reader.accessAdvisorJob() }
    }

    private mutating func serviceActivity() throws(FastPathRefused) -> ServiceActivity {
        var action: String?
        var principal: String?
        var region: String?
        var time: Timestamp?
        var cursor = ObjectCursor()
        while let field = try next(ServiceActivityField.self, &cursor) {
            switch field {
            case .action: action = try string()
            case .principal: principal = try string()
            case .region: region = try string()
            case .time: time = try timestamp()
            }
        }
        return ServiceActivity(
            principal: try required(principal), action: try required(action), region: try required(region),
            time: try required(time))
    }

    private mutating func accessAdvisorJob() throws(FastPathRefused) -> AccessAdvisorJob {
        var arn: String?
        var creationDate: Timestamp?
        var granularity: String?
        var jobId: String?
        var cursor = ObjectCursor()
        while let field = try next(AccessAdvisorJobField.self, &cursor) {
            switch field {
            case .arn: arn = try string()
            case .creationDate: creationDate = try timestamp()
            case .granularity: granularity = try string()
            case .jobId: jobId = try string()
            }
        }
        return AccessAdvisorJob(
            jobId: try required(jobId), arn: try required(arn), granularity: try required(granularity),
            creationDate: try required(creationDate))
    }
}

extension WorkspaceWriter {
    mutating func serviceActivity(_ entry: ServiceActivity) {
        openObject()
        member("action", entry.action)
        member("principal", entry.principal)
        member("region", entry.region)
        member("time", entry.time)
        closeObject()
    }

    mutating func accessAdvisorJob(_ job: AccessAdvisorJob) {
        openObject()
        member("arn", job.arn)
        member("creationDate", job.creationDate)
        member("granularity", job.granularity)
        member("jobId", job.jobId)
        closeObject()
    }
}
