import PlannerCore
import PlannerFieldwork
import PlannerPlanFormat
import PlannerReports
import PlannerSampling

extension RunReport {
    /// Every figure the text lines and `replan-report.md` give about a re-plan, for scripts.
    struct Replan: Encodable {
        struct Release: Encodable {
            var releaseGroup: String
            var rank: Int
            var reserveUnitId: String
            var replacedUnitId: String
            var reason: String
            var date: String
            /// `planner`, `used-in-field` or `out-of-order`.
            var release: String
        }

        struct Changes: Encodable {
            var kept: Int
            var moved: Int
            var added: Int
            var removed: Int
            var previousTrips: Int
            var previousTripsKept: Int
            /// Share of the other (not dropped) enumerators' remaining visits that moved; nil when they had none.
            var movedShareOfOthers: Double?
        }

        struct EnumeratorMoves: Encodable {
            var enumeratorId: String
            var previousVisits: Int
            var moved: Int
            var removed: Int
            var received: Int
            var visitsNow: Int
        }

        struct Unrecorded: Encodable {
            struct Day: Encodable {
                var enumeratorId: String
                var date: String
                var visits: Int
            }

            /// `not-visited` or `postpone`.
            var handling: String
            var visits: Int
            var days: [Day]
        }

        struct Leave: Encodable {
            var enumeratorId: String
            var from: String
            var to: String?
            var reason: String
        }

        /// The route sheets from the as-of date compared with the parent's (`SheetChange`).
        struct Sheets: Encodable {
            struct Sheet: Encodable {
                var enumeratorId: String
                var date: String
            }

            var unchanged: Int
            var changed: Int
            var new: Int
            /// The parent's sheets with no visit left, to take back.
            var withdrawn: [Sheet]
        }

        var asOf: String
        var parent: String
        var recordedVisits: Int
        var unitsCompleted: Int
        var unitsLost: Int
        var unitsPending: Int
        var releases: Int
        var newReleases: [Release]
        var noReserveLeft: [String]
        var droppedEnumerators: [String]
        var changes: Changes
        var enumerators: [EnumeratorMoves]
        var progressFiles: [ProgressReading.FileCount]
        /// Planned visits before the as-of date with no outcome; absent when there were none.
        var unrecorded: Unrecorded?
        /// Leave found in the dataset's changed unavailability.csv; absent when the file is unchanged.
        var datasetLeave: [Leave]?
        /// Absent when the parent folder could not tell (written before `reserve-holders.csv` existed).
        var sheets: Sheets?

        init(_ content: ReplanContent) {
            asOf = content.asOf.description
            parent = content.parentPath
            recordedVisits = content.history.count
            unitsCompleted = content.progress.filter { $0.stateName == "completed" }.count
            unitsLost = content.progress.filter(\.isNonresponse).count
            unitsPending = content.progress.filter(\.isPending).count
            releases = content.releases.count
            newReleases = content.newReleases.map {
                Release(releaseGroup: $0.groupID, rank: $0.rank, reserveUnitId: $0.reserveUnitID,
                        replacedUnitId: $0.replacedUnitID, reason: $0.reason, date: $0.date.description,
                        release: $0.origin.rawValue)
            }
            noReserveLeft = content.exhausted
            droppedEnumerators = content.droppedEnumerators.map(\.rawValue)
            let changes = content.result.changes
            self.changes = Changes(kept: changes.count(.kept), moved: changes.count(.moved),
                                   added: changes.count(.added), removed: changes.count(.removed),
                                   previousTrips: content.result.previousTrips,
                                   previousTripsKept: content.result.previousTripsKept,
                                   movedShareOfOthers: content.movedShareOfOthers.map { ($0 * 10_000).rounded() / 10_000 })
            enumerators = changes.enumerators.map {
                EnumeratorMoves(enumeratorId: $0.enumeratorID.rawValue, previousVisits: $0.previousVisits,
                                moved: $0.moved, removed: $0.removed, received: $0.received, visitsNow: $0.newVisits)
            }
            progressFiles = content.progressFiles
            datasetLeave = content.datasetLeave?.map {
                Leave(enumeratorId: $0.enumeratorID.rawValue, from: $0.from.description, to: $0.to?.description,
                      reason: $0.reason)
            }
            sheets = content.sheetChanges.map { changes in
                let counts = SheetChange.counts(in: changes)
                return Sheets(unchanged: counts[.unchanged]!, changed: counts[.changed]!, new: counts[.new]!,
                              withdrawn: SheetChange.withdrawn(in: changes).map {
                                  .init(enumeratorId: $0.enumeratorID.rawValue, date: $0.date.description)
                              })
            }
            unrecorded = content.unrecorded.map { unrecorded in
                Unrecorded(handling: unrecorded.handling?.rawValue ?? "", visits: unrecorded.visits.count,
                           days: unrecorded.days.map {
                               .init(enumeratorId: $0.enumeratorID.rawValue, date: $0.date.description, visits: $0.visits)
                           })
            }
        }
    }
}
