import IAMPolicy

/// A parsed JMESPath expression.
indirect enum JMESNode {
    case current
    case field(String)
    case subexpression(JMESNode, JMESNode)
    case index(Int)
    case slice(Int?, Int?, Int?)
    case indexExpression(JMESNode, JMESNode)
    case projection(JMESNode, JMESNode)
    case valueProjection(JMESNode, JMESNode)
    case flatten(JMESNode)
    case filterProjection(JMESNode, JMESNode, JMESNode)
    case comparator(String, JMESNode, JMESNode)
    case or(JMESNode, JMESNode)
    case and(JMESNode, JMESNode)
    case not(JMESNode)
    case literal(JSONValue)
    case multiSelectList([JMESNode])
    case multiSelectHash([(String, JMESNode)])
    case function(String, [JMESNode])
    case expressionReference(JMESNode)
    case pipe(JMESNode, JMESNode)
}

/// A top-down operator-precedence parser for JMESPath, following the binding powers of the
/// JMESPath specification's reference grammar.
struct JMESPathParser {
    private var tokens: [(JMESToken, Int)] = []
    private var position = 0
    private let expression: String

    static func parse(_ expression: String) throws -> JMESNode {
        var parser = JMESPathParser(expression: expression)
        parser.tokens = try JMESPathLexer(expression: expression).tokens()
        let node = try parser.expression(0)
        guard case .eof = parser.current else { throw parser.error("Unexpected token") }
        return node
    }

    private init(expression: String) { self.expression = expression }

    private var current: JMESToken { tokens[position].0 }
    private func lookahead(_ offset: Int) -> JMESToken {
        position + offset < tokens.count ? tokens[position + offset].0 : .eof
    }

    private func error(_ message: String) -> JMESPathError {
        JMESPathError(message: message, expression: expression, position: tokens[min(position, tokens.count - 1)].1)
    }

    private mutating func advance() { position = min(position + 1, tokens.count - 1) }

    private mutating func expect(_ token: JMESToken) throws {
        guard current == token else { throw error("Expected \(token)") }
        advance()
    }

    private static func bindingPower(_ token: JMESToken) -> Int {
        switch token {
        case .pipe: return 1
        case .or: return 2
        case .and: return 3
        case .comparator: return 5
        case .flatten: return 9
        case .star: return 20
        case .filter: return 21
        case .dot: return 40
        case .not: return 45
        case .lbrace: return 50
        case .lbracket: return 55
        case .lparen: return 60
        default: return 0
        }
    }

    private mutating func expression(_ bindingPower: Int) throws -> JMESNode {
        let token = current
        advance()
        var left = try nud(token)
        while bindingPower < Self.bindingPower(current) {
            let next = current
            advance()
            left = try led(next, left)
        }
        return left
    }

    private mutating func nud(_ token: JMESToken) throws -> JMESNode {
        switch token {
        case .identifier(let name), .quotedIdentifier(let name):
            return .field(name)
        case .rawString(let text):
            return .literal(.string(text))
        case .literal(let value):
            return .literal(value)
        case .current:
            return .current
        case .star:
            return .valueProjection(.current, try projectionRHS(Self.bindingPower(.star)))
        case .filter:
            return try filter(left: .current)
        case .lbrace:
            return try multiSelectHash()
        case .flatten:
            return .projection(.flatten(.current), try projectionRHS(Self.bindingPower(.flatten)))
        case .lbracket:
            if case .number = current { return try indexOrSlice(left: .current) }
            if current == .colon { return try indexOrSlice(left: .current) }
            if current == .star, lookahead(1) == .rbracket {
                advance()
                advance()
                return .projection(.current, try projectionRHS(Self.bindingPower(.star)))
            }
            return try multiSelectList()
        case .expref:
            return .expressionReference(try expression(Self.bindingPower(.expref)))
        case .not:
            return .not(try expression(Self.bindingPower(.not)))
        case .lparen:
            let inner = try expression(0)
            try expect(.rparen)
            return inner
        default:
            position = max(position - 1, 0)
            throw error("Unexpected token")
        }
    }

