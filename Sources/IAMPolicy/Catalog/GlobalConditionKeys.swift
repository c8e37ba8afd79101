/// The global condition keys (`aws:*`), which every action accepts.
///
/// From the IAM User Guide, "AWS global condition context keys". Keys that end in `/` take a tag key
/// or other name after the slash (`aws:PrincipalTag/team`).
public enum GlobalConditionKeys {
    /// Every global condition key, in AWS's spelling.
    public static let names: [String] = [
        "aws:AssumedRoot", "aws:CalledVia", "aws:CalledViaFirst", "aws:CalledViaLast", "aws:ChatbotSourceArn",
        "aws:CurrentTime", "aws:Ec2InstanceSourcePrivateIPv4", "aws:Ec2InstanceSourceVpc", "aws:EpochTime",
        "aws:FederatedProvider", "aws:IsMcpServiceAction", "aws:MultiFactorAuthAge", "aws:MultiFactorAuthPresent",
        "aws:PrincipalAccount", "aws:PrincipalArn", "aws:PrincipalIsAWSService", "aws:PrincipalOrgID",
        "aws:PrincipalOrgPaths", "aws:PrincipalServiceName", "aws:PrincipalServiceNamesList", "aws:PrincipalType",
        "aws:Referer", "aws:RequestedRegion", "aws:ResourceAccount", "aws:ResourceOrgID", "aws:ResourceOrgPaths",
        "aws:SecureTransport", "aws:SourceAccount", "aws:SourceArn", "aws:SourceIdentity", "aws:SourceIp",
        "aws:SourceOrgID", "aws:SourceOrgPaths", "aws:SourceVpc", "aws:SourceVpcArn", "aws:SourceVpce",
        "aws:TagKeys", "aws:TokenIssueTime", "aws:UserAgent", "aws:userid", "aws:username", "aws:ViaAWSService",
        "aws:VpcSourceIp", "aws:VpceAccount", "aws:VpceOrgID", "aws:VpceOrgPaths",
    ]

    /// Global keys that take a name after a slash.
    public static let prefixes: [String] = ["aws:PrincipalTag/", "aws:RequestTag/", "aws:ResourceTag/"]

    private static let lowercasedNames = Set(names.map { $0.lowercased() })
    private static let lowercasedPrefixes = prefixes.map { $0.lowercased() }

    /// Whether `key` is a global condition key; condition keys ignore case.
    public static func contains(_ key: String) -> Bool {
        let lowered = key.lowercased()
        if lowercasedNames.contains(lowered) { return true }
        return lowercasedPrefixes.contains { lowered.hasPrefix($0) && lowered.count > $0.count }
    }
}
