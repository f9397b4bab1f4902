// swift-tools-version: 6.0
import PackageDescription

// libFuzzer targets for the CSV and TOML readers, the dataset validation, the progress files, the manifest and
// the other plan files the commands read back, outside the root build graph: they need `-sanitize=fuzzer`, so
// `swift build`/`swift test` of the planner never build them. Run by run.sh.
let package = Package(
    name: "planner-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "planner", path: "../.."),
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
    ]
)
