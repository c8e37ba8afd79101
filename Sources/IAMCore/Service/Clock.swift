import Foundation

/// The source of "now" for every action, injected so that ages, expiry and codes are testable to the second.
public protocol IAMClock: Sendable {
    /// The current time.
    func now() -> Timestamp
}

/// The machine's wall clock, in whole seconds as IAM records its dates.
public struct SystemClock: IAMClock {
    public init() {}
    public func now() -> Timestamp { Timestamp(secondsSince1970: Int64(Date().timeIntervalSince1970)) }
}

/// A clock that always answers the same instant; used by tests and by the CLI's testing variable.
public struct FixedClock: IAMClock {
    public let instant: Timestamp
    public init(_ instant: Timestamp) { self.instant = instant }
    public func now() -> Timestamp { instant }
}
