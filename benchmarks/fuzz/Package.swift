// swift-tools-version: 6.0
import PackageDescription

// libFuzzer targets for the CSV and TOML readers, the dataset validation, the progress files, the manifest, the
// other plan files the commands read back and the Survey Solutions and SurveyCTO exports `planner progress
// import` reads, outside the root build graph: they need `-sanitize=fuzzer`, so `swift build`/`swift test` of the
// planner never build them. Run by run.sh.
let package = Package(
    name: "planner-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "planner", path: "../.."),
        // Already a dependency of the planner (Survey Solutions exports); FuzzSurveySolutions zips its inputs.
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
    ],
    targets: [
        .target(name: "CFuzzDriver"),
        .target(
            name: "FuzzSupport",
            dependencies: ["CFuzzDriver", .product(name: "PlannerLibraries", package: "planner")],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
        .executableTarget(
            name: "FuzzCSV",
            dependencies: ["FuzzSupport", .product(name: "PlannerLibraries", package: "planner")],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
        .executableTarget(
            name: "FuzzTOML",
            dependencies: ["FuzzSupport", .product(name: "PlannerLibraries", package: "planner")],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
        .executableTarget(
            name: "FuzzDataset",
            dependencies: ["FuzzSupport", .product(name: "PlannerLibraries", package: "planner")],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
        .executableTarget(
            name: "FuzzProgress",
            dependencies: ["FuzzSupport", .product(name: "PlannerLibraries", package: "planner")],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
        .executableTarget(
            name: "FuzzManifest",
            dependencies: ["FuzzSupport", .product(name: "PlannerLibraries", package: "planner")],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
        .executableTarget(
            name: "FuzzPlanFiles",
            dependencies: ["FuzzSupport", .product(name: "PlannerLibraries", package: "planner")],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
        .executableTarget(
            name: "FuzzSurveySolutions",
            dependencies: ["FuzzSupport", .product(name: "PlannerLibraries", package: "planner"),
                           .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
        .executableTarget(
            name: "FuzzSurveyCTO",
            dependencies: ["FuzzSupport", .product(name: "PlannerLibraries", package: "planner")],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
    ]
)
