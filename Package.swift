// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "plantrack",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "plantrack", targets: ["plantrack"]),
        .executable(name: "plantrack-server", targets: ["plantrack-server"]),
        .executable(name: "plantrack-convert", targets: ["plantrack-convert"]),
        .executable(name: "plantrack-xlsx", targets: ["plantrack-xlsx"]),
        .executable(name: "plantrack-checkpoint", targets: ["plantrack-checkpoint"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.6.0"),
        // The web server only (WebApp, plantrack-server); the CLI links HummingbirdBcrypt alone.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        // Tests only: random histories for the property-based test of the figures.
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        // .docx files are ZIP archives; only the format converter (plantrack-convert) links it.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
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
        // The system libxml2 (HTML and XML parsers), found through pkg-config. Only plantrack-convert
        // links it: libxml2 brings ICU and libstdc++, which the command line's start-up must not load.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
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
        // The domain and its use cases: schema, loader, progress, milestones, queries and the data reports read.
        // Migrations/ and Seeds/ are compiled into it by the EmbedResources plugin.
        .target(
            name: "Tracker",
            // HummingbirdBcrypt is a C bcrypt and nothing else (no NIO), for the accounts' passwords.
            dependencies: ["Storage", "Importer", .product(name: "HummingbirdBcrypt", package: "hummingbird-auth")],
            plugins: ["EmbedResources"]
        ),
        // Rendering: terminal tables, CSV and Markdown, the dashboard and its charts, the brief, the
        // label catalogue (zh, en), and the web pages' templates and stylesheet (Templates/, compiled
        // in by the EmbedResources plugin). No Mustache here: the templates are text until WebApp renders them.
        .target(name: "Presentation", dependencies: ["Tracker", "Storage"], plugins: ["EmbedResources"]),
        // The web front end: routes, pages, sign-in. Only `plantrack-server` links it.
        .target(
            name: "WebApp",
            dependencies: [
                "Tracker",
                "Presentation",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            ]
        ),
        .executableTarget(name: "plantrack-server", dependencies: ["WebApp"]),
        // Saved web pages, Word files and PDFs → the outline text the importer reads (front matter,
        // `#` headings, `-` bullets, numbered items, paragraphs), with each line's page for a PDF.
        .target(
            name: "DocumentFormats",
            dependencies: ["CLibXML2", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // The converter as a process of its own, run by `plantrack import` for .html/.docx/.pdf files,
        // so the command line links neither libxml2 nor ZIPFoundation (which imports Foundation).
        .executableTarget(name: "plantrack-convert", dependencies: ["DocumentFormats"]),
        // Writes the workbooks of `--format xlsx` and `export --xlsx`: a program of its own that the
        // command line starts, so `plantrack` never loads libxlsxwriter (nor its libcrypto) to start.
        .executableTarget(name: "plantrack-xlsx", dependencies: ["Tracker", "Presentation", "CXLSXWriter"]),
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
                "Presentation",
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
        .testTarget(name: "TrackerTests", dependencies: ["Tracker", "Presentation", "Importer", "Storage"]),
        .testTarget(name: "EndToEndTests", dependencies: ["Tracker"]),
        .testTarget(name: "DocumentFormatsTests", dependencies: ["DocumentFormats", "Importer"]),
        .testTarget(name: "WebAppTests", dependencies: ["WebApp", "Presentation", "Tracker"]),
        // Random histories: the CLI's JSON, the web API (the real server, over HTTP), the brief,
        // the dashboard and the views agree.
        .testTarget(
            name: "PropertyTests",
            dependencies: ["Tracker", "Presentation", "Storage", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        // The command line in-process: the `progress add` fast path against ArgumentParser's parse.
        .testTarget(name: "CommandLineTests", dependencies: ["plantrack", "Presentation", "Tracker"]),
    ],
    swiftLanguageModes: [.v6]
)
