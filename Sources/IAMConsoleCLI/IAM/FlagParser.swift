import Foundation
import IAMPolicy

/// A usage error: exit code 252, like the AWS CLI's parameter errors.
struct UsageError: Error, CustomStringConvertible {
    let description: String
}

/// Options that apply to every `iam` action, as in the AWS CLI.
struct GlobalOptions {
    var workspace: String?
    var root = false
    var output = "json"
    var query: String?
    var paginate = true
    var maxItems: Int?
    var startingToken: String?
    var pageSize: Int?
    /// `--region`: the Region the call is recorded in (IAM is global; the key's last use notes it).
    var region: String?
}

/// Parses `--flag value` words the way the AWS CLI does, into a request object keyed by AWS member names.
enum FlagParser {
    static func parse(
        _ words: [String], spec: ActionSpec, currentDirectory: String
    ) throws -> (JSONValue, GlobalOptions) {
        var globals = GlobalOptions()
        var members: [JSONMember] = []
        var seen = Set<String>()
        var index = 0
        func value(for flag: String) throws -> String {
            guard index + 1 < words.count else {
                throw UsageError(description: "argument --\(flag): expected one argument")
            }
            index += 1
            return words[index]
        }
        func integer(for flag: String) throws -> Int {
            let text = try value(for: flag)
            guard let number = Int(text) else {
                throw UsageError(description: "argument --\(flag): invalid integer value: '\(text)'")
            }
            return number
        }
        while index < words.count {
            let word = words[index]
            guard word.hasPrefix("--") else {
                throw UsageError(description: "Unknown options: \(words[index...].joined(separator: ", "))")
            }
            let name = String(word.dropFirst(2))
            switch name {
            case "workspace": globals.workspace = try value(for: name)
            case "root": globals.root = true
            case "output":
                globals.output = try value(for: name)
                guard ["json", "text"].contains(globals.output) else {
                    throw UsageError(
                        description:
                            "argument --output: Invalid choice '\(globals.output)', valid choices are: json | text")
                }
            case "query":
                let expression = try value(for: name)
                do {
                    _ = try JMESPathParser.parse(expression)
                } catch {
                    throw UsageError(description: "\(error)")
                }
                globals.query = expression
            case "no-paginate": globals.paginate = false
            case "max-items": globals.maxItems = try integer(for: name)
            case "starting-token": globals.startingToken = try value(for: name)
            case "page-size": globals.pageSize = try integer(for: name)
            case "no-cli-pager", "cli-auto-prompt", "no-cli-auto-prompt", "debug": break
            case "region": globals.region = try value(for: name)
            case "profile", "endpoint-url": _ = try value(for: name)
            default:
                let negated = name.hasPrefix("no-") ? String(name.dropFirst(3)) : nil
                guard
                    let flag = spec.flags.first(where: {
                        $0.name == name || ($0.kind == .boolean && $0.name == negated)
                    })
                else {
                    throw UsageError(description: "Unknown options: \(word)")
                }
                guard seen.insert(flag.name).inserted else {
                    throw UsageError(description: "argument --\(flag.name): specified more than once")
                }
                let parsed: JSONValue
                switch flag.kind {
                case .string: parsed = .string(try value(for: name))
                case .integer: parsed = .number(String(try integer(for: name)))
                case .boolean: parsed = .bool(negated == nil)
                case .document: parsed = .string(try document(try value(for: name), currentDirectory: currentDirectory))
                case .tags: parsed = try tags(collect(words, &index), flag: name)
                case .stringList: parsed = try stringList(collect(words, &index), flag: name)
                case .documentList:
                    let documents = try collect(words, &index).map {
                        JSONValue.string(try document($0, currentDirectory: currentDirectory))
                    }
                    guard !documents.isEmpty else {
                        throw UsageError(description: "argument --\(name): expected at least one argument")
                    }
                    parsed = .array(documents)
                case .structureList:
                    parsed = try structures(collect(words, &index), flag: name, listMembers: flag.listMembers)
                case .json:
                    parsed = try JSONFlag.parse(try value(for: name), flag: name, currentDirectory: currentDirectory)
                }
                members.append(JSONMember(key: flag.member, value: parsed))
            }
            index += 1
        }
        let missing = spec.flags.filter { $0.required && !seen.contains($0.name) }.map { "--" + $0.name }
        if !missing.isEmpty {
            throw UsageError(description: "the following arguments are required: \(missing.joined(separator: ", "))")
        }
        return (.object(members), globals)
    }

