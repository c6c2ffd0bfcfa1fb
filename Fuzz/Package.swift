// swift-tools-version:5.4
// Fuzz targets for the loaders and validation. A separate package so that the main package keeps
// building with a plain `swift build`: the fuzzer has no `main` (libFuzzer supplies it).
// Tools version 5.4 on purpose: from 5.5 on, SwiftPM renames an executable's entry point to
// `<module>_main` and links `main` to it, which fails for a target whose `main` is libFuzzer's.
// Build and run with Scripts/fuzz; by hand:
//   swift build --package-path Fuzz --scratch-path Fuzz/.build -c release -Xswiftc -sanitize=fuzzer,address
import PackageDescription

let package = Package(
    name: "FolioFuzz",
    dependencies: [
        .package(name: "Folio", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "folio-fuzz",
            dependencies: [
                .product(name: "FolioModel", package: "Folio"),
                .product(name: "FolioLayout", package: "Folio"),
            ],
            path: "Sources/FolioFuzz",
            // libFuzzer's main calls LLVMFuzzerTestOneInput: no top-level code, no @main.
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
    ],
    swiftLanguageVersions: [.v5]
)
