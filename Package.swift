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
        .executableTarget(
            name: "folio",
            dependencies: [
                "FolioRender",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "FolioModelTests", dependencies: ["FolioModel"]),
        .testTarget(name: "FolioLayoutTests", dependencies: ["FolioLayout"]),
        .testTarget(name: "FolioRenderTests", dependencies: ["FolioRender"], exclude: ["References", "Fixtures"]),
    ],
    swiftLanguageModes: [.v5]
)
