// libFuzzer harness for JSONReader (scripts/fuzz json). Beyond "no crash", every input must
// satisfy these properties, or the harness calls fatalError and libFuzzer keeps the input:
// - the outcome does not depend on the chunk size the file is read with (a value, or the same
//   error at the same byte);
// - an error points at a byte within the input and carries no read failure;
// - a value re-rendered through JSONValue, compact and pretty, parses back to an equal JSONNode.

/// A whole document: one value, then nothing but white space.
private enum Outcome: Equatable {
  case value(JSONNode)
  case failure(SyntaxError)
}

private func parse(_ descriptor: CInt, chunkSize: Int) -> Outcome {
  var reader = JSONReader(fileDescriptor: descriptor, chunkSize: chunkSize)
  do throws(SyntaxError) {
    let node = try reader.readValue()
    try reader.expectEnd()
    return .value(node)
  } catch {
    return .failure(error)
  }
}

/// The node as the writer's value, object keys sorted so the text is deterministic.
private func value(_ node: JSONNode) -> JSONValue {
  switch node {
  case .null: .null
  case .bool(let flag): .bool(flag)
  case .number(let number): .number(number)
  case .string(let text): .string(text)
  case .array(let items): .array(items.map(value))
  case .object(let members):
    .members(
      members.keys.sorted().map { key in
        JSONValue.Member(key: key, value: members[key].map(value) ?? .null)
      })
  }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = UnsafeRawBufferPointer(start: data, count: size)
  let whole = parse(FuzzInput.file(bytes), chunkSize: 1 << 16)
  // A chunk size of 1 to 8 bytes, chosen by the input, so boundaries fall everywhere.
  let chunkSize = 1 + Int(bytes.first ?? 0) % 8
  let chunked = parse(FuzzInput.file(bytes), chunkSize: chunkSize)
  guard whole == chunked else {
    fatalError("chunk size \(chunkSize) changes the outcome: \(whole) vs \(chunked)")
  }
  switch whole {
  case .failure(let error):
    guard case .byte(let offset) = error.location, (0...size).contains(offset) else {
      fatalError("error outside the input of \(size) bytes: \(error)")
    }
    guard error.readFailure == nil else { fatalError("a read failure on a file: \(error)") }
  case .value(let node):
    for indent in [nil, 0] as [Int?] {
      for compatible in [false, true] {
        let text = value(node).rendered(indent: indent, encoderCompatible: compatible)
        let again = parse(FuzzInput.file(Array(text.utf8)), chunkSize: chunkSize)
        guard again == whole else {
          fatalError("\(node) renders as \(text), which parses as \(again)")
        }
      }
    }
  }
  return 0
}
