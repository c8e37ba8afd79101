import IAMCore

/// The MFA and access key part of a Security credentials tab (a user's, or the root user's on
/// the Root account page), with each line marked with what it stands for, so `d` removes and `r`
/// activates or deactivates it, and rotation advice for keys older than 90 days.
enum CredentialLines {
    /// AWS's advice: rotate access keys at least every 90 days.
    static let rotationDays = 90

    static func lines(for owner: CredentialOwner, in account: Account, now: Timestamp) -> [DetailLine] {
        let (keys, devices) = owner.credentials(in: account)
        var lines = [DetailLine("Multi-factor authentication (MFA) (\(devices.count))", kind: .heading)]
        lines += DetailLines.table(
            ["Type", "Identifier", "Created"],
            devices.map { device in
                [
                    DisplayFormat.mfaType(device.type), device.serialNumber,
                    DisplayFormat.date(device.enableDate ?? device.createDate),
                ]
            }, arns: devices.map { $0.serialNumber.hasPrefix("arn:") ? $0.serialNumber : nil },
            items: devices.map { .mfaDevice($0.serialNumber) },
            empty: "No MFA devices. Press a to assign one and protect the console sign-in.")
        lines.append(DetailLine(""))
        lines.append(DetailLine("Access keys (\(keys.count))", kind: .heading))
        lines += DetailLines.table(
            ["Access key ID", "Status", "Age", "Created", "Last used"],
            keys.map { key in
                [
                    key.id, key.status.rawValue, DisplayFormat.age(from: key.createDate, to: now),
                    DisplayFormat.date(key.createDate),
                    key.lastUsed.map { "\(DisplayFormat.ago($0.date, now: now)) (\($0.serviceName), \($0.region))" }
                        ?? "Never",
                ]
            }, items: keys.map { .accessKey($0.id) },
            empty: "No access keys. Press a to create one.")
        let old = keys.filter {
            $0.status == .active && now.seconds - $0.createDate.seconds > Int64(rotationDays) * 86_400
        }
        for key in old {
            lines.append(
                DetailLine(
                    "Rotate \(key.id): active for more than \(rotationDays) days. Create a second key (a), move "
                        + "applications to it, deactivate this one (r), then delete it (d).", kind: .muted))
        }
        if owner == .root, keys.contains(where: { $0.status == .active }) {
            lines.append(
                DetailLine(
                    "The root user should not have active access keys: use IAM users or roles instead.", kind: .muted))
        }
        lines.append(DetailLine(""))
        lines.append(
            DetailLine(
                "a: create an access key or assign an MFA device; d: remove the selected key or device; "
                    + "r: activate or deactivate the selected key", kind: .muted))
        return lines
    }
}
