import PlannerCore

extension AssignmentInstance {
    /// Enumerators whose days are interchangeable, by enumerator ID, each group in the order of its first
    /// member's ID; only enumerators with at least one trip option.
    ///
    /// Two enumerators with the same base, skills, daily minutes and usable days can make exactly the same days
    /// at the same road minutes on the same dates, and have the same fair share. The pooled model merges them into
    /// one column per group (`PooledAssignmentModel`), and a first plan deals each group's days out evenly
    /// (`TripScheduler.evened`), which changes neither travel nor feasibility.
    func interchangeableGroups() -> [[Int]] {
        struct Key: Hashable {
            var baseCommune: CommuneCode
            var latitude: Double
            var longitude: Double
            var skills: [Skill]
            var dailyMinutes: Int
            var usableDays: [CalendarDate]
            var fairShareDays: Int
        }
        return workers.indices.sorted { workers[$0].enumerator.id < workers[$1].enumerator.id }
            .filter { !optionsOfWorker[$0].isEmpty }
            .groupedInOrder { worker in
                let member = workers[worker]
                return Key(baseCommune: member.baseCommune, latitude: member.base.location.latitude,
                           longitude: member.base.location.longitude, skills: member.enumerator.skills.sorted(),
                           dailyMinutes: member.enumerator.dailyMinutes, usableDays: member.usableDays,
                           fairShareDays: member.fairShareDays)
            }
    }
}
