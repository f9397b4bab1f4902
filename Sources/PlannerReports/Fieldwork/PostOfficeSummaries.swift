import Foundation
import PlannerCore
import PlannerFieldwork
import PlannerFormats

/// `post-offices/<office-slug>.csv`, `.xlsx` and `.html`: each post office manager's view of its staff, day by day.
///
/// The CSV is for programs (fixed English column names, the plan's other CSVs' conventions); the workbook is the
/// same table for the manager's Excel, which opens a comma CSV in one column on a PC with Vietnamese regional
/// settings; the page is for reading and printing.
enum PostOfficeSummaries {
    static let columns: [CSVWriter.Column] = [
        .init("date", .numeric), .init("enumerator_id"), .init("enumerator_name"), .init("site_ids"),
        .init("sites"), .init("visits", .numeric), .init("households", .numeric), .init("enterprises", .numeric),
        .init("travel_minutes", .numeric), .init("used_minutes", .numeric), .init("budget_minutes", .numeric),
    ]

    /// One enumerator-day of an office, with the figures both files show.
    private struct Row {
        var route: DayRoute
        var name: String
        var siteIDs: [String]
        var sites: [String]
        var households: Int
        var enterprises: Int
        var visits: Int { households + enterprises }
        /// Whole minutes: Excel on a Vietnamese-locale PC reads "12.5" as text, and totals add up what is shown.
        var travelMinutes: Int { Int(route.travelMinutes.rounded()) }
        var usedMinutes: Int { Int(route.usedMinutes.rounded()) }
    }

    static func files(_ context: FieldworkContext) -> [PlanFolder.File] {
        let offices = Set(context.dataset.enumerators.map(\.postOffice)).sorted()
        return offices.flatMap { office -> [PlanFolder.File] in
            let rows = self.rows(of: office, context)
            guard !rows.isEmpty || !history(of: office, context).isEmpty else { return [] }
            let path = "post-offices/" + context.postOfficeFileNames[office.rawValue]!
            return [.init(path + ".csv", csv(rows)), .init(path + ".xlsx", workbook(office, rows, context)),
                    .init(path + ".html", Data(html(office, rows, context).utf8))]
        }
    }

    private static func rows(of office: PostOfficeID, _ context: FieldworkContext) -> [Row] {
        context.routes.filter { context.enumerator($0.enumeratorID)?.postOffice == office }.map { route in
            let visits = context.visits(of: route)
            let households = visits.filter { $0.unitKind == .household }.count
            return Row(route: route, name: context.enumeratorName(route.enumeratorID), siteIDs: route.siteIDs,
                       sites: route.siteIDs.map(context.siteName), households: households,
                       enterprises: visits.count - households)
        }
    }

    /// One row per enumerator-day (by date, enumerator), then a `total` row.
    private static func csv(_ rows: [Row]) -> Data {
        var lines = rows.map { row -> [String] in
            [row.route.date.description, row.route.enumeratorID.rawValue, row.name, row.siteIDs.joined(separator: ";"),
             row.sites.joined(separator: "; "), String(row.visits), String(row.households), String(row.enterprises),
             String(row.travelMinutes), String(row.usedMinutes), String(row.route.budgetMinutes)]
        }
        lines.append(["total", "", "", "", ""] + totals(rows).map(String.init))
        return CSVWriter(columns: columns, options: FieldworkContext.csvOptions).data(rows: lines)
    }

    /// The sums of the figure columns (visits, households, enterprises, travel, used and budget minutes), in the
    /// order both files show them last.
    private static func totals(_ rows: [Row]) -> [Int] {
        [rows.reduce(0) { $0 + $1.visits }, rows.reduce(0) { $0 + $1.households },
         rows.reduce(0) { $0 + $1.enterprises }, rows.reduce(0) { $0 + $1.travelMinutes },
         rows.reduce(0) { $0 + $1.usedMinutes }, rows.reduce(0) { $0 + $1.route.budgetMinutes }]
    }

    /// The CSV's rows with the language's column titles, dates as dates, and a total row whose sums are
    /// formulas, so that a manager who edits or filters the sheet keeps totals that add up.
    private static func workbook(_ office: PostOfficeID, _ rows: [Row], _ context: FieldworkContext) -> Data {
        let text = context.text
        let columns: [SpreadsheetWriter.Column] = [
            .init(text.dateLabel, width: 11), .init(text.enumeratorIDLabel, width: 11),
            .init(text.enumeratorLabel, width: 24), .init(text.siteCodesLabel, width: 14),
            .init(text.sitesLabel, width: 40), .init(text.visitsLabel, width: 10),
            .init(text.householdsLabel, width: 10), .init(text.enterprisesLabel, width: 10),
            .init(text.travelLabel, width: 12), .init(text.usedLabel, width: 14), .init(text.budgetLabel, width: 14),
        ]
        let cells = rows.map { row -> [SpreadsheetWriter.Cell] in
            [.date(row.route.date), .text(row.route.enumeratorID.rawValue), .text(row.name),
             .text(row.siteIDs.joined(separator: "; ")), .text(row.sites.joined(separator: "; ")),
             .number(Double(row.visits)), .number(Double(row.households)), .number(Double(row.enterprises)),
             .number(Double(row.travelMinutes)), .number(Double(row.usedMinutes)),
             .number(Double(row.route.budgetMinutes))]
        }
        let totalCells = totals(rows).enumerated().map { offset, total -> SpreadsheetWriter.Cell in
            let column = SpreadsheetWriter.columnName(5 + offset)
            return rows.isEmpty ? .number(Double(total))
                : .formula("SUM(\(column)2:\(column)\(rows.count + 1))", value: Double(total))
        }
        let footer: [SpreadsheetWriter.Cell] = [.text(text.totalLabel), .empty, .empty, .empty, .empty] + totalCells
        let header = "\(text.postOfficeTitle) — \(office.rawValue)"
        return SpreadsheetWriter(sheetName: text.postOfficeSheetName, columns: columns, footerRows: [footer],
                                 printHeader: header).data(rows: cells)
    }

