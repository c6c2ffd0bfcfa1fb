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
        .library(name: "FolioLanguage", targets: ["FolioLanguage"]),
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
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCairo",
            pkgConfig: "pangocairo",
            providers: [.apt(["libcairo2-dev", "libpango1.0-dev"])]
        ),
        .systemLibrary(name: "CHyphen", providers: [.apt(["libhyphen-dev"])]),
        // libdeflate compresses the PNG encoder's IDAT data (Docs/png-encoder.md).
        .systemLibrary(name: "CLibdeflate", providers: [.apt(["libdeflate-dev"])]),
        // OpenSSL's libcrypto computes SHA-256 (FolioModel's `SHA256`): the system's, compiled by nobody.
        .systemLibrary(name: "COpenSSL", providers: [.apt(["libssl-dev"])]),
        .target(name: "CThreadSanitizer"),
        .target(name: "FolioConcurrency", dependencies: ["CThreadSanitizer"]),
        .target(
            name: "FolioLanguage",
            dependencies: ["CHyphen", "FolioConcurrency", .product(name: "Yams", package: "Yams")],
            linkerSettings: [.linkedLibrary("_FoundationICU")]
        ),
        .target(
            name: "FolioModel",
            dependencies: ["FolioConcurrency", "FolioLanguage", "FolioArchive", "FolioWorkbook", .product(name: "Yams", package: "Yams"), "COpenSSL"]
        ),
        .target(name: "FolioLayout", dependencies: ["FolioConcurrency", "FolioLanguage", "FolioModel"]),
        .target(name: "FolioRender", dependencies: ["FolioConcurrency", "FolioLanguage", "FolioLayout", "FolioModel", "CCairo", "CLibdeflate"]),
        .target(name: "FolioFiles", dependencies: ["FolioModel"]),
        .target(name: "FolioArchive", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(name: "FolioWorkbook", dependencies: ["FolioArchive"]),
        .target(name: "FolioSlides", dependencies: ["FolioModel", "FolioArchive", "FolioWorkbook"]),
        .target(
            name: "FolioProducts",
            dependencies: ["FolioConcurrency", "FolioLanguage", "FolioModel", "FolioLayout", "FolioRender", "FolioSlides", "FolioFiles"]
        ),
        .target(
            name: "FolioService",
            dependencies: [
                "FolioConcurrency",
                "FolioLanguage",
                "FolioModel",
                "FolioLayout",
                "FolioBuild",
                "FolioRender",
                "FolioSlides",
                "FolioArchive",
                "FolioProducts",
                "FolioFiles",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "NIOHTTPTypesHTTP1", package: "swift-nio-extras"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            resources: [
                .embedInCode("Resources/openapi.yaml"),
                .embedInCode("Resources/FrontPage/index.html"),
                .embedInCode("Resources/FrontPage/app.css"),
                .embedInCode("Resources/FrontPage/app.js"),
            ]
        ),
        .target(
            name: "FolioBuild",
            dependencies: ["FolioConcurrency", "FolioLanguage", "FolioModel", "FolioLayout", "FolioRender", "FolioSlides", "FolioProducts", "FolioFiles"]
        ),
        .executableTarget(
            name: "folio",
            dependencies: [
                "FolioConcurrency",
                "FolioLanguage",
                "FolioModel",
                "FolioLayout",
                "FolioRender",
                "FolioSlides",
                "FolioProducts",
                "FolioFiles",
                "FolioBuild",
                "FolioService",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "FolioLanguageTests", dependencies: ["FolioLanguage"]),
        .testTarget(name: "FolioModelTests", dependencies: ["FolioConcurrency", "FolioModel", "FolioWorkbook", "FolioTestSupport"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "FolioLayoutTests", dependencies: ["FolioConcurrency", "FolioLanguage", "FolioLayout", "FolioModel"]),
        .testTarget(
            name: "FolioRenderTests", dependencies: ["FolioLanguage", "FolioRender", "FolioLayout", "FolioModel", "FolioFiles"],
            exclude: ["References", "Fixtures"]
        ),
        .testTarget(name: "FolioArchiveTests", dependencies: ["FolioArchive"]),
        // Helpers the test targets share (running the Python readers); a library, so tests can import it.
        .target(name: "FolioTestSupport", path: "Tests/FolioTestSupport"),
        .testTarget(name: "FolioWorkbookTests", dependencies: ["FolioWorkbook", "FolioTestSupport"]),
        .testTarget(name: "FolioSlidesTests", dependencies: ["FolioSlides", "FolioArchive", "FolioRender", "FolioLayout"],
                    exclude: ["Fixtures"]),
        .testTarget(
            name: "FolioProductsTests",
            dependencies: ["FolioProducts", "FolioLanguage", "FolioRender", "FolioSlides", "FolioLayout", "FolioModel", "FolioTestSupport"]
        ),
        .testTarget(name: "FolioFilesTests", dependencies: ["FolioFiles"]),
        .testTarget(name: "FolioBuildTests", dependencies: ["FolioBuild"]),
        .testTarget(
            name: "FolioServiceTests",
            dependencies: [
                "FolioConcurrency",
                "FolioBuild",
                "FolioService",
                "FolioModel",
                "FolioProducts",
                "FolioWorkbook",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
