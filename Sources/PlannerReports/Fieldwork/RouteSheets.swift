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
        let title = "\(text.routeSheetTitle) \(route.enumeratorID.rawValue) \(text.shortDate(route.date))"
        return HTMLPage.document(language: text.language, title: title, body: body(route, context),
                                 extraStyle: stylesheet)
    }

    /// The sheet without its page, so that a day's bundle can stack the sheets of a post office.
    ///
    /// Laid out to print a day of up to 15 visits on one A4 page: one line per visit (the time, unit ID and
    /// commune never wrap on paper, so that a long commune name such as "Xã Thạnh Thới Thuận" does not double
    /// every row's height; the day's communes with their districts are named once above the table, the address
    /// column only when the day has an address), the reserve lists as wrapping items. A longer day breaks between
    /// rows with the table header repeated.
    static func body(_ route: DayRoute, _ context: FieldworkContext) -> String {
        let text = context.text
        let enumerator = context.enumerator(route.enumeratorID)
        let visits = context.visits(of: route)
        var body = HTMLPage.heading(1, text.routeSheetTitle)
        body += HTMLPage.paragraph(SurveyName.standalone(context.surveyName), className: "survey")
        let sites = route.siteIDs.map { siteID -> String in
            let name = context.siteName(siteID)
            guard let commune = context.commune(CommuneCode(siteID)) else { return name }
            return "\(name) (\(commune.districtName))"
        }
        body += HTMLPage.facts([
            (text.enumeratorLabel, "\(route.enumeratorID.rawValue) — \(enumerator?.name ?? "")"),
            (text.postOfficeLabel, enumerator?.postOffice.rawValue ?? ""),
            (text.dateLabel, text.date(route.date)),
            (text.sitesLabel, sites.joined(separator: "; ")),
            (text.leaveAndBackLabel, "\(route.start) / \(route.end)"),
        ] + (route.breakStartMinutes.map { start in
            [(text.lunchBreakLabel, WorkingDay.clock(start) + "–" + WorkingDay.clock(start + route.breakMinutes))]
        } ?? []) + editionFacts(route, context))

        let addresses = visits.map { context.address(of: $0) }
        let hasAddress = addresses.contains { !$0.isEmpty }
        let marksVisits = (context.edition?.version ?? 1) > 1
        var header = [text.orderLabel, text.plannedTimeLabel, text.unitLabel, text.labelLabel, text.communeLabel]
        if hasAddress { header.append(text.addressLabel) }
        header += [text.travelBeforeLabel, text.interviewLabel, text.resultLabel]
        let rows = zip(visits, addresses).map { visit, address -> [String] in
            var order = HTMLPage.escape(String(visit.visitOrder))
            if marksVisits, let mark = context.edition?.marks[visit.unitID] {
                order = "<span class=\"mark \(mark.rawValue)\">\(HTMLPage.escape(SheetEdition.symbol(mark)))</span> " + order
            }
            var row = [order, visit.plannedStart, visit.unitID, context.label(of: visit),
                       context.communeName(context.communeCode(of: visit))]
            if hasAddress { row.append(address) }
            return row + [FieldworkContext.whole(visit.travelMinutes), String(visit.interviewMinutes), resultBoxes]
        }
        let last = header.count - 1
        body += HTMLPage.table(header: header, rows: rows, numericColumns: [0, last - 2, last - 1],
                               className: "visits", nowrapColumns: [1, 2, 4], htmlColumns: [0, last], stacked: true)
        let outcomes = zip(text.outcomeWords, VisitStatus.allCases).enumerated().map { index, outcome in
            "\(index + 1) \(outcome.0)" + (outcome.0 == outcome.1.rawValue ? "" : " (\(outcome.1.rawValue))")
        }
        body += HTMLPage.paragraph("\(text.outcomesLegendLabel): " + outcomes.joined(separator: " · ")
                                   + " — \(text.progressCodesNote)", className: "legend")
        if marksVisits { body += HTMLPage.paragraph(text.marksLegend, className: "legend") }

        let minutes = text.minutesUnit
        body += "<div class=\"keep\">\n" + HTMLPage.heading(2, text.dayTotalsLabel)
        body += HTMLPage.facts([
            (text.roadTravelLabel, "\(FieldworkContext.whole(route.travelMinutes)) \(minutes) (\(text.returnLegLabel) "
                + "\(FieldworkContext.whole(route.returnTravelMinutes)) \(minutes)); \(text.movesLabel.lowercased()) "
                + "\(FieldworkContext.whole(route.moveMinutes)) \(minutes)"),
            (text.interviewsLabel, "\(route.interviewMinutes) \(minutes)"),
            (text.usedOfBudgetLabel, text.usedOfBudget(Int(route.usedMinutes.rounded()), route.budgetMinutes)),
        ]) + "</div>\n"

        body += reserves(of: route, visits: visits, context)
        body += HTMLPage.paragraph(text.signatureLine, className: "signature")
        if let contact = context.dataset.settings.contact {
            body += HTMLPage.paragraph("\(text.contactLabel): \(contact)", className: "contact")
        }
        return body
    }

    /// The plan and its version; on a re-plan's sheet, the as-of date and which printed sheet it replaces.
    private static func editionFacts(_ route: DayRoute, _ context: FieldworkContext) -> [(String, String)] {
        guard let edition = context.edition else { return [] }
        let text = context.text
        var facts = [(text.planLabel, text.planVersion(edition.planName, edition.version, asOf: edition.asOf))]
        if edition.version > 1 {
            // Where the sheets were compared with the previous version's, an unchanged or new one says so, so that
            // the post office reprints only what changed; a changed one (or any, when unknown) replaces the old.
            if let change = edition.sheetChange(route.enumeratorID, route.date), change != .changed {
                facts.append((text.comparedLabel(previous: edition.version - 1),
                              text.sheetChangeSentence(change, previous: edition.version - 1)))
            } else {
                facts.append((text.replacesLabel, text.replacesSheet(version: edition.version - 1,
                                                                     enumerator: route.enumeratorID.rawValue,
                                                                     date: route.date)))
            }
        }
        return facts
    }

    /// Six numbered boxes on one line, one per outcome of `VisitStatus.allCases`, to tick by hand.
    static let resultBoxes = "<span class=\"boxes\">"
        + (1...6).map { "<span class=\"box\">\($0)</span>" }.joined() + "</span>"

    /// Tighter cells than the shared sheet style, so that fifteen visits with their result boxes, a lunch break,
    /// two sites and their reserve lists fit one A4 page (checked by printing with headless Chromium:
    /// scripts/screenshots.sh). Visit rows keep a line height of 1.25, enough for stacked Vietnamese marks in
    /// names; the column headings are smaller, so that "Di chuyển trước (phút)" takes three lines, not four, and
    /// the order column is narrow, leaving its width to the label.
    static let stylesheet = """
        table.visits th, table.visits td { padding: 1pt 3pt; }
        table.visits { font-size: 8.5pt; line-height: 1.25; margin: 3pt 0 4pt 0; }
        table.visits th { font-size: 7.5pt; line-height: 1.2; }
        table.visits th.n { width: 9%; }
        table.visits th.n:first-child { width: 4%; }
        table.meta th, table.meta td { padding: 0.5pt 6pt 0.5pt 0; }
        .sheet h2 { margin-top: 6pt; }
        .boxes { display: inline-flex; gap: 1pt; white-space: nowrap; vertical-align: top; }
        .box { display: inline-block; width: 8.5pt; height: 8.5pt; border: 0.6pt solid #000; font-size: 5.5pt; \
        line-height: 5.5pt; text-align: left; padding: 0 0 0 0.5pt; box-sizing: border-box; color: #444; }
        .mark { font-weight: bold; }
        .legend { font-size: 8pt; margin: 1pt 0; }
        .rule { font-size: 9pt; padding: 2pt 5pt; }
        .reserve-title { margin: 4pt 0 1pt 0; font-size: 9pt; font-weight: bold; }
        ol.reserve-list { list-style: none; margin: 0 0 3pt 0; padding: 0; display: flex; flex-wrap: wrap; \
        gap: 2pt 4pt; font-size: 8pt; line-height: 1.25; }
        ol.reserve-list li { border: 0.5pt solid #555; padding: 0.5pt 4pt; break-inside: avoid; }
        ol.reserve-list .rank { font-weight: bold; margin-right: 3pt; }
        .held { font-size: 9pt; }
        .signature { margin-top: 9pt; font-size: 9pt; }
        """

    /// The reserve lists of the communes and strata the day's units belong to, in the order first met: in full
    /// on the sheet of the list's holder that day (`FieldworkContext.reserveHolder`), as one line naming the
    /// holder on the other sheets, so that each reserve is in one pair of hands.
    private static func reserves(of route: DayRoute, visits: [VisitAssignment], _ context: FieldworkContext) -> String {
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
            let holder = context.reserveHolder(of: group.scope, on: route.date) ?? route.enumeratorID
            guard holder == route.enumeratorID else {
                let office = context.enumerator(holder)?.postOffice.rawValue ?? ""
                html += HTMLPage.paragraph(text.reservesHeldBy(title, "\(holder.rawValue) — \(context.enumeratorName(holder))",
                                                               office), className: "held")
                continue
            }
            html += "<div class=\"keep\">\n" + HTMLPage.paragraph(title, className: "reserve-title")
            html += reserveList(group, context) + "</div>\n"
        }
        return html
    }

    /// A held list on a route sheet, in rank order, one bordered item per reserve that wraps like words: rank,
    /// unit, label, the commune for a stratum's list (a commune's list is named by its title) and the address
    /// when the unit has one. Three households take one line where a table took five, so that a two-site day
    /// with both lists still prints on one page; the notices, which have room, keep the table.
    static func reserveList(_ group: FieldworkContext.ReserveGroup, _ context: FieldworkContext) -> String {
        let items = group.units.map { unit -> String in
            var parts = [context.labels.label(of: unit)]
            if case .stratum = group.scope { parts.append(context.communeName(unit.communeCode)) }
            let address = context.address(of: unit)
            if !address.isEmpty { parts.append(address) }
            let rank = unit.reserveRank.map(String.init) ?? ""
            return "<li><span class=\"rank\">\(HTMLPage.escape(rank))</span><span class=\"id\">"
                + "\(HTMLPage.escape(unit.unitID))</span> " + HTMLPage.escape(parts.joined(separator: " · ")) + "</li>\n"
        }
        return "<ol class=\"reserve-list\">\n" + items.joined() + "</ol>\n"
    }
}
