// swift-tools-version: 6.0
import PackageDescription

// Benchmark tools for the fieldwork planner, outside the root build graph (run by run.sh, never by CI).
let package = Package(
    name: "fieldwork-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "planner", path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "fieldwork-bench",
            dependencies: [.product(name: "PlannerLibraries", package: "planner")],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
    ]
)
