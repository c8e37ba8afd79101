import IAMCore
import IAMPolicy
import TerminalKit

/// The Audit log view's rows: one per CloudTrail record, newest first, with the time, who, the
/// event and its outcome; `/` filters on any of them (a principal, an action, `AccessDenied`, a
/// date). Refused requests are coloured.
enum AuditLogRows {
    static let columns = [
        TableColumn("Time (UTC)", width: .fixed(19)),
        TableColumn("Principal", width: .flexible(minimum: 12)),
        TableColumn("Event", width: .fixed(20)),
        TableColumn("Outcome", width: .fixed(16)),
        TableColumn("Source", width: .fixed(8)),
    ]

    static func list(for records: [CloudTrailRecord]) -> ListModel {
        let newestFirst = records.enumerated().reversed()
        var rows: [[String]] = []
        var roles: [[Theme.Role?]] = []
        var keys: [String] = []
        var arns: [String] = []
        for (position, record) in newestFirst {
            // A failed sign-in has no errorCode in CloudTrail, only an errorMessage.
            let failed = record.errorCode != nil || record.errorMessage != nil
            // CloudTrail's ConsoleLogin says Failure; the record's page has the message.
            let outcome = record.errorCode ?? (record.errorMessage == nil ? "Success" : "Failure")
            let source = record.userAgent.contains("console") ? "console" : "cli"
            rows.append([
                String(record.eventTime.iso8601.prefix(19)).replacingOccurrences(of: "T", with: " "),
                shortName(record.userIdentity), record.eventName, outcome, source,
            ])
            roles.append([nil, nil, nil, failed ? .danger : .ok, nil])
            keys.append(String(position))
            arns.append(record.userIdentity.arn ?? "")
        }
        return ListModel(rows: rows, keys: keys, arns: arns, cellRoles: roles)
    }

    /// `root`, `user/alice`, `assumed-role/deploy/build`: the ARN's resource part.
    static func shortName(_ identity: CloudTrailIdentity) -> String {
        guard let arn = identity.arn, let colon = arn.lastIndex(of: ":") else { return identity.type }
        return String(arn[arn.index(after: colon)...])
    }

    /// A record's page: the facts, then the record as CloudTrail writes it.
    static func detail(_ record: CloudTrailRecord, position: Int) -> EntityDetail {
        EntityDetail(
            kind: "Event", name: "\(record.eventName) #\(position + 1)", arn: record.userIdentity.arn ?? "",
            summary: [
                ("Time", String(record.eventTime.iso8601.prefix(19)) + "Z"), ("Event source", record.eventSource),
                ("Principal", record.userIdentity.arn ?? record.userIdentity.type),
                (
                    "Outcome",
                    record.errorCode.map { "\($0): \(record.errorMessage ?? "")" } ?? record.errorMessage
                        ?? "Success"
                ),
            ],
            tabs: [
                DetailTab(
                    title: "Record",
                    lines: [DetailLine("CloudTrail record", kind: .heading)]
                        + DetailLines.document(JSONWriter.awsCLI(record.json)))
            ])
    }
}
