/// Everything `survey.toml` says: the window, the seed, the sample design and the fieldwork rules.
///
/// Every field has the default documented in `docs/formats.md`; the reader fills in what the file leaves out.
public struct SurveySettings: Hashable, Sendable {
    /// The survey's name in the file's own words (`name`): used for a language that has no name of its own.
    public var name: String
    /// The name per language code (`name_vi`, `name_en`): a Vietnamese sheet must not carry an English name
    /// mid-sentence.
    public var namesByLanguage: [String: String]
    /// Who issues the visit notices, as an official letter names it: the body (`Sở Nội vụ tỉnh Sóc Trăng`), the
    /// body above it (`Ủy ban nhân dân tỉnh Sóc Trăng`) and the place the letter is dated at (`Sóc Trăng`); nil
    /// leaves the space blank, to be written by hand.
    public var issuer: String?
    public var issuerParent: String?
    public var issuerPlace: String?
    public var calendar: SurveyCalendar
    /// The seed of the plan's random generator; `--seed` overrides it.
    public var seed: UInt64
    public var households: SampleDesignParameters
    public var enterprises: SampleDesignParameters
    public var fieldwork: FieldworkParameters
    /// Where every commune, zone, enterprise, enumerator and household must lie; nil checks only the
    /// latitude and longitude ranges.
    public var boundingBox: BoundingBox?
    /// Who answers questions about the survey (office and telephone), printed on route sheets and visit
    /// notices; nil prints no contact line.
    public var contact: String?

    public init(name: String, calendar: SurveyCalendar, seed: UInt64,
                households: SampleDesignParameters = .householdDefault,
                enterprises: SampleDesignParameters = .enterpriseDefault,
                fieldwork: FieldworkParameters = FieldworkParameters(),
                boundingBox: BoundingBox? = nil, contact: String? = nil, namesByLanguage: [String: String] = [:]) {
        self.name = name
        self.namesByLanguage = namesByLanguage
        issuer = nil
        issuerParent = nil
        issuerPlace = nil
        self.calendar = calendar
        self.seed = seed
        self.households = households
        self.enterprises = enterprises
        self.fieldwork = fieldwork
        self.boundingBox = boundingBox
        self.contact = contact
    }

    /// The name for readers of `languageCode` (`vi`, `en`), else `name`.
    public func name(inLanguage languageCode: String) -> String {
        namesByLanguage[languageCode] ?? name
    }
}

/// How a sample of one unit type (households or enterprises) is sized, allocated and drawn.
public struct SampleDesignParameters: Hashable, Sendable, Codable {
    /// How strata are formed.
    public enum Stratification: String, Hashable, Sendable, Codable, CaseIterable {
        /// One stratum per district (households; enterprises outside zones).
        case district
        /// District × urban/rural: wards and towns urban, communes rural (households only).
        case districtUrbanRural = "district_urban_rural"
        /// Enterprises: each operating zone alone; outside zones, the district groups of `districtGroups`.
        case districtGroups = "district_groups"
    }

    /// How units are selected within a stratum.
    public enum SelectionMethod: String, Hashable, Sendable, Codable, CaseIterable {
        case simpleRandom = "srs"
        case systematic
        /// PPS systematic on a size measure (employees for enterprises).
        case ppsSystematic = "pps_systematic"
        /// Communes PPS by households, then a fixed take of households per commune.
        case twoStage = "two_stage"
    }

    /// How a total is shared among strata.
    public enum AllocationMethod: String, Hashable, Sendable, Codable, CaseIterable {
        case equal, proportional, neyman
        case costOptimal = "cost_optimal"
        case power
        case kish
    }

    /// Whether the sample size is given or computed, and for what.
    public enum SizeRule: Hashable, Sendable, Codable {
        /// A total to allocate across strata.
        case total(Int)
        /// A precision target met by the whole sample, then allocated.
        case totalForPrecision(PrecisionTarget)
        /// A precision target met in every stratum (each stratum a domain).
        case perStratumForPrecision(PrecisionTarget)
    }

    public var stratification: Stratification
    public var selection: SelectionMethod
    public var size: SizeRule
    /// The `[precision]` target when `size` gives the total (`totalForPrecision` or `perStratumForPrecision` by
    /// `size_rule`): not used for the size, but for the precision the given size reaches under its design
    /// effect and response rate, and whether it holds; nil assumes p = .5, 95 %, deff 1, full response.
    public var targetForGivenSize: SizeRule?
    public var allocation: AllocationMethod
    /// The exponent q of power allocation (Bankier 1988); 0 is equal, 1 proportional.
    public var powerExponent: Double
    /// Per-stratum floor and ceiling of the allocation (the ceiling never exceeds N_h).
    public var minimumPerStratum: Int
    public var maximumPerStratum: Int?
    /// Relative cost of an interview per stratum for cost-optimal allocation, by stratum ID; 1 when absent.
    public var stratumCosts: [String: Double]
    /// Expected proportion per stratum for Neyman allocation (S_h = √(P(1−P))); the target's p when absent.
    public var stratumProportions: [String: Double]
    /// Households per selected commune in a two-stage design.
    public var takePerCluster: Int
    /// Reserve units drawn per stratum (two-stage: per selected commune).
    public var reservePerStratum: Int
    /// Enterprises outside zones: groups of districts that form one stratum each; a district in no group is
    /// a stratum alone.
    public var districtGroups: [[DistrictCode]]
    /// Employees at or above which an enterprise is taken with certainty; nil for none.
    public var certaintyEmployees: Int?

