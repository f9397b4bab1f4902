import Foundation
import PlannerCore
import PlannerSampling
import Testing
@testable import PlannerReports

/// Vietnamese documents are Vietnamese throughout: no English word from the inputs' defaults, the sampler's
/// stratum labels or the solver's status names reaches a page that a post office or a commune reads.
@Suite struct VietnameseDocumentsTests {
    typealias Case = FieldworkFolderTests.Case

    /// The fixture with an English `name` and a Vietnamese `name_vi`, as the default dataset has them.
    static var bilingual: Case {
        var item = FieldworkFolderTests.complete
        item.dataset.settings.name = "Sóc Trăng 2023: satisfaction with administrative services"
        item.dataset.settings.namesByLanguage = ["vi": "điều tra xã hội học đo lường sự hài lòng năm 2023"]
        return item
    }

    @Test func theCheckFindsEnglishWordsAndSkipsIdentifiersAndVietnamese() {
        #expect(EnglishWords.found(inHTML: "<p>Trạng thái: optimal</p>") == ["optimal"])
        #expect(EnglishWords.found(inHTML: "<p title=\"households\">Households, Thành phố (941)</p>") == ["households"])
        #expect(EnglishWords.found(inHTML: "<p>Tầng EN-G1, design-report.md, to in an no</p>").isEmpty)
        #expect(EnglishWords.found(inHTML: "<style>.route { }</style><p>Phường 5</p>").isEmpty)
    }

    @Test func everyVietnameseFileOfAPlanIsFreeOfEnglishWords() throws {
        let item = Self.bilingual
        for file in FieldworkFolder.files(plan: item.plan, sample: item.sample, dataset: item.dataset,
                                          language: .vietnamese) {
            let text = String(decoding: file.data, as: UTF8.self)
            if file.path.hasSuffix(".html") {
                #expect(EnglishWords.found(inHTML: text).isEmpty, "\(file.path): \(EnglishWords.found(inHTML: text))")
            } else if file.path.hasSuffix(".md") {
                #expect(EnglishWords.found(inText: text).isEmpty, "\(file.path): \(EnglishWords.found(inText: text))")
            }
        }
    }

    @Test func theSummaryPageIsFreeOfEnglishWords() {
        let html = SummaryPage.html(SummaryPageTests.input(Self.bilingual, language: .vietnamese))
        #expect(EnglishWords.found(inHTML: html).isEmpty, "\(EnglishWords.found(inHTML: html))")
        #expect(html.contains("Điều tra xã hội học đo lường sự hài lòng năm 2023"))
        #expect(html.contains("Hộ gia đình, Thành phố Sóc Trăng (941)"))
        #expect(html.contains("Doanh nghiệp trong Khu công nghiệp An Nghiệp (IZ01)"))
        #expect(html.contains("tối ưu"))
    }

    @Test func englishDocumentsKeepTheEnglishName() throws {
        let item = Self.bilingual
        let html = SummaryPage.html(SummaryPageTests.input(item, language: .english))
        #expect(html.contains("Sóc Trăng 2023: satisfaction with administrative services"))
        #expect(!html.contains("điều tra xã hội học"))
    }

    @Test func strataNamesFollowTheirIDs() {
        let names = StratumNames(dataset: FieldworkFixture.dataset(), language: .vietnamese)
        #expect(names.name(of: "HH-941-U", given: "x") == "Hộ gia đình, Thành phố Sóc Trăng (941), thành thị")
        #expect(names.name(of: "EN-941", given: "x") == "Doanh nghiệp ngoài khu công nghiệp, Thành phố Sóc Trăng (941)")
        #expect(names.name(of: "EN-G7", given: "kept") == "kept", "no such group: the given label stays")
        #expect(names.name(of: "odd", given: "kept") == "kept")
        let english = StratumNames(dataset: FieldworkFixture.dataset(), language: .english)
        #expect(english.name(of: "HH-941", given: "Households, X (941)") == "Households, X (941)")
    }
}
