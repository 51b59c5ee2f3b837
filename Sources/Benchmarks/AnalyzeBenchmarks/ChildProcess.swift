#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs a program to completion with `posix_spawnp`, capturing its standard
/// output (standard error passes through), and reports its resource use.
///
/// Spawned directly rather than through Foundation's `Process`, so the tool
/// stays a small binary whose own memory does not blur a child's peak RSS.
struct ChildProcess {
  /// What the child wrote to standard output.
  var output: String
  /// Wall-clock seconds from spawn to exit.
  var seconds: Double
  /// The child's peak resident set (ru_maxrss from `wait4`), in KiB.
  var peakRSSKiB: Int

  /// Runs `arguments[0]` (looked up on `PATH` when it has no slash).
  /// - Throws: ``BenchmarkError/system(call:errno:)`` when it cannot be
  ///   started (ENOENT when the program does not exist), and
  ///   ``BenchmarkError/childFailed(command:status:)`` when it exits non-zero.
  static func run(_ arguments: [String]) throws(BenchmarkError) -> ChildProcess {
    let command = arguments.joined(separator: " ")
    var pipeEnds: [Int32] = [0, 0]
    guard pipe(&pipeEnds) == 0 else { throw .system(call: "pipe", errno: errno) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
    posix_spawn_file_actions_addclose(&actions, pipeEnds[0])

    var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    let start = monotonicSeconds()
    var pid = pid_t()
    let spawned = posix_spawnp(&pid, arguments[0], &actions, nil, &argv, environ)
    close(pipeEnds[1])
    guard spawned == 0 else {
      close(pipeEnds[0])
      throw .system(call: "starting '\(arguments[0])'", errno: spawned)
    }

    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = chunk.withUnsafeMutableBytes { read(pipeEnds[0], $0.baseAddress, $0.count) }
      if n < 0 && errno == EINTR { continue }
      if n <= 0 { break }
      bytes += chunk[0..<n]
    }
    close(pipeEnds[0])

    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 {
      guard errno == EINTR else { throw .system(call: "wait4", errno: errno) }
    }
    let seconds = monotonicSeconds() - start
    // The <sys/wait.h> macros are not imported: the low 7 bits hold the
    // terminating signal, the next byte the exit code.
    let signal = status & 0x7F
    let exitCode = (status >> 8) & 0xFF
    if signal != 0 { throw .childFailed(command: command, status: "was killed by signal \(signal)") }
    if exitCode != 0 { throw .childFailed(command: command, status: "exited with status \(exitCode)") }
    return ChildProcess(
      output: String(decoding: bytes, as: UTF8.self), seconds: seconds, peakRSSKiB: usage.ru_maxrss)
  }

  /// Runs a Python script, `arguments[0]` being the interpreter, and reads
  /// the one-line JSON object it prints last.
  /// - Throws: ``BenchmarkError/pythonNotFound(_:)`` when the interpreter is
  ///   missing, ``BenchmarkError/unreadableOutput(command:output:)`` when no
  ///   line starts with `{`, and what ``run(_:)`` throws.
  static func runPython(_ arguments: [String]) throws(BenchmarkError) -> (ChildProcess, JSONLine) {
    let child: ChildProcess
    do {
      child = try run(arguments)
    } catch .system(_, let code) where code == ENOENT {
      throw .pythonNotFound(arguments[0])
    }
    guard let line = child.output.split(separator: "\n").last(where: { $0.hasPrefix("{") }) else {
      throw .unreadableOutput(command: arguments.joined(separator: " "), output: child.output)
    }
    return (child, JSONLine(line))
  }
}
