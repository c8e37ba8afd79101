/// Policy documents of the shapes real accounts hold, formatted the way the console and
/// `aws iam create-policy --policy-document file://...` usually submit them (four-space indent).
enum Documents {
    static let services = [
        ("s3", ["s3:GetObject", "s3:PutObject", "s3:ListBucket", "s3:DeleteObject", "s3:GetBucketLocation"]),
        ("dynamodb", ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:UpdateItem"]),
        ("sqs", ["sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"]),
        ("logs", ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"]),
        ("kms", ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:DescribeKey"]),
        ("ec2", ["ec2:DescribeInstances", "ec2:StartInstances", "ec2:StopInstances", "ec2:DescribeTags"]),
        ("ssm", ["ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath"]),
        ("lambda", ["lambda:InvokeFunction", "lambda:GetFunction", "lambda:ListFunctions"]),
    ]

    static let regions = ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2"]

    /// A customer managed policy: two or three statements over one team's resources; `revision`
    /// varies the content so that versions differ.
    static func managed(team: String, index: Int, revision: Int, account: String, pick: inout Picker) -> String {
        let count = 2 + pick.int(2)
        var statements: [String] = []
        for number in 0..<count {
            let (service, actions) = services[(index + number * 3 + revision) % services.count]
            let chosen = Array(actions.prefix(2 + pick.int(actions.count - 1)))
            let region = regions[pick.int(regions.count)]
            let resource = Self.resource(service, team: team, index: index, region: region, account: account)
            var statement = """
                        {
                            "Sid": "\(team.capitalized)\(service.uppercased())\(number + 1)",
                            "Effect": "Allow",
                            "Action": [
                \(chosen.map { "                \"\($0)\"" }.joined(separator: ",\n"))
                            ],
                            "Resource": [
                                "\(resource)",
                                "\(resource)/*"
                            ]
                """
            if number == 1 && revision > 1 {
                statement += """
                    ,
                                "Condition": {
                                    "StringEquals": {
                                        "aws:RequestedRegion": "\(region)"
                                    }
                                }
                    """
            }
            statements.append(statement + "\n        }")
        }
        return "{\n    \"Version\": \"2012-10-17\",\n    \"Statement\": [\n"
            + statements.joined(separator: ",\n") + "\n    ]\n}"
    }

    /// A small inline policy for one user.
    static func inline(user: String, account: String) -> String {
        """
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Action": [
                        "iam:ChangePassword",
                        "iam:GetUser",
                        "iam:CreateAccessKey",
                        "iam:ListAccessKeys"
                    ],
                    "Resource": "arn:aws:iam::\(account):user/*/\(user)"
                }
            ]
        }
        """
    }

    /// A trust policy for a service role or for cross-account access.
    static func trust(kind: Int, externalAccount: String) -> String {
        switch kind % 4 {
        case 0: return service("ec2.amazonaws.com")
        case 1: return service("lambda.amazonaws.com")
        case 2: return service("ecs-tasks.amazonaws.com")
        default:
            return """
                {
                    "Version": "2012-10-17",
                    "Statement": [
                        {
                            "Effect": "Allow",
                            "Principal": {
                                "AWS": "arn:aws:iam::\(externalAccount):root"
                            },
                            "Action": "sts:AssumeRole",
                            "Condition": {
                                "StringEquals": {
                                    "sts:ExternalId": "ext-\(externalAccount)"
                                }
                            }
                        }
                    ]
                }
                """
        }
    }

    private static func service(_ name: String) -> String {
        """
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Principal": {
                        "Service": "\(name)"
                    },
                    "Action": "sts:AssumeRole"
                }
            ]
        }
        """
    }

    private static func resource(
        _ service: String, team: String, index: Int, region: String, account: String
    )
        -> String
    {
        switch service {
        case "s3": return "arn:aws:s3:::acme-\(team)-data-\(index)"
        case "dynamodb": return "arn:aws:dynamodb:\(region):\(account):table/\(team)-table-\(index)"
        case "sqs": return "arn:aws:sqs:\(region):\(account):\(team)-queue-\(index)"
        case "logs": return "arn:aws:logs:\(region):\(account):log-group:/acme/\(team)/\(index)"
        case "kms": return "arn:aws:kms:\(region):\(account):key/\(team)-key-\(index)"
        case "ssm": return "arn:aws:ssm:\(region):\(account):parameter/\(team)/\(index)"
        case "lambda": return "arn:aws:lambda:\(region):\(account):function:\(team)-fn-\(index)"
        default: return "arn:aws:ec2:\(region):\(account):instance/i-\(team)\(index)"
        }
    }
}

/// A fast deterministic choice maker (SplitMix64) for the shape of the account; the ids themselves
/// come from the service's `SeededRandomSource`.
struct Picker {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// A number in `0..<bound` (`bound` > 0).
    mutating func int(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Int(z % UInt64(bound))
    }

    /// True with probability `percent`/100.
    mutating func chance(_ percent: Int) -> Bool { int(100) < percent }
}
