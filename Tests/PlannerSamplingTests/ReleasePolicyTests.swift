import PlannerCore
import Testing
@testable import PlannerSampling

/// Reserves are released one per lost unit, in rank order, never twice; weights follow the released sample.
@Suite struct ReleasePolicyTests {
    static let stratum = ReleaseGroup(
        groupID: "EN-941", stratumID: "EN-941", frameSize: 40, mainCount: 3, firstStageProbability: 1,
        members: ["A", "B", "C"].map { ReleaseGroup.Member(unitID: $0, role: .main, reserveRank: nil, mainDrawProbability: 3.0 / 40) }
            + (1...2).map { (rank: Int) in
                ReleaseGroup.Member(unitID: "R\(rank)", role: .reserve, reserveRank: rank, mainDrawProbability: 3.0 / 40)
            })
    static let other = ReleaseGroup(
        groupID: "EN-942", stratumID: "EN-942", frameSize: 10, mainCount: 1, firstStageProbability: 1,
        members: [ReleaseGroup.Member(unitID: "D", role: .main, reserveRank: nil, mainDrawProbability: 0.1),
                  ReleaseGroup.Member(unitID: "S1", role: .reserve, reserveRank: 1, mainDrawProbability: 0.1)])

    static func day(_ day: Int) -> CalendarDate { CalendarDate(year: 2023, month: 10, day: day)! }

    @Test func releasesInRankOrderByTheDayUnitsWereLost() {
        let policy = ReleasePolicy(groups: [Self.other, Self.stratum])
        let outcome = policy.release(lost: [.init(unitID: "B", reason: "refused", date: Self.day(5)),
                                            .init(unitID: "A", reason: "not_at_home (3 visits)", date: Self.day(4)),
                                            .init(unitID: "D", reason: "closed", date: Self.day(6))],
                                     previous: [])
        #expect(outcome.releases.map(\.reserveUnitID) == ["R1", "R2", "S1"])
        #expect(outcome.releases.map(\.replacedUnitID) == ["A", "B", "D"])
        #expect(outcome.releases.map(\.rank) == [1, 2, 1])
        #expect(outcome.newReleases == outcome.releases)
        #expect(outcome.exhausted.isEmpty)
    }

    @Test func previousReleasesStandAndTheListRunsOut() {
        let policy = ReleasePolicy(groups: [Self.stratum])
        let first = policy.release(lost: [.init(unitID: "A", reason: "refused", date: Self.day(3))], previous: [])
        let second = policy.release(lost: [.init(unitID: "A", reason: "refused", date: Self.day(3)),
                                           .init(unitID: "C", reason: "refused", date: Self.day(4)),
                                           .init(unitID: "R1", reason: "not_found", date: Self.day(5)),
                                           .init(unitID: "B", reason: "closed", date: Self.day(6)),
                                           .init(unitID: "Z", reason: "closed", date: Self.day(6))],
                                    previous: first.releases)
        #expect(second.releases.map(\.reserveUnitID) == ["R1", "R2"])
        #expect(second.newReleases.map(\.replacedUnitID) == ["C"])
        #expect(second.exhausted == ["R1", "B", "Z"], "no reserve is left after R2; Z is in no group")
    }

    @Test func weightsKeepTheReleasedTotalOverRespondents() throws {
        let releases = ReleasePolicy(groups: [Self.stratum])
            .release(lost: [.init(unitID: "A", reason: "refused", date: Self.day(3))], previous: []).releases
        let weights = ReplanWeight.weights(groups: [Self.stratum], releases: releases,
                                           states: ["A": "nonresponse", "B": "completed"])
        #expect(weights.map(\.unitID) == ["A", "B", "C", "R1"])
        #expect(weights.map(\.state) == ["nonresponse", "completed", "pending", "pending"])
        #expect(weights[0].finalWeight == 0)
        let released = weights.reduce(0) { $0 + $1.designWeight }
        let final = weights.compactMap(\.finalWeight).reduce(0, +)
        #expect(abs(released - final) < 1e-9)
        #expect(abs(released - 40) < 1e-9, "4 of 40 released with equal probabilities: Σ 1/π = N")
    }

