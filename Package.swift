// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "plantrack",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "plantrack", targets: ["plantrack"]),
        .executable(name: "plantrack-server", targets: ["plantrack-server"]),
        .executable(name: "plantrack-checkpoint", targets: ["plantrack-checkpoint"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.6.0"),
        // The web server only (WebApp, plantrack-server); the CLI links HummingbirdBcrypt alone.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        // HTTP/1 parts as HTTPTypes, for the server's header-timeout channel handler (Hummingbird uses it too).
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        // Ed25519 for signed checkpoints of the hash chain (the Checkpoints target only).
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
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
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            ]
        ),
        .executableTarget(name: "plantrack-server", dependencies: ["WebApp"]),
        // Signed checkpoints of the hash chain: `plantrack checkpoint` and `plantrack verify
        // --checkpoint` run this program, installed beside `plantrack`. swift-crypto brings all of
        // Foundation with it, so it is kept out of the command line (whose start-up it would slow)
        // the way the server is.
        .executableTarget(
            name: "plantrack-checkpoint",
            dependencies: ["Tracker", .product(name: "Crypto", package: "swift-crypto")]
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
        .testTarget(name: "WebAppTests", dependencies: ["WebApp", "Tracker"]),
        // The command line in-process: the `progress add` fast path against ArgumentParser's parse.
        .testTarget(name: "CommandLineTests", dependencies: ["plantrack", "Tracker"]),
    ],
    swiftLanguageModes: [.v6]
)
