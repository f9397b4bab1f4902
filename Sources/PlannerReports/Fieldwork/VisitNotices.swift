import Foundation
import PlannerCore
import PlannerFieldwork
import PlannerFormats
import PlannerSampling

/// Visit notices: to each commune's People's Committee and, for zones, to the zones' management board, the
/// days enumerators will come and who they are, so that the selected units are told in advance.
///
/// `notices/communes/<commune_code>.html`, `notices/zones/<zone_id>.html` and `notices/communes.csv`.
enum VisitNotices {
    /// The visits of one enumerator-day at one site.
    struct Entry {
        var siteID: String
        var date: CalendarDate
        var enumeratorID: EnumeratorID
        var households: Int
        var enterprises: Int
        var visits: Int { households + enterprises }
    }

    static let communeColumns: [CSVWriter.Column] = [
        .init("commune_code"), .init("commune_name"), .init("district_name"), .init("date", .numeric),
        .init("enumerator_id"), .init("enumerator_name"), .init("post_office"), .init("visits", .numeric),
        .init("households", .numeric), .init("enterprises", .numeric),
    ]

    static func files(_ context: FieldworkContext) -> [PlanFolder.File] {
        let entries = self.entries(context)
        var files: [PlanFolder.File] = []
        let communeEntries = entries.filter { context.zone(ZoneID($0.siteID)) == nil }
        for siteID in Set(communeEntries.map(\.siteID)).sorted() {
            let path = "notices/communes/\(context.siteFileNames[siteID]!).html"
            files.append(.init(path, Data(html(siteID: siteID, communeEntries.filter { $0.siteID == siteID },
                                               context).utf8)))
        }
        let zoneEntries = entries.filter { context.zone(ZoneID($0.siteID)) != nil }
        for siteID in Set(zoneEntries.map(\.siteID)).sorted() {
            let path = "notices/zones/\(context.siteFileNames[siteID]!).html"
            files.append(.init(path, Data(html(siteID: siteID, zoneEntries.filter { $0.siteID == siteID },
                                               context).utf8)))
        }
        if !communeEntries.isEmpty {
            files.append(.init("notices/communes.csv", communesCSV(communeEntries, context)))
        }
        return files
    }

    /// Visits grouped by site, date and enumerator, in that order.
    static func entries(_ context: FieldworkContext) -> [Entry] {
        var entries: [Entry] = []
        let sorted = context.visits.sorted { ($0.siteID, $0.date, $0.enumeratorID) < ($1.siteID, $1.date, $1.enumeratorID) }
        for visit in sorted {
            let isHousehold = visit.unitKind == .household
            if let last = entries.last, last.siteID == visit.siteID, last.date == visit.date,
               last.enumeratorID == visit.enumeratorID {
                entries[entries.count - 1].households += isHousehold ? 1 : 0
                entries[entries.count - 1].enterprises += isHousehold ? 0 : 1
            } else {
                entries.append(Entry(siteID: visit.siteID, date: visit.date, enumeratorID: visit.enumeratorID,
                                     households: isHousehold ? 1 : 0, enterprises: isHousehold ? 0 : 1))
            }
        }
        return entries
    }

    private static func communesCSV(_ entries: [Entry], _ context: FieldworkContext) -> Data {
        let rows = entries.map { entry -> [String] in
            let commune = context.commune(CommuneCode(entry.siteID))
            return [entry.siteID, commune?.name ?? "", commune?.districtName ?? "", entry.date.description,
                    entry.enumeratorID.rawValue, context.enumeratorName(entry.enumeratorID),
                    context.enumerator(entry.enumeratorID)?.postOffice.rawValue ?? "", String(entry.visits),
                    String(entry.households), String(entry.enterprises)]
        }
        return CSVWriter(columns: communeColumns, options: FieldworkContext.csvOptions).data(rows: rows)
    }

