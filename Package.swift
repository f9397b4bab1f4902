// swift-tools-version: 6.0
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "planner",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "planner", targets: ["planner"]),
        // For the benchmark packages under benchmarks/, which depend on this one by path; the CLI is the
        // supported interface.
        .library(name: "PlannerLibraries",
                 targets: ["PlannerCore", "PlannerFormats", "PlannerSampling", "PlannerOptimization", "PlannerGLPK",
                           "PlannerFieldwork", "PlannerPlanFormat", "PlannerPipeline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // SHA-256 of the plan's inputs and files (BoringSSL's SHA-NI/AVX assembly through `Crypto.SHA256`).
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // Reading Survey Solutions export zips (`planner progress import`); links the system zlib (zlib1g-dev).
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
    ],
    targets: [
        // GLPK 5.0 from Debian's libglpk-dev; Debian ships no glpk.pc, so no pkgConfig here.
        .systemLibrary(
            name: "CGLPK",
            path: "Sources/CGLPK",
            providers: [.apt(["libglpk-dev"]), .brew(["glpk"])]
        ),
        .target(name: "PlannerCore", swiftSettings: strictSettings),
        .target(
            name: "PlannerFormats",
            dependencies: ["PlannerCore", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSettings
        ),
        .target(name: "PlannerSampling", dependencies: ["PlannerCore"], swiftSettings: strictSettings),
        // The solver-independent model, result and solver protocol; backends are separate targets.
        .target(name: "PlannerOptimization", swiftSettings: strictSettings),
        // The GLPK backend. Only the command line (and tests) depend on it: it chooses the backend.
        .target(name: "PlannerGLPK", dependencies: ["CGLPK", "PlannerOptimization"], swiftSettings: strictSettings),
        .target(name: "PlannerFieldwork", dependencies: ["PlannerCore", "PlannerOptimization"], swiftSettings: strictSettings),
        // The plan folder's format: file names, columns, writers and readers of the files that jobs read back
        // (sample, allocation, assignments, releases, availability, progress, manifest). Above Sampling and
        // Fieldwork, whose types its readers return; below Reports and Pipeline, which both use it.
        .target(
            name: "PlannerPlanFormat",
            dependencies: ["PlannerCore", "PlannerFormats", "PlannerSampling", "PlannerOptimization", "PlannerFieldwork",
                           // Ed25519 signatures of manifests (`Crypto.Curve25519.Signing`).
                           .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "PlannerReports",
            dependencies: ["PlannerCore", "PlannerFormats", "PlannerSampling", "PlannerFieldwork", "PlannerPlanFormat"],
            swiftSettings: strictSettings
        ),
        // What the collection tools recorded (Survey Solutions exports, SurveyCTO submissions) as progress rows.
        .target(
            name: "PlannerCollection",
            dependencies: ["PlannerCore", "PlannerFormats", "PlannerFieldwork",
                           .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "PlannerPipeline",
            dependencies: ["PlannerCore", "PlannerFormats", "PlannerSampling", "PlannerOptimization",
                           "PlannerFieldwork", "PlannerPlanFormat", "PlannerReports",
                           "PlannerCollection"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "PlannerSynthetic",
            dependencies: ["PlannerCore", "PlannerFormats", "PlannerSampling"],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "planner",
            dependencies: [
                "PlannerCore", "PlannerFormats", "PlannerSampling", "PlannerOptimization", "PlannerGLPK",
                "PlannerFieldwork", "PlannerPlanFormat", "PlannerReports", "PlannerPipeline", "PlannerSynthetic",
                "PlannerCollection",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        // Generators, paths and fixtures shared by the test targets (a regular target that only tests depend on).
        .target(name: "PlannerTestSupport",
                dependencies: ["PlannerFormats", "PlannerCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
                path: "Tests/PlannerTestSupport",
                swiftSettings: strictSettings),
        .testTarget(name: "PlannerCoreTests", dependencies: ["PlannerCore"], swiftSettings: strictSettings),
        .testTarget(name: "PlannerFormatsTests", dependencies: ["PlannerFormats", "PlannerCore", "PlannerTestSupport",
                                                                .product(name: "ZIPFoundation", package: "ZIPFoundation")],
                    resources: [.copy("Fixtures")], swiftSettings: strictSettings),
        .testTarget(name: "PlannerSamplingTests", dependencies: ["PlannerSampling", "PlannerCore"], swiftSettings: strictSettings),
        // The conformance suite every backend must pass, with its brute-force reference; run by each backend's tests.
        .target(name: "MIPSolverConformance", dependencies: ["PlannerOptimization", "PlannerTestSupport"], path: "Tests/MIPSolverConformance",
                swiftSettings: strictSettings),
        .testTarget(name: "PlannerOptimizationTests", dependencies: ["PlannerOptimization", "MIPSolverConformance"],
                    swiftSettings: strictSettings),
        .testTarget(name: "PlannerGLPKTests",
                    dependencies: ["PlannerGLPK", "PlannerOptimization", "MIPSolverConformance"],
                    swiftSettings: strictSettings),
        .testTarget(name: "PlannerFieldworkTests",
                    dependencies: ["PlannerFieldwork", "PlannerOptimization", "PlannerGLPK", "PlannerCore",
                                   "PlannerTestSupport"],
                    swiftSettings: strictSettings),
        .testTarget(
            name: "PlannerReportsTests",
            dependencies: ["PlannerReports", "PlannerPlanFormat", "PlannerFormats", "PlannerSampling", "PlannerCore",
                           "PlannerFieldwork", "PlannerOptimization", "PlannerGLPK", "PlannerTestSupport"],
            resources: [.copy("Golden")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "PlannerSyntheticTests",
            dependencies: ["PlannerSynthetic", "PlannerFormats", "PlannerCore", "PlannerTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "PlannerCollectionTests",
            dependencies: ["PlannerCollection", "PlannerFormats", "PlannerFieldwork", "PlannerCore",
                           "PlannerTestSupport"],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "PlannerPipelineTests",
            dependencies: ["PlannerPipeline", "PlannerGLPK", "PlannerReports", "PlannerPlanFormat", "PlannerSampling",
                           "PlannerFormats", "PlannerCore", "PlannerTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "PlannerEndToEndTests",
            dependencies: ["planner", "PlannerFormats", "PlannerCore", "PlannerPlanFormat", "PlannerTestSupport"],
            swiftSettings: strictSettings
        ),
    ]
)
