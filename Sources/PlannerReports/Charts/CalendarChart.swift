import PlannerCore
import PlannerFieldwork

/// A Gantt-style calendar: one row per enumerator, one column per working day of the window; in each cell a bar
/// of the minutes used against the day's budget (the full cell), buffer-day columns hatched, days off grey.
///
/// Every enumerator of the roster has a row, planned or not, so that idle capacity shows as well as load.
enum CalendarChart {
    static func svg(_ context: FieldworkContext, palette: PostOfficePalette, text: SummaryText) -> String {
        let fieldworkText = context.text
        let dataset = context.dataset
        let workingDays = dataset.settings.calendar.workingDays
        let bufferDays = Set(dataset.settings.bufferDays)
        let enumerators = dataset.enumerators
        let width = 720.0
        let labelWidth = 150.0
        let headerHeight = 30.0
        let rowHeight = 12.0
        let cellWidth = (width - labelWidth) / Double(max(1, workingDays.count))
        let height = headerHeight + Double(enumerators.count) * rowHeight + 4
        var routes: [EnumeratorID: [CalendarDate: DayRoute]] = [:]
        for route in context.routes { routes[route.enumeratorID, default: [:]][route.date] = route }

        var svg = SVG.open(width: width, height: height, label: text.calendarHeading)
        svg += "<defs><pattern id=\"hatch\" width=\"5\" height=\"5\" patternUnits=\"userSpaceOnUse\" "
            + "patternTransform=\"rotate(45)\"><rect width=\"5\" height=\"5\" fill=\"#fff\"/>"
            + "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"5\" stroke=\"#c9c9c9\" stroke-width=\"2\"/></pattern></defs>\n"
        for (index, day) in workingDays.enumerated() {
            let x = labelWidth + Double(index) * cellWidth
            let isBuffer = bufferDays.contains(day)
            if isBuffer {
                svg += SVG.rect(x: x, y: headerHeight, width: cellWidth, height: Double(enumerators.count) * rowHeight,
                                fill: "url(#hatch)", title: "\(text.bufferDayLabel): \(fieldworkText.date(day))")
            }
            let weekday = text.shortWeekdayNames[Weekday.allCases.firstIndex(of: day.weekday)!]
            svg += SVG.text(weekday, x: x + cellWidth / 2, y: 10, anchor: "middle", className: "small")
            svg += SVG.text(dayMonth(day, fieldworkText), x: x + cellWidth / 2, y: 20, anchor: "middle",
                            className: isBuffer ? "small strong" : "small")
            if isBuffer {
                svg += SVG.text("★", x: x + cellWidth / 2, y: 28, anchor: "middle", className: "small")
            }
        }
        for (row, enumerator) in enumerators.enumerated() {
            let y = headerHeight + Double(row) * rowHeight
            let available = Set(dataset.workingDays(of: enumerator.id))
            svg += SVG.text("\(enumerator.id.rawValue) \(enumerator.name)", x: 0, y: y + 9, className: "small")
            for (index, day) in workingDays.enumerated() {
                let x = labelWidth + Double(index) * cellWidth
                let cellTitle = "\(enumerator.id.rawValue) — \(enumerator.name), \(fieldworkText.date(day))"
                if !available.contains(day) {
                    svg += SVG.rect(x: x + 0.5, y: y + 1, width: cellWidth - 1, height: rowHeight - 2, fill: "#d5d5d5",
                                    title: "\(cellTitle): \(text.unavailableLabel)")
                    continue
                }
                svg += SVG.rect(x: x + 0.5, y: y + 1, width: cellWidth - 1, height: rowHeight - 2, fill: "none",
                                stroke: "#d0d0d0")
                guard let route = routes[enumerator.id]?[day] else { continue }
                let share = route.budgetMinutes > 0 ? min(1, route.usedMinutes / Double(route.budgetMinutes)) : 0
                svg += SVG.rect(x: x + 0.5, y: y + 2, width: (cellWidth - 1) * share, height: rowHeight - 4,
                                fill: palette.colour(of: enumerator.id),
                                title: "\(cellTitle): " + text.dayCell(Int(route.usedMinutes.rounded()),
                                                                        route.budgetMinutes, route.unitIDs.count))
            }
        }
        return svg + SVG.close
    }

    /// `03/10` or `10-03`: the day without its year, as column heads.
    private static func dayMonth(_ day: CalendarDate, _ text: FieldworkText) -> String {
        func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        return text.writesDayFirst ? "\(pad(day.day))/\(pad(day.month))" : "\(pad(day.month))-\(pad(day.day))"
    }
}
