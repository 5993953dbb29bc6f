// libFuzzer harness for CSVReader (scripts/fuzz csv). Beyond "no crash", every input must
// satisfy these properties, or the harness calls fatalError and libFuzzer keeps the input:
// - an error names a line between 1 and the number of lines in the input (LF, CRLF and a lone
//   CR each end one), and no read failure;
// - the records read, written back with CSV.row one per line, read back field for field the
//   same, and writing those gives the same bytes again.

private enum Outcome: Equatable {
  case records([[String]])
  case failure(SyntaxError)
}

private func read(_ descriptor: CInt) -> Outcome {
  var reader = CSVReader(fileDescriptor: descriptor)
  var records: [[String]] = []
  do throws(SyntaxError) {
    while let record = try reader.readRecord() { records.append(record) }
    return .records(records)
  } catch {
    return .failure(error)
  }
}

private func written(_ records: [[String]]) -> [UInt8] {
  Array(records.map { CSV.row($0) + "\n" }.joined().utf8)
}

/// The line breaks the reader counts: LF, CRLF (one) and a lone CR.
func lineBreaks(in bytes: UnsafeRawBufferPointer) -> Int {
  var count = 0
  for index in bytes.indices {
    if bytes[index] == 0x0A {
      count += 1
    } else if bytes[index] == 0x0D, index + 1 == bytes.count || bytes[index + 1] != 0x0A {
      count += 1
    }
  }
  return count
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = UnsafeRawBufferPointer(start: data, count: size)
  switch read(FuzzInput.file(bytes)) {
  case .failure(let error):
    let lines = 1 + lineBreaks(in: bytes)
    guard case .line(let line) = error.location, (1...lines).contains(line) else {
      fatalError("error outside the \(lines) lines of the input: \(error)")
    }
    guard error.readFailure == nil else { fatalError("a read failure on a file: \(error)") }
  case .records(let records):
    let text = written(records)
    let again = read(FuzzInput.file(text))
    guard again == .records(records) else {
      fatalError("\(records) written as \(text) read back as \(again)")
    }
    guard written(records) == text else { fatalError("\(records) do not write the same twice") }
  }
  return 0
}
