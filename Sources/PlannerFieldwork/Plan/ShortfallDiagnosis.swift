import PlannerCore

/// Why a plan is incomplete and what would complete it, computed from the units left unserved.
///
/// Figures are per district and skill, then for the whole plan. An enumerator-day is one eligible enumerator
/// working one more day; "eligible" means having the skill and a base near enough that at least one visit fits
/// in a day-trip to a site with unserved units.
public struct ShortfallDiagnosis: Hashable, Sendable, Codable {
    /// Ways to close a shortfall, each enough on its own.
    public struct Remedies: Hashable, Sendable, Codable {
        /// Buffer days to give up, from the first; nil when giving up all of them is not enough.
        public var bufferDaysNeeded: Int?
        /// Enumerator-days that all buffer days would give the eligible enumerators.
        public var enumeratorDaysFromAllBufferDays: Int
        /// Saturdays (before the buffer) to work, from the first; nil when working all of them is not enough.
        public var saturdaysNeeded: Int?
        /// Enumerator-days that all those Saturdays would give the eligible enumerators.
        public var enumeratorDaysFromAllSaturdays: Int
        /// Enumerator-days of extra work needed (by Saturdays, overtime days or otherwise).
        public var additionalEnumeratorDays: Int
        /// Enumerators to add, each working every plannable day: ⌈enumerator-days ÷ plannable days⌉ (for the
        /// total, new enumerators are assumed to have the skills and bases where the days are lacking).
        public var additionalEnumerators: Int
        /// Units to drop from the take instead.
        public var takeReduction: Int

        public init(bufferDaysNeeded: Int?, enumeratorDaysFromAllBufferDays: Int, saturdaysNeeded: Int?,
                    enumeratorDaysFromAllSaturdays: Int, additionalEnumeratorDays: Int, additionalEnumerators: Int,
                    takeReduction: Int) {
            self.bufferDaysNeeded = bufferDaysNeeded
            self.enumeratorDaysFromAllBufferDays = enumeratorDaysFromAllBufferDays
            self.saturdaysNeeded = saturdaysNeeded
            self.enumeratorDaysFromAllSaturdays = enumeratorDaysFromAllSaturdays
            self.additionalEnumeratorDays = additionalEnumeratorDays
            self.additionalEnumerators = additionalEnumerators
            self.takeReduction = takeReduction
        }
    }

    /// The shortfall of one district for one skill.
    public struct Gap: Hashable, Sendable, Codable {
        public var districtCode: DistrictCode
        public var skill: Skill
        public var unservedUnits: Int
        /// Day-trips still needed, at the best visits per trip any eligible enumerator achieves.
        public var lackingEnumeratorDays: Int
        /// Interview, move and round-trip minutes of those day-trips.
        public var lackingEnumeratorMinutes: Int
        /// Sorted.
        public var eligibleEnumerators: [EnumeratorID]
        public var remedies: Remedies

        public init(districtCode: DistrictCode, skill: Skill, unservedUnits: Int, lackingEnumeratorDays: Int,
                    lackingEnumeratorMinutes: Int, eligibleEnumerators: [EnumeratorID], remedies: Remedies) {
            self.districtCode = districtCode
            self.skill = skill
            self.unservedUnits = unservedUnits
            self.lackingEnumeratorDays = lackingEnumeratorDays
            self.lackingEnumeratorMinutes = lackingEnumeratorMinutes
            self.eligibleEnumerators = eligibleEnumerators
            self.remedies = remedies
        }
    }

    /// Sorted by district, then skill.
    public var gaps: [Gap]
    public var unservedUnits: Int
    public var lackingEnumeratorDays: Int
    public var lackingEnumeratorMinutes: Int
    /// For the whole plan; eligible enumerators shared by several gaps count once per day.
    public var remedies: Remedies

    public init(gaps: [Gap], unservedUnits: Int, lackingEnumeratorDays: Int, lackingEnumeratorMinutes: Int,
                remedies: Remedies) {
        self.gaps = gaps
        self.unservedUnits = unservedUnits
        self.lackingEnumeratorDays = lackingEnumeratorDays
        self.lackingEnumeratorMinutes = lackingEnumeratorMinutes
        self.remedies = remedies
    }

    /// One line per gap and one for the total, built from the figures above.
    public var summaryLines: [String] {
        gaps.map { gap in
            "district \(gap.districtCode), \(gap.skill.rawValue) visits: \(Self.count(gap.unservedUnits, "unit")) unserved, "
                + "lacking \(Self.count(gap.lackingEnumeratorDays, "enumerator-day")) (\(gap.lackingEnumeratorMinutes) min) "
                + "with \(Self.count(gap.eligibleEnumerators.count, "eligible enumerator")); " + Self.describe(gap.remedies)
        } + ["total: \(Self.count(unservedUnits, "unit")) unserved, lacking "
             + "\(Self.count(lackingEnumeratorDays, "enumerator-day")) (\(lackingEnumeratorMinutes) min); "
             + Self.describe(remedies)]
    }

    /// "1 unit", "2 units".
    private static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }

    private static func describe(_ remedies: Remedies) -> String {
        var options: [String] = []
        if let days = remedies.bufferDaysNeeded {
            options.append("use buffer days: +\(days) day(s)")
        } else if remedies.enumeratorDaysFromAllBufferDays == 0 {
            options.append("no enumerator-day is left in buffer days")
        } else {
            options.append("all buffer days give only \(count(remedies.enumeratorDaysFromAllBufferDays, "enumerator-day"))")
        }
        if let saturdays = remedies.saturdaysNeeded {
            options.append("work Saturdays: +\(count(remedies.additionalEnumeratorDays, "enumerator-day")) on "
                           + count(saturdays, "Saturday"))
        } else {
            options.append("all Saturdays give only \(count(remedies.enumeratorDaysFromAllSaturdays, "enumerator-day"))")
        }
        options.append("more enumerators: ~\(remedies.additionalEnumerators)")
        options.append("a smaller take: \(count(remedies.takeReduction, "unit")) fewer")
        return "to close it: " + options.joined(separator: "; or ")
    }
}
