import JournalCore

/// A piece of HTML. Literals are markup as written; every interpolated `String` is escaped on
/// Unicode scalars (`& < > " '`), so no text reaches the page as markup by construction. An
/// interpolated `HTML` goes in as it is; numbers go in as their digits.
///
/// In the manner of GRDB's `SQL` interpolation: `"<li>\(title)</li>" as HTML`.
public struct HTML: Sendable, Equatable, CustomStringConvertible, ExpressibleByStringInterpolation {
  /// The markup.
  public private(set) var markup: String

  public var description: String { markup }

  /// Markup written in the source.
  public init(stringLiteral value: String) {
    markup = value
  }

  public init(stringInterpolation: Interpolation) {
    markup = stringInterpolation.markup
  }

  /// `text` as HTML element content or attribute value: the markup that shows exactly it.
  public init(text: some StringProtocol) {
    markup = String.escaping(text, Self.replacement)
  }

  /// The entity for each scalar HTML gives meaning to in content and quoted attributes.
  static func replacement(_ scalar: Unicode.Scalar) -> String? {
    switch scalar {
    case "&": "&amp;"
    case "<": "&lt;"
    case ">": "&gt;"
    case "\"": "&quot;"
    case "'": "&#39;"
    default: nil
    }
  }

  public static func + (lhs: HTML, rhs: HTML) -> HTML {
    HTML(markup: lhs.markup + rhs.markup)
  }

  public static func += (lhs: inout HTML, rhs: HTML) {
    lhs.markup += rhs.markup
  }

  private init(markup: String) {
    self.markup = markup
  }

  /// Builds HTML from literal markup and escaped interpolations.
  public struct Interpolation: StringInterpolationProtocol {
    var markup = ""

    public init(literalCapacity: Int, interpolationCount: Int) {
      markup.reserveCapacity(literalCapacity * 2)
    }

    public mutating func appendLiteral(_ literal: String) {
      markup += literal
    }

    /// Text, escaped.
    public mutating func appendInterpolation(_ text: some StringProtocol) {
      markup.appendEscaping(text, HTML.replacement)
    }

    /// HTML, as it is.
    public mutating func appendInterpolation(_ html: HTML) {
      markup += html.markup
    }

    /// A whole number's digits.
    public mutating func appendInterpolation(_ number: Int) {
      markup += String(number)
    }

    /// A coordinate or measure, as Swift prints it.
    public mutating func appendInterpolation(_ number: Double) {
      markup += "\(number)"
    }
  }
}

extension Sequence where Element == HTML {
  /// The pieces one after the other, `separator` between them.
  public func joined(separator: HTML = "") -> HTML {
    var out: HTML = ""
    for (index, piece) in enumerated() {
      if index > 0 { out += separator }
      out += piece
    }
    return out
  }
}

/// A piece of Markdown (CommonMark with GitHub's tables and strikethrough). Literals are
/// structure as written; every interpolated `String` is escaped on Unicode scalars so it reads
/// as the same text and never as structure:
/// - a backslash before each of `\ ` * _ [ ] < > | # & ~` wherever it appears (emphasis, code,
///   links, raw HTML, table cells, entities, strikethrough);
/// - at the start of a line (``init(line:)``, or after a literal line break), also before a
///   leading `- + =` or the `.`/`)` after leading digits (lists, setext headings);
/// - each line break (LF, CR, VT, FF, NEL, U+2028, U+2029) becomes a space: an interpolation
///   is always inside one line (a heading, a list item, a table row), so a title with CR/LF
///   cannot forge a heading or end a table.
///
/// Removing the backslash before each ASCII punctuation character gives the text back, with
/// its line breaks as spaces.
public struct Markdown: Sendable, Equatable, CustomStringConvertible,
  ExpressibleByStringInterpolation
{
  /// The Markdown source.
  public private(set) var source: String

  public var description: String { source }

  /// Markdown written in the source.
  public init(stringLiteral value: String) {
    source = value
  }

  public init(stringInterpolation: Interpolation) {
    source = stringInterpolation.source
  }

  /// `text` as a whole line of its own (a paragraph), escaped like an interpolation that
  /// starts a line.
  public init(line text: some StringProtocol) {
    source = Markdown.escape(text, atLineStart: true)
  }

  /// A line of an indented or fenced code block: shown as written, except that its line
  /// breaks become spaces, so it cannot leave the block.
  public init(codeLine: some StringProtocol) {
    source = String.escaping(codeLine) { $0.isLineBreak ? " " : nil }
  }

  public static func + (lhs: Markdown, rhs: Markdown) -> Markdown {
    var out = lhs
    out.source += rhs.source
    return out
  }

  /// Escapes `text` for Markdown; `atLineStart` when it begins a line.
  static func escape(_ text: some StringProtocol, atLineStart: Bool) -> String {
    var out = ""
    var lineStart = atLineStart
    var leadingDigits = atLineStart
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "&", "~":
        out += "\\"
        out.unicodeScalars.append(scalar)
      case _ where lineStart && (scalar == "-" || scalar == "+" || scalar == "="):
        out += "\\"
        out.unicodeScalars.append(scalar)
      case _ where leadingDigits && !lineStart && (scalar == "." || scalar == ")"):
        out += "\\"
        out.unicodeScalars.append(scalar)
      case _ where scalar.isLineBreak:
        out += " "
      default:
        out.unicodeScalars.append(scalar)
      }
      leadingDigits = leadingDigits && ("0"..."9").contains(scalar)
      lineStart = false
    }
    return out
  }

  /// Builds Markdown from literal structure and escaped interpolations.
  public struct Interpolation: StringInterpolationProtocol {
    var source = ""

    public init(literalCapacity: Int, interpolationCount: Int) {
      source.reserveCapacity(literalCapacity * 2)
    }

    public mutating func appendLiteral(_ literal: String) {
      source += literal
    }

    /// Text, escaped.
    public mutating func appendInterpolation(_ text: some StringProtocol) {
      let atLineStart = source.unicodeScalars.last == "\n"
      source += Markdown.escape(text, atLineStart: atLineStart)
    }

    /// Markdown, as it is.
    public mutating func appendInterpolation(_ markdown: Markdown) {
      source += markdown.source
    }

    /// A whole number's digits.
    public mutating func appendInterpolation(_ number: Int) {
      source += String(number)
    }
  }
}

extension Sequence where Element == Markdown {
  /// The pieces one after the other, `separator` between them.
  public func joined(separator: Markdown = "") -> Markdown {
    var out: Markdown = ""
    for (index, piece) in enumerated() {
      if index > 0 { out = out + separator }
      out = out + piece
    }
    return out
  }
}
