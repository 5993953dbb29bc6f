import JournalCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where an entry's text comes from: an argument, stdin, or `$EDITOR`, and the checks every
/// text passes before it reaches the journal.
enum TextInput {
  /// The largest entry text accepted, in UTF-8 bytes (``EntryText/maximumBytes``).
  static let maximumBytes = EntryText.maximumBytes

  /// Checks and trims a text: valid UTF-8, no NUL, not empty, not too long.
  static func clean(_ text: String) throws(JournalError) -> String {
    do {
      return try EntryText.clean(text)
    } catch {
      switch error {
      case .empty: throw .emptyText
      case .invalidUTF8: throw .invalidUTF8
      case .nul: throw .nulInText
      case .tooLong(let bytes): throw .textTooLong(bytes: bytes)
      }
    }
  }

  /// Reads all of stdin, refusing invalid UTF-8 and anything over the limit.
  static func readStandardInput() throws(JournalError) -> String {
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true {
      let count = read(STDIN_FILENO, &buffer, buffer.count)
      if count <= 0 { break }
      bytes += buffer[0..<count]
      if bytes.count > maximumBytes * 2 {  // Trimming cannot bring it under the limit.
        throw .textTooLong(bytes: bytes.count)
      }
    }
    guard let text = String(validating: bytes, as: UTF8.self) else { throw .invalidUTF8 }
    return try clean(text)
  }

  /// Opens `$VISUAL`, else `$EDITOR`, else `vi` on a private temporary file holding `initial`
  /// and a commented template, like `git commit`; lines starting with `#` are dropped.
  static func edit(initial: String, template: [String]) throws(JournalError) -> String {
    let editor = Console.environment("VISUAL") ?? Console.environment("EDITOR") ?? "vi"
    var pathTemplate = Array(
      ((Console.environment("TMPDIR") ?? "/tmp") + "/journal-entry-XXXXXX.txt").utf8CString)
    let fd = mkstemps(&pathTemplate, 4)  // mode 0600
    guard fd >= 0 else { throw .editorFailed(command: editor, status: -1) }
    let path = String(
      decoding: pathTemplate.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    defer { unlink(path) }
    let contents = initial + "\n" + template.map { "# " + $0 }.joined(separator: "\n") + "\n"
    _ = contents.utf8CString.withUnsafeBufferPointer { write(fd, $0.baseAddress, $0.count - 1) }
    close(fd)
    // The path travels in the environment, so no quoting of it can go wrong in the shell.
    setenv("JOURNAL_EDIT_FILE", path, 1)
    let status = system("\(editor) \"$JOURNAL_EDIT_FILE\"")
    guard status == 0 else { throw .editorFailed(command: editor, status: status) }
    guard let file = fopen(path, "r") else { throw .editorFailed(command: editor, status: -1) }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65_536)
    while true {
      let count = fread(&chunk, 1, chunk.count, file)
      if count == 0 { break }
      bytes += chunk[0..<count]
      if bytes.count > maximumBytes * 2 { throw .textTooLong(bytes: bytes.count) }
    }
    guard let text = String(validating: bytes, as: UTF8.self) else { throw .invalidUTF8 }
    let kept = text.split(separator: "\n", omittingEmptySubsequences: false)
      .filter { !$0.hasPrefix("#") }
      .joined(separator: "\n")
    return try clean(kept)
  }
}
