// Generated from Themes/*.json by ThemeEmbeddingTests: edit the JSON files, then run
// `IAMCONSOLE_UPDATE_BUILTIN_THEMES=1 swift test --filter ThemeEmbeddingTests` to rewrite this file.

extension Theme {
    /// The shipped theme files compiled in, as `(name, contents)`, so `--theme light` works
    /// from an installed binary with no `Themes` folder. A test checks they equal `Themes/*.json`.
    static let embeddedFiles: [(name: String, json: String)] = [
        (
            "default",
            #"""
            {
              "name": "default",
              "description": "For dark terminals; ANSI colours only, so the terminal's own palette shows through.",
              "styles": {
                "text": {},
                "muted": { "dim": true },
                "accent": { "fg": "brightCyan" },
                "header": { "fg": "black", "bg": "cyan", "bold": true },
                "border": { "fg": "blue" },
                "title": { "fg": "cyan", "bold": true },
                "label": { "fg": "cyan" },
                "value": { "bold": true },
                "tableHeader": { "fg": "cyan", "bold": true, "underline": true },
                "selection": { "fg": "brightWhite", "bg": "blue", "bold": true },
                "status": { "reverse": true },
                "statusKey": { "fg": "yellow", "bold": true, "reverse": true },
                "message": { "fg": "green" },
                "error": { "fg": "brightRed", "bold": true },
                "prompt": { "bold": true },
                "overlay": { "fg": "brightWhite", "bg": "brightBlack" },
                "ok": { "fg": "green" },
                "warning": { "fg": "yellow" },
                "danger": { "fg": "brightRed", "bold": true },
                "jsonKey": { "fg": "cyan" },
                "jsonString": { "fg": "green" },
                "jsonNumber": { "fg": "magenta" },
                "jsonLiteral": { "fg": "yellow" },
                "jsonPunctuation": { "dim": true },
                "diagnosticError": { "fg": "brightRed", "bold": true, "underline": true },
                "diagnosticSecurityWarning": { "fg": "brightMagenta", "bold": true, "underline": true },
                "diagnosticWarning": { "fg": "yellow", "underline": true },
                "diagnosticSuggestion": { "fg": "cyan", "underline": true }
              }
            }

            """#
        ),
        (
            "light",
            #"""
            {
              "name": "light",
              "description": "For light terminals: dark text on pale highlights, no white or yellow text.",
              "styles": {
                "text": { "fg": "default", "bg": "default" },
                "muted": { "fg": "#6c6c6c" },
                "accent": { "fg": "#005faf" },
                "header": { "fg": "black", "bg": "#87afd7", "bold": true },
                "border": { "fg": "#5f5f87" },
                "title": { "fg": "#005f87", "bold": true },
                "label": { "fg": "#585858" },
                "value": { "fg": "black", "bold": true },
                "tableHeader": { "fg": "#005f87", "bold": true, "underline": true },
                "selection": { "fg": "black", "bg": "#afd7ff", "bold": true },
                "status": { "fg": "black", "bg": "#d0d0d0" },
                "statusKey": { "fg": "#870000", "bg": "#d0d0d0", "bold": true },
                "message": { "fg": "#005f00" },
                "error": { "fg": "#af0000", "bold": true },
                "prompt": { "fg": "black", "bold": true },
                "overlay": { "fg": "black", "bg": "#eeeeee" },
                "ok": { "fg": "#005f00" },
                "warning": { "fg": "#875f00", "bold": true },
                "danger": { "fg": "#af0000", "bold": true },
                "jsonKey": { "fg": "#005f87" },
                "jsonString": { "fg": "#005f00" },
                "jsonNumber": { "fg": "#870087" },
                "jsonLiteral": { "fg": "#875f00" },
                "jsonPunctuation": { "fg": "#585858" },
                "diagnosticError": { "fg": "#af0000", "bold": true, "underline": true },
                "diagnosticSecurityWarning": { "fg": "#870087", "bold": true, "underline": true },
                "diagnosticWarning": { "fg": "#875f00", "underline": true },
                "diagnosticSuggestion": { "fg": "#005f87", "underline": true }
              }
            }

            """#
        ),
        (
            "high-contrast",
            #"""
            {
              "name": "high-contrast",
              "description": "Maximum contrast: bright white on black, bold highlights.",
              "styles": {
                "text": { "fg": "brightWhite", "bg": "black" },
                "muted": { "fg": "white", "bg": "black" },
                "accent": { "fg": "brightCyan", "bg": "black", "bold": true },
                "header": { "fg": "black", "bg": "brightYellow", "bold": true },
                "border": { "fg": "brightWhite", "bg": "black" },
                "title": { "fg": "brightYellow", "bg": "black", "bold": true },
                "label": { "fg": "brightCyan", "bg": "black" },
                "value": { "fg": "brightWhite", "bg": "black", "bold": true },
                "tableHeader": { "fg": "brightYellow", "bg": "black", "bold": true, "underline": true },
                "selection": { "fg": "black", "bg": "brightWhite", "bold": true },
                "status": { "fg": "black", "bg": "brightWhite" },
                "statusKey": { "fg": "black", "bg": "brightYellow", "bold": true },
                "message": { "fg": "brightGreen", "bg": "black", "bold": true },
                "error": { "fg": "brightWhite", "bg": "red", "bold": true },
                "prompt": { "fg": "brightWhite", "bg": "black", "bold": true },
                "overlay": { "fg": "brightWhite", "bg": "blue", "bold": true },
                "ok": { "fg": "brightGreen", "bg": "black", "bold": true },
                "warning": { "fg": "brightYellow", "bg": "black", "bold": true },
                "danger": { "fg": "brightWhite", "bg": "red", "bold": true },
                "jsonKey": { "fg": "brightCyan", "bg": "black", "bold": true },
                "jsonString": { "fg": "brightGreen", "bg": "black" },
                "jsonNumber": { "fg": "brightMagenta", "bg": "black" },
                "jsonLiteral": { "fg": "brightYellow", "bg": "black" },
                "jsonPunctuation": { "fg": "brightWhite", "bg": "black" },
                "diagnosticError": { "fg": "brightWhite", "bg": "red", "bold": true, "underline": true },
                "diagnosticSecurityWarning": { "fg": "black", "bg": "brightMagenta", "bold": true, "underline": true },
                "diagnosticWarning": { "fg": "black", "bg": "brightYellow", "underline": true },
                "diagnosticSuggestion": { "fg": "brightCyan", "bg": "black", "bold": true, "underline": true }
              }
            }

            """#
        ),
        (
            "mono",
            #"""
            {
              "name": "mono",
              "description": "No colours at all: attributes only, as NO_COLOR gives.",
              "styles": {
                "text": {},
                "muted": { "dim": true },
                "accent": { "bold": true },
                "header": { "reverse": true, "bold": true },
                "border": {},
                "title": { "bold": true },
                "label": { "dim": true },
                "value": { "bold": true },
                "tableHeader": { "bold": true, "underline": true },
                "selection": { "reverse": true, "bold": true },
                "status": { "reverse": true },
                "statusKey": { "reverse": true, "bold": true },
                "message": { "bold": true },
                "error": { "bold": true, "underline": true },
                "prompt": { "bold": true },
                "overlay": { "reverse": true },
                "ok": {},
                "warning": { "bold": true },
                "danger": { "bold": true, "reverse": true },
                "jsonKey": { "bold": true },
                "jsonString": {},
                "jsonNumber": {},
                "jsonLiteral": { "underline": true },
                "jsonPunctuation": { "dim": true },
                "diagnosticError": { "bold": true, "reverse": true },
                "diagnosticSecurityWarning": { "bold": true, "underline": true },
                "diagnosticWarning": { "underline": true },
                "diagnosticSuggestion": { "dim": true, "underline": true }
              }
            }

            """#
        ),
        (
            "transparent",
            #"""
            {
              "name": "transparent",
              "description": "No background colour anywhere: the terminal's own background (and transparency) shows through; emphasis by colour, bold, underline and reverse.",
              "styles": {
                "text": { "fg": "default", "bg": "default" },
                "muted": { "dim": true },
                "accent": { "fg": "cyan" },
                "header": { "fg": "cyan", "bold": true, "underline": true },
                "border": { "fg": "blue" },
                "title": { "fg": "cyan", "bold": true },
                "label": { "fg": "cyan" },
                "value": { "bold": true },
                "tableHeader": { "bold": true, "underline": true },
                "selection": { "reverse": true, "bold": true },
                "status": { "fg": "default", "bg": "default" },
                "statusKey": { "fg": "yellow", "bold": true },
                "message": { "fg": "green" },
                "error": { "fg": "red", "bold": true },
                "prompt": { "bold": true },
                "overlay": { "fg": "default", "bg": "default", "bold": true },
                "ok": { "fg": "green" },
                "warning": { "fg": "yellow" },
                "danger": { "fg": "red", "bold": true },
                "jsonKey": { "fg": "cyan" },
                "jsonString": { "fg": "green" },
                "jsonNumber": { "fg": "magenta" },
                "jsonLiteral": { "fg": "yellow" },
                "jsonPunctuation": { "dim": true },
                "diagnosticError": { "fg": "red", "bold": true, "underline": true },
                "diagnosticSecurityWarning": { "fg": "magenta", "bold": true, "underline": true },
                "diagnosticWarning": { "fg": "yellow", "underline": true },
                "diagnosticSuggestion": { "fg": "cyan", "underline": true }
              }
            }

            """#
        ),
    ]
}
