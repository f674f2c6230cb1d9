// swift-tools-version:6.0
import PackageDescription

// The benchmarks live in their own package so that the library's users never resolve GRDB.
let package = Package(
    name: "ProgressTrackingBenchmarks",
    dependencies: [
        // Named, because a path dependency is otherwise known by its folder name, which differs per checkout.
        .package(name: "ProgressTracking", path: ".."),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // The baseline: the library's SQL in plain C over the system libsqlite3.
        .target(
            name: "CBaseline",
            linkerSettings: [.linkedLibrary("sqlite3")]
        ),
        .executableTarget(
            name: "progress-bench",
            dependencies: [
                "CBaseline",
                .product(name: "ProgressTracking", package: "ProgressTracking"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
