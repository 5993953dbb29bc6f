import JournalCore
import JournalIO

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
    let bytes = try readAll(InputFile.standardInput)
    guard let text = String(validating: bytes, as: UTF8.self) else { throw .invalidUTF8 }
    return try clean(text)
  }

  /// Reads `input` whole, refusing it as soon as it is longer than trimming could bring under
  /// the limit.
  private static func readAll(_ input: InputFile) throws(JournalError) -> [UInt8] {
    do {
      return try input.readAll(limit: maximumBytes * 2)
    } catch {
      if case .tooLarge(let bytes)? = error.refusal { throw .textTooLong(bytes: bytes) }
      throw .io(error)
    }
  }

  /// Opens `$VISUAL`, else `$EDITOR`, else `vi` on a private temporary file holding `initial`
  /// and a commented template, like `git commit`; lines starting with `#` are dropped.
  static func edit(initial: String, template: [String]) throws(JournalError) -> String {
    let editor = Console.environment("VISUAL") ?? Console.environment("EDITOR") ?? "vi"
    let contents = initial + "\n" + template.map { "# " + $0 }.joined(separator: "\n") + "\n"
    let path: String
    let status: Shell.Status
    do {
      path = try TemporaryFile.create(prefix: "journal-entry", suffix: ".txt", contents: contents)
    } catch {
      throw .io(error)
    }
    defer { try? FileSystem.removeFile(path) }
    // The path travels in the environment, so no quoting of it can go wrong in the shell.
    Environment.set("JOURNAL_EDIT_FILE", to: path)
    do {
      status = try Shell.run("\(editor) \"$JOURNAL_EDIT_FILE\"")
    } catch {
      throw .io(error)
    }
    guard status.isSuccess else { throw .editorFailed(command: editor, status: status.description) }
    let draft: InputFile
    do {
      draft = try InputFile.open(path)
    } catch {
      throw .io(error)
    }
    let bytes = try readAll(draft)
    guard let text = String(validating: bytes, as: UTF8.self) else { throw .invalidUTF8 }
    let kept = text.split(separator: "\n", omittingEmptySubsequences: false)
      .filter { !$0.hasPrefix("#") }
      .joined(separator: "\n")
    return try clean(kept)
  }
}
