// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "iamconsole",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "iamconsole", targets: ["iamconsole"]),
        .library(name: "IAMCore", targets: ["IAMCore"]),
        .library(name: "IAMPolicy", targets: ["IAMPolicy"]),
        .library(name: "IAMWorkspace", targets: ["IAMWorkspace"]),
        .library(name: "IAMRemote", targets: ["IAMRemote"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3")
    ],
    targets: [
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        .systemLibrary(
            name: "CQRencode", path: "Sources/CQRencode", pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "QRCode", dependencies: ["CQRencode"]),
        .target(name: "CTermShim", dependencies: ["CNcursesw"], path: "Sources/CTermShim"),
        .target(name: "CPrefetch", path: "Sources/CPrefetch"),
        .target(name: "IAMPolicy", dependencies: ["CPrefetch"], resources: [.copy("Catalog/aws-actions.json")]),
        .target(
            name: "IAMCore",
            dependencies: [
                "IAMPolicy",
                "QRCode",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
        .target(name: "IAMWorkspace", dependencies: ["IAMCore", "CZlib"]),
        .target(
            name: "IAMRemote",
            dependencies: [
                "IAMCore", "IAMWorkspace", "IAMPolicy", .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(name: "TerminalKit", dependencies: ["CNcursesw", "CTermShim"]),
        .target(name: "ConsoleApp", dependencies: ["IAMCore", "IAMWorkspace", "TerminalKit"]),
        .target(name: "IAMConsoleCLI", dependencies: ["IAMCore", "IAMWorkspace", "IAMRemote", "ConsoleApp"]),
        .executableTarget(name: "iamconsole", dependencies: ["IAMConsoleCLI"]),
        .executableTarget(
            name: "iamconsole-bench",
            dependencies: ["IAMCore", "IAMWorkspace", "ConsoleApp", "TerminalKit"],
            path: "Benchmarks/WorkspaceBenchmark"
        ),
        .executableTarget(
            name: "workspace-stress",
            dependencies: ["IAMCore", "IAMWorkspace"],
            path: "Tests/Support/WorkspaceStress"
        ),
        .testTarget(name: "IAMPolicyTests", dependencies: ["IAMPolicy"]),
        .testTarget(name: "QRCodeTests", dependencies: ["QRCode"]),
        .testTarget(name: "IAMCoreTests", dependencies: ["IAMCore"]),
        .testTarget(name: "IAMWorkspaceTests", dependencies: ["IAMWorkspace", "IAMCore"]),
        .testTarget(name: "TerminalKitTests", dependencies: ["TerminalKit"]),
        .testTarget(
            name: "IAMRemoteTests", dependencies: ["IAMRemote", "IAMCore", "IAMWorkspace"], exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "ConsoleAppTests", dependencies: ["ConsoleApp", "TerminalKit", "IAMCore", "IAMWorkspace"],
            exclude: ["Snapshots"]
        ),
        .testTarget(
            name: "IAMConsoleCLITests",
            dependencies: ["IAMConsoleCLI", "IAMCore", "IAMWorkspace"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