    @Test func aGroupWithNoRespondentLeftHasNoFinalWeight() {
        let states = Dictionary(uniqueKeysWithValues: ["A", "B", "C"].map { ($0, "nonresponse") })
        let weights = ReplanWeight.weights(groups: [Self.stratum], releases: [], states: states)
        #expect(weights.count == 3)
        #expect(weights.allSatisfy { $0.finalWeight == nil && $0.nonresponseAdjustment == nil })
    }
    /// A stratum with three reserves, for reserves used in the field.
    static let three = ReleaseGroup(
        groupID: "EN-943", stratumID: "EN-943", frameSize: 30, mainCount: 3, firstStageProbability: 1,
        members: ["A", "B", "C"].map { ReleaseGroup.Member(unitID: $0, role: .main, reserveRank: nil, mainDrawProbability: 0.1) }
            + (1...3).map { (rank: Int) in
                ReleaseGroup.Member(unitID: "R\(rank)", role: .reserve, reserveRank: rank, mainDrawProbability: 0.1)
            })

    @Test func aReserveUsedInTheFieldInOrderReplacesTheLostUnit() {
        let policy = ReleasePolicy(groups: [Self.three])
        let outcome = policy.release(lost: [.init(unitID: "B", reason: "refused", date: Self.day(3))], previous: [],
                                     usedInField: [.init(reserveUnitID: "R1", date: Self.day(3))])
        #expect(outcome.newReleases.map(\.reserveUnitID) == ["R1"])
        #expect(outcome.newReleases.map(\.replacedUnitID) == ["B"])
        #expect(outcome.newReleases.map(\.origin) == [.usedInField])
        #expect(outcome.unmatched.isEmpty && outcome.exhausted.isEmpty)
    }

    @Test func aReserveUsedOutOfOrderIsAcceptedAndTheSkippedRankComesNext() throws {
        let policy = ReleasePolicy(groups: [Self.three])
        let outcome = policy.release(lost: [.init(unitID: "A", reason: "refused", date: Self.day(3)),
                                            .init(unitID: "B", reason: "closed", date: Self.day(4))],
                                     previous: [], usedInField: [.init(reserveUnitID: "R2", date: Self.day(4))])
        #expect(outcome.releases.map(\.reserveUnitID) == ["R1", "R2"])
        #expect(outcome.releases.map(\.origin) == [.planner, .outOfOrder])
        #expect(outcome.releases.first { $0.reserveUnitID == "R2" }?.replacedUnitID == "A",
                "the field's reserve replaces the earliest lost unit")

        // Only R2 released (the field skipped R1): the weights use the ranks released, not 1…r.
        let skipped = policy.release(lost: [.init(unitID: "A", reason: "refused", date: Self.day(3))], previous: [],
                                     usedInField: [.init(reserveUnitID: "R2", date: Self.day(3))])
        #expect(skipped.releases.map(\.rank) == [2])
        #expect(skipped.releases.map(\.origin) == [.outOfOrder])
        let weights = ReplanWeight.weights(groups: [Self.three], releases: skipped.releases,
                                           states: ["A": "nonresponse", "B": "completed", "R2": "completed"])
        #expect(weights.map(\.unitID) == ["A", "B", "C", "R2"], "R1 is not in the released sample")
        let design = weights.reduce(0) { $0 + $1.designWeight }
        let final = weights.compactMap(\.finalWeight).reduce(0, +)
        #expect(abs(design - 30) < 1e-9, "4 of 30 released with equal probabilities: Σ 1/π = N")
        #expect(abs(final - design) < 1e-9, "the respondents carry the released total")
        #expect(weights.allSatisfy { abs($0.inclusionProbability - 4.0 / 30) < 1e-12 })

        // The next lost unit gets the skipped rank.
        let next = policy.release(lost: [.init(unitID: "A", reason: "refused", date: Self.day(3)),
                                         .init(unitID: "C", reason: "refused", date: Self.day(5))],
                                  previous: skipped.releases)
        #expect(next.newReleases.map(\.reserveUnitID) == ["R1"])
    }

    @Test func aReserveUsedWithNoLostUnitToReplaceIsUnmatched() {
        let policy = ReleasePolicy(groups: [Self.three])
        let outcome = policy.release(lost: [.init(unitID: "A", reason: "refused", date: Self.day(5))], previous: [],
                                     usedInField: [.init(reserveUnitID: "R1", date: Self.day(4))])
        #expect(outcome.unmatched.map(\.reserveUnitID) == ["R1"], "A was lost after R1's visit")
        #expect(!outcome.newReleases.contains { $0.origin != .planner }, "nothing is logged as a field use")
    }
}
