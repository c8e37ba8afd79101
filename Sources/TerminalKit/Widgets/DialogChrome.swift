/// Drawing shared by the dialogs and the form: a centred framed box over the screen and a
/// row of buttons.
enum DialogChrome {
    /// The rectangle of a box whose interior is `contentWidth` x `contentHeight` (plus a
    /// border and one column of padding each side), centred in the canvas and cut to it.
    @MainActor
    static func frame(contentWidth: Int, contentHeight: Int, in canvas: Canvas) -> Rect {
        let width = min(canvas.width, contentWidth + 4)
        let height = min(canvas.height, contentHeight + 2)
        return Rect(
            row: max(0, (canvas.height - height) / 2), column: max(0, (canvas.width - width) / 2), width: width,
            height: height)
    }

    /// Blanks `rect`, draws its border and title, and returns the padded interior.
    @MainActor
    static func drawFrame(_ rect: Rect, title: String, in canvas: Canvas, theme: Theme, border: Style? = nil) -> Canvas
    {
        canvas.fill(rect, style: theme[.text])
        let inside = canvas.box(rect, title: title, border: border ?? theme[.border], titleStyle: theme[.title])
        return inside.subcanvas(Rect(row: 0, column: 1, width: inside.width - 2, height: inside.height))
    }

    /// How a button is shown: `[ OK ]`.
    static func label(_ title: String) -> String { "[ " + title + " ]" }

    /// The width of a row of buttons two cells apart.
    static func width(of titles: [String]) -> Int {
        titles.map { displayWidth(label($0)) }.reduce(0, +) + 2 * max(0, titles.count - 1)
    }

    /// Draws buttons centred on `row`; the focused one (if any) in the selection style and
    /// disabled ones muted.
    @MainActor
    static func drawButtons(
        _ titles: [String], focused: Int?, enabled: [Bool] = [], row: Int, in canvas: Canvas, theme: Theme
    ) {
        var column = max(0, (canvas.width - width(of: titles)) / 2)
        for (index, title) in titles.enumerated() {
            let isEnabled = index < enabled.count ? enabled[index] : true
            let style = !isEnabled ? theme[.muted] : index == focused ? theme[.selection] : theme[.prompt]
            let text = label(title)
            canvas.text(text, row: row, column: column, style: style)
            column += displayWidth(text) + 2
        }
    }
}
