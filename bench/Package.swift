// swift-tools-version:6.0
// The Swift side of the Storage benchmark, kept out of the main package so that `swift build`
// and the shipped product never carry it. CSQLite and Storage are symlinks to the real sources,
// compiled with the same toolchain and flags as the shipped binary.
import PackageDescription

let package = Package(
    name: "plantrack-bench",
    targets: [
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3"),
        .target(name: "Storage", dependencies: ["CSQLite"]),
        .executableTarget(name: "StorageStep", dependencies: ["Storage"]),
    ],
    swiftLanguageModes: [.v6]
)
