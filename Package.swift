// swift-tools-version:6.0
import PackageDescription

// Folio runs on Linux only: it writes files through Glibc, watches projects with inotify and
// exchanges folders with renameat2. No other platform is claimed.
#if !os(Linux)
#error("Folio builds on Linux only: it uses Glibc, inotify and renameat2 (see the README)")
#endif

let package = Package(
    name: "Folio",
    products: [
        .executable(name: "folio", targets: ["folio"]),
        .library(name: "FolioModel", targets: ["FolioModel"]),
        .library(name: "FolioLayout", targets: ["FolioLayout"]),
        .library(name: "FolioRender", targets: ["FolioRender"]),
        .library(name: "FolioService", targets: ["FolioService"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCairo",
            pkgConfig: "pangocairo",
            providers: [.apt(["libcairo2-dev", "libpango1.0-dev"])]
        ),
        .target(
            name: "FolioModel",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        .target(name: "FolioLayout", dependencies: ["FolioModel"]),
        .target(name: "FolioRender", dependencies: ["FolioLayout", "FolioModel", "CCairo"]),
        .target(
            name: "FolioSlides",
            dependencies: ["FolioRender", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .target(
            name: "FolioService",
            dependencies: [
                "FolioBuild",
                "FolioRender",
                "FolioSlides",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        .target(
            name: "FolioBuild",
            dependencies: ["FolioModel", "FolioLayout", "FolioRender", "FolioSlides"],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        .executableTarget(
            name: "folio",
            dependencies: [
                "FolioModel",
                "FolioLayout",
                "FolioRender",
                "FolioSlides",
                "FolioBuild",
                "FolioService",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        .testTarget(name: "FolioModelTests", dependencies: ["FolioModel"]),
        .testTarget(name: "FolioLayoutTests", dependencies: ["FolioLayout"]),
        .testTarget(name: "FolioRenderTests", dependencies: ["FolioRender"], exclude: ["References", "Fixtures"]),
        .testTarget(name: "FolioSlidesTests", dependencies: ["FolioSlides"]),
        .testTarget(name: "FolioBuildTests", dependencies: ["FolioBuild"]),
        .testTarget(
            name: "FolioServiceTests",
            dependencies: [
                "FolioService",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
    ],
    swiftLanguageModes: [.v5]
)
