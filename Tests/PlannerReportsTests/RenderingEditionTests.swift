import Foundation
import PlannerCore
import PlannerFormats
import Testing
@testable import PlannerReports

/// `PlannerVersion.renderingEdition` is what lets `planner verify` say that a derived file differing from this
/// build's rendering was edited (the same edition renders the same bytes) rather than written by another build.
/// That holds only if every change to what a renderer writes raises the edition, so the edition is tied here to
/// a digest of the documents rendered from the fixture plans: a change to a renderer fails this test until the
/// edition is raised and its digest added below.
@Suite struct RenderingEditionTests {
    /// The digest of `renderedDocuments()` for each edition since editions were recorded.
    static let digests: [Int: String] = [
        1: "b151ed01ce7c50da436096c2103e68241bbd8f9d51acf766b7ebf580387fd723",
        // Post-office workbooks (`post-offices/<office>.xlsx`), linked from the office page.
        2: "e2c633141b0af61fc45e8944a94f61c7ea733714c1c054e2b809431f8ecc0d8f",
        // The plan's source "lp_dive" in English: "an LP relaxation rounded step by step" (pooled plans' dive too).
        3: "b5090ba5b9de3c7214fa75863f9cb31ed5a02e584617e0d39a414578723f1b64",
        // A printed plan's gap beside GLPK's "optimal" or "gap limit reached" is said to be to a bound over every
        // plan (every day pattern, or the working days' capacity), and the fixture has such a plan.
        4: "5e31b32de76e95a40ffea3d89dfa2379376db0c3ec72662ce767acec1ab8e5a3",
    ]

    /// Every file of the fixture plans' folders — complete, incomplete, a commune shared by two enumerators on one
    /// day, and a large plan's solver figures (a gap to the day-capacity bound) — in both languages, with and without a sheet edition, and their summary pages: route sheets,
    /// bundles, notices, post-office summaries, the CSVs, the exports, the GeoJSON and the fieldwork report.
    static func renderedDocuments() -> [(path: String, data: Data)] {
        var documents: [(path: String, data: Data)] = []
        let cases: [(String, FieldworkFolderTests.Case)] = [
            ("complete", FieldworkFolderTests.complete), ("incomplete", FieldworkFolderTests.incomplete),
            ("shared", FieldworkFolderTests.sharedCommune), ("bounded", FieldworkFolderTests.boundedByCapacity),
        ]
        for (name, item) in cases {
            for language in Language.allCases {
                let prefix = "\(name)/\(language.rawValue)/"
                let editions: [(String, SheetEdition?)] = [
                    ("", nil), ("v2/", SheetEdition(planName: "fixture-seed-1", version: 2, asOf: nil)),
                ]
                for (folder, edition) in editions {
                    for (path, data) in item.files(language, edition: edition) {
                        documents.append((prefix + folder + path, data))
                    }
                }
                documents.append((prefix + SummaryPage.path,
                                  Data(SummaryPage.html(SummaryPageTests.input(item, language: language)).utf8)))
            }
        }
        return documents.sorted { $0.path < $1.path }
    }

    static func digest(_ documents: [(path: String, data: Data)]) -> String {
        var bytes = Data()
        for document in documents {
            bytes.append(Data("\(document.path)\n\(document.data.count)\n".utf8))
            bytes.append(document.data)
        }
        return SHA256.hexDigest(bytes)
    }

    @Test func theRenderingEditionNamesWhatTheRenderersWrite() {
        let documents = Self.renderedDocuments()
        #expect(documents.count > 100, "the fixture renders \(documents.count) documents")
        let digest = Self.digest(documents)
        let recorded = Self.digests[PlannerVersion.renderingEdition]
        #expect(recorded == digest, """
            The documents rendered from the fixture plans have digest \(digest), but rendering edition \
            \(PlannerVersion.renderingEdition) records \(recorded ?? "none"). If a renderer changed on purpose, raise \
            PlannerVersion.renderingEdition and add its digest to RenderingEditionTests.digests (keep the earlier \
            editions' digests), so that `planner verify` does not take an older plan's documents for edited ones.
            """)
        #expect(Set(Self.digests.values).count == Self.digests.count, "two editions with one digest")
    }
}
