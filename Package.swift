// swift-tools-version:6.0
import PackageDescription

// Every target opts in to the member-import rule: a file sees only the members of modules it
// imports itself, so each layer's imports say what it really uses.
let swiftSettings: [SwiftSetting] = [.enableUpcomingFeature("MemberImportVisibility")]

let package = Package(
    name: "ProgressTracking",
    products: [
        .library(name: "ProgressTracking", targets: ["ProgressTracking"]),
        // The same store on a PostgreSQL server, for workers on many hosts; the only product
        // that links libpq.
        .library(name: "ProgressTrackingPostgres", targets: ["ProgressTrackingPostgres"]),
        .executable(name: "progress-tracker", targets: ["progress-tracker"]),
        // The same tool with stores on PostgreSQL servers; progress-tracker hands it every
        // command that names one, so that only those calls pay for loading libpq.
        .executable(name: "progress-tracker-postgres", targets: ["progress-tracker-postgres"]),
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
        // Tracker sets in a PostgreSQL schema: the schema of Migrations/PostgreSQL and its SQL.
        .target(
            name: "ProgressTrackingPostgresStorage",
            dependencies: ["ProgressTrackingLibPQ", "ProgressTrackingStorage"],
            swiftSettings: swiftSettings
        ),
        // The service and the public API: the library product.
        .target(
            name: "ProgressTracking",
            dependencies: ["ProgressTrackingStorage", "ProgressTrackingSQLiteStorage"],
            swiftSettings: swiftSettings
        ),
        // `ProgressStore(postgres:)`: the service on the PostgreSQL storage.
        .target(
            name: "ProgressTrackingPostgres",
            dependencies: ["ProgressTracking", "ProgressTrackingPostgresStorage"],
            swiftSettings: swiftSettings
        ),
        // The command line's rendering: tables, bars, widths, escaping, the live display.
        // A library of its own so that its rules get fast unit tests; the CLI is its only user.
        .target(
            name: "ProgressTrackerRendering",
            dependencies: ["ProgressTracking"],
            swiftSettings: swiftSettings
        ),
        // The command-line tool's commands, shared by its two executables.
        .target(
            name: "ProgressTrackerCommands",
            dependencies: [
                "ProgressTracking",
                "ProgressTrackerRendering",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        // Without libpq: loading it and the 24 libraries it needs costs a process about 10
        // million instructions, more than the rest of a `progress-tracker increment`.
        .executableTarget(
            name: "progress-tracker",
            dependencies: ["ProgressTrackerCommands"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "progress-tracker-postgres",
            dependencies: ["ProgressTrackerCommands", "ProgressTracking", "ProgressTrackingPostgres"],
            swiftSettings: swiftSettings
        ),
        // Test support, not a product: a process that counts into a store, so that tests
        // can run several at once and kill them.
        .executableTarget(
            name: "progress-test-worker",
            dependencies: ["ProgressTracking", "ProgressTrackingPostgres"],
            path: "Tests/progress-test-worker",
            swiftSettings: swiftSettings
        ),
        // Test support, not a product: the throwaway PostgreSQL server's settings, network
        // namespaces, and running helper programs.
        .target(
            name: "ProgressTrackingTestSupport",
            dependencies: ["ProgressTrackingLibPQ"],
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
            dependencies: [
                "ProgressTracking", "ProgressTrackingStorage", "ProgressTrackingSQLiteStorage", "ProgressTrackingSQLite",
                "ProgressTrackingPostgres", "ProgressTrackingTestSupport",
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ProgressTrackingPostgresTests",
            dependencies: [
                "ProgressTracking", "ProgressTrackingPostgres", "ProgressTrackingPostgresStorage", "ProgressTrackingStorage",
                "ProgressTrackingLibPQ", "ProgressTrackingTestSupport",
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ReliabilityTests",
            dependencies: [
                "ProgressTracking", "ProgressTrackingStorage", "ProgressTrackingSQLiteStorage", "ProgressTrackingSQLite",
                "progress-test-worker", "ProgressTrackingPostgres", "ProgressTrackingPostgresStorage", "ProgressTrackingTestSupport",
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
            dependencies: [
                "ProgressTracking", "ProgressTrackerRendering", "progress-tracker", "progress-tracker-postgres", "progress-test-worker", "ProgressTrackingTestSupport",
            ],
            swiftSettings: swiftSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)

