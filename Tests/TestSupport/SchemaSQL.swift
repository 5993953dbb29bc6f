/// Reading the SQL of a migration, for tests that check what each version adds.
public enum SchemaSQL {
  /// The names of the tables and indexes `sql` creates, in order.
  ///
  /// - Parameter sql: A migration's statements.
  /// - Returns: The name after each `CREATE TABLE` or `CREATE INDEX` that begins a line.
  public static func createdObjects(_ sql: String) -> [String] {
    sql.split(whereSeparator: \.isNewline).compactMap { line in
      let words = line.split(separator: " ")
      guard words.count >= 3, words[0] == "CREATE", words[1] == "TABLE" || words[1] == "INDEX"
      else { return nil }
      return String(words[2].prefix { $0.isLetter || $0.isNumber || $0 == "_" })
    }
  }
}
