// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "plantrack",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "plantrack", targets: ["plantrack"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.6.0"),
    ],
    targets: [
        // The system SQLite, found through pkg-config; no third-party wrapper.
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // A thin, typed layer over the C API: Database, Statement, DatabaseError, DatabaseMigrator.
        .target(name: "Storage", dependencies: ["CSQLite"]),
        // Text → records. Knows nothing about the database.
        .target(name: "Importer"),
        // The domain: schema, loader, progress, milestones, reports, output formats.
        // Migrations/ and Seeds/ are compiled into it by the EmbedResources plugin.
        .target(
            name: "Tracker",
            dependencies: ["Storage", "Importer"],
            plugins: ["EmbedResources"]
        ),
        .executableTarget(
            name: "plantrack",
            dependencies: [
                "Tracker",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `make accuracy`: the importer's rules scored against the fixture corpus in Tests/Fixtures/plans.
        .executableTarget(name: "ImporterAccuracy", dependencies: ["Importer"]),
        // Build-time tool: turns Migrations/*.sql and Seeds/** into Swift string literals.
        .executableTarget(name: "EmbedGenerator", path: "Sources/EmbedGenerator"),
        .plugin(
            name: "EmbedResources",
            capability: .buildTool(),
            dependencies: ["EmbedGenerator"]
        ),
        .testTarget(name: "StorageTests", dependencies: ["Storage"]),
        .testTarget(name: "ImporterTests", dependencies: ["Importer"]),
        .testTarget(name: "TrackerTests", dependencies: ["Tracker", "Importer", "Storage"]),
        .testTarget(name: "EndToEndTests", dependencies: ["Tracker"]),
        // The command line in-process: the `progress add` fast path against ArgumentParser's parse.
        .testTarget(name: "CommandLineTests", dependencies: ["plantrack", "Tracker"]),
    ],
    swiftLanguageModes: [.v6]
)
