/// A colour as a theme names it; the terminal backend resolves it to what the terminal supports.
public enum Color: Sendable, Hashable {
    /// The terminal's own foreground or background (transparent backgrounds keep working).
    case `default`
    /// One of the 16 ANSI colours, 0 to 15 (8 to 15 are the bright variants).
    case ansi(UInt8)
    /// An entry of the xterm 256-colour palette.
    case indexed(UInt8)
    /// A 24-bit colour, downsampled to the 256-colour palette and then to 16 colours as needed.
    case rgb(UInt8, UInt8, UInt8)

    /// The palette index to use on a terminal with `colorCount` colours, or nil for the
    /// terminal's default colour (also when the terminal has no colours at all).
    public func paletteIndex(colorCount: Int) -> Int? {
        if colorCount >= 256 {
            switch self {
            case .default: return nil
            case .ansi(let index): return Int(index & 0x0F)
            case .indexed(let index): return Int(index)
            case .rgb(let red, let green, let blue): return Int(ColorPalette.nearest256(red, green, blue))
            }
        }
        guard let ansi = ansiIndex else { return nil }
        if colorCount >= 16 { return Int(ansi) }
        if colorCount >= 8 { return Int(ansi % 8) }
        return nil
    }

    /// The nearest of the 16 ANSI colours, or nil for `.default`.
    public var ansiIndex: UInt8? {
        switch self {
        case .default: return nil
        case .ansi(let index): return index & 0x0F
        case .indexed(let index): return ColorPalette.nearest16(index)
        case .rgb(let red, let green, let blue):
            return ColorPalette.nearest16(ColorPalette.nearest256(red, green, blue))
        }
    }
}