    private static func html(_ office: PostOfficeID, _ rows: [Row], _ context: FieldworkContext) -> String {
        let text = context.text
        var body = HTMLPage.heading(1, text.postOfficeTitle)
        body += HTMLPage.paragraph(SurveyName.standalone(context.surveyName))
        body += HTMLPage.facts([
            (text.postOfficeLabel, office.rawValue),
            (text.enumeratorDaysLabel, String(rows.count)),
            (text.visitsLabel, String(rows.reduce(0) { $0 + $1.visits })),
        ])
        let workbook = context.postOfficeFileNames[office.rawValue]! + ".xlsx"
        body += "<p class=\"links\"><a href=\"\(HTMLPage.escape(workbook))\">"
            + HTMLPage.escape(text.postOfficeWorkbookLink) + "</a></p>\n"
        body += recorded(history(of: office, context), context)
        let header = [text.enumeratorLabel, text.sitesLabel, text.householdsLabel, text.enterprisesLabel,
                      text.travelLabel, text.usedLabel, text.budgetLabel]
        let days = Array(Set(rows.map(\.route.date))).sorted()
        for day in days {
            let ofDay = rows.filter { $0.route.date == day }
            body += "<div class=\"keep\">\n" + HTMLPage.heading(2, text.date(day))
            let bundle = "../" + context.bundlePath(office, day)
            body += "<p class=\"links\"><a href=\"\(bundle)\">"
                + HTMLPage.escape(text.bundleLink(text.shortDate(day), ofDay.count)) + "</a></p>\n"
            let tableRows = ofDay.map { row -> [String] in
                let sheet = "../" + context.routePath(row.route) + ".html"
                let name = HTMLPage.escape("\(row.route.enumeratorID.rawValue) — \(row.name)")
                return ["<a href=\"\(sheet)\">\(name)</a>", row.sites.joined(separator: "; "),
                 String(row.households), String(row.enterprises), String(row.travelMinutes),
                 String(row.usedMinutes), String(row.route.budgetMinutes)]
            }
            body += HTMLPage.table(header: header, rows: tableRows, numericColumns: [2, 3, 4, 5, 6],
                                   footer: [totalRow(text.dayTotalLabel, ofDay)], htmlColumns: [0],
                                   stacked: true) + "</div>\n"
        }
        body += HTMLPage.heading(2, text.totalLabel)
        body += HTMLPage.table(header: header, rows: [], numericColumns: [2, 3, 4, 5, 6],
                               footer: [totalRow(text.totalLabel, rows)], stacked: true)
        if let contact = context.dataset.settings.contact {
            body += HTMLPage.paragraph("\(text.contactLabel): \(contact)", className: "contact")
        }
        return HTMLPage.document(language: text.language, title: "\(text.postOfficeTitle) — \(office.rawValue)",
                                 body: body)
    }

    /// The office's recorded visits (a re-plan's history), by date and enumerator.
    private static func history(of office: PostOfficeID, _ context: FieldworkContext) -> [RecordedVisit] {
        context.history.filter { context.enumerator($0.enumeratorID)?.postOffice == office }
    }

    /// The days before the as-of date as they were recorded: per day, each enumerator's visits by outcome.
    private static func recorded(_ history: [RecordedVisit], _ context: FieldworkContext) -> String {
        guard !history.isEmpty else { return "" }
        let text = context.text
        let outcomes = VisitStatus.allCases
        var html = HTMLPage.heading(2, text.recordedHeading)
        html += HTMLPage.paragraph(text.recordedNote, className: "survey")
        let header = [text.enumeratorLabel, text.visitsLabel] + text.outcomeWords
        var total = Array(repeating: 0, count: outcomes.count)
        for day in Set(history.map(\.date)).sorted() {
            let ofDay = history.filter { $0.date == day }
            var dayTotal = Array(repeating: 0, count: outcomes.count)
            let rows = Set(ofDay.map(\.enumeratorID)).sorted().map { enumerator -> [String] in
                let visits = ofDay.filter { $0.enumeratorID == enumerator }
                let counts = outcomes.map { status in visits.filter { $0.status == status }.count }
                for index in counts.indices { dayTotal[index] += counts[index] }
                return ["\(enumerator.rawValue) — \(context.enumeratorName(enumerator))", String(visits.count)]
                    + counts.map(String.init)
            }
            for index in dayTotal.indices { total[index] += dayTotal[index] }
            html += "<div class=\"keep\">\n" + HTMLPage.heading(3, text.date(day))
            html += HTMLPage.table(header: header, rows: rows, numericColumns: Set(1...outcomes.count + 1),
                                   footer: [[text.dayTotalLabel, String(ofDay.count)] + dayTotal.map(String.init)],
                                   stacked: true) + "</div>\n"
        }
        html += HTMLPage.table(header: header, rows: [], numericColumns: Set(1...outcomes.count + 1),
                               footer: [[text.totalLabel, String(history.count)] + total.map(String.init)],
                               stacked: true)
        return html + HTMLPage.heading(2, text.plannedHeading)
    }

    private static func totalRow(_ label: String, _ rows: [Row]) -> [String] {
        [label, "", String(rows.reduce(0) { $0 + $1.households }), String(rows.reduce(0) { $0 + $1.enterprises }),
         String(rows.reduce(0) { $0 + $1.travelMinutes }), String(rows.reduce(0) { $0 + $1.usedMinutes }),
         String(rows.reduce(0) { $0 + $1.route.budgetMinutes })]
    }
}
