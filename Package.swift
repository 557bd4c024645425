// swift-tools-version:6.0
import PackageDescription

/// Score modules: each a folder `Plugins/<Name>Score/`, a library target on ScoreKit alone.
///
/// Adding a module is its folder plus its name here; `scripts/register-modules` writes this line and the host's
/// registry (`Sources/Host/Registry/RegisteredModules+Generated.swift`) from the folders.
let moduleNames = [
    "AccountScore", "ChurnScore", "CreditScore", "HealthScore", "LifetimeValueScore", "ReferralScore", "ValueScore",
]
let moduleTargets: [Target] = moduleNames.map { name in
    .target(name: name, dependencies: ["ScoreKit"], path: "Plugins/\(name)")
}
let moduleDependencies: [Target.Dependency] = moduleNames.map { .target(name: $0) }

/// `scripts/fuzz` sets SCOREBOOK_FUZZ to build the libFuzzer harness (`Fuzz/`); it needs `-sanitize=fuzzer`, so an
/// ordinary build leaves it out.
let fuzzTargets: [Target] =
    Context.environment["SCOREBOOK_FUZZ"] == nil
    ? []
    : [
        .target(name: "CFuzzMain", path: "Fuzz/CFuzzMain"),
        .executableTarget(
            name: "scorebook-fuzz", dependencies: ["Host", "Connectors", "Store", "ScoreKit", "CFuzzMain"],
            path: "Fuzz/ScorebookFuzz"),
    ]

let package = Package(
    name: "Scorebook",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "scorebook", targets: ["scorebook"]),
        .library(name: "ScoreKit", targets: ["ScoreKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .systemLibrary(
            name: "CPostgres",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        .systemLibrary(
            name: "CCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        .target(name: "CProcess"),
        .target(name: "ScoreKit"),
        .target(name: "Connectors", dependencies: ["CCurl", "Store", "ScoreKit"]),
        .target(name: "Store", dependencies: ["CSQLite", "CPostgres", "ScoreKit"]),
        .target(name: "Generator", dependencies: ["ScoreKit"]),
        .target(
            name: "Host",
            dependencies: [
                "Store", "Connectors", "ScoreKit", "Generator", "CCrypto", .product(name: "Yams", package: "Yams"),
            ] + moduleDependencies
        ),
        .target(
            name: "Sandbox",
            dependencies: [
                "Generator", "Connectors", "ScoreKit",
                .product(name: "FlyingFox", package: "FlyingFox"), .product(name: "FlyingSocks", package: "FlyingFox"),
            ]),
        .executableTarget(
            name: "scorebook",
            dependencies: [
                "Host", "Generator", "Sandbox", "ScoreKit", "CEditLine", "CProcess",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "TestSupport", dependencies: ["Store"], path: "Tests/TestSupport"),
        .testTarget(name: "ScoreKitTests", dependencies: ["ScoreKit"]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "ScoreKit", "TestSupport"]),
        .testTarget(name: "HostTests", dependencies: ["Host", "Generator", "Store", "ScoreKit", "TestSupport"]),
        .testTarget(name: "LifetimeValueTests", dependencies: ["LifetimeValueScore"], exclude: ["Fixtures"]),
        .testTarget(name: "ConnectorsTests", dependencies: ["Connectors"], exclude: ["Fixtures"]),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["scorebook", "Store", "Sandbox", "Connectors", "Host", "TestSupport"], exclude: ["Fixtures"]),
    ] + moduleTargets + fuzzTargets,
    swiftLanguageModes: [.v5]
)
