// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Folio",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "folio", targets: ["folio"]),
        .library(name: "FolioRender", targets: ["FolioRender"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
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
        .executableTarget(
            name: "folio",
            dependencies: [
                "FolioRender",
                "FolioSlides",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "FolioModelTests", dependencies: ["FolioModel"]),
        .testTarget(name: "FolioLayoutTests", dependencies: ["FolioLayout"]),
        .testTarget(name: "FolioRenderTests", dependencies: ["FolioRender"], exclude: ["References", "Fixtures"]),
        .testTarget(name: "FolioSlidesTests", dependencies: ["FolioSlides"]),
    ],
    swiftLanguageModes: [.v5]
)
