import Foundation
import Testing

@testable import TerminalKit

/// The shipped themes, colour forms and downsampling.
@Suite("Themes and colours")
struct ThemeTests {
    /// The repository's `Themes` folder.
    static let themesDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Themes").path

    static let shippedNames = ["default", "light", "high-contrast", "mono", "transparent"]

    @Test func parsesColoursAndAttributes() throws {
        let json =
            ##"{"name": "t", "styles": {"header": {"fg": "black", "bg": "#ff0000", "bold": true, "underline": true}}}"##
        let theme = try Theme.parse(Data(json.utf8), path: "t.json")
        #expect(theme.name == "t")
        #expect(theme[.header] == Style(foreground: .ansi(0), background: .rgb(255, 0, 0), bold: true, underline: true))
    }

    @Test func colourNames() {
        #expect(Theme.parseColor("default") == .default)
        #expect(Theme.parseColor("cyan") == .ansi(6))
        #expect(Theme.parseColor("brightWhite") == .ansi(15))
        #expect(Theme.parseColor("bright-red") == .ansi(9))
        #expect(Theme.parseColor("bright_blue") == .ansi(12))
        #expect(Theme.parseColor("grey") == .ansi(8))
        #expect(Theme.parseColor("#00FF80") == .rgb(0, 255, 128))
        #expect(Theme.parseColor("#12345") == nil)
        #expect(Theme.parseColor("#+12345") == nil)
        #expect(Theme.parseColor("purple") == nil)
    }

    @Test func colourIndices() throws {
        #expect(Theme.parseColor("214") == .indexed(214))
        #expect(Theme.parseColor("color24") == .indexed(24))
        #expect(Theme.parseColor("colour0") == .indexed(0))
        #expect(Theme.parseColor("256") == nil)
        #expect(Theme.parseColor("-1") == nil)
        #expect(Theme.parseColor("color") == nil)
        let json = #"{"styles": {"accent": {"fg": 214, "bg": "color17"}}}"#
        let theme = try Theme.parse(Data(json.utf8), path: "i.json")
        #expect(theme[.accent] == Style(foreground: .indexed(214), background: .indexed(17)))
        for bad in ["256", "1.5", "-3"] {
            let text = #"{"styles": {"accent": {"fg": \#(bad)}}}"#
            #expect(throws: ThemeError.self) { try Theme.parse(Data(text.utf8), path: "i.json") }
        }
    }

    @Test func downsamplesTrueColourTo256ThenTo16() {
        #expect(ColorPalette.nearest256(255, 0, 0) == 196)
        #expect(ColorPalette.nearest16(196) == 9)
        #expect(ColorPalette.nearest256(0, 0, 0) == 16)
        #expect(ColorPalette.nearest16(16) == 0)
        #expect(ColorPalette.nearest256(128, 128, 128) == 244)
        #expect(ColorPalette.nearest16(244) == 8)
        #expect(ColorPalette.nearest256(0x00, 0x5f, 0x87) == 24)
        #expect(Color.rgb(255, 0, 0).paletteIndex(colorCount: 256) == 196)
        #expect(Color.rgb(255, 0, 0).paletteIndex(colorCount: 16) == 9)
        #expect(Color.rgb(255, 0, 0).paletteIndex(colorCount: 8) == 1)
        #expect(Color.default.paletteIndex(colorCount: 256) == nil)
        #expect(Color.ansi(4).paletteIndex(colorCount: 0) == nil)
    }

    @Test func indexedAndAnsiColoursFollowTheTerminalDepth() {
        #expect(Color.indexed(214).paletteIndex(colorCount: 256) == 214)
        #expect(Color.indexed(196).paletteIndex(colorCount: 16) == 9)
        #expect(Color.indexed(196).paletteIndex(colorCount: 8) == 1)
        #expect(Color.ansi(12).paletteIndex(colorCount: 256) == 12)
        #expect(Color.ansi(12).paletteIndex(colorCount: 8) == 4)
        #expect(Color.default.paletteIndex(colorCount: 16) == nil)
        #expect(Color.default.paletteIndex(colorCount: 8) == nil)
    }

    @Test func withoutColourKeepsAttributesAndHighlights() {
        let theme = Theme.builtinDefault.withoutColor()
        for role in Theme.Role.allCases {
            #expect(theme[role].foreground == .default)
            #expect(theme[role].background == .default)
        }
        #expect(theme[.selection].reverse)
        #expect(theme[.selection].bold)
    }

    @Test func terminalsWithoutColoursGetTheAttributeOnlyTheme() {
        let theme = Theme.builtinDefault
        #expect(theme.adapted(toColorCount: 256) == theme)
        #expect(theme.adapted(toColorCount: 8) == theme)
        #expect(theme.adapted(toColorCount: 0) == theme.withoutColor())
    }

    @Test(arguments: shippedNames)
    func shippedThemesNameEveryRole(name: String) throws {
        let theme = try Theme.load(path: "\(Self.themesDirectory)/\(name).json")
        #expect(theme.name == name)
        #expect(Set(theme.styles.keys) == Set(Theme.Role.allCases))
        let builtin = try #require(Theme.builtin(named: name))
        #expect(builtin == theme)
    }

    @Test func theBuiltInDefaultIsTheShippedOne() throws {
        #expect(try Theme.load(path: "\(Self.themesDirectory)/default.json") == Theme.builtinDefault)
        #expect(Theme.builtinNames == Self.shippedNames)
    }

    /// TUI-CONVENTIONS §0.3 and §2 #3: the transparent theme never paints a background, so the
    /// terminal's own (possibly transparent) background shows everywhere, selection included.
    @Test func transparentThemePaintsNoBackground() throws {
        let theme = try Theme.load(path: "\(Self.themesDirectory)/transparent.json")
        for role in Theme.Role.allCases {
            #expect(theme[role].background == .default, "\(role) has a background")
        }
        #expect(theme[.selection].reverse)
    }

    /// Light terminals (TUI-CONVENTIONS §2 #2): no white, yellow or other pale text.
    @Test func lightThemeHasOnlyDarkForegrounds() throws {
        let theme = try #require(Theme.builtin(named: "light"))
        for role in Theme.Role.allCases {
            let foreground = theme[role].foreground
            let rgb: (UInt8, UInt8, UInt8)
            switch foreground {
            case .default: continue
            case .ansi(let index): rgb = ColorPalette.rgb(ofIndex: index)
            case .indexed(let index): rgb = ColorPalette.rgb(ofIndex: index)
            case .rgb(let red, let green, let blue): rgb = (red, green, blue)
            }
            let luma = (299 * Int(rgb.0) + 587 * Int(rgb.1) + 114 * Int(rgb.2)) / 1000
            #expect(luma < 120, "light theme: \(role.rawValue) has a pale foreground \(foreground)")
            if case .ansi(let index) = foreground {
                #expect(![3, 7, 11, 15].contains(index), "light theme: \(role.rawValue) uses white or yellow text")
            }
        }
    }

    /// A style a theme leaves out gets the default's attributes without its colours.
    @Test func partialThemesFallBackToAttributesOnly() throws {
        let theme = try Theme.parse(Data(#"{"styles": {"text": {}}}"#.utf8), path: "p.json")
        #expect(theme.name == "p")
        #expect(theme[.selection] == Theme.builtinDefault[.selection].withoutColor())
        #expect(theme[.diagnosticError].underline)
    }
}
