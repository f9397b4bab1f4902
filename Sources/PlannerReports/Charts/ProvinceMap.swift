import PlannerCore
import PlannerFieldwork
import PlannerSampling

/// The province drawn from its commune points: post offices, sampled communes and enterprises, and — for a plan —
/// every enumerator-day's route in the enumerator's colour, with a day picker.
///
/// Routes of one day form one `<g class="route-day" data-day="YYYY-MM-DD">`; the picker's few lines of inline
/// script hide the other days' groups. Without script (or on paper) every day shows and the picker stays hidden.
enum ProvinceMap {
    static let width = 720.0

    static func html(dataset: Dataset, sample: [SampledUnit], context: FieldworkContext?, palette: PostOfficePalette,
                     text: SummaryText, fieldworkText: FieldworkText) -> String {
        let locator = VisitLocator(dataset: dataset)
        let main = sample.filter { $0.role == .main }
        let points = dataset.communes.map(\.location) + dataset.enumerators.map(\.location)
            + dataset.zones.map(\.location) + dataset.boundaries.flatMap(\.points)
        let projection = MapProjection(fitting: points, width: width, padding: 18)

        var svg = SVG.open(width: projection.width, height: projection.height + 22, label: heading(context, text),
                           className: "chart map")
        svg += SVG.rect(x: 0.5, y: 0.5, width: projection.width - 1, height: projection.height - 1, fill: "#f7f9fb",
                        stroke: "#999")
        // Outlines from boundaries.csv, when the dataset has it: districts filled and thinly drawn, the province
        // over them in a heavier line.
        let names = Dictionary(dataset.districts.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        for ring in dataset.boundaries {
            guard case .district(let code) = ring.area else { continue }
            svg += SVG.polygon(ring.points.map(projection.project), className: "district-area",
                               title: names[code].map { "\($0) (\(code.rawValue))" } ?? code.rawValue)
        }
        for ring in dataset.boundaries where ring.area == .province {
            svg += SVG.polygon(ring.points.map(projection.project), className: "province-line")
        }

        let sampledHouseholds = Dictionary(grouping: main.filter { $0.unitType == .household }, by: \.communeCode)
        for commune in dataset.communes {
            let at = projection.project(commune.location)
            if let units = sampledHouseholds[commune.code] {
                svg += SVG.circle(x: at.x, y: at.y, radius: 3.6, className: "sampled",
                                  title: "\(commune.name) (\(commune.code.rawValue)): \(units.count) "
                                      + fieldworkText.householdsLabel.lowercased())
            } else {
                svg += SVG.circle(x: at.x, y: at.y, radius: 2, className: "commune",
                                  title: "\(commune.name) (\(commune.code.rawValue))")
            }
        }

        if let context {
            svg += routes(context, locator: locator, projection: projection, palette: palette, text: fieldworkText)
        }

        // District names at the middle of their communes, over the routes (with a white halo), under the markers.
        for district in dataset.districts {
            let members = dataset.communes.filter { $0.districtCode == district.code }
            let latitude = members.reduce(0) { $0 + $1.location.latitude } / Double(members.count)
            let longitude = members.reduce(0) { $0 + $1.location.longitude } / Double(members.count)
            let at = projection.project(GeoPoint(latitude: latitude, longitude: longitude))
            svg += SVG.text(district.name, x: at.x, y: at.y - 7, anchor: "middle", className: "district")
        }

        let labels = UnitLabels(dataset: dataset, language: fieldworkText.language)
        for unit in main where unit.unitType == .enterprise {
            guard let point = locator.enterprise(unit.unitID) else { continue }
            let at = projection.project(point)
            svg += SVG.polygon([(at.x, at.y - 3), (at.x + 3, at.y), (at.x, at.y + 3), (at.x - 3, at.y)],
                               className: "ent", title: "\(unit.unitID) — \(labels.label(of: unit))")
        }
        for zone in dataset.zones where zone.status == .operating {
            let at = projection.project(zone.location)
            svg += SVG.rect(x: at.x - 8, y: at.y - 8, width: 16, height: 16, fill: "none", className: "zone",
                            title: zone.name)
        }
        let offices = Dictionary(grouping: dataset.enumerators, by: \.postOffice)
        for office in offices.keys.sorted() {
            let staff = offices[office]!
            let at = projection.project(staff[0].location)
            svg += SVG.rect(x: at.x - 4, y: at.y - 4, width: 8, height: 8, fill: "#111", className: "po",
                            title: "\(office.rawValue): \(staff.count) \(fieldworkText.enumeratorLabel.lowercased())")
        }

        // A 10 km scale bar under the frame.
        let bar = 10 * projection.unitsPerKilometre
        let y = projection.height + 12
        svg += SVG.rect(x: 4, y: y - 4, width: bar, height: 3, fill: "#333")
        svg += SVG.text("10 km", x: bar + 10, y: y, className: "small")
        svg += SVG.close

        var html = ""
        if let context, !context.routes.isEmpty {
            html += dayPicker(context, text: text, fieldworkText: fieldworkText)
        }
        html += "<div class=\"keep\">\n" + svg + legend(context, palette: palette, text: text) + "</div>\n"
        let note = dataset.boundaries.isEmpty ? text.mapNote : text.mapNote + " " + text.boundariesNote
        html += HTMLPage.paragraph(note, className: "note")
        return html
    }

    /// The section's title: with routes for a plan, without for a sample.
    static func heading(_ context: FieldworkContext?, _ text: SummaryText) -> String {
        context == nil ? text.sampleMapHeading : text.mapHeading
    }

    private static func routes(_ context: FieldworkContext, locator: VisitLocator, projection: MapProjection,
                               palette: PostOfficePalette, text: FieldworkText) -> String {
        var svg = ""
        let days = Array(Set(context.routes.map(\.date))).sorted()
        for day in days {
            svg += "<g class=\"route-day\" data-day=\"\(day.description)\">\n"
            for route in context.routes where route.date == day {
                guard let enumerator = context.enumerator(route.enumeratorID) else { continue }
                let path = locator.path(from: enumerator.location, visits: context.visits(of: route))
                let title = "\(route.enumeratorID.rawValue) — \(enumerator.name), \(enumerator.postOffice.rawValue), "
                    + "\(text.date(day)): " + route.siteIDs.map(context.siteName).joined(separator: ", ")
                svg += "<g data-enumerator=\"\(HTMLPage.escape(route.enumeratorID.rawValue))\">"
                    + SVG.polyline(path.map(projection.project), stroke: palette.colour(of: route.enumeratorID),
                                   className: "route", title: title) + "</g>\n"
            }
            svg += "</g>\n"
        }
        return svg
    }

    /// The day picker; `hidden` until the page's script shows it, since without script it could do nothing.
    private static func dayPicker(_ context: FieldworkContext, text: SummaryText, fieldworkText: FieldworkText) -> String {
        let days = Array(Set(context.routes.map(\.date))).sorted()
        var html = "<p id=\"day-control\" class=\"no-print\" hidden><label for=\"day-picker\">"
            + HTMLPage.escape(text.dayPickerLabel) + "</label> <select id=\"day-picker\">\n"
            + "<option value=\"\">\(HTMLPage.escape(text.allDays))</option>\n"
        for day in days {
            html += "<option value=\"\(day.description)\">\(HTMLPage.escape(fieldworkText.date(day)))</option>\n"
        }
        html += "</select> <label for=\"enumerator-picker\">" + HTMLPage.escape(text.enumeratorPickerLabel)
            + "</label> <select id=\"enumerator-picker\">\n"
            + "<option value=\"\">\(HTMLPage.escape(text.allEnumerators))</option>\n"
        for id in Set(context.routes.map(\.enumeratorID)).sorted() {
            let name = "\(id.rawValue) — \(context.enumeratorName(id))"
            html += "<option value=\"\(HTMLPage.escape(id.rawValue))\">\(HTMLPage.escape(name))</option>\n"
        }
        return html + "</select></p>\n"
    }

    private static func legend(_ context: FieldworkContext?, palette: PostOfficePalette, text: SummaryText) -> String {
        func item(_ symbol: String, _ label: String) -> String {
            "<span><span class=\"sym \(symbol)\"></span>\(HTMLPage.escape(label))</span>"
        }
        var html = "<p class=\"legend\">" + item("sym-po", text.postOfficeLegend) + item("sym-commune", text.communeLegend)
            + item("sym-sampled", text.sampledCommuneLegend) + item("sym-ent", text.enterpriseLegend)
            + item("sym-zone", text.zoneLegend) + "</p>\n"
        guard let context, !context.routes.isEmpty else { return html }
        html += "<p class=\"legend\"><span>\(HTMLPage.escape(text.routeLegend)):</span>"
        for (office, colour) in palette.legend {
            html += "<span><span class=\"swatch\" style=\"background:\(colour)\"></span>"
                + HTMLPage.escape(office.rawValue) + "</span>"
        }
        return html + "</p>\n"
    }

    /// Shows the pickers: a day hides the other days' routes, an enumerator dims everyone else's; plain DOM.
    static let script = """
        (function () {
          var picker = document.getElementById('day-picker');
          var person = document.getElementById('enumerator-picker');
          if (!picker || !person) { return; }
          document.getElementById('day-control').hidden = false;
          picker.addEventListener('change', function () {
            var day = picker.value;
            var groups = document.querySelectorAll('g.route-day');
            for (var i = 0; i < groups.length; i++) {
              groups[i].style.display = (day === '' || groups[i].getAttribute('data-day') === day) ? '' : 'none';
            }
          });
          person.addEventListener('change', function () {
            var id = person.value;
            var routes = document.querySelectorAll('g[data-enumerator]');
            for (var i = 0; i < routes.length; i++) {
              var mine = routes[i].getAttribute('data-enumerator') === id;
              routes[i].setAttribute('class', id === '' ? '' : (mine ? 'chosen' : 'dimmed'));
            }
          });
        })();
        """
}
