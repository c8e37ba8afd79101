import IAMCore

/// How the browsing views spell dates, ages and policy kinds, in one place so every list and
/// detail agrees (and tests can pin the wording).
enum DisplayFormat {
    private static let secondsPerDay: Int64 = 86_400

    /// Whole days from `earlier` to `now`, never negative.
    static func days(from earlier: Timestamp, to now: Timestamp) -> Int {
        Int(max(0, (now.seconds - earlier.seconds) / secondsPerDay))
    }

    /// `Today`, `1 day`, `12 days`: the console's age columns.
    static func age(from earlier: Timestamp, to now: Timestamp) -> String {
        let count = days(from: earlier, to: now)
        switch count {
        case 0: return "Today"
        case 1: return "1 day"
        default: return "\(count) days"
        }
    }

    /// `Today`, `Yesterday`, `12 days ago`: when something last happened.
    static func ago(_ earlier: Timestamp, now: Timestamp) -> String {
        let count = days(from: earlier, to: now)
        switch count {
        case 0: return "Today"
        case 1: return "Yesterday"
        default: return "\(count) days ago"
        }
    }

    /// `2025-01-31`: the date part of an ISO 8601 timestamp.
    static func date(_ timestamp: Timestamp) -> String {
        String(timestamp.iso8601.prefix(10))
    }

    /// `2025-01-31 14:05 UTC`: a creation time.
    static func dateTime(_ timestamp: Timestamp) -> String {
        let iso = timestamp.iso8601
        return String(iso.prefix(10)) + " " + String(iso.dropFirst(11).prefix(5)) + " UTC"
    }

    /// The last component of a policy ARN: `arn:aws:iam::aws:policy/job-function/ViewOnlyAccess` → `ViewOnlyAccess`.
    static func policyName(arn: String) -> String {
        arn.split(separator: "/").last.map(String.init) ?? arn
    }

    /// The console's policy type: `AWS managed`, `AWS managed - job function` or `Customer managed`.
    static func policyType(arn: String) -> String {
        guard AWSManagedPolicyCatalog.isAWSManagedARN(arn) else { return "Customer managed" }
        return arn.hasPrefix("arn:aws:iam::aws:policy/job-function/") ? "AWS managed - job function" : "AWS managed"
    }

    /// Names sorted case-insensitively, the first `shown` of them joined, then `+ N more`.
    static func summary(_ names: [String], shown: Int = 2, none: String = "None") -> String {
        guard !names.isEmpty else { return none }
        let sorted = names.sorted { $0.lowercased() < $1.lowercased() }
        let head = sorted.prefix(shown).joined(separator: ", ")
        return sorted.count > shown ? "\(head) + \(sorted.count - shown) more" : head
    }

    /// The console's name for an MFA device type.
    static func mfaType(_ type: MFADeviceType) -> String {
        switch type {
        case .virtual: return "Virtual"
        case .securityKey: return "Security key"
        case .hardware: return "Hardware"
        }
    }
}
