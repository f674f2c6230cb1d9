// swift-tools-version:6.0
import PackageDescription

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
        // The command line's rendering: tables, bars, widths, escaping, the live display.
        // A library of its own so that its rules get fast unit tests; the CLI is its only user.
        .target(
            name: "ProgressTrackerRendering",
            dependencies: ["ProgressTracking"],
            swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]
        ),
        .executableTarget(
            name: "progress-tracker",
            dependencies: [
                "ProgressTracking",
                "ProgressTrackerRendering",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]
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
            name: "ProgressTrackerRenderingTests",
            dependencies: ["ProgressTrackerRendering", "ProgressTracking"],
            swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]
        ),
        .testTarget(
            name: "ProgressTrackerCLITests",
            dependencies: ["ProgressTracking", "ProgressTrackerRendering", "progress-tracker"],
            swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