    /// An official letter (Decree 30/2020/NĐ-CP layout): the issuing body and the national heading, number and
    /// date left to fill in, the subject, the addressee, the purpose, the days and enumerators, the selected units
    /// with their day and enumerator, the reserve units in release order, the request, the contact line, the
    /// recipients and the signature block. Number, date and signature are left blank: the issuer fills them in.
    static func html(siteID: String, _ entries: [Entry], _ context: FieldworkContext) -> String {
        let text = context.text
        let settings = context.dataset.settings
        let addressee: String
        let placeName: String
        let zone = context.zone(ZoneID(siteID))
        if let zone {
            addressee = text.toZoneBoard(zone.name)
            placeName = zone.name
        } else {
            let commune = context.commune(CommuneCode(siteID))
            placeName = [commune?.name ?? siteID, commune?.districtName].compactMap { $0 }.joined(separator: ", ")
            addressee = text.toCommune(commune?.name ?? siteID, commune?.districtName ?? "")
        }
        let year = entries.first?.date.year ?? settings.calendar.firstDay.year
        let issuerLines = [settings.issuerParent.map { "<p>\(HTMLPage.escape($0.uppercased()))</p>" },
                           settings.issuer.map { "<p class=\"issuer\">\(HTMLPage.escape($0.uppercased()))</p>" }]
            .compactMap { $0 }.joined()
        var body = "<table class=\"letterhead\"><tr><td>\(issuerLines)"
            + "<p>\(HTMLPage.escape(text.letterNumber))</p></td>"
            + "<td><p class=\"nation\">\(HTMLPage.escape(text.nationalHeading))</p>"
            + "<p class=\"motto\">\(HTMLPage.escape(text.nationalMotto))</p>"
            + "<p class=\"dateline\">\(HTMLPage.escape(text.dateLine(settings.issuerPlace, year)))</p></td></tr></table>\n"
        body += HTMLPage.heading(1, text.noticeTitle)
        body += HTMLPage.paragraph(text.noticeSubject(placeName), className: "subject")
        body += HTMLPage.paragraph(addressee, className: "addressee")
        body += HTMLPage.paragraph(text.noticeBody(context.surveyName, settings.issuer))
        // A re-plan's notice says what it replaces and marks the units added or moved, as the route sheets do.
        let edition = context.edition.flatMap { $0.version > 1 ? $0 : nil }
        if let edition {
            body += HTMLPage.paragraph(text.noticeReplaces(version: edition.version, asOf: edition.asOf),
                                       className: "replaces")
        }

        body += "<div class=\"keep\">\n" + HTMLPage.heading(2, text.noticeVisitsHeading)
        let rows = entries.map { entry -> [String] in
            [text.date(entry.date), "\(context.enumeratorName(entry.enumeratorID)) (\(entry.enumeratorID.rawValue))",
             context.enumerator(entry.enumeratorID)?.postOffice.rawValue ?? "", String(entry.households),
             String(entry.enterprises)]
        }
        let footer = [text.totalLabel, "", "", String(entries.reduce(0) { $0 + $1.households }),
                      String(entries.reduce(0) { $0 + $1.enterprises })]
        body += HTMLPage.table(header: [text.dateLabel, text.enumeratorLabel, text.postOfficeLabel,
                                        text.householdsLabel, text.enterprisesLabel],
                               rows: rows, numericColumns: [3, 4], footer: [footer], stacked: true) + "</div>\n"

        let visits = context.visits.filter { $0.siteID == siteID }.sorted { lhs, rhs in
            (lhs.unitKind == .household ? 0 : 1, lhs.date, lhs.enumeratorID, lhs.visitOrder)
                < (rhs.unitKind == .household ? 0 : 1, rhs.date, rhs.enumeratorID, rhs.visitOrder)
        }
        body += HTMLPage.heading(2, text.noticeUnitsHeading)
        let addresses = visits.map { context.labels.address(unitID: $0.unitID) ?? "" }
        let hasAddress = addresses.contains { !$0.isEmpty }
        var header = [text.orderLabel, text.unitLabel, text.labelLabel]
        if hasAddress { header.append(text.addressLabel) }
        header += [text.visitDateLabel, text.enumeratorLabel]
        let unitRows = zip(visits, addresses).enumerated().map { index, pair -> [String] in
            let (visit, address) = pair
            var order = String(index + 1)
            if let mark = edition?.marks[visit.unitID] {
                order = "<span class=\"mark \(mark.rawValue)\">\(HTMLPage.escape(SheetEdition.symbol(mark)))</span> " + order
            }
            var row = [order, visit.unitID, context.label(of: visit)]
            if hasAddress { row.append(address) }
            return row + [text.shortDate(visit.date), visit.enumeratorID.rawValue]
        }
        body += HTMLPage.table(header: header, rows: unitRows, numericColumns: [0], className: "units",
                               nowrapColumns: [1, header.count - 2], htmlColumns: [0], stacked: true)

        let reserves = context.reserveUnits.filter { unit in
            if let zone { return unit.zoneID == zone.id }
            let inOperatingZone = unit.zoneID.flatMap { context.zone($0) }?.status == .operating
            return unit.communeCode.rawValue == siteID && !inOperatingZone
        }
        if !reserves.isEmpty {
            // The heading stays with the first list; a page may break between lists, not inside one.
            let lists = reserveLists(reserves, context)
            body += "<div class=\"keep\">\n" + HTMLPage.heading(2, text.noticeReservesHeading)
            body += HTMLPage.paragraph(text.noticeReservesRule(settings.fieldwork.maxAttempts))
            body += (lists.first ?? "") + "</div>\n"
            body += lists.dropFirst().map { "<div class=\"keep\">\n" + $0 + "</div>\n" }.joined()
        }
        body += HTMLPage.paragraph(text.noticeRequest)
        if let contact = settings.contact {
            body += HTMLPage.paragraph(text.contactSentence(contact), className: "contact")
        }
        let offices = Set(entries.compactMap { context.enumerator($0.enumeratorID)?.postOffice.rawValue }).sorted()
        let recipients = ([text.recipientsAsAbove] + offices.map { "- \($0);" } + [text.recipientsArchive])
            .map { "<p>\(HTMLPage.escape($0))</p>" }.joined()
        body += "<table class=\"letterhead signature keep\"><tr><td><p class=\"recipients\">"
            + HTMLPage.escape(text.recipientsLabel) + "</p>\(recipients)</td><td>"
            + (settings.issuer.map { "<p class=\"issuer\">\(HTMLPage.escape($0.uppercased()))</p>" } ?? "")
            + "<p class=\"dateline\">\(HTMLPage.escape(text.signatureNote))</p></td></tr></table>\n"
        return HTMLPage.document(language: text.language, title: "\(text.noticeTitle) — \(placeName)", body: body,
                                 extraStyle: stylesheet)
    }

