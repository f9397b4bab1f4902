import Foundation
import PlannerCore
import PlannerFieldwork
import PlannerFormats
import PlannerPlanFormat
import PlannerSampling

/// `summary.html`: the whole plan on one self-contained page that opens offline and prints on A4 — the sample
/// design with its allocation chart, a map with the routes, the enumerators' calendar, workloads, the solver's
/// figures, and the seed and inputs that reproduce it.
///
/// Inline CSS, SVG and a few lines of inline script (the map's day picker; the page works without it); no
/// network, no external font. Every text from the inputs is escaped. A pure function of its input: the same
/// plan gives the same bytes (the measured solve time is only in the manifest).
public enum SummaryPage {
    public static let path = "summary.html"

    /// The page's file for a plan folder.
    public static func file(_ input: SummaryInput, extraSections: [SummarySection] = []) -> PlanFolder.File {
        PlanFolder.File(path, Data(html(input, extraSections: extraSections).utf8))
    }

    /// The page; `extraSections` come first after the key figures (see `SummarySection`).
    public static func html(_ input: SummaryInput, extraSections: [SummarySection] = []) -> String {
        let text = SummaryText.of(input.language)
        let fieldworkText = FieldworkText.of(input.language)
        let context = input.plan.map {
            FieldworkContext(plan: $0, sample: input.sample, dataset: input.dataset, language: input.language)
        }
        let palette = PostOfficePalette(input.dataset)

        var sections: [(id: String, title: String, body: String)] = extraSections.map { ($0.id, $0.title, $0.bodyHTML) }
        sections.append(("design", text.designHeading, design(input, text: text, fieldworkText: fieldworkText)))
        sections.append(("map", ProvinceMap.heading(context, text),
                         ProvinceMap.html(dataset: input.dataset, sample: input.sample, context: context,
                                          palette: palette, text: text, fieldworkText: fieldworkText)))
        if let context {
            sections.append(("calendar", text.calendarHeading,
                             HTMLPage.paragraph(text.calendarNote, className: "note")
                                 + CalendarChart.svg(context, palette: palette, text: text)))
            sections.append(("workload", text.workloadHeading,
                             HTMLPage.heading(3, text.perEnumeratorTitle)
                                 + WorkloadChart.perEnumerator(context, text: text)
                                 + HTMLPage.paragraph(text.workloadNote, className: "note")
                                 + HTMLPage.heading(3, text.perPostOfficeTitle)
                                 + WorkloadChart.perPostOffice(context, text: text)))
        }
        if let context, !context.routes.isEmpty {
            sections.append(("documents", text.documentsHeading, documents(context, text: text)))
        }
        if let solver = input.manifest.solver {
            sections.append(("solver", fieldworkText.solverHeading, solverFacts(solver, text: text, fieldworkText: fieldworkText)))
        }
        sections.append(("inputs", text.provenanceHeading,
                         provenance(input.manifest, text: text, language: input.language)))

        let surveyName = input.dataset.settings.name(inLanguage: input.language.rawValue)
        var body = HTMLPage.heading(1, text.pageTitle)
        body += HTMLPage.paragraph(SurveyName.standalone(surveyName))
        if let plan = input.plan, !plan.isComplete {
            body += HTMLPage.paragraph("\(fieldworkText.incompleteHeading): "
                                       + fieldworkText.incompleteWarning(plan.unscheduledUnitIDs.count, plan.totals.units),
                                       className: "warning")
            // Whether the shortfall is proven, before anyone reads it as a call for more staff.
            if let proof = plan.shortfallProof {
                body += HTMLPage.paragraph(fieldworkText.shortfallProofLine(proof), className: "note")
            }
        }
        body += keyFacts(input, text: text, fieldworkText: fieldworkText)
        if input.plan == nil { body += HTMLPage.paragraph(text.sampleOnlyNote, className: "note") }
        body += "<nav class=\"contents no-print\"><h2>\(HTMLPage.escape(text.contentsHeading))</h2>\n<ol>\n"
        for section in sections {
            body += "<li><a href=\"#\(section.id)\">\(HTMLPage.escape(section.title))</a></li>\n"
        }
        body += "</ol></nav>\n"
        for section in sections {
            body += "<section id=\"\(section.id)\">\n" + HTMLPage.heading(2, section.title) + section.body + "</section>\n"
        }
        let hasRoutes = !(context?.routes.isEmpty ?? true)
        return HTMLPage.document(language: input.language,
                                 title: "\(text.pageTitle) — \(SurveyName.standalone(surveyName))", body: body,
                                 extraStyle: stylesheet, script: hasRoutes ? ProvinceMap.script : nil)
    }

