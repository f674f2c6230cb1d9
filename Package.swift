// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ProgressTracking",
    products: [
        .library(name: "ProgressTracking", targets: ["ProgressTracking"]),
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
        .testTarget(
            name: "ProgressTrackingTests",
            dependencies: ["ProgressTracking"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
