import PlannerFormats

/// The names of the files of a plan folder that more than one module writes or reads (docs/plan-files.md).
///
/// The writers in PlannerReports and the readers in PlannerPipeline (re-planning, `verify`) name these files
/// through here, so that renaming one is one change and a misspelt name is a compile error, not a file that
/// is silently never found. Files only one type writes and nobody reads back (route sheets, notices, exports)
/// keep their names beside their writer; this module holds the columns, writers and readers of the others.
public enum PlanFile {
    public static let manifest = PlanFolder.manifestName
    /// The Ed25519 signature of `manifest.json`, when the plan was written with `--sign-key`.
    public static let signature = PlanFolder.signatureName
    /// The fieldwork plan at full precision, which every other fieldwork file renders (`FieldworkRecord`).
    public static let fieldwork = "fieldwork.json"
    /// Every sampled unit, main and reserve, with its probability and weight.
    public static let sample = "sample.csv"
    /// The allocation of the sample to strata.
    public static let allocation = "allocation.csv"
    public static let designReport = "design-report.md"
    /// Every scheduled visit (and, in a re-plan, the recorded history).
    public static let assignments = "assignments.csv"
    /// The units an incomplete plan misses.
    public static let unscheduled = "unscheduled.csv"
    /// `unit_id` is what `verify` reads back; the others are for people.
    public static let unscheduledColumns: [CSVWriter.Column] = [
        .init("unit_id"), .init("unit_type", .numeric), .init("district_code"), .init("district_name"),
        .init("commune_code"), .init("commune_name"), .init("label"), .init("reason"),
    ]
    /// Reserves released for lost units (re-plans).
    public static let releases = "releases.csv"
    /// Who carries each reserve unit's list on each day (one holder per reserve and day).
    public static let reserveHolders = "reserve-holders.csv"
    /// A re-plan's own reports: weights after nonresponse, changes per enumerator-day and per unit, the report.
    public static let weights = "weights.csv"
    public static let changes = "changes.csv"
    public static let visitChanges = "visit-changes.csv"
    public static let replanReport = "replan-report.md"
    public static let replanReports = [changes, replanReport, visitChanges, weights]
    public static let fieldworkReport = "fieldwork-report.md"
    /// Enumerators added since the parent plan (re-plans).
    public static let newEnumerators = "availability/new-enumerators.csv"
    /// Unavailability added since the parent plan (re-plans).
    public static let unavailability = "availability/unavailability.csv"

    /// The options of every CSV of a plan folder: a byte order mark for Excel, formulas from names neutralised.
    public static let csvOptions = CSVWriter.Options(byteOrderMark: true, neutralizesFormulas: true)
}
