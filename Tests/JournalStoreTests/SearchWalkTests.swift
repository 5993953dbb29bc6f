import JournalCore
import TestSupport
import Testing

@testable import JournalStore

/// `list --search` for a word with many matches walks the day index in batches: the first
/// matched on its own (ASCII texts in Swift, the others by an FTS5 index of their own), the
/// others by one FTS5 query per batch's rowid range. Its answers must be those of the plan
/// that sorts every match (the one used for few matches), and of a plain reading of the
/// entries.
@Suite struct SearchWalkTests {
  private static let words = ["alpha", "beta", "gamma", "del\"ta", "OR"]

  /// 700 entries over two years, their days not in id order, ids with gaps far wider than
  /// `SearchWalk.widestGap` (a back-dated import), 1 in 9 deleted.
  private func seeded(_ journal: Journal) throws -> [(id: Int64, day: String, text: String)] {
    var state: UInt64 = 42
    func next() -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(state >> 33)
    }
    let first = try day("2025-01-01")
    var live: [(id: Int64, day: String, text: String)] = []
    let insert = try journal.db.prepare("INSERT INTO entry (id, day, text) VALUES (?, ?, ?)")
    let mark = try journal.db.prepare(
      "INSERT INTO entryTag (entryId, tagId, mark) SELECT ?, id, 1 FROM tag WHERE name = ?")
    var id: Int64 = 0
    for index in 0..<700 {
      id += next() % 10 == 0 ? Int64(2_000 + next() % 5_000) : 1
      let words = Self.words.filter { _ in next() % 3 == 0 }
      let text = (["entry", String(index)] + words).joined(separator: " ")
      let entryDay = first.adding(days: next() % 700)
      try insert.run([.integer(id), .day(entryDay), .text(text)])
      if next() % 2 == 0 { try mark.run([.integer(id), .text("coaching")]) }
      if next() % 9 == 0 {
        try journal.deleteEntry(id: id)
      } else {
        live.append((id, entryDay.iso, text))
      }
    }
    return live
  }

  private func ids(_ journal: Journal, _ filter: EntryFilter, fewMatches: Int64) throws
    -> [Int64]
  {
    var cursor = try journal.entries(filter, fewMatches: fewMatches)
    var ids: [Int64] = []
    while let entry = try cursor.next() { ids.append(entry.id) }
    return ids
  }

  @Test("the batched walk gives the sorted plan's entries, in its order, for every filter")
  func batchedWalkMatchesSortedPlan() throws {
    try withJournal { journal, _ in
      let live = try seeded(journal)
      // A third starred: the walk then goes down the starred entries' day index.
      try journal.db.prepare("UPDATE entry SET isStarred = 1 WHERE id % 3 = 0").run([])
      let starredIDs = Set(live.map(\.id).filter { $0 % 3 == 0 })
      let since = try day("2025-06-01")
      let until = try day("2026-03-31")
      var compared = 0
      for search in [
        "alpha", "alpha beta", "del\"ta", "OR", "gamma alpha OR", "nothing", "alp", "e", "del",
        "ga be",
      ] {
        for limit in [nil, 0, 1, 7, 20, 5_000] {
          for (range, tags) in [
            ((nil, nil), []), ((since, until), []), ((nil, nil), ["coaching"]),
            ((since, nil), ["coaching"]),
          ] as [((Day?, Day?), [String])] {
            for starred in [false, true] {
              var filter = EntryFilter(
                since: range.0, until: range.1, tags: tags, search: search, limit: limit)
              filter.starred = starred
              let walked = try ids(journal, filter, fewMatches: 1)
              let sorted = try ids(journal, filter, fewMatches: .max)
              #expect(
                walked == sorted,
                "\(search) \(String(describing: limit)) \(range) \(tags) starred: \(starred)")
              compared += walked.count
            }
          }
        }
      }
      #expect(compared > 1_000, "the filters found too little to compare")

      // And a plain reading: every live entry with a word starting with each typed word (FTS5's
      // tokens: runs of letters and digits, lowercased), newest first.
      func words(_ text: String) -> [String] {
        text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
      }
      func matching(_ typed: [String]) -> [Int64] {
        live.filter { entry in
          typed.allSatisfy { word in words(entry.text).contains { $0.hasPrefix(word) } }
        }
        .sorted { ($0.day, $0.id) > ($1.day, $1.id) }.map(\.id)
      }
      let expected = matching(["alpha", "beta"])
      #expect(expected.count > 20)
      #expect(try ids(journal, EntryFilter(search: "beta ALPHA"), fewMatches: 1) == expected)
      #expect(
        try ids(journal, EntryFilter(search: "alpha beta", limit: 20), fewMatches: 1)
          == Array(expected.prefix(20)))
      #expect(try ids(journal, EntryFilter(search: "al BE"), fewMatches: 1) == expected)
      let del = matching(["del"])
      #expect(del.count > 20)
      #expect(try ids(journal, EntryFilter(search: "del"), fewMatches: 1) == del)
      #expect(try ids(journal, EntryFilter(search: "e"), fewMatches: 1) == matching(["e"]))
      #expect(matching(["e"]).count == live.count)
      var starred = EntryFilter(search: "alpha beta")
      starred.starred = true
      #expect(try ids(journal, starred, fewMatches: 1) == expected.filter(starredIDs.contains))
    }
  }

  @Test("the first batch's own index matches exactly what the journal's index matches")
  func batchIndexAgreesWithJournalIndex() throws {
    // Pieces the tokenizer folds, splits or keeps: accents precomposed and combining, case
    // pairs beyond ASCII, other scripts' letters and digits, symbols, a NUL, joiners.
    let pieces = [
      "caf\u{E9}", "cafe\u{301}", "CAF\u{C9}", "stra\u{DF}e", "\u{130}stanbul", "\u{2160}x",
      "\u{1C5}a", "\u{663}4", "\u{65E5}\u{672C}", "\u{1F642}", "e-mail", "1:1", "don't",
      "a\u{0}b", "x\u{200D}y", "\u{FB01}le", "na\u{EF}ve", "NAIVE", "\u{3B1}\u{3B2}",
      "\u{391}\u{392}", "\u{17F}s",
      // Two diacritics on one letter: only `remove_diacritics 1` keeps them apart from `u`/`e`.
      "\u{1D6}ber", "ube", "\u{1EC7}t", "et",
    ]
    var random = SeededRandom(seed: 7)
    try withJournal { journal, _ in
      let insert = try journal.db.prepare("INSERT INTO entry (id, day, text) VALUES (?, ?, ?)")
      // Ids a tampered file could hold too: 0, negative, the smallest Int64.
      let ids = (1...300).map(Int64.init) + [0, -7, .min]
      for id in ids {
        let text = (0..<Int.random(in: 1...5, using: &random)).map { _ in random.pick(pieces) }
          .joined(separator: random.chance(0.5) ? " " : ", ")
        try insert.run([.integer(id), .day(try day("2026-01-01")), .text(text)])
      }
      let walk = try journal.db.prepare("SELECT id FROM entry ORDER BY id DESC")
      let byJournal = try journal.db.prepare("SELECT rowid FROM entryText WHERE entryText MATCH ?")
      var compared = 0
      var indexed = 0
      var read = 0
      for piece in pieces {
        for length in 1...min(3, piece.count) {
          let search = String(piece.prefix(length))
          let query = Journal.ftsQuery(search)
          var expected = Set<Int64>()
          try byJournal.forEachRow([.text(query)]) { (row) throws(StoreError) in
            expected.insert(row.int(0))
          }
          try walk.bind([])
          let index = BatchSearchIndex()
          let batch = try index.read(
            walk, count: ids.count, query: query, asciiTerms: Journal.asciiTerms(search))
          #expect(batch.ids == ids.sorted(by: >), "\(query)")
          #expect(batch.matching == expected, "\(query)")
          compared += expected.count
          indexed += index.indexedCount
          read += batch.ids.count
        }
      }
      #expect(compared > 1_000, "the queries matched too little to compare")
      // Both ways were taken: some texts went to FTS5, and some (ASCII, for an ASCII search)
      // were matched without it.
      #expect(indexed > 0 && indexed < read, "\(indexed) of \(read) texts indexed")
    }
  }

  @Test("an ASCII text is matched as the journal's index matches it, without FTS5")
  func asciiMatchAgreesWithJournalIndex() throws {
    // Words of mixed case and digits, and every kind of ASCII separator: punctuation, the
    // underscore, controls, a NUL.
    let words = [
      "Priya", "priyanka", "PRI", "cache", "Cached", "1on1", "1:1", "e-mail", "don't", "x_y",
      "a\u{0}b", "tab\there", "line\nbreak", "R2D2", "9am", "C++", "(deep-work)", "...",
      "Ünïcode",
    ]
    var random = SeededRandom(seed: 11)
    try withJournal { journal, _ in
      let insert = try journal.db.prepare("INSERT INTO entry (id, day, text) VALUES (?, ?, ?)")
      let ids = (1...400).map(Int64.init)
      for id in ids {
        // About one text in fourteen has a word that is not ASCII: it goes to the FTS5 index.
        let text = (0..<Int.random(in: 1...6, using: &random)).map { _ in
          random.chance(0.02) ? "Ünïcode" : random.pick(words.dropLast())
        }.joined(separator: random.pick([" ", ", ", "; ", "\t", "/"]))
        try insert.run([.integer(id), .day(try day("2026-01-01")), .text(text)])
      }
      let walk = try journal.db.prepare("SELECT id FROM entry ORDER BY id DESC")
      let byJournal = try journal.db.prepare("SELECT rowid FROM entryText WHERE entryText MATCH ?")
      var compared = 0
      for _ in 0..<300 {
        // One to three words, each a prefix of a word above or punctuation alone.
        let search = (0..<Int.random(in: 1...3, using: &random)).map { _ -> String in
          let word = random.pick(words.dropLast())
          return String(word.prefix(Int.random(in: 1...word.count, using: &random)))
        }.joined(separator: " ")
        let query = Journal.ftsQuery(search)
        var expected = Set<Int64>()
        try byJournal.forEachRow([.text(query)]) { (row) throws(StoreError) in
          expected.insert(row.int(0))
        }
        let terms = try #require(Journal.asciiTerms(search), "\(search)")
        try walk.bind([])
        let index = BatchSearchIndex()
        let batch = try index.read(walk, count: ids.count, query: query, asciiTerms: terms)
        #expect(batch.matching == expected, "\(search) -> \(query)")
        #expect(index.indexedCount < ids.count / 5, "the ASCII texts went to FTS5")
        compared += expected.count
      }
      #expect(compared > 5_000, "the searches matched too little to compare")
    }
    // Hand-worked: terms lowercased, a word with punctuation inside split into parts, a
    // search of punctuation alone has no terms (and matches nothing), a letter that is not
    // ASCII sends the search to FTS5.
    #expect(
      Journal.asciiTerms("Priya e-mail") == [Array("priya".utf8), [0x65], Array("mail".utf8)])
    #expect(Journal.asciiTerms("... --") == [])
    #expect(Journal.asciiTerms("café") == nil)
    // FTS5 cuts tokens at 32,768 bytes: a longer term is left to it.
    #expect(Journal.asciiTerms(String(repeating: "a", count: 32_768))?.first?.count == 32_768)
    #expect(Journal.asciiTerms(String(repeating: "a", count: 32_769)) == nil)
    let text = Array("Paired with PRIYA-K on 1on1s; cache_warm".utf8)
    text.withUnsafeBufferPointer { bytes in
      #expect(BatchSearchIndex.matches(bytes, [Array("priya".utf8), Array("k".utf8)]))
      #expect(BatchSearchIndex.matches(bytes, [Array("1on".utf8), Array("warm".utf8)]))
      #expect(!BatchSearchIndex.matches(bytes, [Array("riya".utf8)]))
      #expect(!BatchSearchIndex.matches(bytes, [Array("cachewarm".utf8)]))
      #expect(!BatchSearchIndex.matches(bytes, []))
    }
  }

  @Test("the first batch stops at --limit known matches; an earlier text left to FTS5 still leads")
  func firstBatchStopsEarly() throws {
    try withJournal { journal, _ in
      // Newest first: 10 is not ASCII (FTS5 decides), 9 and 7 match as ASCII, 6 is not ASCII.
      let texts = [
        "priya five", "nothing", "priya three", "nothing", "nothing", "Priya n\u{E9}e six",
        "priya again seven", "nothing eight", "priya nine", "Caf\u{E9} with Priya ten",
      ]
      for (index, text) in texts.enumerated() {
        _ = try journal.addEntry(
          NewEntry(day: try day("2026-11-01").adding(days: index), text: text))
      }
      let walk = try journal.db.prepare(
        "SELECT id FROM entry INDEXED BY entryByDay WHERE deletedAt IS NULL ORDER BY day DESC, id DESC"
      )
      try walk.bind([])
      let index = BatchSearchIndex()
      let batch = try index.read(
        walk, count: 128, enough: 2, query: Journal.ftsQuery("priya"),
        asciiTerms: Journal.asciiTerms("priya"))
      // By hand: it stops after 7, the second ASCII match; 10 was left to FTS5 and matches.
      #expect(batch.ids == [10, 9, 8, 7])
      #expect(batch.matching == [10, 9, 7])
      #expect(index.indexedCount == 1)
      #expect(!batch.walkIsDone)
      for (limit, expected) in [
        (1, [10]), (2, [10, 9]), (3, [10, 9, 7]), (4, [10, 9, 7, 6]), (6, [10, 9, 7, 6, 3, 1]),
      ] as [(Int, [Int64])] {
        #expect(
          try ids(journal, EntryFilter(search: "priya", limit: limit), fewMatches: 1) == expected,
          "--limit \(limit)")
      }
    }
  }

  @Test("a cursor left half-read keeps nothing open: a write after it succeeds")
  func halfReadCursor() throws {
    try withJournal { journal, _ in
      _ = try seeded(journal)
      do {
        var cursor = try journal.entries(EntryFilter(search: "alpha"), fewMatches: 1)
        #expect(try cursor.next() != nil)
      }
      let added = try journal.addEntry(NewEntry(day: try day("2027-01-01"), text: "alpha new"))
      #expect(try ids(journal, EntryFilter(search: "alpha", limit: 1), fewMatches: 1) == [added.id])
    }
  }
}
