import Foundation
import PlannerCore
import PlannerFormats
import PlannerSynthetic
import PlannerTestSupport
import Testing

@Suite("Household listing")
struct HouseholdListingTests {
    @Test func countsAreTheCensusCountsAtScaleOne() throws {
        let dataset = try SyntheticFixture.defaultDataset()
        let counts = HouseholdListing(seed: 1).counts(for: dataset.communes)
        #expect(counts == dataset.communes.map(\.households))
        #expect(counts.reduce(0, +) == 319_732)
    }

    @Test func everyCommuneGetsItsCensusCountOfLines() throws {
        let dataset = SyntheticFixture.smallDataset(from: try SyntheticFixture.defaultDataset())
        let csv = HouseholdListing(seed: 7).csv(for: dataset)
        let counts = try SyntheticFixture.countsByCommune(in: csv)
        #expect(counts == [dataset.communes[0].code.rawValue: 7, dataset.communes[2].code.rawValue: 12])
        let table = try CSVReader().read(csv, file: "households.csv")
        #expect(table.columnNames == HouseholdListing.header)
        let code = dataset.communes[2].code.rawValue
        #expect(table.records.last?.fields.map(\.text).prefix(3) == ["HH\(code)-000012", code, "Hộ số 12, Xã \"Thử\", mới"])
    }

    @Test(arguments: [1_000_000, 12_345, 1])
    func aTotalIsSharedExactlyByLargestRemainder(_ total: Int) throws {
        let dataset = try SyntheticFixture.defaultDataset()
        let counts = HouseholdListing(size: .total(total), seed: 1).counts(for: dataset.communes)
        #expect(counts.reduce(0, +) == total)
        let census = Double(dataset.communes.reduce(0) { $0 + $1.households })
        for (commune, count) in zip(dataset.communes, counts) {
            let share = Double(total) * Double(commune.households) / census
            #expect(abs(Double(count) - share) < 1, "\(commune.code): \(count) for a share of \(share)")
        }
    }

    @Test func theSameSeedGivesTheSameBytesAndAnotherSeedOtherPoints() throws {
        let dataset = try SyntheticFixture.defaultDataset()
        let first = HouseholdListing(size: .scale(0.01), seed: 42).csv(for: dataset)
        let again = HouseholdListing(size: .scale(0.01), seed: 42).csv(for: dataset)
        let other = HouseholdListing(size: .scale(0.01), seed: 43).csv(for: dataset)
        #expect(first == again)
        #expect(first != other)
        let ids = { (csv: Data) throws in try CSVReader().read(csv, file: "h.csv").records.map { $0.fields[0].text } }
        #expect(try ids(first) == ids(other))
    }

    @Test func theListingPassesTheDatasetReaderWithPointsNearTheirCommune() throws {
        let folder = try SyntheticFixture.copyOfDefaultDataset()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let dataset = try DatasetReader().read(folder: folder)
        let listing = HouseholdListing(size: .scale(0.02), seed: dataset.settings.seed)
        try listing.write(for: dataset, to: folder.appendingPathComponent("households.csv"))

        let reread = try DatasetReader().read(folder: folder)
        let households = try #require(reread.households)
        #expect(households.count == listing.counts(for: dataset.communes).reduce(0, +))
        let communes = Dictionary(uniqueKeysWithValues: dataset.communes.map { ($0.code, $0) })
        for household in households {
            let commune = try #require(communes[household.communeCode])
            let point = try #require(household.location)
            // 1.5 km, plus the rounding to six decimals and the flat-Earth offset.
            #expect(point.distanceKilometres(to: commune.location) <= HouseholdListing.defaultRadiusKilometres + 0.01)
        }
    }

    @Test func anExistingFileIsNeverOverwritten() throws {
        let folder = try SyntheticFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let dataset = SyntheticFixture.smallDataset(from: try SyntheticFixture.defaultDataset())
        let file = folder.appendingPathComponent("households.csv")
        try Data("keep me\n".utf8).write(to: file)
        #expect(throws: AtomicFile.WriteError.self) {
            try HouseholdListing(seed: 1).write(for: dataset, to: file)
        }
        #expect(try Data(contentsOf: file) == Data("keep me\n".utf8))
    }
}

@Suite("Reading a generated listing")
struct GeneratedListingReadingTests {
    /// A listing in ID order is read by the fast scanner; the same lines shuffled (IDs out of order) by the
    /// checked reading. Both must give the same households.
    @Test(arguments: [UInt64(3), 11])
    func theFastAndTheCheckedReadingAgree(_ seed: UInt64) throws {
        let folder = try SyntheticFixture.copyOfDefaultDataset()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let dataset = try DatasetReader().read(folder: folder)
        let csv = HouseholdListing(size: .scale(0.01), seed: seed).csv(for: dataset)
        let listingURL = folder.appendingPathComponent("households.csv")
        try csv.write(to: listingURL)
        let inOrder = try #require(try DatasetReader().read(folder: folder).households)

        var lines = String(decoding: csv, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let header = lines.removeFirst()
        var generator = SplitMix64(seed: seed)
        lines = lines.filter { !$0.isEmpty }.shuffled(using: &generator)
        try Data(([header] + lines).joined(separator: "\r\n").utf8).write(to: listingURL)
        let shuffled = try #require(try DatasetReader().read(folder: folder).households)

        #expect(inOrder.count == lines.count)
        #expect(shuffled == inOrder)
    }

    @Test func aBrokenLineIsStillReportedWhereItIs() throws {
        let folder = try SyntheticFixture.copyOfDefaultDataset()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let dataset = try DatasetReader().read(folder: folder)
        var text = String(decoding: HouseholdListing(size: .scale(0.001), seed: 1).csv(for: dataset), as: UTF8.self)
        let range = try #require(text.range(of: "HH31501-000002,31501"))
        text.replaceSubrange(range, with: "HH31501-000002,99999")
        try Data(text.utf8).write(to: folder.appendingPathComponent("households.csv"))
        let line = text[..<range.lowerBound].filter { $0 == "\n" }.count + 1
        #expect {
            try DatasetReader().read(folder: folder)
        } throws: { error in
            let problems = (error as? InvalidInput)?.problems.map(\.description) ?? []
            return problems == ["\(folder.relativePath)/households.csv:\(line):16: commune_code: expected a "
                                + "commune_code listed in communes.csv, found \"99999\""]
        }
    }
}
