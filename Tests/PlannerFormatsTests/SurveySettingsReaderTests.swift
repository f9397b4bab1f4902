import Foundation
import PlannerCore
import PlannerFormats
import PlannerTestSupport
import Testing

@Suite("survey.toml")
struct SurveySettingsReaderTests {
    private let window = "[survey]\nfirst_day = 2023-10-03\nlast_day = 2023-10-18\n"

    private func read(_ text: String) throws(InvalidInput) -> SurveySettings { try SurveyTOML.read(text) }

    private func problems(_ text: String) -> [String] { SurveyTOML.problems(text) }

    @Test func onlyTheWindowIsRequired() throws {
        let settings = try read(window)
        #expect(settings.name == "survey")
        #expect(settings.seed == 1)
        #expect(settings.calendar.workingDays.count == 12)
        #expect(settings.calendar.workingWeekdays == [.monday, .tuesday, .wednesday, .thursday, .friday])
        #expect(settings.households == .householdDefault)
        #expect(settings.enterprises == .enterpriseDefault)
        #expect(settings.fieldwork == FieldworkParameters())
        #expect(settings.boundingBox == nil)
        #expect(settings.contact == nil)
    }

    @Test func contactIsReadVerbatimAndMustNotBeBlank() throws {
        let settings = try read(window + "contact = \"Thanh tra Sở Nội vụ, ĐT 02993.624779\"\n")
        #expect(settings.contact == "Thanh tra Sở Nội vụ, ĐT 02993.624779")
        #expect(problems(window + "contact = \"  \"\n") == [
            "survey.toml:4:11: survey.contact: expected a non-empty contact line (office and telephone), "
                + "found an empty string",
        ])
    }

    @Test func aNamePerLanguageFallsBackToTheName() throws {
        let settings = try read(window + "name = \"Satisfaction survey\"\nname_vi = \"điều tra sự hài lòng\"\n")
        #expect(settings.name(inLanguage: "vi") == "điều tra sự hài lòng")
        #expect(settings.name(inLanguage: "en") == "Satisfaction survey")
        #expect(problems(window + "name_vi = \"\"\n") == [
            "survey.toml:4:11: survey.name_vi: expected a non-empty survey name, found an empty string",
        ])
        #expect(problems(window + "name_fr = \"enquête\"\n").count == 1, "unknown key")
    }

    @Test func theIssuerOfNoticesIsOptionalAndNeverBlank() throws {
        let settings = try read(window + "issuer = \"Sở Nội vụ tỉnh Sóc Trăng\"\nissuer_place = \"Sóc Trăng\"\n")
        #expect(settings.issuer == "Sở Nội vụ tỉnh Sóc Trăng")
        #expect(settings.issuerPlace == "Sóc Trăng")
        #expect(settings.issuerParent == nil)
        #expect(problems(window + "issuer_parent = \" \"\n") == [
            "survey.toml:4:17: survey.issuer_parent: expected a non-empty body above the issuer (Ủy ban nhân dân "
                + "tỉnh …), found an empty string",
        ])
    }

    @Test func datesMayBeStringsAndHolidaysRemoveWorkingDays() throws {
        let settings = try read("""
            [survey]
            first_day = "2023-10-03"
            last_day = "2023-10-18"
            working_weekdays = ["mon", "tue", "wed", "thu", "fri", "sat"]
            holidays = [2023-10-05, "2023-10-06"]
            """)
        #expect(settings.calendar.workingDays.count == 12)
        #expect(!settings.calendar.workingDays.contains(CalendarDate(year: 2023, month: 10, day: 5)!))
        #expect(settings.calendar.workingDays.contains(CalendarDate(year: 2023, month: 10, day: 7)!))
    }

    @Test func everyKeyMapsOntoTheSettings() throws {
        let settings = try read(window + """
            name = "Sóc Trăng 2023"
            seed = 42
            [sample.households]
            stratification = "district_urban_rural"
            selection = "systematic"
            allocation = "power"
            size_rule = "total"
            power_exponent = 0.3
            minimum_per_stratum = 4
            maximum_per_stratum = 400
            take_per_commune = 12
            reserve_per_stratum = 1
            stratum_proportions = { "941" = 0.4 }
            [sample.households.precision]
            proportion = 0.3
            margin = 0.2
            margin_kind = "relative"
            confidence = 0.9
            design_effect = 2
            response_rate = 0.85
            eligibility_rate = 0.95
            [sample.enterprises]
            selection = "pps_systematic"
            allocation = "neyman"
            certainty_employees = 500
            [fieldwork]
            buffer_days = 0
            household_interview_minutes = 25
            enterprise_interview_minutes = 50
            within_commune_move_minutes = 5
            max_communes_per_day = 3
            circuity_factor = 1.3
            speed_kmh = 25.5
            workload_balance_weight = 0.5
            max_attempts = 2
            solver_time_limit_seconds = 30
            solver_relative_gap = 0.01
            """)
        #expect(settings.name == "Sóc Trăng 2023")
        #expect(settings.seed == 42)
        let households = settings.households
        #expect(households.stratification == .districtUrbanRural)
        #expect(households.selection == .systematic)
        #expect(households.allocation == .power)
        #expect(households.powerExponent == 0.3)
        #expect(households.minimumPerStratum == 4)
        #expect(households.maximumPerStratum == 400)
        #expect(households.takePerCluster == 12)
        #expect(households.reservePerStratum == 1)
        #expect(households.stratumProportions == ["941": 0.4])
        #expect(households.size == .totalForPrecision(PrecisionTarget(
            proportion: 0.3, margin: 0.2, marginKind: .relative, confidence: 0.9, designEffect: .given(2),
            responseRate: 0.85, eligibilityRate: 0.95)))
        #expect(settings.enterprises.selection == .ppsSystematic)
        #expect(settings.enterprises.allocation == .neyman)
        #expect(settings.enterprises.certaintyEmployees == 500)
        #expect(settings.enterprises.stratification == .districtGroups)
        #expect(settings.fieldwork == FieldworkParameters(
            bufferDays: 0, householdInterviewMinutes: 25, enterpriseInterviewMinutes: 50, withinCommuneMoveMinutes: 5,
            maxCommunesPerDay: 3, circuityFactor: 1.3, speedKmPerHour: 25.5, workloadBalanceWeight: 0.5,
            maxAttempts: 2, solverTimeLimitSeconds: 30, solverRelativeGap: 0.01))
    }

    @Test func everyProblemInTheFileIsReported() {
        #expect(problems("""
            [survey]
            first_day = 2023-10-03
            last_day = 2023-10-18
            working_weekdays = ["mon", "monday", "mon"]
            seed = -1
            bounding_box = { lat_min = 10.0, lat_max = 9.1, lon_min = 105.4, lon_max = 186.4 }
            [sample.households]
            stratification = "district_groups"
            selection = "pps_systematic"
            minimum_per_stratum = 5
            maximum_per_stratum = 3
            [sample.households.precision]
            margin = 0
            confidence = 1
            [sample.enterprises]
            stratum_costs = { "941" = 0 }
            district_groups = [["941"], ["941"], [942]]
            [fieldwork]
            circuity_factor = 0.9
            solver_relative_gap = 1
            max_attempts = 1.5
            """) == [
            "survey.toml:4:28: survey.working_weekdays: expected a weekday (mon, tue, wed, thu, fri, sat, sun), found \"monday\"",
            "survey.toml:4:38: survey.working_weekdays: expected each weekday once, found mon again",
            "survey.toml:5:8: survey.seed: expected a non-negative integer, found -1",
            "survey.toml:6:76: survey.bounding_box.lon_max: expected a longitude in [-180, 180], found 186.4",
            "survey.toml:8:18: sample.households.stratification: expected one of district, district_urban_rural, found \"district_groups\"",
            "survey.toml:9:13: sample.households.selection: expected one of srs, systematic, two_stage, found \"pps_systematic\"",
            "survey.toml:11:23: sample.households.maximum_per_stratum: expected at least minimum_per_stratum (5), found 3",
            "survey.toml:13:10: sample.households.precision.margin: expected a margin in [0.001, 0.5], found 0",
            "survey.toml:14:14: sample.households.precision.confidence: expected a confidence level in [0.5, 0.9999], found 1",
            "survey.toml:16:27: sample.enterprises.stratum_costs.941: expected a relative cost in [0.001, 1000], found 0",
            "survey.toml:17:30: sample.enterprises.district_groups: expected each district in one group, found 941 again (first at 17:21)",
            "survey.toml:17:39: sample.enterprises.district_groups: expected a district code as a string (\"942\"), found 942",
            "survey.toml:19:19: fieldwork.circuity_factor: expected a factor in [1, 5], found 0.9",
            "survey.toml:20:23: fieldwork.solver_relative_gap: expected a gap in [0, 1), found 1",
            "survey.toml:21:16: fieldwork.max_attempts: expected an integer in 1…20, found a float 1.5",
        ])
    }

    @Test func swappedBoundingBoxIsReported() {
        #expect(problems(window + "bounding_box = { lat_min = 10.0, lat_max = 9.1, lon_min = 105.4, lon_max = 106.4 }") == [
            "survey.toml:4:44: survey.bounding_box.lat_max: expected a value above lat_min (10.0), found 9.1",
        ])
    }

    @Test func unknownKeysSuggestTheIntendedOne() {
        #expect(problems(window + "[fieldwork]\nbufer_days = 3\n[sampel]\n") == [
            "survey.toml:5:1: fieldwork.bufer_days: expected one of buffer_days, household_interview_minutes, "
                + "enterprise_interview_minutes, within_commune_move_minutes, max_communes_per_day, circuity_factor, "
                + "speed_kmh, workload_balance_weight, max_attempts, solver_time_limit_seconds, solver_relative_gap, "
                + "day_start, day_end, lunch_earliest_start, lunch_latest_end, lunch_minutes, office_opens, "
                + "office_closes in [fieldwork], found unknown key 'bufer_days' (did you mean 'buffer_days'?)",
            "survey.toml:6:2: sampel: expected one of survey, sample, fieldwork at the top level, found unknown key "
                + "'sampel' (did you mean 'sample'?)",
        ])
    }

    @Test func missingSurveyTableAndWindow() {
        #expect(problems("[fieldwork]\nbuffer_days = 1\n") == [
            "survey.toml:1:1: survey: expected a [survey] table with first_day and last_day, found none",
        ])
        #expect(problems("[survey]\nname = \"x\"\n") == [
            "survey.toml:1:2: survey.first_day: expected a first_day key in [survey] (a date such as 2023-10-03), found none",
            "survey.toml:1:2: survey.last_day: expected a last_day key in [survey] (a date such as 2023-10-03), found none",
        ])
    }

    @Test func windowWithoutWorkingDays() {
        #expect(problems("[survey]\nfirst_day = 2023-10-07\nlast_day = 2023-10-08\n") == [
            "survey.toml:2:13: survey.first_day: expected a window with at least one working day, found none from "
                + "2023-10-07 to 2023-10-08",
        ])
    }

    @Test func sizeOverridesThePrecisionTarget() throws {
        let settings = try read(window + "[sample.enterprises]\nsize = 150\n[sample.enterprises.precision]\nmargin = 0.05\n")
        #expect(settings.enterprises.size == .total(150))
    }

    @Test func designEffectReplacesTheDefaultICC() throws {
        let settings = try read(window + "[sample.households.precision]\ndesign_effect = 1.5\n")
        #expect(settings.households.size == .perStratumForPrecision(
            PrecisionTarget(margin: 0.1, designEffect: .given(1.5), responseRate: 0.9)))
    }

    @Test func syntaxErrorStopsReading() {
        #expect(problems(window + "[fieldwork\nbuffer_days = x") == [
            "survey.toml:4:11: fieldwork: expected ']' closing the table header, found a line end",
        ])
    }
}
