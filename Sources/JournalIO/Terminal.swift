#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The process's standard streams as a terminal program sees them.
public enum Terminal {
  /// Whether `descriptor` is a terminal (a person typing or reading, not a pipe or a file).
  ///
  /// - Parameter descriptor: E.g. `.standardInput`.
  /// - Returns: `isatty(3)`.
  public static func isTerminal(_ descriptor: FileDescriptor) -> Bool {
    isatty(descriptor.rawValue) == 1
  }

  /// How many columns wide the terminal on `descriptor` is: its window size (`TIOCGWINSZ`),
  /// else a positive `COLUMNS`, else 80 (a pipe, or a terminal that reports no size).
  ///
  /// - Parameter descriptor: E.g. `.standardOutput`.
  /// - Returns: The width, at least 1.
  public static func columns(_ descriptor: FileDescriptor) -> Int {
    var size = winsize()
    #if canImport(Glibc)
      let status = ioctl(descriptor.rawValue, UInt(TIOCGWINSZ), &size)
    #elseif canImport(Darwin)
      // TIOCGWINSZ is `_IOR('t', 104, struct winsize)` there, a macro Swift does not import.
      let status = ioctl(descriptor.rawValue, UInt(0x4008_7468), &size)
    #endif
    if status == 0 && size.ws_col > 0 { return Int(size.ws_col) }
    if let text = Environment.value("COLUMNS"), let columns = Int(text), columns > 0 {
      return columns
    }
    return 80
  }

  /// Writes `text` to standard error at once, unbuffered, completing short writes. A failure
  /// is ignored: there is nowhere left to report it.
  ///
  /// - Parameter text: What to write, newline included.
  public static func writeToStandardError(_ text: String) {
    try? FileDescriptor.standardError.writeAll(text, naming: .standardError)
  }

  /// Writes out what `print` has buffered for standard output (before a prompt is read, or
  /// before bytes go to descriptor 1 directly).
  public static func flushPrinted() {
    fflush(nil)
  }
}

/// The process's environment variables.
public enum Environment {
  /// The value of `name`, `nil` when unset (an empty value is returned as it is).
  ///
  /// - Parameter name: The variable.
  /// - Returns: Its value.
  public static func value(_ name: String) -> String? {
    guard let value = getenv(name) else { return nil }
    return String(cString: value)
  }

  /// Sets `name` for this process and the programs it starts.
  ///
  /// - Parameters:
  ///   - name: The variable.
  ///   - value: Its new value.
  public static func set(_ name: String, to value: String) {
    setenv(name, value, 1)
  }
}

/// Ending and pausing the process.
public enum ProcessControl {
  /// Ends the process with `code`, after `exit(3)` has flushed `print`'s buffer.
  ///
  /// - Parameter code: The exit status.
  public static func exit(_ code: Int32) -> Never {
    #if canImport(Glibc)
      Glibc.exit(code)
    #elseif canImport(Darwin)
      Darwin.exit(code)
    #endif
  }

  /// Sleeps the calling thread.
  ///
  /// - Parameter microseconds: How long.
  public static func sleep(microseconds: Int) {
    _ = usleep(UInt32(clamping: microseconds))
  }
}
