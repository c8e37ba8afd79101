extension TextEditor {
    /// Applies one event.
    public mutating func handle(_ event: InputEvent) -> Outcome {
        if completion != nil, let outcome = handleCompletion(event) {
            scrollToCursor()
            return outcome
        }
        let outcome = apply(event)
        if outcome != .unhandled { scrollToCursor() }
        return outcome
    }

    private mutating func apply(_ event: InputEvent) -> Outcome {
        switch event {
        case .character(let character):
            type(character)
            return .changed
        case .key(.enter):
            breakLine()
            return .changed
        case .key(.backspace):
            return backspace() ? .changed : .moved
        case .key(.delete):
            return deleteForward() ? .changed : .moved
        case .key(.tab):
            if openCompletion(requireWord: true) { return .moved }
            for character in indentUnit { type(character) }
            return .changed
        case .key(.control(" ")):
            _ = openCompletion(requireWord: false)
            return .moved
        case .key(.control("z")):
            return undo() ? .changed : .moved
        case .key(.control("y")):
            return redo() ? .changed : .moved
        default:
            return move(event) ? .moved : .unhandled
        }
    }

    private mutating func move(_ event: InputEvent) -> Bool {
        let page = max(1, viewport.height - 1)
        var keepsPreferredColumn = false
        switch event {
        case .key(.left):
            if cursor.column > 0 {
                cursor.column -= 1
            } else if cursor.line > 0 {
                cursor.line -= 1
                cursor.column = currentLine.count
            }
        case .key(.right):
            if cursor.column < currentLine.count {
                cursor.column += 1
            } else if cursor.line + 1 < lines.count {
                cursor.line += 1
                cursor.column = 0
            }
        case .key(.up): moveVertically(by: -1); keepsPreferredColumn = true
        case .key(.down): moveVertically(by: 1); keepsPreferredColumn = true
        case .key(.pageUp):
            moveVertically(by: -page)
            scrollTop = max(0, scrollTop - page)
            keepsPreferredColumn = true
        case .key(.pageDown):
            moveVertically(by: page)
            scrollTop = min(max(0, lines.count - 1), scrollTop + page)
            keepsPreferredColumn = true
        case .key(.home), .key(.control("a")):
            let indent = currentLine.prefix { $0 == " " || $0 == "\t" }.count
            cursor.column = cursor.column == indent ? 0 : indent
        case .key(.end), .key(.control("e")):
            cursor.column = currentLine.count
        default:
            return false
        }
        if !keepsPreferredColumn { preferredColumn = nil }
        lastEdit = nil
        return true
    }

    private mutating func moveVertically(by delta: Int) {
        let goal = preferredColumn ?? cursor.column
        preferredColumn = goal
        cursor.line = min(max(0, cursor.line + delta), lines.count - 1)
        cursor.column = min(goal, currentLine.count)
    }

    /// Records an undo step unless this edit continues the previous one of the same kind.
    mutating func beginEdit(_ kind: EditKind) {
        let continues = kind != .other && lastEdit == kind && lastEditEnd == cursor
        if !continues {
            undoStack.append(Snapshot(lines: lines, cursor: cursor))
            if undoStack.count > undoLimit { undoStack.removeFirst(undoStack.count - undoLimit) }
        }
        redoStack = []
        lastEdit = kind
        isModified = true
        preferredColumn = nil
    }

    mutating func endEdit() {
        lastEditEnd = cursor
    }

    /// Inserts one character, removing a level of indentation first when it is a closing
    /// bracket typed at the start of a line.
    mutating func type(_ character: Character) {
        beginEdit(character == " " && lastEdit != .typing ? .other : .typing)
        if character == "}" || character == "]" {
            let before = currentLine.prefix(cursor.column)
            if !before.isEmpty, before.allSatisfy({ $0 == " " }) {
                let removed = min(indentUnit.count, before.count)
                lines[cursor.line].removeFirst(removed)
                cursor.column -= removed
            }
        }
        insert(String(character))
        endEdit()
    }

    /// Inserts text without line breaks at the cursor.
    mutating func insert(_ string: String) {
        var line = lines[cursor.line]
        line.insert(contentsOf: string, at: line.index(line.startIndex, offsetBy: cursor.column))
        lines[cursor.line] = line
        cursor.column += string.count
    }

    /// Inserts `text` (which may hold line breaks) at the cursor as one undo step, as a paste.
    public mutating func paste(_ text: String) {
        beginEdit(.other)
        let pieces = Self.split(text)
        let line = currentLine
        let splitIndex = line.index(line.startIndex, offsetBy: cursor.column)
        let head = String(line[..<splitIndex])
        let tail = String(line[splitIndex...])
        var replacement = pieces
        replacement[0] = head + replacement[0]
        let lastLength = replacement[replacement.count - 1].count
        replacement[replacement.count - 1] += tail
        lines.replaceSubrange(cursor.line...cursor.line, with: replacement)
        cursor = TextPosition(line: cursor.line + pieces.count - 1, column: lastLength)
        lastEdit = nil
        scrollToCursor()
    }

    private mutating func breakLine() {
        beginEdit(.other)
        let line = currentLine
        let splitIndex = line.index(line.startIndex, offsetBy: cursor.column)
        let head = String(line[..<splitIndex])
        let tail = String(line[splitIndex...]).drop { $0 == " " }
        let indent = String(line.prefix { $0 == " " || $0 == "\t" })
        let opens = head.last { $0 != " " }.map { $0 == "{" || $0 == "[" } ?? false
        let inner = opens ? indent + indentUnit : indent
        lines[cursor.line] = head
        if opens, let first = tail.first, first == "}" || first == "]" {
            lines.insert(contentsOf: [inner, indent + tail], at: cursor.line + 1)
        } else {
            lines.insert(inner + tail, at: cursor.line + 1)
        }
        cursor = TextPosition(line: cursor.line + 1, column: inner.count)
        endEdit()
    }

    private mutating func backspace() -> Bool {
        guard cursor.column > 0 || cursor.line > 0 else { return false }
        beginEdit(.deleting)
        if cursor.column > 0 {
            var line = currentLine
            line.remove(at: line.index(line.startIndex, offsetBy: cursor.column - 1))
            lines[cursor.line] = line
            cursor.column -= 1
        } else {
            let removed = lines.remove(at: cursor.line)
            cursor.line -= 1
            cursor.column = currentLine.count
            lines[cursor.line] += removed
        }
        endEdit()
        return true
    }

    private mutating func deleteForward() -> Bool {
        guard cursor.column < currentLine.count || cursor.line + 1 < lines.count else { return false }
        beginEdit(.other)
        if cursor.column < currentLine.count {
            var line = currentLine
            line.remove(at: line.index(line.startIndex, offsetBy: cursor.column))
            lines[cursor.line] = line
        } else {
            let next = lines.remove(at: cursor.line + 1)
            lines[cursor.line] += next
        }
        endEdit()
        return true
    }

    /// Undoes the last step; false when there is nothing to undo.
    @discardableResult
    public mutating func undo() -> Bool {
        guard let snapshot = undoStack.popLast() else { return false }
        redoStack.append(Snapshot(lines: lines, cursor: cursor))
        lines = snapshot.lines
        cursor = snapshot.cursor
        lastEdit = nil
        isModified = true
        return true
    }

    /// Redoes the last undone step; false when there is nothing to redo.
    @discardableResult
    public mutating func redo() -> Bool {
        guard let snapshot = redoStack.popLast() else { return false }
        undoStack.append(Snapshot(lines: lines, cursor: cursor))
        lines = snapshot.lines
        cursor = snapshot.cursor
        lastEdit = nil
        return true
    }
}
