extension TextEditor {
    /// Characters that belong to a completable word: letters, digits and `:-_*/.`, so
    /// `s3:Get` completes to an action.
    static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || ":-_*/.".contains(character)
    }

    /// The word before the cursor and where it starts.
    public var wordBeforeCursor: (word: String, start: TextPosition) {
        let before = currentLine.prefix(cursor.column)
        let word = String(before.reversed().prefix { Self.isWordCharacter($0) }.reversed())
        return (word, TextPosition(line: cursor.line, column: cursor.column - word.count))
    }

    /// Asks `completionSource` for candidates and opens the popup when there are any.
    mutating func openCompletion(requireWord: Bool) -> Bool {
        guard let completionSource else { return false }
        let (word, start) = wordBeforeCursor
        if requireWord && word.isEmpty { return false }
        let candidates = completionSource(word)
        guard !candidates.isEmpty else {
            completion = nil
            return false
        }
        completion = Completion(candidates: candidates, selected: 0, wordStart: start)
        return true
    }

    /// Keys while the popup is open: ↑/↓ select, Enter or Tab inserts, Escape closes, word
    /// characters and Backspace edit and refilter. Nil lets the key through (closing the popup).
    mutating func handleCompletion(_ event: InputEvent) -> Outcome? {
        guard var popup = completion else { return nil }
        switch event {
        case .key(.up):
            popup.selected = max(0, popup.selected - 1)
            completion = popup
            return .moved
        case .key(.down):
            popup.selected = min(popup.candidates.count - 1, popup.selected + 1)
            completion = popup
            return .moved
        case .key(.escape):
            completion = nil
            return .moved
        case .key(.enter), .key(.tab):
            accept(popup)
            return .changed
        case .character(let character) where Self.isWordCharacter(character):
            type(character)
            _ = openCompletion(requireWord: true)
            return .changed
        case .key(.backspace):
            completion = nil
            _ = handle(event)
            _ = openCompletion(requireWord: true)
            return .changed
        default:
            completion = nil
            return nil
        }
    }

    private mutating func accept(_ popup: Completion) {
        completion = nil
        guard popup.candidates.indices.contains(popup.selected), popup.wordStart.line == cursor.line else { return }
        beginEdit(.other)
        var line = currentLine
        let start = line.index(line.startIndex, offsetBy: popup.wordStart.column)
        let end = line.index(line.startIndex, offsetBy: cursor.column)
        line.replaceSubrange(start..<end, with: popup.candidates[popup.selected])
        lines[cursor.line] = line
        cursor.column = popup.wordStart.column + popup.candidates[popup.selected].count
        lastEdit = nil
    }

    /// The bracket at the cursor (or just before it) and its partner, when both exist. The
    /// search is bounded so a huge unbalanced document stays responsive.
    public func matchingBrackets(limit: Int = 20_000) -> (TextPosition, TextPosition)? {
        let line = Array(currentLine)
        var origin: TextPosition?
        if cursor.column < line.count, "{}[]()".contains(line[cursor.column]) {
            origin = cursor
        } else if cursor.column > 0, cursor.column - 1 < line.count, "{}[]()".contains(line[cursor.column - 1]) {
            origin = TextPosition(line: cursor.line, column: cursor.column - 1)
        }
        guard let origin else { return nil }
        let bracket = line[origin.column]
        let pairs: [Character: (Character, Bool)] = [
            "{": ("}", true), "[": ("]", true), "(": (")", true), "}": ("{", false), "]": ("[", false),
            ")": ("(", false),
        ]
        guard let (partner, forward) = pairs[bracket] else { return nil }
        var depth = 0
        var steps = 0
        var position = origin
        var characters = line
        while steps < limit {
            steps += 1
            if forward {
                position.column += 1
                while position.column >= characters.count {
                    guard position.line + 1 < lines.count else { return nil }
                    position = TextPosition(line: position.line + 1, column: 0)
                    characters = Array(lines[position.line])
                    if characters.isEmpty { continue }
                }
            } else {
                position.column -= 1
                while position.column < 0 {
                    guard position.line > 0 else { return nil }
                    characters = Array(lines[position.line - 1])
                    position = TextPosition(line: position.line - 1, column: characters.count - 1)
                }
            }
            let character = characters[position.column]
            if character == bracket {
                depth += 1
            } else if character == partner {
                if depth == 0 { return (origin, position) }
                depth -= 1
            }
        }
        return nil
    }
}
