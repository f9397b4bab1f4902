import ArgumentParser
import Foundation
import PlannerCore
import PlannerFormats
import PlannerSynthetic

/// `planner generate`: derived files too large to commit (a full household listing, scaled test instances).
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate synthetic derived data: a household listing or a scaled test dataset.",
        subcommands: [Households.self, ScaledDatasetCommand.self]
    )

    /// `planner generate households`: a synthetic `households.csv` for every commune of a dataset.
    struct Households: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "households",
            abstract: "Write a synthetic households.csv listing every commune's households.",
            discussion: """
                Each commune gets its households count (times --per-commune-scale, rounded), or its share of \
                --total. IDs are HH<commune>-<line>, addresses are synthetic ("Hộ số 12, Phường 5"), points lie \
                within 1.5 km of the commune point. The same dataset, size and seed give the same bytes. The \
                file is written atomically and never overwritten.
                """
        )

        @OptionGroup var input: DatasetArgument

        @Option(help: "The file to create (must not exist), e.g. <dataset>/households.csv.")
        var out: String

        @Option(help: "Households per census household of each commune (default 1).")
        var perCommuneScale: Double?

        @Option(help: "Exactly this many households in all, shared by census counts (instead of a scale).")
        var total: Int?

        @Option(help: "The random seed for the points (default: the `seed` of survey.toml).")
        var seed: UInt64?

        func validate() throws {
            if perCommuneScale != nil && total != nil {
                throw ValidationError("Give --per-commune-scale or --total, not both.")
            }
            if let perCommuneScale, !(perCommuneScale >= 0 && perCommuneScale.isFinite) {
                throw ValidationError("--per-commune-scale must be a number ≥ 0.")
            }
            if let total, total < 0 { throw ValidationError("--total must be ≥ 0.") }
        }

        func run() throws {
            let dataset = try input.load()
            let size: HouseholdListing.Size = total.map { .total($0) } ?? .scale(perCommuneScale ?? 1)
            let listing = HouseholdListing(size: size, seed: seed ?? dataset.settings.seed)
            let destination = WorkingDirectory.url(out)
            try listing.write(for: dataset, to: destination)
            let count = listing.counts(for: dataset.communes).reduce(0, +)
            print("Households: \(count) in \(dataset.communes.count) communes → \(destination.path)")
        }
    }

    /// `planner generate dataset`: a copy of a dataset K times as large, for benchmarks.
    struct ScaledDatasetCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "dataset",
            abstract: "Write a synthetic dataset K times the size of DATASET (communes, enterprises, enumerators).",
            discussion: """
                Copy r ≥ 2 of commune 31498 is commune 31498-r in the same district, moved by up to 3 km; its \
                enterprises and enumerators are copied with IDs ending in -r. survey.toml is copied unchanged. \
                The folder is written whole or not at all, and never overwritten.
                """
        )

        @OptionGroup var input: DatasetArgument

        @Option(help: "How many copies of the dataset (K ≥ 1).")
        var scale: Int

        @Option(help: "The dataset folder to create (must not exist).")
        var out: String

        @Option(help: "The random seed for the moves (default: the `seed` of survey.toml).")
        var seed: UInt64?

        func validate() throws {
            if scale < 1 { throw ValidationError("--scale must be at least 1.") }
        }

        func run() throws {
            let dataset = try input.load()
            let seed = seed ?? dataset.settings.seed
            let surveyTOML = try Data(contentsOf: input.folder.appendingPathComponent("survey.toml"))
            let files = ScaledDataset(scale: scale, seed: seed).files(from: dataset, surveyTOML: surveyTOML)
            let destination = WorkingDirectory.url(out)
            try PlanFolder(destination: destination).write(files) { digests in
                try ScaledDataset.Manifest(source: input.dataset, scale: scale, seed: seed, files: digests).jsonData()
            }
            print("Dataset: \(scale) × \(dataset.communes.count) communes, \(scale * dataset.enterprises.count) "
                + "enterprises, \(scale * dataset.enumerators.count) enumerators → \(destination.path)")
        }
    }
}