    private mutating func led(_ token: JMESToken, _ left: JMESNode) throws -> JMESNode {
        switch token {
        case .dot:
            if current == .star {
                advance()
                return .valueProjection(left, try projectionRHS(Self.bindingPower(.dot)))
            }
            return .subexpression(left, try dotRHS(Self.bindingPower(.dot)))
        case .pipe: return .pipe(left, try expression(Self.bindingPower(.pipe)))
        case .or: return .or(left, try expression(Self.bindingPower(.or)))
        case .and: return .and(left, try expression(Self.bindingPower(.and)))
        case .comparator(let op): return .comparator(op, left, try expression(Self.bindingPower(token)))
        case .flatten: return .projection(.flatten(left), try projectionRHS(Self.bindingPower(.flatten)))
        case .filter: return try filter(left: left)
        case .lparen:
            guard case .field(let name) = left else { throw error("Invalid function name") }
            var arguments: [JMESNode] = []
            while current != .rparen {
                arguments.append(try expression(0))
                if current == .comma { advance() }
            }
            try expect(.rparen)
            return .function(name, arguments)
        case .lbracket:
            if case .number = current { return try indexOrSlice(left: left) }
            if current == .colon { return try indexOrSlice(left: left) }
            try expect(.star)
            try expect(.rbracket)
            return .projection(left, try projectionRHS(Self.bindingPower(.star)))
        default:
            throw error("Unexpected token")
        }
    }

    private mutating func filter(left: JMESNode) throws -> JMESNode {
        let condition = try expression(0)
        try expect(.rbracket)
        let right: JMESNode = current == .flatten ? .current : try projectionRHS(Self.bindingPower(.filter))
        return .filterProjection(left, right, condition)
    }

    private mutating func indexOrSlice(left: JMESNode) throws -> JMESNode {
        var parts: [Int?] = [nil, nil, nil]
        var part = 0
        var sawColon = false
        while current != .rbracket {
            switch current {
            case .colon:
                sawColon = true
                part += 1
                guard part < 3 else { throw error("Too many colons in slice") }
            case .number(let value):
                parts[part] = value
            default:
                throw error("Expected a number or ':'")
            }
            advance()
        }
        advance()
        if sawColon {
            let slice = JMESNode.indexExpression(left, .slice(parts[0], parts[1], parts[2]))
            return .projection(slice, try projectionRHS(Self.bindingPower(.star)))
        }
        return .indexExpression(left, .index(parts[0] ?? 0))
    }

    private mutating func projectionRHS(_ bindingPower: Int) throws -> JMESNode {
        if Self.bindingPower(current) < 10 { return .current }
        switch current {
        case .lbracket, .filter:
            return try expression(bindingPower)
        case .dot:
            advance()
            return try dotRHS(bindingPower)
        default:
            throw error("Syntax error after projection")
        }
    }

    private mutating func dotRHS(_ bindingPower: Int) throws -> JMESNode {
        switch current {
        case .identifier, .quotedIdentifier, .star:
            return try expression(bindingPower)
        case .lbracket:
            advance()
            return try multiSelectList()
        case .lbrace:
            advance()
            return try multiSelectHash()
        default:
            throw error("Expected identifier, '[' or '{' after '.'")
        }
    }

    private mutating func multiSelectList() throws -> JMESNode {
        var items: [JMESNode] = []
        repeat {
            if current == .comma { advance() }
            items.append(try expression(0))
        } while current == .comma
        try expect(.rbracket)
        return .multiSelectList(items)
    }

    private mutating func multiSelectHash() throws -> JMESNode {
        var pairs: [(String, JMESNode)] = []
        repeat {
            if current == .comma { advance() }
            let key: String
            switch current {
            case .identifier(let name), .quotedIdentifier(let name): key = name
            default: throw error("Expected a key name")
            }
            advance()
            try expect(.colon)
            pairs.append((key, try expression(0)))
        } while current == .comma
        try expect(.rbrace)
        return .multiSelectHash(pairs)
    }
}
