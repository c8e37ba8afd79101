import Foundation

/// Why the action catalog could not be loaded.
public struct ActionCatalogError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, naming the file when there is one.
    public var description: String

    /// Creates an error with a description.
    public init(_ description: String) {
        self.description = description
    }
}

extension ActionCatalog {
    /// The file name of the catalog resource.
    public static let resourceName = "aws-actions.json"

    /// An environment variable naming a catalog file to use instead of the bundled one.
    public static let overrideVariable = "IAMCONSOLE_ACTION_CATALOG"

    /// The bundled catalog, loaded on first use; a failure (a missing or damaged resource) is kept, not thrown.
    public static let shared: Result<ActionCatalog, ActionCatalogError> = {
        guard let path = locateResource() else {
            return .failure(ActionCatalogError("the action catalog resource \(resourceName) was not found"))
        }
        return Result { () throws(ActionCatalogError) in try load(path: path) }
    }()

    /// Loads a catalog file written by `scripts/generate-action-catalog.py`.
    public static func load(path: String) throws(ActionCatalogError) -> ActionCatalog {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ActionCatalogError("cannot read the action catalog \(path)")
        }
        return try decode(data, source: path)
    }

    /// Decodes a catalog from its JSON bytes; `source` names it in errors.
    public static func decode(_ data: Data, source: String = resourceName) throws(ActionCatalogError) -> ActionCatalog {
        let root: [String: Any]
        do {
            guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw ActionCatalogError("the action catalog \(source) is not a JSON object")
            }
            root = object
        } catch let error as ActionCatalogError {
            throw error
        } catch {
            throw ActionCatalogError("the action catalog \(source) is not valid JSON: \(error.localizedDescription)")
        }
        guard let services = root["services"] as? [String: Any] else {
            throw ActionCatalogError("the action catalog \(source) has no services")
        }
        var decoded: [String: Service] = [:]
        for (prefix, value) in services {
            guard let entry = value as? [String: Any] else {
                throw ActionCatalogError("the action catalog \(source) has a damaged entry for \(prefix)")
            }
            decoded[prefix.lowercased()] = service(prefix: prefix, entry)
        }
        let unassociated = (root["unassociated"] as? [String: [String]]) ?? [:]
        var prefixes: [String: [String]] = [:]
        for (prefix, services) in unassociated { prefixes[prefix.lowercased()] = services }
        return ActionCatalog(
            version: root["version"] as? String ?? "", services: decoded, unassociatedKeyPrefixes: prefixes)
    }

    private static let accessLevels: [String: AccessLevel] = [
        "L": .list, "R": .read, "W": .write, "P": .permissionsManagement, "T": .tagging,
    ]

    private static func service(prefix: String, _ entry: [String: Any]) -> Service {
        var actions: [String: Action] = [:]
        for (name, value) in entry["a"] as? [String: [Any]] ?? [:] {
            let resourceTypes = (value.count > 1 ? value[1] as? [[Any]] : nil)?.map { row in
                ActionResourceType(
                    name: row.first as? String ?? "", required: (row.count > 1 ? row[1] as? Int : nil) == 1,
                    conditionKeys: (row.count > 2 ? row[2] as? [String] : nil) ?? [])
            }
            actions[name.lowercased()] = Action(
                name: name, accessLevel: accessLevels[value.first as? String ?? ""] ?? .write,
                resourceTypes: resourceTypes ?? [], conditionKeys: (value.count > 2 ? value[2] as? [String] : nil) ?? []
            )
        }
        var resourceTypes: [String: ResourceType] = [:]
        for (name, value) in entry["r"] as? [String: [Any]] ?? [:] {
            resourceTypes[name] = ResourceType(
                name: name, arnFormat: value.first as? String ?? "",
                conditionKeys: (value.count > 1 ? value[1] as? [String] : nil) ?? [])
        }
        var keys: [String: ConditionKey] = [:]
        for (name, type) in entry["k"] as? [String: String] ?? [:] {
            keys[name.lowercased()] = ConditionKey(name: name, type: type)
        }
        return Service(
            prefix: prefix, name: entry["n"] as? String ?? prefix, actions: actions, resourceTypes: resourceTypes,
            conditionKeys: keys)
    }

    /// Finds the bundled resource without `Bundle.module`, whose accessor stops the process when the
    /// resource bundle is missing. It looks where that accessor looks: beside the main bundle (the
    /// `iamconsole` binary, or the test runner in `swift test`) and beside the running executable.
    static func locateResource() -> String? {
        let environment = ProcessInfo.processInfo.environment
        if let override = environment[overrideVariable], !override.isEmpty { return override }
        var folders = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            folders.append(executable.deletingLastPathComponent())
        }
        folders.append(URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent())
        let bundleNames = ["iamconsole_IAMPolicy.resources", "iamconsole_IAMPolicy.bundle"]
        for folder in folders {
            for bundleName in bundleNames {
                let bundle = folder.appendingPathComponent(bundleName)
                for candidate in [
                    bundle.appendingPathComponent(resourceName),
                    bundle.appendingPathComponent("Contents/Resources/" + resourceName),
                ] where FileManager.default.fileExists(atPath: candidate.path) {
                    return candidate.path
                }
            }
        }
        return nil
    }
}
