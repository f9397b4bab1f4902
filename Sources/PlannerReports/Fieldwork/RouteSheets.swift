import Foundation
import PlannerCore
import PlannerFieldwork
import PlannerFormats
import PlannerSampling

/// One enumerator's day on paper: `routes/<date>/<enumerator>.csv` and a printable `.html` beside it.
///
/// The HTML sheet is what the enumerator carries: the ordered visits with times, the day's minutes against its
/// budget, the reserve units to release after a refusal, and whom to call.
enum RouteSheets {
    static let columns: [CSVWriter.Column] = [
        .init("date", .numeric), .init("enumerator_id"), .init("visit_order", .numeric),
        .init("planned_start", .numeric), .init("unit_id"), .init("unit_type", .numeric), .init("label"),
        .init("commune_code"), .init("commune_name"), .init("district_name"), .init("zone_id"), .init("address"),
        .init("travel_minutes", .numeric), .init("interview_minutes", .numeric),
    ]

    static func files(_ context: FieldworkContext) -> [PlanFolder.File] {
        context.routes.flatMap { route -> [PlanFolder.File] in
            let path = context.routePath(route)
            return [.init(path + ".csv", csv(route, context)), .init(path + ".html", Data(html(route, context).utf8))]
        }
    }

    /// One row per visit of the day, in visiting order.
    static func csv(_ route: DayRoute, _ context: FieldworkContext) -> Data {
        let rows = context.visits(of: route).map { visit -> [String] in
            let commune = context.communeCode(of: visit)
            return [visit.date.description, visit.enumeratorID.rawValue, String(visit.visitOrder), visit.plannedStart,
                    visit.unitID, context.unitType(of: visit).rawValue, context.label(of: visit), commune.rawValue,
                    context.communeName(commune), context.districtName(context.districtCode(of: visit)),
                    context.zone(of: visit)?.id.rawValue ?? "", context.address(of: visit),
                    FieldworkContext.whole(visit.travelMinutes), String(visit.interviewMinutes)]
        }
        return CSVWriter(columns: columns, options: FieldworkContext.csvOptions).data(rows: rows)
    }

    static func html(_ route: DayRoute, _ context: FieldworkContext) -> String {
        let text = context.text
        let enumerator = context.enumerator(route.enumeratorID)
        let visits = context.visits(of: route)
        var body = HTMLPage.heading(1, text.routeSheetTitle)
        body += HTMLPage.paragraph(SurveyName.standalone(context.surveyName))
        body += HTMLPage.facts([
            (text.enumeratorLabel, "\(route.enumeratorID.rawValue) — \(enumerator?.name ?? "")"),
            (text.postOfficeLabel, enumerator?.postOffice.rawValue ?? ""),
            (text.dateLabel, text.date(route.date)),
            (text.leaveBase, route.start),
            (text.backAtBase, route.end),
        ])

        let rows = visits.map { visit -> [String] in
            let commune = context.communeCode(of: visit)
            return [String(visit.visitOrder), visit.plannedStart, visit.unitID, context.label(of: visit),
                    context.communeName(commune), context.districtName(context.districtCode(of: visit)),
                    context.address(of: visit), FieldworkContext.whole(visit.travelMinutes),
                    String(visit.interviewMinutes)]
        }
        body += HTMLPage.table(
            header: [text.orderLabel, text.plannedTimeLabel, text.unitLabel, text.labelLabel, text.communeLabel,
                     text.districtLabel, text.addressLabel, text.travelBeforeLabel, text.interviewLabel],
            rows: rows, numericColumns: [0, 7, 8])

        body += HTMLPage.heading(2, text.dayTotalsLabel)
        let minutes = text.minutesUnit
        body += HTMLPage.facts([
            (text.roadTravelLabel, "\(FieldworkContext.whole(route.travelMinutes)) \(minutes) (\(text.returnLegLabel) "
                + "\(FieldworkContext.whole(route.returnTravelMinutes)) \(minutes))"),
            (text.movesLabel, "\(FieldworkContext.whole(route.moveMinutes)) \(minutes)"),
            (text.interviewsLabel, "\(route.interviewMinutes) \(minutes)"),
            (text.usedOfBudgetLabel, text.usedOfBudget(Int(route.usedMinutes.rounded()), route.budgetMinutes)),
        ])

        body += reserves(for: visits, context)
        if let contact = context.dataset.settings.contact {
            body += HTMLPage.paragraph("\(text.contactLabel): \(contact)", className: "contact")
        }
        let title = "\(text.routeSheetTitle) \(route.enumeratorID.rawValue) \(text.shortDate(route.date))"
        return HTMLPage.document(language: text.language, title: title, body: body)
    }

    /// The reserve lists of the communes and strata the day's units belong to, in the order first met.
    private static func reserves(for visits: [VisitAssignment], _ context: FieldworkContext) -> String {
        let text = context.text
        var scopes: [FieldworkContext.ReserveGroup.Scope] = []
        for visit in visits {
            guard let unit = context.sampled(visit.unitID) else { continue }
            let scope = FieldworkContext.reserveScope(of: unit)
            if !scopes.contains(scope) { scopes.append(scope) }
        }
        var html = HTMLPage.heading(2, text.reservesTitle)
        html += HTMLPage.paragraph(text.reserveRule(context.dataset.settings.fieldwork.maxAttempts), className: "rule")
        let groups = scopes.compactMap(context.reserveGroup)
        if groups.isEmpty { return html + HTMLPage.paragraph(text.noReserves) }
        for group in groups {
            let title: String
            switch group.scope {
            case .commune(let code): title = text.communeReserves(context.communeName(code))
            case .stratum(let stratum):
                title = text.stratumReserves(stratum.rawValue, context.stratumNames.name(of: stratum, given: ""))
            }
            html += "<div class=\"keep\">\n" + HTMLPage.paragraph(title)
            let rows = group.units.map { unit -> [String] in
                [unit.reserveRank.map(String.init) ?? "", unit.unitID, context.labels.label(of: unit),
                 context.communeName(unit.communeCode), context.labels.address(unitID: unit.unitID) ?? ""]
            }
            html += HTMLPage.table(header: [text.rankLabel, text.unitLabel, text.labelLabel, text.communeLabel,
                                            text.addressLabel],
                                   rows: rows, numericColumns: [0]) + "</div>\n"
        }
        return html
    }
}
