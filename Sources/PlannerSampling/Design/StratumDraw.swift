import PlannerCore

/// The selection in one stratum: main units, reserve units, certainty units and release groups.
struct StratumDraw: Sendable {
    var units: [SampledUnit] = []
    var certaintyUnits: [CertaintyUnit] = []
    var releaseGroups: [ReleaseGroup] = []
    var mainCount = 0
    var reserveCount = 0
    var selectedCommunes: Int?
    var takePerCommune: Int?
    /// The smallest and largest take used in a selected commune (two-stage): below the stratum's take where a
    /// commune has fewer households.
    var takeRange: ClosedRange<Int>?
    /// Reserves the settings asked for (per stratum, or per selected commune) and did not get because the
    /// frame ran out: (release group, asked, drawn).
    var reserveShortfalls: [(group: String, asked: Int, drawn: Int)] = []

    /// One-stage selection (SRS, systematic, PPS systematic) of `sampleSize` units from `frame`.
    ///
    /// Nothing here is as long as the frame unless it has to be: a household stratum of a large listing has
    /// hundreds of thousands of units and no size threshold, so the open units are the frame itself, every
    /// one has the same probability, and the reserve list indexes the units left out without listing them.
    static func oneStage(frame: StratumFrame, sampleSize: Int, parameters: SampleDesignParameters,
                         using generator: inout some RandomNumberGenerator) throws -> StratumDraw {
        let frameSize = frame.unitCount
        let enterprises = frame.enterprises
        let forced: [Bool] = frame.stratum.unitType == .enterprise
            ? enterprises.map { enterprise in parameters.certaintyEmployees.map { enterprise.employees >= $0 } ?? false }
            : []
        let isForced = { (position: Int) in forced.isEmpty ? false : forced[position] }
        let forcedPositions = forced.indices.filter { forced[$0] }
        let forcedCount = forcedPositions.count

        let probability: (Int) -> Double
        var certain = isForced
        var selected: [Int]
        if forcedCount >= sampleSize {
            // The threshold alone fills the stratum: every unit above it is taken, and the others could never
            // be drawn (π = 0) unless there are none.
            guard forcedCount == frameSize else {
                throw SamplingError.unmeetableSetting(
                    key: "certainty_employees",
                    expected: "a threshold that leaves room for a probability sample in every stratum",
                    found: "\(parameters.certaintyEmployees ?? 0): in stratum \(frame.stratum.id), \(forcedCount) of "
                        + "\(frameSize) enterprises reach it and fill the stratum's sample of \(sampleSize), so the "
                        + "other \(frameSize - forcedCount) could never be drawn")
            }
            probability = { isForced($0) ? 1 : 0 }
            selected = forcedPositions
        } else if parameters.selection == .ppsSystematic {
            let sizes = enterprises.map { Double($0.employees) }
            let inclusion = try InclusionProbabilities(
                sizes: sizes, sampleSize: sampleSize,
                forcedCertain: forced.isEmpty ? Array(repeating: false, count: frameSize) : forced)
            try Self.refuseUndrawable(inclusion, frame: frame, forcedCount: forcedCount, sampleSize: sampleSize,
                                      parameters: parameters)
            probability = { inclusion.probabilities[$0] }
            certain = { inclusion.isCertain[$0] }
            selected = PPSSystematicSelection.select(inclusion, using: &generator)
        } else {
            // The open units, in frame order: all of them when nothing is forced.
            let open: [Int]? = forcedCount == 0 ? nil : forced.indices.filter { !forced[$0] }
            let openCount = open?.count ?? frameSize
            let draws = sampleSize - forcedCount
            let picked = parameters.selection == .systematic
                ? try SystematicSelection.select(sampleSize: draws, frameSize: openCount, using: &generator)
                : try SimpleRandomSelection.select(sampleSize: draws, frameSize: openCount, using: &generator)
            let openProbability = Double(draws) / Double(openCount)
            probability = { isForced($0) ? 1 : openProbability }
            selected = (forcedPositions + picked.map { open?[$0] ?? $0 }).sorted()
        }

        // The units not selected, in frame order, are indexed without being listed: the k-th of them is k plus
        // the number of selected positions at or before it.
        let selectedInOrder = selected.sorted().reduce(into: [Int]()) { distinct, position in
            if distinct.last != position { distinct.append(position) }
        }
        let notSelectedCount = frameSize - selectedInOrder.count
        func notSelected(_ index: Int) -> Int {
            var position = index
            for taken in selectedInOrder {
                guard taken <= position else { break }
                position += 1
            }
            return position
        }
        let reserveCount = min(parameters.reservePerStratum, notSelectedCount)
        let reserveOrder = try SimpleRandomSelection.orderedDraw(count: reserveCount, from: notSelectedCount,
                                                                 using: &generator).map(notSelected)

        var draw = StratumDraw()
        draw.mainCount = selected.count
        draw.reserveCount = reserveCount
        if reserveCount < parameters.reservePerStratum {
            draw.reserveShortfalls = [(frame.stratum.id.rawValue, parameters.reservePerStratum, reserveCount)]
        }
        let group = ReleaseGroup(
            groupID: frame.stratum.id.rawValue, stratumID: frame.stratum.id, frameSize: frameSize,
            mainCount: selected.count, firstStageProbability: 1,
            members: selected.map { position in
                ReleaseGroup.Member(unitID: frame.unitID(at: position), role: .main, reserveRank: nil,
                                    mainDrawProbability: probability(position))
            }.sorted { $0.unitID < $1.unitID }
                + reserveOrder.enumerated().map { rank, position in
                    ReleaseGroup.Member(unitID: frame.unitID(at: position), role: .reserve, reserveRank: rank + 1,
                                        mainDrawProbability: probability(position))
                })
        draw.releaseGroups = [group]
        for position in selected {
            draw.units.append(frame.sampledUnit(at: position, probability: probability(position), firstStage: nil,
                                                secondStage: nil, role: .main, rank: nil))
        }
        for (rank, position) in reserveOrder.enumerated() {
            let released = group.stageProbability(mainDrawProbability: probability(position), released: rank + 1)
            draw.units.append(frame.sampledUnit(at: position, probability: released, firstStage: nil,
                                                secondStage: nil, role: .reserve, rank: rank + 1))
        }
        for position in selected where certain(position) {
            draw.certaintyUnits.append(CertaintyUnit(
                unitID: frame.unitID(at: position), level: .enterprise, stratumID: frame.stratum.id,
                sizeMeasure: Double(enterprises[position].employees),
                reason: isForced(position) ? .sizeThreshold : .proportionalToSize))
        }
        return draw
    }

    /// Two-stage selection: ⌈n_h/take⌉ communes PPS systematic by census households, then `take` households by
    /// SRS in each selected commune, with `reservePerStratum` reserve households per commune.
    ///
    /// When the stratum has fewer communes than ⌈n_h/take⌉, every commune is taken (π1 = 1) and the take is
    /// raised to ⌈n_h/C_h⌉ so that the stratum still gets its n_h households; the allocation table shows the
    /// take used.
    static func twoStage(frame: StratumFrame, sampleSize: Int, parameters: SampleDesignParameters,
                         using generator: inout some RandomNumberGenerator) throws -> StratumDraw {
        let blocks = frame.blocks
        let communesNeeded = (sampleSize + parameters.takePerCluster - 1) / parameters.takePerCluster
        let communesWanted = min(communesNeeded, blocks.count)
        let take = communesNeeded > blocks.count
            ? (sampleSize + blocks.count - 1) / blocks.count : parameters.takePerCluster
        let inclusion = try InclusionProbabilities(sizes: blocks.map { Double($0.commune.households) },
                                                   sampleSize: communesWanted)
        let selected = PPSSystematicSelection.select(inclusion, using: &generator)

        var draw = StratumDraw()
        draw.selectedCommunes = selected.count
        draw.takePerCommune = take
        for index in selected {
            let block = blocks[index]
            let firstStage = inclusion.probabilities[index]
            if inclusion.isCertain[index] {
                draw.certaintyUnits.append(CertaintyUnit(
                    unitID: block.commune.code.rawValue, level: .commune, stratumID: frame.stratum.id,
                    sizeMeasure: Double(block.commune.households), reason: .proportionalToSize))
            }
            let listedCount = block.count
            guard listedCount > 0 else { throw SamplingError.emptyListing(block.commune.code) }
            let communeTake = min(take, listedCount)
            let reserves = min(parameters.reservePerStratum, listedCount - communeTake)
            if reserves < parameters.reservePerStratum {
                draw.reserveShortfalls.append((block.commune.code.rawValue, parameters.reservePerStratum, reserves))
            }
            draw.takeRange = draw.takeRange.map { min($0.lowerBound, communeTake)...max($0.upperBound, communeTake) }
                ?? communeTake...communeTake
            let order = try SimpleRandomSelection.orderedDraw(count: communeTake + reserves, from: listedCount,
                                                              using: &generator)
            let secondStage = Double(communeTake) / Double(listedCount)
            let group = ReleaseGroup(
                groupID: block.commune.code.rawValue, stratumID: frame.stratum.id, frameSize: listedCount,
                mainCount: communeTake, firstStageProbability: firstStage,
                members: order.prefix(communeTake).map {
                    ReleaseGroup.Member(unitID: block.unitID(at: $0), role: .main, reserveRank: nil,
                                        mainDrawProbability: secondStage)
                }.sorted { $0.unitID < $1.unitID }
                    + order.dropFirst(communeTake).enumerated().map { rank, line in
                        ReleaseGroup.Member(unitID: block.unitID(at: line), role: .reserve, reserveRank: rank + 1,
                                            mainDrawProbability: secondStage)
                    })
            draw.releaseGroups.append(group)
            for line in order.prefix(communeTake) {
                draw.units.append(frame.householdUnit(block: block, index: line, firstStage: firstStage,
                                                      secondStage: secondStage, role: .main, rank: nil))
            }
            for (rank, line) in order.dropFirst(communeTake).enumerated() {
                let released = group.stageProbability(mainDrawProbability: secondStage, released: rank + 1)
                draw.units.append(frame.householdUnit(block: block, index: line, firstStage: firstStage,
                                                      secondStage: released, role: .reserve, rank: rank + 1))
            }
            draw.mainCount += communeTake
            draw.reserveCount += reserves
        }
        return draw
    }
}