    // MARK: Sections

    private static func keyFacts(_ input: SummaryInput, text: SummaryText, fieldworkText: FieldworkText) -> String {
        func units(_ type: UnitType) -> String {
            let ofType = input.sample.filter { $0.unitType == type }
            let main = ofType.filter { $0.role == .main }.count
            return "\(main) (+ \(ofType.count - main) \(text.reserveLabel.lowercased()))"
        }
        let calendar = input.dataset.settings.calendar
        let workingDays = calendar.workingDays.count
        let bufferDays = input.dataset.settings.bufferDays.count
        var facts: [(String, String)] = [
            (text.kindLabel, input.plan == nil ? text.kindSample : text.kindPlan),
            (text.seedLabel, String(input.manifest.seed)),
            (fieldworkText.householdsLabel, units(.household)),
            (fieldworkText.enterprisesLabel, units(.enterprise)),
            (fieldworkText.dateLabel, text.window(fieldworkText.shortDate(calendar.firstDay),
                                                  fieldworkText.shortDate(calendar.lastDay), workingDays, bufferDays)),
        ]
        if let plan = input.plan {
            let totals = plan.totals
            facts += [
                (fieldworkText.unitsScheduledLabel, "\(totals.scheduledUnits) / \(totals.units)"),
                (fieldworkText.enumeratorDaysUsedLabel, String(totals.enumeratorDays)),
                (fieldworkText.enumeratorsUsedLabel, "\(totals.enumeratorsUsed) / \(input.dataset.enumerators.count)"),
                (fieldworkText.realTravelLabel, FieldworkContext.whole(totals.travelMinutes)),
            ]
        }
        return HTMLPage.facts(facts)
    }

    private static func design(_ input: SummaryInput, text: SummaryText, fieldworkText: FieldworkText) -> String {
        let mainByStratum = Dictionary(grouping: input.sample.filter { $0.role == .main }, by: \.stratumID)
        let names = StratumNames(dataset: input.dataset, language: input.language)
        let header = [text.stratumLabel, text.stratumNameLabel,
                      text.frameLabel, text.allocatedLabel, text.mainSampleLabel, text.reserveLabel,
                      text.probabilityLabel, text.marginLabel, text.relativeMarginLabel, text.designEffectLabel]
        var html = ""
        for type in [UnitType.household, .enterprise] {
            let strata = input.design.strata(of: type)
            guard !strata.isEmpty else { continue }
            html += HTMLPage.heading(3, fieldworkText.unitType(type))
            let rows = strata.map { stratum -> [String] in
                let probabilities = (mainByStratum[stratum.id] ?? []).map(\.inclusionProbability)
                let range = probabilities.min().map { low in
                    let high = probabilities.max()!
                    return low == high ? probability(low, input.language)
                                       : "\(probability(low, input.language)) – \(probability(high, input.language))"
                } ?? "–"
                return [stratum.id.rawValue, names.name(of: stratum.id, given: stratum.label), String(stratum.frameSize), String(stratum.allocatedSize),
                        String(stratum.sampleSize), String(stratum.reserveSize), range,
                        percent(stratum.expectedMargin, input.language),
                        percent(stratum.expectedRelativeMargin, input.language),
                        decimal(stratum.designEffect, digits: 2, input.language)]
            }
            let footer = [fieldworkText.totalLabel, "", String(strata.reduce(0) { $0 + $1.frameSize }),
                          String(strata.reduce(0) { $0 + $1.allocatedSize }),
                          String(strata.reduce(0) { $0 + $1.sampleSize }),
                          String(strata.reduce(0) { $0 + $1.reserveSize }), "",
                          input.design.overallMargin(of: type).map { percent($0, input.language) } ?? "", "", ""]
            html += HTMLPage.table(header: header, rows: rows, numericColumns: [2, 3, 4, 5, 6, 7, 8, 9],
                                   footer: [footer], className: "compact", wide: true)
            if let margin = input.design.overallMargin(of: type) {
                html += HTMLPage.paragraph(text.wholeSampleMargin(fieldworkText.unitType(type).lowercased(),
                                                                  percent(margin, input.language)))
            }
        }
        html += HTMLPage.paragraph(text.marginsNote, className: "note")
        html += HTMLPage.heading(3, text.allocationChartTitle)
        html += "<div class=\"keep\">\n" + AllocationChart.svg(input.design, names: names, text: text,
                                                                        fieldworkText: fieldworkText)
            + "</div>\n"
        return html
    }

