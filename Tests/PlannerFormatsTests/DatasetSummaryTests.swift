import PlannerCore
import PlannerFormats
import Testing

@Suite("Dataset summary")
struct DatasetSummaryTests {
    @Test func countsOfTheFixture() throws {
        let summary = DatasetSummary(try DatasetReader().read(folder: FixtureDataset.validFolder()))
        #expect(summary.districts.map(\.code) == ["941", "942"])
        #expect(summary.districts.map(\.communes) == [2, 2])
        #expect(summary.districts.map(\.households) == [6212, 6480])
        #expect(summary.districts.map(\.listedHouseholds) == [2, 1])
        #expect(summary.districts.map(\.enterprises) == [2, 2])
        #expect(summary.zones.map(\.enterprises) == [2])
        #expect(summary.enterprisesOutsideZones == 2)
        #expect(summary.postOffices.map(\.postOffice) == ["Bưu điện Châu Thành", "Bưu điện Sóc Trăng"])
        #expect(summary.postOffices.map(\.enumerators) == [1, 2])
        #expect(summary.postOffices.map(\.householdSkilled) == [0, 2])
        #expect(summary.postOffices.map(\.enterpriseSkilled) == [1, 1])
        #expect(summary.workingDays.count == 12)
    }

    @Test func plainTextIsAlignedAndComplete() throws {
        let text = DatasetSummary(try DatasetReader().read(folder: FixtureDataset.validFolder())).plainText
        #expect(text == """
            Dataset "Fixture survey": valid.

            Units per district:
              District  Name                 Communes  Households  Listed  Enterprises
              941       Thành phố Sóc Trăng         2        6212       2            2
              942       Huyện Châu Thành            2        6480       1            2
                        Total                       4       12692       3            4

            Enterprises per industrial zone:
              Zone  Name                       Status     Enterprises
              IZ01  Khu công nghiệp An Nghiệp  operating            2
                    Outside every zone                              2

            Enumerators per post office:
              Post office          Enumerators  Households  Enterprises
              Bưu điện Châu Thành            1           0            1
              Bưu điện Sóc Trăng             2           2            1
              Total                          3           2            2

            Working days (12): 2023-10-03 2023-10-04 2023-10-05 2023-10-06 2023-10-09 2023-10-10 2023-10-11 \
            2023-10-12 2023-10-13 2023-10-16 2023-10-17 2023-10-18
            Unavailability spans: 2; travel-time overrides: 2

            """)
    }
}
