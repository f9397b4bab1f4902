import PlannerCore

/// Computes a `ShortfallDiagnosis` from the units a plan leaves unserved.
struct ShortfallAnalyzer {
    let instance: AssignmentInstance
    let dataset: Dataset

    /// - Parameter unservedPerDemand: units left unserved, one count per `instance.demands`.
    func diagnose(unservedPerDemand: [Int]) -> ShortfallDiagnosis? {
        struct GapKey: Hashable, Comparable {
            var district: DistrictCode
            var skill: Skill
            static func < (lhs: GapKey, rhs: GapKey) -> Bool { (lhs.district, lhs.skill) < (rhs.district, rhs.skill) }
        }
        var demandsByGap: [GapKey: [Int]] = [:]
        for (index, unserved) in unservedPerDemand.enumerated() where unserved > 0 {
            let demand = instance.demands[index]
            let key = GapKey(district: instance.site(of: demand).districtCode, skill: demand.kind.requiredSkill)
            demandsByGap[key, default: []].append(index)
        }
        guard !demandsByGap.isEmpty else { return nil }

        var gaps: [ShortfallDiagnosis.Gap] = []
        var allEligible = Set<Int>()
        for key in demandsByGap.keys.sorted() {
            let demands = demandsByGap[key]!
            var units = 0, days = 0, minutes = 0.0
            var eligible = Set<Int>()
            for demand in demands {
                let need = lackingTrips(demand: demand, unserved: unservedPerDemand[demand])
                units += unservedPerDemand[demand]
                days += need.days
                minutes += need.minutes
                for option in instance.optionsOfDemand[demand] { eligible.insert(instance.options[option].workerIndex) }
            }
            allEligible.formUnion(eligible)
            gaps.append(ShortfallDiagnosis.Gap(
                districtCode: key.district, skill: key.skill, unservedUnits: units, lackingEnumeratorDays: days,
                lackingEnumeratorMinutes: Int(minutes.rounded(.up)),
                eligibleEnumerators: eligible.map { instance.workers[$0].enumerator.id }.sorted(),
                remedies: remedies(lackingDays: days, units: units, eligible: eligible,
                                   additionalEnumerators: enumeratorsFor(days: days))))
        }
        let totalDays = gaps.reduce(0) { $0 + $1.lackingEnumeratorDays }
        let totalUnits = gaps.reduce(0) { $0 + $1.unservedUnits }
        return ShortfallDiagnosis(
            gaps: gaps, unservedUnits: totalUnits, lackingEnumeratorDays: totalDays,
            lackingEnumeratorMinutes: gaps.reduce(0) { $0 + $1.lackingEnumeratorMinutes },
            remedies: remedies(lackingDays: totalDays, units: totalUnits, eligible: allEligible,
                               additionalEnumerators: enumeratorsFor(days: totalDays)))
    }

    /// Day-trips and their minutes to serve `unserved` units of a demand, with the option that fits the most
    /// visits in a trip (ties: the shorter round trip); with no option, an enumerator based at the site with a
    /// typical day of the staff who have the skill.
    private func lackingTrips(demand index: Int, unserved: Int) -> (days: Int, minutes: Double) {
        let demand = instance.demands[index]
        let best = instance.optionsOfDemand[index].map { instance.options[$0] }.min { lhs, rhs in
            lhs.visitsPerTrip != rhs.visitsPerTrip ? lhs.visitsPerTrip > rhs.visitsPerTrip
                                                   : lhs.roundTripMinutes < rhs.roundTripMinutes
        }
        let perTrip: Int
        let roundTrip: Double
        if let best {
            perTrip = best.visitsPerTrip
            roundTrip = best.roundTripMinutes
        } else {
            perTrip = max(1, instance.visitsThatFit(dailyMinutes: typicalDailyMinutes(for: demand.kind.requiredSkill),
                                                     travelMinutes: 0, kind: demand.kind))
            roundTrip = 0
        }
        let days = (unserved + perTrip - 1) / perTrip
        let minutes = Double(unserved * instance.interviewMinutes(demand.kind))
            + Double((unserved - days) * instance.parameters.withinCommuneMoveMinutes)
            + Double(days) * roundTrip
        return (days, minutes)
    }

    /// The median daily minutes of the enumerators with the skill (of all, if none has it; 480 with no staff).
    private func typicalDailyMinutes(for skill: Skill) -> Int {
        let skilled = instance.workers.map(\.enumerator).filter { $0.skills.contains(skill) }
        let pool = (skilled.isEmpty ? instance.workers.map(\.enumerator) : skilled).map(\.dailyMinutes).sorted()
        return pool.isEmpty ? 480 : pool[pool.count / 2]
    }

    private func enumeratorsFor(days: Int) -> Int {
        let perEnumerator = max(1, instance.plannableDays.count)
        return (days + perEnumerator - 1) / perEnumerator
    }

    private func remedies(lackingDays: Int, units: Int, eligible: Set<Int>,
                          additionalEnumerators: Int) -> ShortfallDiagnosis.Remedies {
        let buffer = extraDays(on: instance.bufferDays, eligible: eligible, needed: lackingDays)
        let saturdays = extraDays(on: workableSaturdays(), eligible: eligible, needed: lackingDays)
        return ShortfallDiagnosis.Remedies(
            bufferDaysNeeded: buffer.daysNeeded, enumeratorDaysFromAllBufferDays: buffer.total,
            saturdaysNeeded: saturdays.daysNeeded, enumeratorDaysFromAllSaturdays: saturdays.total,
            additionalEnumeratorDays: lackingDays, additionalEnumerators: additionalEnumerators,
            takeReduction: units)
    }

    /// How many of `days`, from the first, give `needed` enumerator-days to the eligible enumerators available
    /// on them, and how many all of them give.
    private func extraDays(on days: [CalendarDate], eligible: Set<Int>, needed: Int) -> (daysNeeded: Int?, total: Int) {
        var total = 0
        var daysNeeded: Int?
        for (offset, day) in days.enumerated() {
            total += eligible.filter { isAvailable(instance.workers[$0].enumerator.id, on: day) }.count
            if daysNeeded == nil, total >= needed { daysNeeded = offset + 1 }
        }
        return (needed == 0 ? 0 : daysNeeded, total)
    }

    private func isAvailable(_ enumerator: EnumeratorID, on day: CalendarDate) -> Bool {
        !dataset.unavailability.contains { $0.enumeratorID == enumerator && $0.covers(day) }
    }

    /// Saturdays of the window that are not yet working days, not holidays, and fall before the buffer days.
    private func workableSaturdays() -> [CalendarDate] {
        let calendar = dataset.settings.calendar
        let limit = instance.bufferDays.first
        return calendar.allDays.filter { day in
            day.weekday == .saturday && !calendar.workingWeekdays.contains(.saturday)
                && !calendar.holidays.contains(day) && limit.map { day < $0 } ?? true
        }
    }
}
