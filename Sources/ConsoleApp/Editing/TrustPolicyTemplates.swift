/// Trust policies for the role templates the Create role form offers.
enum TrustPolicyTemplates {
    /// A trust policy letting an AWS service assume the role.
    static func service(_ service: String) -> String {
        #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":""#
            + service + #""},"Action":"sts:AssumeRole"}]}"#
    }

    /// A trust policy letting another AWS account assume the role.
    static func account(_ accountId: String) -> String {
        #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::"#
            + accountId + #":root"},"Action":"sts:AssumeRole"}]}"#
    }

    /// The document for a choice of `EditForms.trustChoices`; `accountId` and `custom` are the
    /// form's other fields.
    static func document(choice: String, accountId: String, custom: String) -> String {
        switch choice {
        case "EC2": return service("ec2.amazonaws.com")
        case "Lambda": return service("lambda.amazonaws.com")
        case "CloudFormation": return service("cloudformation.amazonaws.com")
        case "Another AWS account": return account(accountId)
        default: return custom
        }
    }
}
