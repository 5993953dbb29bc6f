import JournalCore

extension Journal {
  /// Every tag with its track, description and the marks live entries gave it, by name.
  ///
  /// - Returns: The tags.
  /// - Throws: `StoreError` on a SQLite failure.
  public func tags() throws(StoreError) -> [Tag] {
    var tags: [Tag] = []
    try db.prepare(
      """
      SELECT t.name AS name, t.track AS track, t.description AS description,
        count(CASE WHEN et.mark = 1 AND e.id IS NOT NULL THEN 1 END) AS energized,
        count(CASE WHEN et.mark = -1 AND e.id IS NOT NULL THEN 1 END) AS drained
      FROM tag t
      LEFT JOIN entryTag et ON et.tagId = t.id
      LEFT JOIN entry e ON e.id = et.entryId AND e.deletedAt IS NULL
      GROUP BY t.id ORDER BY t.name
      """
    ).forEachRow { (row) throws(StoreError) in
      tags.append(
        Tag(
          name: row.text("name"), track: try row.decode("track", of: "tag", Track.init(rawValue:)),
          description: row.text("description"), energizedCount: Int(row.int("energized")),
          drainedCount: Int(row.int("drained"))))
    }
    return tags
  }

  /// Every tag's name, sorted: the cheap list a command checks typed tags against (``tags()``
  /// also counts every mark).
  ///
  /// - Returns: The names.
  /// - Throws: `StoreError` on a SQLite failure.
  public func tagNames() throws(StoreError) -> [String] {
    var names: [String] = []
    try db.prepare("SELECT name FROM tag ORDER BY name").forEachRow { (row) throws(StoreError) in
      names.append(row.text("name"))
    }
    return names
  }

  /// Creates a tag.
  ///
  /// - Parameters:
  ///   - name: The new tag's name.
  ///   - track: The track it speaks for.
  ///   - description: What it covers.
  /// - Throws: `StoreError.tagExists`.
  public func addTag(name: TagName, track: Track, description: String) throws(StoreError) {
    try addTag(name: name.text, track: track, description: description)
  }

  /// Creates a tag from a name as typed; errors quote it as typed.
  ///
  /// - Parameters:
  ///   - name: A kebab-case name, in any case; stored lowercase.
  ///   - track: The track it speaks for.
  ///   - description: What it covers.
  /// - Throws: `StoreError.invalidTagName` or `.tagExists`.
  public func addTag(name: String, track: Track, description: String) throws(StoreError) {
    guard let canonical = TagName.normalize(name) else { throw .invalidTagName(name) }
    try db.transaction { () throws(StoreError) in
      guard try tagID(canonical) == nil else { throw .tagExists(name: name) }
      try db.prepare("INSERT INTO tag (name, track, description) VALUES (?, ?, ?)")
        .run([.text(canonical), .text(track.rawValue), .text(description)])
    }
  }

  /// Renames a tag; every entry keeps its mark under the new name.
  ///
  /// - Parameters:
  ///   - name: The current name.
  ///   - newName: A name no other tag has.
  /// - Throws: `StoreError.unknownTag` or `.tagExists`.
  public func renameTag(_ name: TagName, to newName: TagName) throws(StoreError) {
    try renameTag(name.text, to: newName.text)
  }

  /// Renames a tag given by names as typed; errors quote them as typed.
  ///
  /// - Parameters:
  ///   - name: The current name.
  ///   - newName: A kebab-case name, in any case, no other tag has.
  /// - Throws: `StoreError.unknownTag` or `.tagExists`.
  public func renameTag(_ name: String, to newName: String) throws(StoreError) {
    guard let canonical = TagName.normalize(newName) else { throw .invalidTagName(newName) }
    try db.transaction { () throws(StoreError) in
      let id = try requireTag(name)
      if let other = try tagID(canonical), other != id { throw .tagExists(name: newName) }
      try db.prepare("UPDATE tag SET name = ? WHERE id = ?").run([.text(canonical), .integer(id)])
    }
  }

