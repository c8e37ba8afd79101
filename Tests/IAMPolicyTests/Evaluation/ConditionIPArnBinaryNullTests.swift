import IAMPolicy
import Testing

private let rule = "POLICY-EVALUATION §1.3"
private func ip(_ value: String) -> [String: ContextValue] { ["aws:SourceIp": .string(value)] }
private func source(_ value: String) -> [String: ContextValue] { ["aws:SourceArn": .string(value)] }
private let topic = "arn:aws:sns:us-east-1:111122223333:alerts"

@Suite struct ConditionIPArnBinaryNullTests {
    static let cases: [EvalCase] = [
        conditionCase(
            "\(rule) IpAddress IPv4 CIDR", "IpAddress", "aws:SourceIp", "\"203.0.113.0/24\"",
            ip("203.0.113.7"), true),
        conditionCase(
            "\(rule) IpAddress IPv4 outside", "IpAddress", "aws:SourceIp", "\"203.0.113.0/24\"",
            ip("203.0.114.7"), false),
        conditionCase(
            "\(rule) IpAddress bare IP means /32", "IpAddress", "aws:SourceIp", "\"203.0.113.7\"",
            ip("203.0.113.7"), true),
        conditionCase(
            "\(rule) IpAddress bare IP other host", "IpAddress", "aws:SourceIp", "\"203.0.113.7\"",
            ip("203.0.113.8"), false),
        conditionCase(
            "\(rule) IpAddress /0 covers all IPv4", "IpAddress", "aws:SourceIp", "\"0.0.0.0/0\"",
            ip("198.51.100.1"), true),
        conditionCase(
            "\(rule) IpAddress odd prefix /20", "IpAddress", "aws:SourceIp", "\"10.0.16.0/20\"",
            ip("10.0.31.255"), true),
        conditionCase(
            "\(rule) IpAddress odd prefix /20 outside", "IpAddress", "aws:SourceIp", "\"10.0.16.0/20\"",
            ip("10.0.32.0"), false),
        conditionCase(
            "\(rule) IpAddress list ORed", "IpAddress", "aws:SourceIp", "[\"10.0.0.0/8\", \"192.168.0.0/16\"]",
            ip("192.168.1.1"), true),
        conditionCase(
            "\(rule) IpAddress IPv6 CIDR", "IpAddress", "aws:SourceIp", "\"2001:db8::/32\"",
            ip("2001:db8:1234::1"), true),
        conditionCase(
            "\(rule) IpAddress IPv6 outside", "IpAddress", "aws:SourceIp", "\"2001:db8::/32\"",
            ip("2001:db9::1"), false),
        conditionCase(
            "\(rule) IpAddress IPv6 bare is /128", "IpAddress", "aws:SourceIp", "\"2001:db8::1\"",
            ip("2001:db8:0:0:0:0:0:1"), true),
        conditionCase(
            "\(rule) IpAddress IPv4 request vs IPv6 range", "IpAddress", "aws:SourceIp", "\"::/0\"",
            ip("10.0.0.1"), false),
        conditionCase(
            "\(rule) IpAddress unreadable request", "IpAddress", "aws:SourceIp", "\"10.0.0.0/8\"",
            ip("10.0.0"), false),
        conditionCase(
            "\(rule) NotIpAddress outside", "NotIpAddress", "aws:SourceIp", "\"10.0.0.0/8\"",
            ip("192.0.2.1"), true),
        conditionCase(
            "\(rule) NotIpAddress inside", "NotIpAddress", "aws:SourceIp", "\"10.0.0.0/8\"",
            ip("10.1.2.3"), false),
        conditionCase(
            "\(rule) NotIpAddress NOR over values", "NotIpAddress", "aws:SourceIp",
            "[\"192.0.2.0/24\", \"10.0.0.0/8\"]", ip("10.1.2.3"), false),
        conditionCase(
            "\(rule) NotIpAddress missing key is true", "NotIpAddress", "aws:SourceIp", "\"10.0.0.0/8\"",
            [:], true),
        conditionCase(
            "\(rule) IpAddress missing key is false", "IpAddress", "aws:SourceIp", "\"10.0.0.0/8\"", [:],
            false),
        conditionCase("\(rule) ArnEquals exact", "ArnEquals", "aws:SourceArn", "\"\(topic)\"", source(topic), true),
        conditionCase(
            "\(rule) ArnEquals honours wildcards like ArnLike", "ArnEquals", "aws:SourceArn",
            "\"arn:aws:sns:*:111122223333:*\"", source(topic), true),
        conditionCase(
            "\(rule) ArnLike region wildcard", "ArnLike", "aws:SourceArn", "\"arn:aws:sns:*:111122223333:alerts\"",
            source(topic), true),
        conditionCase(
            "\(rule) ArnLike is case-sensitive", "ArnLike", "aws:SourceArn", "\"arn:aws:sns:*:111122223333:Alerts\"",
            source(topic), false),
        conditionCase(
            "\(rule) ArnLike per segment: doc example fails where StringLike matches", "ArnLike",
            "aws:SourceArn", "\"arn:aws:someservice:*:111122223333:finance/*\"",
            source("arn:aws:someservice:us-west-2:extra:111122223333:finance/x"), false),
        conditionCase(
            "\(rule) ArnLike per segment: doc example on a regular ARN", "ArnLike", "aws:SourceArn",
            "\"arn:aws:someservice:*:111122223333:finance/*\"",
            source("arn:aws:someservice:us-west-2:111122223333:finance/x"), true),
        conditionCase(
            "\(rule) ArnLike service segment may be wildcarded", "ArnLike", "aws:SourceArn",
            "\"arn:aws:*:us-east-1:111122223333:alerts\"", source(topic), true),
        conditionCase(
            "\(rule) ArnLike other account", "ArnLike", "aws:SourceArn", "\"arn:aws:sns:*:444455556666:*\"",
            source(topic), false),
        conditionCase(
            "\(rule) ArnLike request that is not an ARN", "ArnLike", "aws:SourceArn", "\"arn:aws:sns:*:*:*\"",
            source("alerts"), false),
        conditionCase(
            "\(rule) ArnNotEquals different", "ArnNotEquals", "aws:SourceArn", "\"arn:aws:sns:*:444455556666:*\"",
            source(topic), true),
        conditionCase(
            "\(rule) ArnNotLike matching", "ArnNotLike", "aws:SourceArn", "\"arn:aws:sns:*:*:*\"",
            source(topic), false),
        conditionCase(
            "\(rule) ArnNotLike missing key is true (doc)", "ArnNotLike", "aws:SourceArn", "\"arn:aws:sns:*:*:*\"",
            [:], true),
        conditionCase(
            "\(rule) ArnLikeIfExists missing key", "ArnLikeIfExists", "aws:SourceArn", "\"arn:aws:sns:*:*:*\"",
            [:], true),
        conditionCase(
            "\(rule) BinaryEquals same bytes", "BinaryEquals", "s3:x-amz-key", "\"QmluYXJ5VmFsdWU=\"",
            ["s3:x-amz-key": .string("QmluYXJ5VmFsdWU=")], true),
        conditionCase(
            "\(rule) BinaryEquals compares bytes not text (padding)", "BinaryEquals", "s3:x-amz-key",
            "\"QmluYXJ5VmFsdWU=\"", ["s3:x-amz-key": .string("QmluYXJ5VmFsdWU")], true),
        conditionCase(
            "\(rule) BinaryEquals different bytes", "BinaryEquals", "s3:x-amz-key", "\"QmluYXJ5VmFsdWU=\"",
            ["s3:x-amz-key": .string("T3RoZXI=")], false),
        conditionCase(
            "\(rule) BinaryEquals invalid base-64", "BinaryEquals", "s3:x-amz-key", "\"QmluYXJ5VmFsdWU=\"",
            ["s3:x-amz-key": .string("!!!")], false),
        conditionCase("\(rule) Null true: key absent", "Null", "aws:TokenIssueTime", "\"true\"", [:], true),
        conditionCase(
            "\(rule) Null true: key present", "Null", "aws:TokenIssueTime", "\"true\"",
            ["aws:TokenIssueTime": .string("2024-01-01T00:00:00Z")], false),
        conditionCase(
            "\(rule) Null false: key present", "Null", "aws:TokenIssueTime", "\"false\"",
            ["aws:TokenIssueTime": .string("2024-01-01T00:00:00Z")], true),
        conditionCase("\(rule) Null false: key absent", "Null", "aws:TokenIssueTime", "\"false\"", [:], false),
        conditionCase("\(rule) Null JSON Boolean", "Null", "aws:TokenIssueTime", "true", [:], true),
        conditionCase(
            "\(rule) Null on an empty set: absent", "Null", "aws:TagKeys", "\"true\"",
            ["aws:TagKeys": .strings([])], true),
    ]

    @Test(arguments: cases) func decision(_ testCase: EvalCase) throws { try expectDecision(testCase) }
}