    /// Per post office: its summary and its printable bundle of each day, linked (relative paths in the folder).
    private static func documents(_ context: FieldworkContext, text: SummaryText) -> String {
        let fieldworkText = context.text
        var rows: [[String]] = []
        let bundles = DailyBundles.bundles(context)
        for office in Set(bundles.map(\.office)).sorted() {
            let summary = "<a href=\"\(context.postOfficePath(office))\">\(HTMLPage.escape(office.rawValue))</a>"
            let days = bundles.filter { $0.office == office }.map { bundle in
                "<a href=\"\(context.bundlePath(office, bundle.date))\">"
                    + HTMLPage.escape(fieldworkText.shortDate(bundle.date)) + "</a>"
                    + (DailyBundles.isUnchanged(bundle, context) ? " " + HTMLPage.escape(text.unchangedBundle) : "")
            }
            rows.append([summary, days.joined(separator: " · ")])
        }
        return HTMLPage.paragraph(text.documentsNote, className: "note")
            + HTMLPage.table(header: [fieldworkText.postOfficeLabel, text.dailyBundlesLabel], rows: rows,
                             htmlColumns: [0, 1], stacked: true)
    }

    private static func solverFacts(_ solver: PlanManifest.Solver, text: SummaryText,
                                    fieldworkText: FieldworkText) -> String {
        HTMLPage.facts([
            (fieldworkText.statusLabel, fieldworkText.solverStatus(solver.status, printedPlanGap: solver.gap)),
            (fieldworkText.chosenObjectiveLabel, solver.objective.map { String(format: "%.1f", $0) } ?? fieldworkText.none),
            (fieldworkText.bestBoundLabel, solver.bestBound.map { String(format: "%.1f", $0) } ?? fieldworkText.none),
            (fieldworkText.gapLabel, solver.gap.map { String(format: "%.3f %%", $0 * 100) } ?? fieldworkText.none),
            (fieldworkText.secondsLabel, fieldworkText.secondsInManifest),
            (fieldworkText.solverVersionLabel, "\(solver.backend) \(solver.backendVersion)"),
            (fieldworkText.planSourceLabel, fieldworkText.planSource(solver.source)),
            (fieldworkText.warmStartLabel,
             solver.warmStartAccepted.map { $0 ? fieldworkText.yes : fieldworkText.no } ?? fieldworkText.none),
            (text.modelSizeLabel, text.modelSize(solver.rows, solver.columns, solver.integerColumns)),
        ])
    }

    private static func provenance(_ manifest: PlanManifest, text: SummaryText, language: Language) -> String {
        var facts: [(String, String)] = [
            (text.toolLabel, "\(manifest.tool.name) \(manifest.tool.version)"),
            (text.datasetLabel, manifest.dataset),
            (text.seedLabel, String(manifest.seed)),
            (text.generatorLabel, "\(manifest.generator.name) "
                + DesignReportText.generatorVersion(manifest.generator.version, language)),
        ]
        if let parent = manifest.parent {
            facts.append((text.parentLabel, "\(parent.path) (manifest SHA-256 \(parent.manifestSHA256))"))
        }
        var html = HTMLPage.facts(facts)
        html += HTMLPage.heading(3, text.inputFilesLabel)
        html += HTMLPage.table(header: [text.inputFilesLabel, "SHA-256"],
                               rows: manifest.inputs.map { [$0.path, $0.sha256] }, className: "compact mono", wide: true)
        html += HTMLPage.paragraph(text.reproduceNote, className: "note")
        return html
    }

