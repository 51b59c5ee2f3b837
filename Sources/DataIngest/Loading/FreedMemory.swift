import CMemory

/// Memory the process has freed and the allocator still holds.
public enum FreedMemory {
  /// Gives it back to the system (glibc keeps freed memory in its arenas,
  /// where the next allocations may not fit it); a no-op elsewhere. For the
  /// end of a loading pass or of a step of a long job.
  public static func release() {
    analyze_release_free_memory()
  }
}