    static let stylesheet = """
        table.letterhead { border: none; margin: 0 0 8pt 0; }
        table.letterhead td { border: none; width: 50%; text-align: center; padding: 0 2pt; vertical-align: top; }
        table.letterhead p { margin: 0 0 1pt 0; }
        .issuer, .nation { font-weight: bold; }
        .motto { font-weight: bold; text-decoration: underline; }
        .dateline { font-style: italic; margin-top: 4pt !important; }
        h1 { text-align: center; margin-top: 6pt; }
        .subject { text-align: center; font-weight: bold; }
        .addressee { text-align: center; margin: 6pt 0; }
        table.units, table.reserves { font-size: 9pt; }
        .reserve-title { margin: 6pt 0 1pt 0; font-size: 10pt; font-weight: bold; }
        .reserve-note { font-size: 9pt; font-weight: normal; font-style: italic; }
        table.units th, table.units td, table.reserves th, table.reserves td { padding: 1.5pt 3pt; }
        table.signature { margin-top: 14pt; }
        table.signature td:first-child { text-align: left; font-size: 9pt; }
        table.signature td:last-child { padding-bottom: 48pt; }
        .recipients { font-weight: bold; font-style: italic; }
        .replaces { border: 1pt solid #333; padding: 3pt 5pt; font-weight: bold; }
        .mark { font-weight: bold; }
        @media screen and (max-width: 640px) { table.letterhead td { display: block; width: auto; \
        margin-bottom: 6pt; } }
        """

    /// The reserves of one notice, one titled table per list: a commune's reserve households first, then each
    /// stratum's reserves (enterprises). A refusal is replaced from its own list only, and a
    /// stratum's ranks run over the whole stratum, so a commune's part of it can start at 3: the note says where
    /// the other ranks are, instead of leaving an official to wonder about a list that seems to skip.
    static func reserveLists(_ reserves: [SampledUnit], _ context: FieldworkContext) -> [String] {
        let text = context.text
        var scopes: [FieldworkContext.ReserveGroup.Scope] = []
        var unitsByScope: [FieldworkContext.ReserveGroup.Scope: [SampledUnit]] = [:]
        for unit in reserves {
            let scope = FieldworkContext.reserveScope(of: unit)
            if unitsByScope[scope] == nil { scopes.append(scope) }
            unitsByScope[scope, default: []].append(unit)
        }
        let ordered = scopes.enumerated().sorted { lhs, rhs in
            let left = lhs.element.isCommune ? 0 : 1, right = rhs.element.isCommune ? 0 : 1
            return left != right ? left < right : lhs.offset < rhs.offset
        }.map(\.element)
        return ordered.map { scope -> String in
            let units = unitsByScope[scope, default: []].sorted { lhs, rhs in
                (lhs.reserveRank ?? 0, lhs.unitID) < (rhs.reserveRank ?? 0, rhs.unitID)
            }
            let title: String
            switch scope {
            case .commune(let code): title = text.communeReserves(context.communeName(code))
            case .stratum(let stratum):
                title = text.stratumReserves(stratum.rawValue, context.stratumNames.name(of: stratum, given: ""))
            }
            let ranks = units.compactMap(\.reserveRank)
            let skips = ranks != Array(1...max(1, ranks.count)) || ranks.count != units.count
            let note = skips ? " <span class=\"reserve-note\">\(HTMLPage.escape(text.noticeReservesElsewhere))</span>" : ""
            return "<p class=\"reserve-title\">\(HTMLPage.escape(title))\(note)</p>\n" + reserveTable(units, context)
        }
    }

    /// One reserve list in rank order: rank, unit, label, and the address when one of them has one. No commune
    /// column: a notice lists only its own commune's (or zone's) reserves.
    static func reserveTable(_ units: [SampledUnit], _ context: FieldworkContext) -> String {
        let text = context.text
        let addresses = units.map { context.address(of: $0) }
        let hasAddress = addresses.contains { !$0.isEmpty }
        var header = [text.rankLabel, text.unitLabel, text.labelLabel]
        if hasAddress { header.append(text.addressLabel) }
        let rows = zip(units, addresses).map { unit, address -> [String] in
            let row = [unit.reserveRank.map(String.init) ?? "", unit.unitID, context.labels.label(of: unit)]
            return hasAddress ? row + [address] : row
        }
        return HTMLPage.table(header: header, rows: rows, numericColumns: [0], className: "reserves",
                              nowrapColumns: [1], stacked: true)
    }
}