    // MARK: Numbers

    /// A percentage with one decimal, with the reader's decimal separator (`9,8 %` or `9.8 %`).
    static func percent(_ value: Double, _ language: Language) -> String {
        decimal(value * 100, digits: 1, language) + " %"
    }

    static func decimal(_ value: Double, digits: Int, _ language: Language) -> String {
        guard value.isFinite else { return "–" }
        let text = String(format: "%.\(digits)f", value)
        return language == .vietnamese ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    /// A probability with three significant digits.
    static func probability(_ value: Double, _ language: Language) -> String {
        let text = String(format: "%.3g", value)
        return language == .vietnamese ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    /// Rules for the charts, the map and the legend, added to the shared stylesheet.
    static let stylesheet = """
        .note { font-size: 8.5pt; color: #333; }
        .warning { border: 1.5pt solid #a00000; color: #a00000; padding: 4pt 6pt; font-weight: bold; }
        h3 { font-size: 10.5pt; margin: 8pt 0 3pt 0; }
        nav.contents h2 { margin-top: 6pt; }
        nav.contents ol { margin: 2pt 0 6pt 0; padding-left: 16pt; columns: 2; }
        table.compact th, table.compact td { padding: 1pt 3pt; font-size: 8pt; }
        table.compact th { vertical-align: bottom; }
        table.mono td { font-family: "DejaVu Sans Mono", "Liberation Mono", Consolas, monospace; font-size: 7.5pt; }
        svg.chart { display: block; width: 100%; height: auto; margin: 4pt 0; }
        svg .lbl { font-size: 9.5px; fill: #222; }
        svg .small { font-size: 8px; fill: #333; }
        svg .strong { font-weight: bold; }
        svg .district { font-size: 9.5px; fill: #555; font-style: italic; paint-order: stroke; stroke: #fff; \
        stroke-width: 2.5px; stroke-linejoin: round; }
        svg .commune { fill: #b5b5b5; }
        svg .sampled { fill: #fff; stroke: #1f1f1f; stroke-width: 1.1; }
        svg .route { fill: none; stroke-width: 1.5; stroke-linejoin: round; stroke-linecap: round; opacity: 0.8; }
        svg .district-area { fill: #eef1ec; stroke: #8a8a8a; stroke-width: 0.7; }
        svg .province-line { fill: none; stroke: #333; stroke-width: 1.6; }
        svg g.dimmed .route { opacity: 0.12; }
        svg g.chosen .route { stroke-width: 3; opacity: 1; }
        svg .ent { fill: #b8432f; }
        svg .zone { stroke: #6a3d9a; stroke-width: 2.2; }
        svg .po { stroke: #fff; stroke-width: 1; }
        .legend { display: flex; flex-wrap: wrap; gap: 2pt 9pt; font-size: 8pt; margin: 2pt 0; }
        .sym, .swatch { display: inline-block; width: 8pt; height: 8pt; margin-right: 3pt; vertical-align: -1pt; \
        box-sizing: border-box; }
        .sym-po { background: #111; }
        .sym-commune { background: #b5b5b5; border-radius: 50%; width: 5pt; height: 5pt; }
        .sym-sampled { border: 1.1pt solid #1f1f1f; border-radius: 50%; background: #fff; }
        .sym-ent { background: #b8432f; transform: rotate(45deg) scale(0.75); }
        .sym-zone { border: 1.8pt solid #6a3d9a; }
        details { margin: 2pt 0; } details > summary { cursor: pointer; } details[open] > summary { font-weight: bold; }
        #day-control select { font: inherit; }
        @media screen and (max-width: 640px) { .chart-box, .wide { overflow-x: auto; } \
        .chart-box svg.chart { min-width: 600px; } nav.contents ol { columns: 1; } \
        table.mono td { word-break: break-all; } }
        @media print { .no-print { display: none !important; } h2, h3 { break-after: avoid; } \
        section#map, section#calendar, section#workload { break-before: page; } \
        svg.chart { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
        """
}
