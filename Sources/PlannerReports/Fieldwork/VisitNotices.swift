import Foundation
import PlannerCore
import PlannerFieldwork
import PlannerFormats

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

    static func html(siteID: String, _ entries: [Entry], _ context: FieldworkContext) -> String {
        let text = context.text
        let addressee: String
        let placeName: String
        if let zone = context.zone(ZoneID(siteID)) {
            addressee = text.toZoneBoard(zone.name)
            placeName = zone.name
        } else {
            let commune = context.commune(CommuneCode(siteID))
            placeName = commune?.name ?? siteID
            addressee = text.toCommune(placeName, commune?.districtName ?? "")
        }
        var body = HTMLPage.heading(1, text.noticeTitle)
        body += HTMLPage.paragraph(addressee)
        body += HTMLPage.paragraph(text.noticeBody(context.surveyName))
        let rows = entries.map { entry -> [String] in
            [text.date(entry.date), "\(context.enumeratorName(entry.enumeratorID)) (\(entry.enumeratorID.rawValue))",
             context.enumerator(entry.enumeratorID)?.postOffice.rawValue ?? "", String(entry.households),
             String(entry.enterprises)]
        }
        let footer = [text.totalLabel, "", "", String(entries.reduce(0) { $0 + $1.households }),
                      String(entries.reduce(0) { $0 + $1.enterprises })]
        body += HTMLPage.table(header: [text.dateLabel, text.enumeratorLabel, text.postOfficeLabel,
                                        text.householdsLabel, text.enterprisesLabel],
                               rows: rows, numericColumns: [3, 4], footer: [footer])
        body += HTMLPage.paragraph(text.noticeRequest)
        if let contact = context.dataset.settings.contact {
            body += HTMLPage.paragraph("\(text.contactLabel): \(contact)", className: "contact")
        }
        return HTMLPage.document(language: text.language, title: "\(text.noticeTitle) — \(placeName)", body: body)
    }
}
