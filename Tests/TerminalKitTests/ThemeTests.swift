import Foundation
import Testing

@testable import TerminalKit

@Suite("Themes and colours")
struct ThemeTests {
    static let themesDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Themes").path

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
        #expect(Theme.parseColor("grey") == .ansi(8))
        #expect(Theme.parseColor("#00FF80") == .rgb(0, 255, 128))
        #expect(Theme.parseColor("#12345") == nil)
        #expect(Theme.parseColor("purple") == nil)
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

    @Test func withoutColourKeepsAttributesAndHighlights() {
        let theme = Theme.builtinDefault.withoutColor()
        for role in Theme.Role.allCases {
            #expect(theme[role].foreground == .default)
            #expect(theme[role].background == .default)
        }
        #expect(theme[.selection].reverse)
        #expect(theme[.selection].bold)
    }

    @Test(arguments: ["default", "light", "high-contrast", "mono"])
    func shippedThemesLoad(name: String) throws {
        let theme = try Theme.load(named: name, searching: [Self.themesDirectory])
        #expect(theme.name == name)
        #expect(Set(theme.styles.keys) == Set(Theme.Role.allCases))
    }

    @Test func shippedDefaultMatchesTheBuiltInOne() throws {
        #expect(try Theme.load(named: "default", searching: [Self.themesDirectory]) == Theme.builtinDefault)
    }

    @Test func missingDefaultFallsBackToBuiltIn() throws {
        #expect(try Theme.load(named: "default", searching: ["/nonexistent"]) == Theme.builtinDefault)
    }

    @Test func errorsNameTheFileAndTheProblem() {
        #expect(throws: ThemeError.notFound(name: "nope", searched: ["/x"])) {
            try Theme.load(named: "nope", searching: ["/x"])
        }
        #expect(throws: ThemeError.invalidName("my theme")) { try Theme.load(named: "my theme", searching: []) }
        let badColour = #"{"styles": {"header": {"fg": "purple"}}}"#
        #expect(throws: ThemeError.self) { try Theme.parse(Data(badColour.utf8), path: "bad.json") }
        do {
            _ = try Theme.parse(Data(badColour.utf8), path: "bad.json")
        } catch {
            #expect(error.description.hasPrefix("bad.json: styles.header.fg: expected an ANSI colour name"))
        }
        do {
            _ = try Theme.parse(Data(#"{"styles": {"heder": {}}}"#.utf8), path: "x.json")
        } catch {
            #expect(error.description.contains("styles.heder: unknown role"))
        }
        do {
            _ = try Theme.parse(Data("{ not json".utf8), path: "y.json")
        } catch {
            #expect(error.description.hasPrefix("y.json: not valid JSON"))
        }
        do {
            _ = try Theme.parse(Data(#"{"styles": {"text": {"bold": "yes"}}}"#.utf8), path: "z.json")
        } catch {
            #expect(error.description == "z.json: styles.text.bold: expected true or false, got \"yes\"")
        }
    }
}
