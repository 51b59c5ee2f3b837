import CKMeans

/// Which build of the C k-means kernels runs (the `CKMeans` module): AVX2
/// where the processor has it, else x86-64's baseline. Both builds give the
/// same bits; tests switch between them to check that.
enum KernelBuild {
  /// Whether the AVX2 build runs; setting `true` where the processor lacks
  /// AVX2 keeps the baseline. Applies to all threads.
  static var avx2: Bool {
    get { analyze_kmeans_avx2() != 0 }
    set { analyze_kmeans_set_avx2(newValue ? 1 : 0) }
  }
}