    public init(stratification: Stratification, selection: SelectionMethod, size: SizeRule,
                allocation: AllocationMethod, powerExponent: Double = 0.5, minimumPerStratum: Int = 2,
                maximumPerStratum: Int? = nil, stratumCosts: [String: Double] = [:],
                stratumProportions: [String: Double] = [:], takePerCluster: Int = 10,
                reservePerStratum: Int = 5, districtGroups: [[DistrictCode]] = [],
                certaintyEmployees: Int? = nil, targetForGivenSize: SizeRule? = nil) {
        self.stratification = stratification
        self.targetForGivenSize = targetForGivenSize
        self.selection = selection
        self.size = size
        self.allocation = allocation
        self.powerExponent = powerExponent
        self.minimumPerStratum = minimumPerStratum
        self.maximumPerStratum = maximumPerStratum
        self.stratumCosts = stratumCosts
        self.stratumProportions = stratumProportions
        self.takePerCluster = takePerCluster
        self.reservePerStratum = reservePerStratum
        self.districtGroups = districtGroups
        self.certaintyEmployees = certaintyEmployees
    }

    public static let householdDefault = SampleDesignParameters(
        stratification: .district, selection: .twoStage,
        size: .perStratumForPrecision(PrecisionTarget(margin: 0.1, designEffect: .fromClusterTake(icc: 0.05),
                                                      responseRate: 0.9)),
        allocation: .proportional, takePerCluster: 10, reservePerStratum: 3)

    public static let enterpriseDefault = SampleDesignParameters(
        stratification: .districtGroups, selection: .simpleRandom,
        size: .totalForPrecision(PrecisionTarget(margin: 0.05, responseRate: 0.8)),
        allocation: .kish, minimumPerStratum: 5, reservePerStratum: 5)
}

/// A precision target for an estimated proportion, from which a sample size follows.
public struct PrecisionTarget: Hashable, Sendable, Codable {
    public enum MarginKind: String, Hashable, Sendable, Codable, CaseIterable {
        case absolute, relative
    }

    public enum DesignEffect: Hashable, Sendable, Codable {
        case given(Double)
        /// 1 + (m − 1)·ICC with m the cluster take.
        case fromClusterTake(icc: Double)
    }

    public var proportion: Double
    public var margin: Double
    public var marginKind: MarginKind
    public var confidence: Double
    public var designEffect: DesignEffect
    public var responseRate: Double
    public var eligibilityRate: Double

    public init(proportion: Double = 0.5, margin: Double, marginKind: MarginKind = .absolute,
                confidence: Double = 0.95, designEffect: DesignEffect = .given(1), responseRate: Double = 1,
                eligibilityRate: Double = 1) {
        self.proportion = proportion
        self.margin = margin
        self.marginKind = marginKind
        self.confidence = confidence
        self.designEffect = designEffect
        self.responseRate = responseRate
        self.eligibilityRate = eligibilityRate
    }
}

/// The rules of fieldwork: interview lengths, travel model, daily limits and the objective's weights.
public struct FieldworkParameters: Hashable, Sendable, Codable {
    /// Working days kept free at the end of the window for call-backs and reserve units.
    public var bufferDays: Int
    public var householdInterviewMinutes: Int
    public var enterpriseInterviewMinutes: Int
    /// Moving from one visit to the next inside a commune.
    public var withinCommuneMoveMinutes: Int
    public var maxCommunesPerDay: Int
    /// Road distance ÷ great-circle distance.
    public var circuityFactor: Double
    public var speedKmPerHour: Double
    /// Weight of the workload-balance term against travel minutes in the objective.
    public var workloadBalanceWeight: Double
    /// Visits to a unit that was not at home or postponed, before it counts as nonresponse.
    public var maxAttempts: Int
    /// Solver limits.
    public var solverTimeLimitSeconds: Double
    public var solverRelativeGap: Double
    /// Start, end, lunch break and enterprise office hours of every enumerator-day.
    public var workingDay: WorkingDay

    public init(bufferDays: Int = 2, householdInterviewMinutes: Int = 30, enterpriseInterviewMinutes: Int = 45,
                withinCommuneMoveMinutes: Int = 10, maxCommunesPerDay: Int = 2, circuityFactor: Double = 1.4,
                speedKmPerHour: Double = 30, workloadBalanceWeight: Double = 1, maxAttempts: Int = 3,
                solverTimeLimitSeconds: Double = 60, solverRelativeGap: Double = 0.005,
                workingDay: WorkingDay = WorkingDay()) {
        self.bufferDays = bufferDays
        self.householdInterviewMinutes = householdInterviewMinutes
        self.enterpriseInterviewMinutes = enterpriseInterviewMinutes
        self.withinCommuneMoveMinutes = withinCommuneMoveMinutes
        self.maxCommunesPerDay = maxCommunesPerDay
        self.circuityFactor = circuityFactor
        self.speedKmPerHour = speedKmPerHour
        self.workloadBalanceWeight = workloadBalanceWeight
        self.maxAttempts = maxAttempts
        self.solverTimeLimitSeconds = solverTimeLimitSeconds
        self.solverRelativeGap = solverRelativeGap
        self.workingDay = workingDay
    }
}

extension SurveySettings {
    /// The last `fieldwork.bufferDays` working days of the calendar (all of them when it asks for more): the days
    /// first plans keep free, the charts hatch and re-plans try to keep free.
    public var bufferDays: [CalendarDate] {
        let workingDays = calendar.workingDays
        return Array(workingDays.suffix(min(max(fieldwork.bufferDays, 0), workingDays.count)))
    }
}
