import Foundation
import IAMCore

/// `iamconsole-bench --reports`: how long the review features take over the large account: the
/// credential report (rows and CSV, and GenerateCredentialReport through IAMService as root) and
/// the security checklist, and the access analyzer over 5,000 resource policies (see
/// `AnalyzerBenchmark`). Goal: each under 100 ms.
enum ReportsBenchmark {
    static func run(account: Account, runs: Int) {
        let now = Timestamp(secondsSince1970: Int64(Date().timeIntervalSince1970))
        var csvBytes = 0
        let report = medianSeconds(runs: runs) {
            csvBytes = CredentialReport.csv(CredentialReport.rows(for: account, at: now)).utf8.count
        }
        let generate = medianSeconds(runs: runs) {
            var service = IAMService(account: account, clock: FixedClock(now))
            _ = try? service.generateCredentialReport(as: .root)
        }
        var failing = 0
        let checklist = medianSeconds(runs: runs) {
            failing = SecurityChecklist.evaluate(account, at: now).reduce(0) { $0 + $1.failing.count }
        }
        print(
            "review features over \(account.users.count) users (release build; median of \(runs); goal < 100 ms each):")
        print(String(format: "  credential report rows + CSV   %7.1f ms  (%d bytes)", report * 1000, csvBytes))
        print(
            String(format: "  GenerateCredentialReport       %7.1f ms  (as root, through IAMService)", generate * 1000))
        print(
            String(
                format: "  security checklist (10 checks) %7.1f ms  (%d failing entities)", checklist * 1000, failing))
        AnalyzerBenchmark.run(account: account, runs: runs)
    }
}
