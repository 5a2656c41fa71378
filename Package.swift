// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "plantrack",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "plantrack", targets: ["plantrack"]),
        .executable(name: "plantrack-server", targets: ["plantrack-server"]),
        .executable(name: "plantrack-xlsx", targets: ["plantrack-xlsx"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.6.0"),
        // The web server only (WebApp, plantrack-server); the CLI links HummingbirdBcrypt alone.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        // The system SQLite, found through pkg-config; no third-party wrapper.
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // Debian's libxlsxwriter, for Excel workbooks; only `plantrack-xlsx` links it.
        .systemLibrary(
            name: "CXLSXWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        // A thin, typed layer over the C API: Database, Statement, DatabaseError, DatabaseMigrator.
        .target(name: "Storage", dependencies: ["CSQLite"]),
        // Text → records. Knows nothing about the database.
        .target(name: "Importer"),
        // The domain: schema, loader, progress, milestones, reports, output formats.
        // Migrations/ and Seeds/ are compiled into it by the EmbedResources plugin.
        .target(
            name: "Tracker",
            // HummingbirdBcrypt is a C bcrypt and nothing else (no NIO), for the accounts' passwords.
            dependencies: ["Storage", "Importer", .product(name: "HummingbirdBcrypt", package: "hummingbird-auth")],
            plugins: ["EmbedResources"]
        ),
        // The web front end: routes, pages, sign-in. Only `plantrack-server` links it.
        .target(
            name: "WebApp",
            dependencies: [
                "Tracker",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .executableTarget(name: "plantrack-server", dependencies: ["WebApp"]),
        // Writes the workbooks of `--format xlsx` and `export --xlsx`: a program of its own that the
        // command line starts, so `plantrack` never loads libxlsxwriter (nor its libcrypto) to start.
        .executableTarget(name: "plantrack-xlsx", dependencies: ["Tracker", "CXLSXWriter"]),
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
        .testTarget(name: "WebAppTests", dependencies: ["WebApp", "Tracker"]),
        // The command line in-process: the `progress add` fast path against ArgumentParser's parse.
        .testTarget(name: "CommandLineTests", dependencies: ["plantrack", "Tracker"]),
    ],
    swiftLanguageModes: [.v6]
)