    /// The words after a list flag, up to the next flag.
    private static func collect(_ words: [String], _ index: inout Int) throws -> [String] {
        var values: [String] = []
        while index + 1 < words.count, !words[index + 1].hasPrefix("--") {
            index += 1
            values.append(words[index])
        }
        return values
    }

    /// A document parameter: `file://PATH` and `fileb://PATH` read the file, anything else is the text itself.
    static func document(_ text: String, currentDirectory: String) throws -> String {
        for scheme in ["file://", "fileb://"] where text.hasPrefix(scheme) {
            var path = String(text.dropFirst(scheme.count))
            if !path.hasPrefix("/") { path = currentDirectory + "/" + path }
            guard let data = FileManager.default.contents(atPath: path) else {
                throw UsageError(
                    description:
                        "Error parsing parameter: Unable to load paramfile \(text): file not found or unreadable")
            }
            guard let contents = String(data: data, encoding: .utf8) else {
                throw UsageError(
                    description: "Error parsing parameter: Unable to load paramfile \(text): not UTF-8 text")
            }
            return contents
        }
        return text
    }

    static func tags(_ words: [String], flag: String) throws -> JSONValue {
        if words.count == 1, words[0].hasPrefix("[") {
            guard let parsed = try? JSONParser.parse(words[0]), case .array = parsed else {
                throw UsageError(description: "Error parsing parameter '--\(flag)': Invalid JSON: \(words[0])")
            }
            return parsed
        }
        guard !words.isEmpty else {
            throw UsageError(description: "argument --\(flag): expected at least one argument")
        }
        return .array(
            try words.map { word in
                guard word.hasPrefix("Key="), let range = word.range(of: ",Value=") else {
                    throw UsageError(
                        description:
                            "Error parsing parameter '--\(flag)': Expected: 'Key=KEY,Value=VALUE', received: '\(word)'")
                }
                let key = String(word[word.index(word.startIndex, offsetBy: 4)..<range.lowerBound])
                let value = String(word[range.upperBound...])
                return .object([
                    JSONMember(key: "Key", value: .string(key)), JSONMember(key: "Value", value: .string(value)),
                ])
            })
    }

    /// AWS CLI shorthand for a list of structures: `Key=value,Other=v1,v2` per word, where words
    /// without `=` after a comma continue the previous member's list.
    static func structures(_ words: [String], flag: String, listMembers: Set<String>) throws -> JSONValue {
        if words.count == 1, words[0].hasPrefix("[") {
            guard let parsed = try? JSONParser.parse(words[0]), case .array = parsed else {
                throw UsageError(description: "Error parsing parameter '--\(flag)': Invalid JSON: \(words[0])")
            }
            return parsed
        }
        guard !words.isEmpty else {
            throw UsageError(description: "argument --\(flag): expected at least one argument")
        }
        return .array(
            try words.map { word in
                var members: [(String, [String])] = []
                for part in word.split(separator: ",", omittingEmptySubsequences: false) {
                    if let equals = part.firstIndex(of: "=") {
                        members.append((String(part[..<equals]), [String(part[part.index(after: equals)...])]))
                    } else if !members.isEmpty {
                        members[members.count - 1].1.append(String(part))
                    } else {
                        throw UsageError(
                            description: "Error parsing parameter '--\(flag)': Expected: '=', received: '\(part)'")
                    }
                }
                return .object(
                    members.map { key, values in
                        let value: JSONValue =
                            listMembers.contains(key)
                            ? .array(values.map(JSONValue.string)) : .string(values.joined(separator: ","))
                        return JSONMember(key: key, value: value)
                    })
            })
    }

    static func stringList(_ words: [String], flag: String) throws -> JSONValue {
        if words.count == 1, words[0].hasPrefix("["), let parsed = try? JSONParser.parse(words[0]), case .array = parsed
        {
            return parsed
        }
        guard !words.isEmpty else {
            throw UsageError(description: "argument --\(flag): expected at least one argument")
        }
        return .array(words.map(JSONValue.string))
    }
}
