// swift-tools-version:6.0
import PackageDescription

// Every target opts in to the member-import rule: a file sees only the members of modules it
// imports itself, so each layer's imports say what it really uses.
let swiftSettings: [SwiftSetting] = [.enableUpcomingFeature("MemberImportVisibility")]

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
        // The layers, each importing only the one below it (see the Architecture article in
        // Sources/ProgressTracking/ProgressTracking.docc).
        // The system libsqlite3, under a module name no other package uses, so that a build
        // that also contains GRDB or SQLite.swift has no module clash.
        .systemLibrary(
            name: "CProgressTrackingSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
        ),
        // The thin Swift wrapper over SQLite's C API: connections, statements, errors.
        .target(
            name: "ProgressTrackingSQLite",
            dependencies: ["CProgressTrackingSQLite"],
            swiftSettings: swiftSettings
        ),
        // libpq, under a module name no other package uses.
        .systemLibrary(
            name: "CProgressTrackingLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"]), .brew(["libpq"])]
        ),
        // The thin Swift wrapper over libpq: connections, statements, bounded waits, errors.
        .target(
            name: "ProgressTrackingLibPQ",
            dependencies: ["CProgressTrackingLibPQ"],
            swiftSettings: swiftSettings
        ),
        // The storage protocol every backend implements, its rows and its errors.
        .target(
            name: "ProgressTrackingStorage",
            swiftSettings: swiftSettings
        ),
        // Tracker sets in an SQLite file: the schema of Migrations/SQLite and its SQL.
        .target(
            name: "ProgressTrackingSQLiteStorage",
            dependencies: ["ProgressTrackingSQLite", "ProgressTrackingStorage"],
            swiftSettings: swiftSettings
        ),
        // The service and the public API: the library product.
        .target(
            name: "ProgressTracking",
            dependencies: ["ProgressTrackingStorage", "ProgressTrackingSQLiteStorage"],
            swiftSettings: swiftSettings
        ),
        // The command line's rendering: tables, bars, widths, escaping, the live display.
        // A library of its own so that its rules get fast unit tests; the CLI is its only user.
        .target(
            name: "ProgressTrackerRendering",
            dependencies: ["ProgressTracking"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "progress-tracker",
            dependencies: [
                "ProgressTracking",
                "ProgressTrackerRendering",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        // Test support, not a product: a process that counts into a store, so that tests
        // can run several at once and kill them.
        .executableTarget(
            name: "progress-test-worker",
            dependencies: ["ProgressTracking"],
            path: "Tests/progress-test-worker",
            swiftSettings: swiftSettings
        ),
        // Test support, not a product: the throwaway PostgreSQL server's settings, network
        // namespaces, and running helper programs.
        .target(
            name: "ProgressTrackingTestSupport",
            path: "Tests/ProgressTrackingTestSupport",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ProgressTrackingSQLiteTests",
            dependencies: ["ProgressTrackingSQLite", "CProgressTrackingSQLite"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ProgressTrackingLibPQTests",
            dependencies: ["ProgressTrackingLibPQ", "ProgressTrackingTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ProgressTrackingTests",
            dependencies: ["ProgressTracking", "ProgressTrackingStorage", "ProgressTrackingSQLiteStorage", "ProgressTrackingSQLite"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ReliabilityTests",
            dependencies: [
                "ProgressTracking", "ProgressTrackingStorage", "ProgressTrackingSQLiteStorage", "ProgressTrackingSQLite",
                "progress-test-worker",
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ProgressTrackerRenderingTests",
            dependencies: ["ProgressTrackerRendering", "ProgressTracking"],
            swiftSettings: swiftSettings
        ),
        // The worker is a long-running writer and library reader for the tests that run
        // commands as other users.
        .testTarget(
            name: "ProgressTrackerCLITests",
            dependencies: ["ProgressTracking", "ProgressTrackerRendering", "progress-tracker", "progress-test-worker"],
            swiftSettings: swiftSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)

