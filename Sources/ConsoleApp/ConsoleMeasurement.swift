import Foundation
import TerminalKit

/// How long the console takes to draw and react, measured on the in-memory terminal (for benchmarks).
public struct ConsoleTimings: Sendable {
    /// Loading the account and drawing the first frame, in seconds.
    public var firstFrame: Double
    /// The median of full redraws of the view reached after the setup keys, in seconds.
    public var redraw: Double
    /// For each timed key: handling it and drawing the next frame, in seconds.
    public var keystrokes: [Double]
}

extension ConsoleRunner {
    /// Measures the console the way a person uses it: the first frame, then (after `setup` keys, not
    /// timed) `redraws` full redraws, then each of `timed` keys with the frame that follows.
    public static func measure(
        source: any AccountSource, options: ConsoleOptions, width: Int, height: Int, setup: [InputEvent],
        timed: [InputEvent], redraws: Int = 20
    ) -> ConsoleTimings {
        let terminal = MemoryTerminal(width: width, height: height)
        let (theme, _) = loadTheme(options)
        var loop = ConsoleLoop(
            terminal: terminal, source: source, theme: theme, glyphs: .forMode(ascii: options.ascii),
            principal: options.principal, themeDirectories: Theme.searchDirectories(explicit: options.themesDirectory))
        let keyMap = BrowserKeys.keyMap(glyphs: .forMode(ascii: options.ascii))
        let clock = ContinuousClock()
        let start = clock.now
        loop.loadInitial()
        loop.render()
        let firstFrame = seconds(clock.now - start)
        for event in setup { _ = loop.process(event, keyMap: keyMap) }
        loop.render()
        var samples: [Double] = []
        for _ in 0..<max(redraws, 1) {
            let before = clock.now
            loop.render()
            samples.append(seconds(clock.now - before))
        }
        var keystrokes: [Double] = []
        for event in timed {
            let before = clock.now
            _ = loop.process(event, keyMap: keyMap)
            loop.render()
            keystrokes.append(seconds(clock.now - before))
        }
        samples.sort()
        return ConsoleTimings(firstFrame: firstFrame, redraw: samples[samples.count / 2], keystrokes: keystrokes)
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
