// swift-tools-version:6.0
import PackageDescription

// MARK: - PostgreSQL foundation (issue 14)
// The libpq module and its thin Swift wrapper, kept in one block so that the layering work
// can move it without untangling it from the SQLite targets. Nothing here is a product yet:
// the PostgreSQL storage layer and its product will sit on top.
let memberImportVisibility: [SwiftSetting] = [.enableUpcomingFeature("MemberImportVisibility")]
let postgresFoundationTargets: [Target] = [
    // libpq, under a module name no other package uses.
    .systemLibrary(
        name: "CProgressTrackingLibPQ",
        pkgConfig: "libpq",
        providers: [.apt(["libpq-dev"]), .brew(["libpq"])]
    ),
    .target(
        name: "ProgressTrackingLibPQ",
        dependencies: ["CProgressTrackingLibPQ"],
        swiftSettings: memberImportVisibility
    ),
    // Test support, not a product: the throwaway server's settings and network namespaces.
    .target(
        name: "ProgressTrackingTestSupport",
        path: "Tests/ProgressTrackingTestSupport",
        swiftSettings: memberImportVisibility
    ),
    .testTarget(
        name: "ProgressTrackingLibPQTests",
        dependencies: ["ProgressTrackingLibPQ", "ProgressTrackingTestSupport"],
        swiftSettings: memberImportVisibility
    ),
]

// MARK: - The package

let package = Package(
    name: "ProgressTracking",
    products: [
        .library(name: "ProgressTracking", targets: ["ProgressTracking"]),
        .executable(name: "progress-tracker", targets: ["progress-tracker"]),
    ],
    dependencies: [
        // Only the command-line tool uses it: packages that depend on the library never fetch it.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // The system libsqlite3, under a module name no other package uses, so that
        // a build that also contains GRDB or SQLite.swift has no module clash.
        .systemLibrary(
            name: "ProgressTrackingSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
        ),
        .target(
            name: "ProgressTracking",
            dependencies: ["ProgressTrackingSQLite"]
        ),
        .executableTarget(
            name: "progress-tracker",
            dependencies: [
                "ProgressTracking",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Test support, not a product: a process that counts into a store, so that tests
        // can run several at once and kill them.
        .executableTarget(
            name: "progress-test-worker",
            dependencies: ["ProgressTracking"],
            path: "Tests/progress-test-worker"
        ),
        .testTarget(
            name: "ProgressTrackingTests",
            dependencies: ["ProgressTracking"]
        ),
        .testTarget(
            name: "ReliabilityTests",
            dependencies: ["ProgressTracking", "progress-test-worker"]
        ),
        .testTarget(
            name: "ProgressTrackerCLITests",
            dependencies: ["ProgressTracking", "progress-tracker"]
        ),
    ]
        + postgresFoundationTargets,
    swiftLanguageModes: [.v6]
)

