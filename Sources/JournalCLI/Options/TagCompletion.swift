import ArgumentParser
import JournalCore
import JournalStore

/// Shell completion of tag names from the user's own journal: the shell runs
/// `journal ---completion …`, which lands here with the words typed so far.
enum TagCompletion {
  static let kind = CompletionKind.custom { arguments, _, prefix in
    names(arguments: arguments, prefix: prefix)
  }

  /// The journal's tag names that start with `prefix`; none when there is no journal.
  static func names(arguments: [String], prefix: String) -> [String] {
    var db: String?
    if let index = arguments.firstIndex(of: "--db"), index + 1 < arguments.count {
      db = arguments[index + 1]
    }
    guard let path = StoreOptions.path(db: db),
      let journal = try? Journal.open(at: path, access: .read),
      let tags = try? journal.tags()
    else { return [] }
    return tags.map(\.name).filter { $0.hasPrefix(prefix.lowercased()) }
  }
}
