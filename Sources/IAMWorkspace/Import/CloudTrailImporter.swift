import IAMCore
import IAMPolicy

/// Adds the activity in CloudTrail log files to an account, for access advisor.
///
/// Access advisor reports the last *attempt* of an authenticated IAM user or role to use a service
/// or action, successful or denied (AWS: "The service last accessed data includes all attempts to
/// access an AWS API, not just the successful ones"), so a record counts unless its error says the
/// request was never authenticated. Records of identities access advisor does not track (the root
/// user, AWS services, other accounts, federated users) and of principals the workspace does not
/// hold are skipped and counted, as are records older than the 400-day tracking period.
public enum CloudTrailImporter {
    /// Error codes of requests AWS rejected before knowing who sent them.
    static let unauthenticatedErrors: Set<String> = [
        "InvalidClientTokenId", "SignatureDoesNotMatch", "IncompleteSignature", "MissingAuthenticationToken",
        "InvalidAccessKeyId", "ExpiredToken", "ExpiredTokenException", "AuthFailure", "InvalidToken",
        "UnrecognizedClientException", "InvalidSignatureException",
    ]

    /// What one import of CloudTrail files read: counts by outcome, for the summary.
    public struct Tally: Sendable, Equatable {
        /// Records read in all files.
        public var read = 0
        /// Records that became (or confirmed) access advisor activity.
        public var recorded = 0
        /// Skipped records by reason, worded for the summary.
        public var skipped: [String: Int] = [:]
        /// The principals (ARNs) the recorded records belong to.
        public var principals: Set<String> = []

        /// An empty tally.
        public init() {}

        mutating func skip(_ reason: String) { skipped[reason, default: 0] += 1 }
    }

    /// Reads `bytes` (the contents of `file`, gzipped or not) and records their activity in `account`, in
    /// place: a file of many is a few records, and a copy of the account per file copied all its activity.
    /// Nothing is recorded when the file cannot be read.
    public static func record(
        _ bytes: [UInt8], file: String, into account: inout Account, now: Timestamp, tally: inout Tally
    ) throws(ImportError) {
        let text = Gzip.isCompressed(bytes) ? try Gzip.decompress(bytes, file: file) : bytes
        let events = try CloudTrailEventReader.events(in: text, file: file)
        let catalog = try? ActionCatalog.shared.get()
        let cutoff = now.adding(seconds: -Account.activityTrackingDays * 86_400)
        for event in events {
            tally.read += 1
            guard event.time >= cutoff else {
                tally.skip("older than the 400-day tracking period")
                continue
            }
            if let code = event.errorCode, unauthenticatedErrors.contains(code) {
                tally.skip("not authenticated (\(code))")
                continue
            }
            if let type = event.eventType, type != "AwsApiCall" {
                tally.skip("\(type) events are not service requests")
                continue
            }
            guard let principal = principalARN(event.caller, in: account, tally: &tally) else { continue }
            guard let action = CloudTrailAction.action(source: event.source, name: event.name, catalog: catalog) else {
                tally.skip("action not in the catalog of AWS actions")
                continue
            }
            account.recordActivity(principalARN: principal, action: action, region: event.region, at: event.time)
            tally.recorded += 1
            tally.principals.insert(principal)
        }
    }

    /// Adds `tally` to `summary`: one note with the counts, and one skipped line per reason.
    public static func summarize(_ tally: Tally, files: Int, into summary: inout ImportSummary) {
        let principals = tally.principals.count
        summary.notes.append(
            "CloudTrail: \(tally.read) \(tally.read == 1 ? "record" : "records") read from \(files) "
                + "\(files == 1 ? "file" : "files"), \(tally.recorded) recorded as access advisor activity of "
                + "\(principals) \(principals == 1 ? "principal" : "principals")")
        for (reason, count) in tally.skipped.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) {
            summary.skipped.append("CloudTrail: \(count) \(count == 1 ? "record" : "records") \(reason)")
        }
    }

    /// The workspace's ARN of the IAM user or role that made a request, or nil (tallied) when
    /// access advisor does not track the caller or the workspace does not hold it.
    private static func principalARN(
        _ caller: CloudTrailEvent.Caller, in account: Account, tally: inout Tally
    ) -> String? {
        switch caller {
        case .other(let type):
            tally.skip(
                type == "Root" ? "by the root user (access advisor tracks users and roles)" : "by \(type) identities")
            return nil
        case .user(let arn, let id):
            return entityARN(arn, id: id, kind: "user", account: account, tally: &tally) { name in
                account.user(named: name).map { ($0.id, account.arn(of: $0)) }
            }
        case .role(let arn, let id):
            return entityARN(arn, id: id, kind: "role", account: account, tally: &tally) { name in
                account.role(named: name).map { ($0.id, account.arn(of: $0)) }
            }
        }
    }

    /// The workspace ARN of the user or role (`kind`) a record names, when it is this account's
    /// and the same identity (`id`, when the record gives one); `find` looks it up by name.
    private static func entityARN(
        _ arn: String, id: String?, kind: String, account: Account, tally: inout Tally,
        find: (String) -> (id: String, arn: String)?
    ) -> String? {
        guard let name = nameInARN(arn, kind: kind, account: account.id) else {
            tally.skip("by principals of other accounts")
            return nil
        }
        guard let found = find(name) else {
            tally.skip("by \(kind)s not in the workspace")
            return nil
        }
        guard id == nil || id == found.id else {
            tally.skip("by an earlier \(kind) of the same name (another unique id)")
            return nil
        }
        return found.arn
    }

    /// The entity name in `arn:PARTITION:iam::ACCOUNT:KIND/PATH/NAME` when ACCOUNT is `account`.
    static func nameInARN(_ arn: String, kind: String, account: String) -> String? {
        guard let parsed = ARN(arn), parsed.service == "iam", parsed.account == account else { return nil }
        let resource = parsed.resource.split(separator: "/", omittingEmptySubsequences: false)
        guard resource.count >= 2, resource[0] == kind, let name = resource.last, !name.isEmpty else { return nil }
        return String(name)
    }
}
