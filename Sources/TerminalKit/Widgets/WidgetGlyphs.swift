/// Marks the widgets draw with, in Unicode and in ASCII (chosen by the glyph set in use).
extension Glyphs {
    /// True when the glyph set draws only ASCII (the `--ascii` mode).
    public var isASCII: Bool {
        [topLeft, horizontal, vertical, ellipsis, selectionMarker].allSatisfy { glyph in
            glyph.unicodeScalars.allSatisfy(\.isASCII)
        }
    }

    /// Hides one character of a password: `•`, or `*` in ASCII.
    public var passwordMask: String { isASCII ? "*" : "•" }
    /// Marks a column sorted ascending: `▲`, or `^` in ASCII.
    public var sortAscending: String { isASCII ? "^" : "▲" }
    /// Marks a column sorted descending: `▼`, or `v` in ASCII.
    public var sortDescending: String { isASCII ? "v" : "▼" }
    /// Opens a choice field's value: `‹`, or `<` in ASCII.
    public var choiceLeft: String { isASCII ? "<" : "‹" }
    /// Closes a choice field's value: `›`, or `>` in ASCII.
    public var choiceRight: String { isASCII ? ">" : "›" }
    /// Marks an error in the editor gutter: `●`, or `E` in ASCII.
    public var diagnosticError: String { isASCII ? "E" : "●" }
    /// Marks a warning in the editor gutter: `▲`, or `W` in ASCII.
    public var diagnosticWarning: String { isASCII ? "W" : "▲" }
    /// Marks a note in the editor gutter: `•`, or `i` in ASCII.
    public var diagnosticInfo: String { isASCII ? "i" : "•" }
}
