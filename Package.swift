// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Framescope",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Framescope", targets: ["Framescope"]),
        .executable(name: "framescope", targets: ["framescope"]),
        .executable(name: "framescope-bench", targets: ["framescope-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections.git", from: "1.6.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
    ],
    targets: [
        // ICU's headers and libraries, found through pkg-config (Debian: libicu-dev).
        .systemLibrary(
            name: "CICU",
            pkgConfig: "icu-uc icu-i18n",
            providers: [.apt(["libicu-dev"])]
        ),
        // ICU renames every C symbol by version (ubrk_open_72); this shim gives them stable names
        // and is the only code that includes ICU's headers.
        .target(name: "CICUShim", dependencies: ["CICU"]),
        // A small Swift wrapper over the shim: break iterators, normalization, transliteration,
        // charset detection and conversion. No other module sees ICU's C API.
        .target(name: "FramescopeICU", dependencies: ["CICUShim"]),
        .target(
            name: "Framescope",
            dependencies: [
                "FramescopeICU",
                .product(name: "OrderedCollections", package: "swift-collections"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            // Optimised in debug builds too: the end-to-end tests annotate a 50 MB document, which
            // unoptimised code takes minutes for. -enable-testing keeps @testable imports working.
            swiftSettings: [.unsafeFlags(["-O", "-enable-testing"], .when(configuration: .debug))],
            // The bundled Lexicons/ compiled in, so the binary works from any directory.
            plugins: ["EmbedLexicons"]
        ),
        // Writes Lexicons/ as Swift source (one string literal per file: the text, or base64) for the plugin below.
        .executableTarget(name: "embed-lexicons"),
        // Regenerates that source whenever a lexicon file is added, removed or edited.
        .plugin(name: "EmbedLexicons", capability: .buildTool(), dependencies: ["embed-lexicons"]),
        .executableTarget(
            name: "framescope",
            dependencies: [
                "Framescope",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "framescope-bench",
            dependencies: [
                "Framescope", "FramescopeICU",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "FramescopeTests",
            dependencies: [
                "Framescope", "FramescopeICU",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
