import Foundation
import PlannerCore
import PlannerFieldwork
import PlannerFormats

/// `bundles/<date>/<office-slug>.html`: what a post office prints in the morning — an index of the day's
/// enumerators with totals, then every route sheet of its staff that day, each starting on a new page.
///
/// The sheets are the same as under `routes/`, so a bundle and a single sheet never disagree.
enum DailyBundles {
    /// One bundle: a post office's routes of one day, by enumerator.
    struct Bundle {
        var office: PostOfficeID
        var date: CalendarDate
        var routes: [DayRoute]
    }

    static func files(_ context: FieldworkContext) -> [PlanFolder.File] {
        bundles(context).map { bundle in
            .init(context.bundlePath(bundle.office, bundle.date), Data(html(bundle, context).utf8))
        }
    }

    /// By post office, then date.
    static func bundles(_ context: FieldworkContext) -> [Bundle] {
        var bundles: [Bundle] = []
        for office in Set(context.dataset.enumerators.map(\.postOffice)).sorted() {
            let routes = context.routes.filter { context.enumerator($0.enumeratorID)?.postOffice == office }
            for date in Set(routes.map(\.date)).sorted() {
                bundles.append(Bundle(office: office, date: date, routes: routes.filter { $0.date == date }))
            }
        }
        return bundles
    }

    static func html(_ bundle: Bundle, _ context: FieldworkContext) -> String {
        let text = context.text
        var body = HTMLPage.heading(1, text.bundleTitle)
        body += HTMLPage.paragraph(SurveyName.standalone(context.surveyName), className: "survey")
        let visits = bundle.routes.reduce(0) { $0 + $1.unitIDs.count }
        body += HTMLPage.facts([
            (text.postOfficeLabel, bundle.office.rawValue),
            (text.dateLabel, text.date(bundle.date)),
            (text.sheetsLabel, String(bundle.routes.count)),
            (text.visitsLabel, String(visits)),
        ])
        var households = 0, enterprises = 0, used = 0, budget = 0
        let rows = bundle.routes.map { route -> [String] in
            let routeVisits = context.visits(of: route)
            let ofHouseholds = routeVisits.filter { $0.unitKind == .household }.count
            households += ofHouseholds
            enterprises += routeVisits.count - ofHouseholds
            used += Int(route.usedMinutes.rounded())
            budget += route.budgetMinutes
            let name = "\(route.enumeratorID.rawValue) — \(context.enumeratorName(route.enumeratorID))"
            return ["<a href=\"#\(anchor(route, context))\">\(HTMLPage.escape(name))</a>",
                    route.siteIDs.map(context.siteName).joined(separator: "; "), String(ofHouseholds),
                    String(routeVisits.count - ofHouseholds), route.start, route.end,
                    text.usedOfBudget(Int(route.usedMinutes.rounded()), route.budgetMinutes)]
        }
        body += HTMLPage.table(
            header: [text.enumeratorLabel, text.sitesLabel, text.householdsLabel, text.enterprisesLabel,
                     text.leaveLabel, text.backLabel, text.usedOfBudgetLabel],
            rows: rows, numericColumns: [2, 3, 6],
            footer: [[text.totalLabel, "", String(households), String(enterprises), "", "",
                      text.usedOfBudget(used, budget)]],
            nowrapColumns: [4, 5], htmlColumns: [0], stacked: true)
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
        @media screen { section.sheet { border-top: 2pt solid #555; margin-top: 14pt; padding-top: 4pt; } }
        """
}
