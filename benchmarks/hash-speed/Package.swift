// swift-tools-version: 6.0
import PackageDescription

// The hashing benchmark, outside the root build graph (run by run.sh, never by CI).
let package = Package(
    name: "hash-speed",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "planner", path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "hash-bench",
            dependencies: [.product(name: "PlannerLibraries", package: "planner")],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
    ]
)
