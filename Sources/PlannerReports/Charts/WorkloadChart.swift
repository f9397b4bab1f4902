import PlannerCore
import PlannerFieldwork

/// Workload as stacked horizontal bars: per enumerator the minutes of travel, moves and interviews against the
/// budget of the days it could be planned on; per post office the household and enterprise visits.
enum WorkloadChart {
    static let travelColour = "#d08c2e"
    static let moveColour = "#e8c37a"
    static let interviewColour = "#2b5d8a"
    static let householdColour = "#2b5d8a"
    static let enterpriseColour = "#b8432f"

    static func perEnumerator(_ context: FieldworkContext, text: SummaryText) -> String {
        let fieldworkText = context.text
        let dataset = context.dataset
        let workingDays = dataset.settings.calendar.workingDays
        let plannable = Set(workingDays.dropLast(dataset.settings.bufferDays.count))
        struct Load {
            var enumerator: Enumerator
            var routes: [DayRoute]
            var availableMinutes: Double
            var travel: Double { routes.reduce(0) { $0 + $1.travelMinutes } }
            var moves: Double { routes.reduce(0) { $0 + $1.moveMinutes } }
            var interviews: Double { Double(routes.reduce(0) { $0 + $1.interviewMinutes }) }
            var visits: Int { routes.reduce(0) { $0 + $1.unitIDs.count } }
        }
        let loads = dataset.enumerators.map { enumerator in
            let days = dataset.workingDays(of: enumerator.id).filter(plannable.contains).count
            return Load(enumerator: enumerator, routes: context.routes.filter { $0.enumeratorID == enumerator.id },
                        availableMinutes: Double(days * enumerator.dailyMinutes))
        }
        let width = 720.0
        let labelWidth = 150.0
        let valueWidth = 92.0
        let rowHeight = 12.0
        let largest = max(1, loads.map { max($0.availableMinutes, $0.travel + $0.moves + $0.interviews) }.max() ?? 1)
        let scale = (width - labelWidth - valueWidth) / largest
        let height = Double(loads.count) * rowHeight + 22
        var svg = SVG.open(width: width, height: height, label: text.perEnumeratorTitle)
        for (row, load) in loads.enumerated() {
            let y = Double(row) * rowHeight
            let title = "\(load.enumerator.id.rawValue) — \(load.enumerator.name): \(fieldworkText.travelLabel) "
                + "\(FieldworkContext.whole(load.travel)), \(fieldworkText.movesLabel) \(FieldworkContext.whole(load.moves)), "
                + "\(fieldworkText.interviewsLabel) \(FieldworkContext.whole(load.interviews)) / "
                + "\(FieldworkContext.whole(load.availableMinutes)) \(fieldworkText.minutesUnit)"
            svg += SVG.text("\(load.enumerator.id.rawValue) \(load.enumerator.name)", x: 0, y: y + 9, className: "small")
            var x = labelWidth
            for (minutes, colour) in [(load.travel, travelColour), (load.moves, moveColour),
                                      (load.interviews, interviewColour)] {
                svg += SVG.rect(x: x, y: y + 2, width: minutes * scale, height: rowHeight - 4, fill: colour, title: title)
                x += minutes * scale
            }
            svg += SVG.rect(x: labelWidth, y: y + 1.5, width: load.availableMinutes * scale, height: rowHeight - 3,
                            fill: "none", stroke: "#333")
            svg += SVG.text(text.enumeratorLine(load.routes.count, load.visits),
                            x: labelWidth + max(x - labelWidth, load.availableMinutes * scale) + 4, y: y + 9,
                            className: "small")
        }
        let legendY = Double(loads.count) * rowHeight + 8
        svg += legend([(travelColour, fieldworkText.travelLabel), (moveColour, fieldworkText.movesLabel),
                       (interviewColour, fieldworkText.interviewsLabel)], x: 0, y: legendY)
        svg += SVG.rect(x: 420, y: legendY, width: 10, height: 8, fill: "none", stroke: "#333")
        svg += SVG.text(text.availableBudgetLegend, x: 434, y: legendY + 8, className: "small")
        return svg + SVG.close
    }

    static func perPostOffice(_ context: FieldworkContext, text: SummaryText) -> String {
        let fieldworkText = context.text
        let offices = Set(context.dataset.enumerators.map(\.postOffice)).sorted()
        struct Office {
            var name: PostOfficeID
            var households = 0
            var enterprises = 0
            var days = 0
            var enumerators: Set<EnumeratorID> = []
        }
        var rows = offices.map { Office(name: $0) }
        let index = Dictionary(uniqueKeysWithValues: offices.enumerated().map { ($1, $0) })
        for route in context.routes {
            guard let office = context.enumerator(route.enumeratorID)?.postOffice, let row = index[office] else { continue }
            rows[row].days += 1
            rows[row].enumerators.insert(route.enumeratorID)
        }
        for visit in context.visits {
            guard let office = context.enumerator(visit.enumeratorID)?.postOffice, let row = index[office] else { continue }
            if visit.unitKind == .household { rows[row].households += 1 } else { rows[row].enterprises += 1 }
        }
        let width = 720.0
        let labelWidth = 200.0
        let valueWidth = 240.0
        let rowHeight = 15.0
        let largest = Double(max(1, rows.map { $0.households + $0.enterprises }.max() ?? 1))
        let scale = (width - labelWidth - valueWidth) / largest
        var svg = SVG.open(width: width, height: Double(rows.count) * rowHeight + 22, label: text.perPostOfficeTitle)
        for (number, office) in rows.enumerated() {
            let y = Double(number) * rowHeight
            let title = "\(office.name.rawValue): \(fieldworkText.householdsLabel) \(office.households), "
                + "\(fieldworkText.enterprisesLabel) \(office.enterprises)"
            svg += SVG.text(office.name.rawValue, x: 0, y: y + 11, className: "small")
            let households = Double(office.households) * scale
            let enterprises = Double(office.enterprises) * scale
            svg += SVG.rect(x: labelWidth, y: y + 2, width: households, height: rowHeight - 4, fill: householdColour,
                            title: title)
            svg += SVG.rect(x: labelWidth + households, y: y + 2, width: enterprises, height: rowHeight - 4,
                            fill: enterpriseColour, title: title)
            svg += SVG.text("\(office.households) + \(office.enterprises) · "
                            + text.postOfficeLine(office.enumerators.count, office.days),
                            x: labelWidth + households + enterprises + 4, y: y + 11, className: "small")
        }
        svg += legend([(householdColour, fieldworkText.householdsLabel), (enterpriseColour, fieldworkText.enterprisesLabel)],
                      x: 0, y: Double(rows.count) * rowHeight + 8)
        return svg + SVG.close
    }

    private static func legend(_ items: [(String, String)], x: Double, y: Double) -> String {
        var svg = ""
        for (index, item) in items.enumerated() {
            let left = x + Double(index) * 140
            svg += SVG.rect(x: left, y: y, width: 10, height: 8, fill: item.0)
            svg += SVG.text(item.1, x: left + 14, y: y + 8, className: "small")
        }
        return svg
    }
}