  /// Deletes a tag that no live entry carries. Deleted entries that carried it lose that mark
  /// (`journal restore` brings them back without it).
  ///
  /// - Parameter name: The tag.
  /// - Returns: How many marks of deleted entries went with it.
  /// - Throws: `StoreError.unknownTag`, or `.tagInUse` with the number of live entries.
  @discardableResult
  public func deleteTag(_ name: TagName) throws(StoreError) -> Int {
    try db.transaction { () throws(StoreError) -> Int in
      let id = try requireTag(name.text)
      let live =
        try db.prepare(
          """
          SELECT count(*) FROM entryTag et JOIN entry e ON e.id = et.entryId
          WHERE et.tagId = ? AND e.deletedAt IS NULL
          """
        ).scalarInt([.integer(id)]) ?? 0
      guard live == 0 else { throw .tagInUse(name: name.text, entries: Int(live)) }
      let marks =
        try db.prepare("SELECT count(*) FROM entryTag WHERE tagId = ?").scalarInt([.integer(id)])
        ?? 0
      // The marks and the weekly rollup go with the tag (ON DELETE CASCADE).
      try db.prepare("DELETE FROM tag WHERE id = ?").run([.integer(id)])
      return Int(marks)
    }
  }

  /// Moves every mark of `source` onto `target`, then removes `source`. Where an entry carries
  /// both, it keeps the mark it gave `target`.
  ///
  /// - Parameters:
  ///   - source: The tag that goes away.
  ///   - target: The tag that stays.
  /// - Returns: How many marks moved.
  /// - Throws: `StoreError.unknownTag`.
  @discardableResult
  public func mergeTag(_ source: TagName, into target: TagName) throws(StoreError) -> Int {
    try mergeTag(source.text, into: target.text)
  }

  /// Like ``mergeTag(_:into:)-(TagName,TagName)``, for names as typed.
  ///
  /// - Parameters:
  ///   - source: The tag that goes away.
  ///   - target: The tag that stays.
  /// - Returns: How many marks moved.
  /// - Throws: `StoreError.unknownTag`.
  @discardableResult
  public func mergeTag(_ source: String, into target: String) throws(StoreError) -> Int {
    try db.transaction { () throws(StoreError) -> Int in
      let sourceID = try requireTag(source)
      let targetID = try requireTag(target)
      guard sourceID != targetID else { return 0 }
      try db.prepare(
        """
        INSERT OR IGNORE INTO entryTag (entryId, tagId, mark)
        SELECT entryId, ?, mark FROM entryTag WHERE tagId = ?
        """
      ).run([.integer(targetID), .integer(sourceID)])
      let moved = db.changes
      try db.prepare("DELETE FROM entryTag WHERE tagId = ?").run([.integer(sourceID)])
      try db.prepare("DELETE FROM tag WHERE id = ?").run([.integer(sourceID)])
      return moved
    }
  }

  /// Changes the track a tag speaks for.
  ///
  /// - Parameters:
  ///   - name: The tag.
  ///   - track: Its new track.
  /// - Throws: `StoreError.unknownTag`.
  public func setTrack(of name: TagName, to track: Track) throws(StoreError) {
    try setTrack(of: name.text, to: track)
  }

  /// Like ``setTrack(of:to:)-(TagName,Track)``, for a name as typed.
  ///
  /// - Parameters:
  ///   - name: The tag.
  ///   - track: Its new track.
  /// - Throws: `StoreError.unknownTag`.
  public func setTrack(of name: String, to track: Track) throws(StoreError) {
    try db.transaction { () throws(StoreError) in
      let id = try requireTag(name)
      try db.prepare("UPDATE tag SET track = ? WHERE id = ?")
        .run([.text(track.rawValue), .integer(id)])
    }
  }

  /// The ids of `names`, in order; the first unknown name is an error that suggests the
  /// nearest known tag.
  func resolveTags(_ names: [String]) throws(StoreError) -> [Int64] {
    var ids: [Int64] = []
    for name in names {
      ids.append(try requireTag(name))
    }
    return ids
  }

  private func requireTag(_ name: String) throws(StoreError) -> Int64 {
    if let id = try tagID(name) { return id }
    var known: [String] = []
    try db.prepare("SELECT name FROM tag").forEachRow { (row) throws(StoreError) in
      known.append(row.text("name"))
    }
    throw .unknownTag(name: name, suggestion: TagName.nearest(to: name.lowercased(), in: known))
  }

  private func tagID(_ name: String) throws(StoreError) -> Int64? {
    try db.cached("SELECT id FROM tag WHERE name = ?").scalarInt([.text(name)])
  }
}
