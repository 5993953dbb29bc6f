// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "career-journal",
  platforms: [.macOS(.v15)],  // Synchronization's Mutex
  products: [
    .executable(name: "journal", targets: ["journal"])
  ],
  // No swift-system: JournalIO has its own Errno, FileDescriptor and FilePermissions
  // (Sources/JournalIO/SystemTypes.swift). Measured 2026-11-29 on this machine (static release
  // build, callgrind, `journal --version`): swift-system 1.8.1 added 254 protocol-conformance
  // records (3,933 -> 4,201 in swift5_protocol_conformances) and start-up went from 4,751,491
  // to 4,971,503 instructions (+4.6%), because 73% of start-up is the Swift runtime scanning
  // every conformance record (swift_conformsToProtocol, from swift-argument-parser), all for
  // three small types. Our own three add 12 records: 3,959 in all, 4,770,653 instructions.
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
  ],
  targets: [
    // The system libsqlite3, through a module map; Debian/Ubuntu need libsqlite3-dev.
    .systemLibrary(
      name: "CSQLite",
      providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
    ),
    // The one I/O layer: files, standard streams, terminal, clock, processes; every failure an
    // IOError, EINTR retried, short writes completed. The only place with `#if canImport(Glibc)`.
    .target(name: "JournalIO"),
    // Value types that both the store and the analysis speak: days, weeks, tracks, marks.
    .target(name: "JournalCore"),
    // Everything that touches SQLite. All SQL in the project lives here.
    .target(name: "JournalStore", dependencies: ["CSQLite", "JournalCore", "JournalIO"]),
    // Pure maths over weekly aggregates: no SQLite, no I/O, "today" passed in.
    .target(name: "JournalAnalysis", dependencies: ["JournalCore"]),
    // File formats and the import and export use cases: the JSON and CSV readers and writers,
    // one entry codec, the fingerprint of records without an id. No ArgumentParser.
    .target(
      name: "JournalInterchange", dependencies: ["JournalCore", "JournalStore", "JournalIO"]),
    // The report use case (the store read in one transaction, then the analysis) and its
    // renderers: Markdown, HTML, JSON and the trend, as pure functions to String.
    .target(
      name: "JournalReport",
      dependencies: ["JournalCore", "JournalStore", "JournalAnalysis", "JournalInterchange"]
    ),
    // The thin shell: commands, options, the console, and the one place where errors become
    // exit codes.
    .target(
      name: "JournalCLI",
      dependencies: [
        "JournalCore", "JournalStore", "JournalAnalysis", "JournalInterchange", "JournalReport",
        "JournalIO",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(name: "journal", dependencies: ["JournalCLI"]),
    // scripts/bench's journal filler: a separate executable that scripts/install never ships.
    .executableTarget(
      name: "journal-generate",
      dependencies: [
        "JournalCore", "JournalStore",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Helpers shared by the test targets: temporary folders, running the built binary, golden
    // files, a seeded random generator.
    .target(name: "TestSupport", dependencies: ["JournalCore"], path: "Tests/TestSupport"),
    .testTarget(name: "JournalCoreTests", dependencies: ["JournalCore"]),
    .testTarget(name: "JournalIOTests", dependencies: ["JournalIO"]),
    .testTarget(
      name: "JournalStoreTests",
      dependencies: ["JournalStore", "JournalCore", "CSQLite", "TestSupport"]
    ),
    .testTarget(name: "JournalAnalysisTests", dependencies: ["JournalAnalysis", "JournalCore"]),
    .testTarget(
      name: "JournalInterchangeTests",
      dependencies: [
        "JournalInterchange", "JournalStore", "JournalCore", "JournalIO", "TestSupport",
      ]
    ),
    // The report's renderers in process, on hand-made briefs; goldens in Tests/Fixtures/golden.
    .testTarget(
      name: "JournalReportTests",
      dependencies: [
        "JournalReport", "JournalAnalysis", "JournalCore", "JournalStore", "JournalInterchange",
        "TestSupport",
      ]
    ),
    .testTarget(
      name: "JournalCLITests",
      dependencies: ["JournalCLI", "JournalStore", "TestSupport", "journal"]
    ),
  ],
  swiftLanguageModes: [.v6]
)
