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

  /// The line that ends what the person wrote, as `git commit`'s scissors: it and every line
  /// after it are the template's own and are dropped, so a line of theirs starting with `#`
  /// (`#1 priority today`, a Markdown heading) is kept.
  static let scissors = "# ------------------------ >8 ------------------------"

  /// Opens `$VISUAL`, else `$EDITOR`, else `vi` on a private temporary file holding `initial`,
  /// the ``scissors`` line and a commented template, like `git commit`, then hands the text to
  /// `save`.
  ///
  /// Validate everything the command line says before calling this. The draft is removed when
  /// `save` succeeds (or nothing was written); when the editor fails, the text cannot be read,
  /// or `save` throws, it is kept and the error names its path. SIGINT, SIGTERM and SIGHUP
  /// remove it while the editor runs.
  static func edit<Result>(
    initial: String, template: [String], save: (String) throws -> Result
  ) throws -> Result {
    let editor = Console.environment("VISUAL") ?? Console.environment("EDITOR") ?? "vi"
    let lines =
      [scissors, "# Do not modify or remove the line above."]
      + (["Everything below it is ignored."] + template).map { "# " + $0 }
    let contents = initial + "\n\n" + lines.joined(separator: "\n") + "\n"
    let path: String
    do {
      path = try TemporaryFile.create(prefix: "journal-entry", suffix: ".txt", contents: contents)
    } catch {
      throw JournalError.io(error)
    }
    let cleanup = SignalCleanup.register([path])
    var keep = false
    defer {
      SignalCleanup.unregister(cleanup)
      if !keep { try? FileSystem.removeFile(path) }
    }
    let text: String
    do {
      try Console.finishOutput()
      text = try runEditor(editor, on: path, templateLines: lines)
    } catch .emptyText {
      throw JournalError.emptyText
    } catch {
      keep = true
      throw JournalError.textKept(error, path: path)
    }
    do {
      return try save(text)
    } catch {
      keep = true
      guard let error = JournalError(error) else {
        Console.error("Your text is kept at '\(path)'.")
        throw error
      }
      throw JournalError.textKept(error, path: path)
    }
  }

  /// Runs the editor on `path` and returns the text above the scissors, checked.
  private static func runEditor(_ editor: String, on path: String, templateLines: [String])
    throws(JournalError) -> String
  {
    // The path travels in the environment, so no quoting of it can go wrong in the shell.
    Environment.set("JOURNAL_EDIT_FILE", to: path)
    let status: Shell.Status
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
    return try clean(stripTemplate(text, templateLines: templateLines))
  }

  /// What the person wrote: line endings made `\n` (an editor may save CRLF), then everything
  /// from the ``scissors`` line on dropped. When the scissors line was removed, only lines equal
  /// to the template's own are dropped; any other line, `#` or not, is kept.
  static func stripTemplate(_ text: String, templateLines: [String]) -> String {
    let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
      .map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
    let isScissors = { (line: String) in line.trimmingWhitespace() == scissors }
    if let cut = lines.firstIndex(where: isScissors) {
      return lines[..<cut].joined(separator: "\n")
    }
    let own = Set(templateLines.map { $0.trimmingWhitespace() })
    return lines.filter { !own.contains($0.trimmingWhitespace()) }.joined(separator: "\n")
  }
}