extension StratumDraw {
    /// Refuses a PPS draw in which some enterprise has π = 0: a zero size measure, or certainty units that
    /// take every place of the stratum's sample.
    static func refuseUndrawable(_ inclusion: InclusionProbabilities, frame: StratumFrame, forcedCount: Int,
                                 sampleSize: Int, parameters: SampleDesignParameters) throws {
        let never = inclusion.probabilities.indices.filter { inclusion.probabilities[$0] <= 0 }
        guard !never.isEmpty else { return }
        let zeroSize = never.filter { frame.enterprises[$0].employees == 0 }
        if !zeroSize.isEmpty {
            throw SamplingError.unmeetableSetting(
                key: "selection",
                expected: "a selection under which every enterprise can be drawn (srs or systematic, or employees "
                    + "≥ 1 for every enterprise in enterprises.csv)",
                found: "pps_systematic: in stratum \(frame.stratum.id), \(zeroSize.count) enterprises with 0 "
                    + "employees (first \(frame.enterprises[zeroSize[0]].id)) have π = 0")
        }
        let certain = inclusion.certaintyCount
        throw SamplingError.unmeetableSetting(
            key: forcedCount > 0 ? "certainty_employees" : SampleDesigner.sizeKey(parameters),
            expected: "a sample in every stratum larger than its certainty units",
            found: "in stratum \(frame.stratum.id), \(certain) certainty enterprises take all \(sampleSize) places, "
                + "so the other \(never.count) could never be drawn")
    }
}

extension StratumFrame {
    /// The unit at a one-stage frame position.
    func unitID(at position: Int) -> String {
        if stratum.unitType == .enterprise { return enterprises[position].id.rawValue }
        let (block, index) = householdPosition(position)
        return block.unitID(at: index)
    }

    /// The block and index within it of a one-stage household frame position.
    func householdPosition(_ position: Int) -> (HouseholdBlock, Int) {
        var offset = position
        for block in blocks {
            if offset < block.count { return (block, offset) }
            offset -= block.count
        }
        preconditionFailure("household frame position \(position) beyond the frame of \(stratum.id)")
    }

    func sampledUnit(at position: Int, probability: Double, firstStage: Double?, secondStage: Double?,
                     role: SampledUnit.Role, rank: Int?) -> SampledUnit {
        if stratum.unitType == .enterprise {
            let enterprise = enterprises[position]
            return SampledUnit(unitID: enterprise.id.rawValue, unitType: .enterprise, stratumID: stratum.id,
                               districtCode: enterprise.districtCode, communeCode: enterprise.communeCode,
                               zoneID: enterprise.zoneID, inclusionProbability: probability,
                               firstStageProbability: firstStage, secondStageProbability: secondStage, role: role,
                               reserveRank: rank)
        }
        let (block, index) = householdPosition(position)
        return SampledUnit(unitID: block.unitID(at: index), unitType: .household, stratumID: stratum.id,
                           districtCode: block.commune.districtCode, communeCode: block.commune.code, zoneID: nil,
                           inclusionProbability: probability, firstStageProbability: firstStage,
                           secondStageProbability: secondStage, role: role, reserveRank: rank)
    }

    func householdUnit(block: HouseholdBlock, index: Int, firstStage: Double, secondStage: Double,
                       role: SampledUnit.Role, rank: Int?) -> SampledUnit {
        SampledUnit(unitID: block.unitID(at: index), unitType: .household, stratumID: stratum.id,
                    districtCode: block.commune.districtCode, communeCode: block.commune.code, zoneID: nil,
                    inclusionProbability: firstStage * secondStage, firstStageProbability: firstStage,
                    secondStageProbability: secondStage, role: role, reserveRank: rank)
    }
}
