import Foundation
import PlannerCore
import PlannerFieldwork
import PlannerFormats

/// `bundles/<date>/<office-slug>.html`: what a post office prints in the morning — an index of the day's
/// enumerators with totals, then every route sheet of its staff that day, each starting on a new page.
///
/// The sheets are the same as under `routes/`, so a bundle and a single sheet never disagree. A re-plan's bundle
/// says which sheets changed since the previous version and which of its sheets to take back (`SheetChange`);
/// an office whose staff have no visit left on a day they had some gets a bundle with only that list.
enum DailyBundles {
    /// One bundle: a post office's routes of one day, by enumerator, and the previous version's sheets of its
    /// staff that day with no sheet now.
    struct Bundle {
        var office: PostOfficeID
        var date: CalendarDate
        var routes: [DayRoute]
        var withdrawn: [EnumeratorID] = []
    }

    static func files(_ context: FieldworkContext) -> [PlanFolder.File] {
        bundles(context).map { bundle in
            .init(context.bundlePath(bundle.office, bundle.date), Data(html(bundle, context).utf8))
        }
    }

    /// By post office, then date.
    static func bundles(_ context: FieldworkContext) -> [Bundle] {
        var bundles: [Bundle] = []
        let withdrawn = context.edition?.withdrawnSheets ?? []
        for office in Set(context.dataset.enumerators.map(\.postOffice)).sorted() {
            let routes = context.routes.filter { context.enumerator($0.enumeratorID)?.postOffice == office }
            let taken = withdrawn.filter { context.enumerator($0.enumeratorID)?.postOffice == office }
            for date in Set(routes.map(\.date) + taken.map(\.date)).sorted() {
                bundles.append(Bundle(office: office, date: date, routes: routes.filter { $0.date == date },
                                      withdrawn: taken.filter { $0.date == date }.map(\.enumeratorID)))
            }
        }
        return bundles
    }

    /// Whether a re-plan's bundle has nothing to print or take back: every sheet is the previous version's. False
    /// when the sheets were not compared (a first plan, or a parent too old to tell).
    static func isUnchanged(_ bundle: Bundle, _ context: FieldworkContext) -> Bool {
        guard let edition = context.edition, edition.version > 1, edition.sheetChanges != nil else { return false }
        return bundle.withdrawn.isEmpty
            && bundle.routes.allSatisfy { edition.sheetChange($0.enumeratorID, $0.date) == .unchanged }
    }

    static func html(_ bundle: Bundle, _ context: FieldworkContext) -> String {
        let text = context.text
        var body = HTMLPage.heading(1, text.bundleTitle)
        body += HTMLPage.paragraph(SurveyName.standalone(context.surveyName), className: "survey")
        let visits = bundle.routes.reduce(0) { $0 + $1.unitIDs.count }
        // A re-plan whose sheets were compared with the previous version's: each sheet's change, and what to print.
        let edition = context.edition.flatMap { $0.version > 1 && $0.sheetChanges != nil ? $0 : nil }
        let changes = bundle.routes.map { edition?.sheetChange($0.enumeratorID, $0.date) }
        let unchanged = changes.filter { $0 == .unchanged }.count
        var sheets = String(bundle.routes.count)
        if let edition, !bundle.routes.isEmpty {
            sheets += " (" + text.bundleSheetCounts(print: bundle.routes.count - unchanged, unchanged: unchanged,
                                                    previous: edition.version - 1) + ")"
        }
        body += HTMLPage.facts([
            (text.postOfficeLabel, bundle.office.rawValue),
            (text.dateLabel, text.date(bundle.date)),
            (text.sheetsLabel, sheets),
            (text.visitsLabel, String(visits)),
        ])
        if let edition, !bundle.withdrawn.isEmpty {
            let names = bundle.withdrawn.map { "\($0.rawValue) — \(context.enumeratorName($0))" }
            body += HTMLPage.paragraph(text.withdrawnSheets(previous: edition.version - 1, enumerators: names),
                                       className: "withdrawn")
        }
        var households = 0, enterprises = 0, used = 0, budget = 0
        let rows = zip(bundle.routes, changes).map { route, change -> [String] in
            let routeVisits = context.visits(of: route)
            let ofHouseholds = routeVisits.filter { $0.unitKind == .household }.count
            households += ofHouseholds
            enterprises += routeVisits.count - ofHouseholds
            used += Int(route.usedMinutes.rounded())
            budget += route.budgetMinutes
            let name = "\(route.enumeratorID.rawValue) — \(context.enumeratorName(route.enumeratorID))"
            var row = ["<a href=\"#\(anchor(route, context))\">\(HTMLPage.escape(name))</a>",
                       route.siteIDs.map(context.siteName).joined(separator: "; "), String(ofHouseholds),
                       String(routeVisits.count - ofHouseholds), route.start, route.end,
                       text.usedOfBudget(Int(route.usedMinutes.rounded()), route.budgetMinutes)]
            if edition != nil { row.append(text.sheetChangeWords(change ?? .changed)) }
            return row
        }
        if !bundle.routes.isEmpty {
            var header = [text.enumeratorLabel, text.sitesLabel, text.householdsLabel, text.enterprisesLabel,
                          text.leaveLabel, text.backLabel, text.usedOfBudgetLabel]
            var footer = [text.totalLabel, "", String(households), String(enterprises), "", "",
                          text.usedOfBudget(used, budget)]
            if let edition {
                header.append(text.comparedLabel(previous: edition.version - 1))
                footer.append("")
            }
            body += HTMLPage.table(header: header, rows: rows, numericColumns: [2, 3, 6], footer: [footer],
                                   nowrapColumns: [4, 5], htmlColumns: [0], stacked: true)
        }
        if let contact = context.dataset.settings.contact {
            body += HTMLPage.paragraph("\(text.contactLabel): \(contact)", className: "contact")
        }
        for route in bundle.routes {
            body += "<section class=\"sheet\" id=\"\(anchor(route, context))\">\n"
                + RouteSheets.body(route, context) + "</section>\n"
        }
        let title = "\(text.bundleTitle) — \(bundle.office.rawValue) — \(text.shortDate(bundle.date))"
        return HTMLPage.document(language: text.language, title: title, body: body,
                                 extraStyle: RouteSheets.stylesheet + "\n" + stylesheet)
    }

    /// The sheet's anchor: the enumerator's safe file name.
    private static func anchor(_ route: DayRoute, _ context: FieldworkContext) -> String {
        "sheet-" + (context.enumeratorFileNames[route.enumeratorID.rawValue] ?? "x")
    }

    /// Every sheet starts a new printed page; on screen a rule separates them.
    static let stylesheet = """
        section.sheet { break-before: page; page-break-before: always; }
        p.withdrawn { border: 1.5pt solid #000; padding: 4pt 6pt; font-weight: bold; }
        @media screen { section.sheet { border-top: 2pt solid #555; margin-top: 14pt; padding-top: 4pt; } }
        """
}
