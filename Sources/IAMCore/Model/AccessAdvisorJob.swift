/// A GenerateServiceLastAccessedDetails job: what to report on and how finely. The report is
/// computed when GetServiceLastAccessedDetails asks, so a job is complete as soon as it exists.
public struct AccessAdvisorJob: Sendable, Equatable, Codable {
    /// The job id, a lowercase UUID as AWS returns it.
    public var jobId: String
    /// The user, group, role or policy reported on.
    public var arn: String
    /// `SERVICE_LEVEL` or `ACTION_LEVEL`.
    public var granularity: String
    public var creationDate: Timestamp

    public init(jobId: String, arn: String, granularity: String, creationDate: Timestamp) {
        self.jobId = jobId
        self.arn = arn
        self.granularity = granularity
        self.creationDate = creationDate
    }

    /// How many jobs the account keeps; older ones are forgotten as new ones are made.
    public static let retained = 100
}
