/// The xterm palette and the nearest-colour searches used to downsample theme colours.
public enum ColorPalette {
    /// xterm's default RGB values for the 16 ANSI colours.
    static let ansi: [(UInt8, UInt8, UInt8)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0),
        (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0),
        (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    /// Channel values of the 6x6x6 colour cube (indices 16 to 231).
    static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

    /// The RGB value of a 256-palette entry.
    public static func rgb(ofIndex index: UInt8) -> (UInt8, UInt8, UInt8) {
        switch index {
        case 0..<16:
            return ansi[Int(index)]
        case 16..<232:
            let cube = Int(index) - 16
            return (
                UInt8(cubeLevels[cube / 36]), UInt8(cubeLevels[(cube / 6) % 6]), UInt8(cubeLevels[cube % 6])
            )
        default:
            let level = UInt8(8 + 10 * (Int(index) - 232))
            return (level, level, level)
        }
    }

    /// The nearest entry of the cube or the grey ramp (16 to 255) for a 24-bit colour.
    ///
    /// The 16 ANSI entries are skipped because terminals and themes redefine them freely.
    public static func nearest256(_ red: UInt8, _ green: UInt8, _ blue: UInt8) -> UInt8 {
        let cubeIndex = { (value: UInt8) -> Int in
            let channel = Int(value)
            return cubeLevels.indices.min { abs(cubeLevels[$0] - channel) < abs(cubeLevels[$1] - channel) } ?? 0
        }
        let cube = 16 + 36 * cubeIndex(red) + 6 * cubeIndex(green) + cubeIndex(blue)
        let average = (Int(red) + Int(green) + Int(blue)) / 3
        let greyStep = min(23, max(0, (average - 8 + 5) / 10))
        let grey = 232 + greyStep
        let target = (red, green, blue)
        let cubeDistance = distance(rgb(ofIndex: UInt8(cube)), target)
        let greyDistance = distance(rgb(ofIndex: UInt8(grey)), target)
        return UInt8(greyDistance < cubeDistance ? grey : cube)
    }

    /// The nearest of the 16 ANSI colours for a 256-palette entry.
    public static func nearest16(_ index: UInt8) -> UInt8 {
        if index < 16 { return index }
        let target = rgb(ofIndex: index)
        let best = ansi.indices.min { distance(ansi[$0], target) < distance(ansi[$1], target) } ?? 0
        return UInt8(best)
    }

    private static func distance(_ lhs: (UInt8, UInt8, UInt8), _ rhs: (UInt8, UInt8, UInt8)) -> Int {
        let red = Int(lhs.0) - Int(rhs.0)
        let green = Int(lhs.1) - Int(rhs.1)
        let blue = Int(lhs.2) - Int(rhs.2)
        return red * red + green * green + blue * blue
    }
}
