// swift-tools-version:6.1
import PackageDescription

// The benchmarks live in their own package so that the library's users never resolve GRDB.
let package = Package(
    name: "ProgressTrackingBenchmarks",
    traits: [
        .default(enabledTraits: ["GRDB"]),
        .trait(
            name: "GRDB",
            description: "Measure the GRDB side too. Its release build alone takes over two minutes on 2 cores, so CI builds without it."
        ),
    ],
    dependencies: [
        // Named, because a path dependency is otherwise known by its folder name, which differs per checkout.
        .package(name: "ProgressTracking", path: ".."),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // The C sides over the system libsqlite3: the minimal baseline, and the library's own SQL.
        .target(
            name: "CBaseline",
            linkerSettings: [.linkedLibrary("sqlite3")]
        ),
        // libpq, for the PostgreSQL baseline, under a name the library's own module does not use.
        .systemLibrary(
            name: "CBenchLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"]), .brew(["libpq"])]
        ),
        // The PostgreSQL baseline: the minimal SQL in plain C over libpq.
        .target(
            name: "CPostgresBaseline",
            dependencies: ["CBenchLibPQ"]
        ),
        .executableTarget(
            name: "progress-bench",
            dependencies: [
                "CBaseline",
                "CPostgresBaseline",
                .product(name: "ProgressTracking", package: "ProgressTracking"),
                .product(name: "ProgressTrackingPostgres", package: "ProgressTracking"),
                .product(name: "GRDB", package: "GRDB.swift", condition: .when(traits: ["GRDB"])),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
