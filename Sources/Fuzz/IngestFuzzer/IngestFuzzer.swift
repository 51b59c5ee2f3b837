import DataIngest

#if canImport(Glibc)
  import Glibc
#endif

/// libFuzzer's entry point: called once per generated input.
///
/// The first two bytes choose the options and the rest is the payload (see
/// ``FuzzCase``). The payload always goes through the field parsers and the
/// text decoders; when the input asks for it, it is also written to a file
/// for ``CSVReader`` and ``PurchaseHistoryLoader``. Each check states an
/// invariant with `precondition`, so a violation stops the fuzzer and saves
/// the input just as a memory error would.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  guard let fuzzCase = FuzzCase(UnsafeBufferPointer(start: data, count: size)) else { return 0 }
  FieldParserChecks.check(fuzzCase.payload)
  TextDecodingChecks.check(fuzzCase.payload, pieceSize: fuzzCase.pieceSize)
  if fuzzCase.readsFile {
    ScratchFile.input.with(fuzzCase.payload) { path in
      CSVReaderChecks.check(fuzzCase, path: path)
      LoaderChecks.check(fuzzCase, path: path)
    }
  }
  // libFuzzer reserves every other return value.
  return 0
}

/// Runs libFuzzer's command line; libFuzzer's own `main` would do the same.
///
/// SwiftPM links an executable's entry point under `IngestFuzzer_main` and
/// points `main` at it (so that tests can link executable modules), which
/// leaves libFuzzer's `main` unused: this entry stands in for it.
@main enum IngestFuzzer {
  static func main() {
    var argc = CommandLine.argc
    var argv = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, fuzz))
  }
}

/// libFuzzer's driver (`FuzzerInterface.h`), linked in by `-sanitize=fuzzer`.
@_extern(c, "LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
  _ argc: UnsafeMutablePointer<CInt>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
  _ test: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt
