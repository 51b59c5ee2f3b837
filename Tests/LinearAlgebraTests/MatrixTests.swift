import LinearAlgebra
import Testing

@Suite struct MatrixTests {
  @Test("row-major, column-major and column initialisers agree on element positions")
  func initialisersAgree() {
    let fromRows = Matrix(rows: 2, columns: 3, rowMajor: [1, 2, 3, 4, 5, 6])
    let fromColumnMajor = Matrix(rows: 2, columns: 3, columnMajor: [1, 4, 2, 5, 3, 6])
    let fromColumns = Matrix(columns: [[1, 4], [2, 5], [3, 6]])
    #expect(fromRows == fromColumnMajor)
    #expect(fromRows == fromColumns)
    #expect(fromRows[0, 2] == 3)
    #expect(fromRows[1, 0] == 4)
    #expect(fromRows.column(1) == [2, 5])
    #expect(fromRows.columnMajorElements == [1, 4, 2, 5, 3, 6])
  }

  @Test("zeros and identity have the expected entries")
  func zerosAndIdentity() {
    #expect(Matrix.zeros(rows: 2, columns: 3).columnMajorElements == [0, 0, 0, 0, 0, 0])
    #expect(Matrix.identity(size: 3) == Matrix(rows: 3, columns: 3, rowMajor: [1, 0, 0, 0, 1, 0, 0, 0, 1]))
    #expect(Matrix(columns: []).rows == 0)
  }

  @Test("subscript writes one element and leaves copies untouched")
  func subscriptIsValueSemantics() {
    var a = Matrix.zeros(rows: 2, columns: 2)
    let copy = a
    a[1, 0] = 7
    #expect(a.columnMajorElements == [0, 7, 0, 0])
    #expect(copy.columnMajorElements == [0, 0, 0, 0])
  }

  @Test("buffer pointers expose column-major storage")
  func bufferPointersAreColumnMajor() {
    var a = Matrix(rows: 2, columns: 2, rowMajor: [1, 2, 3, 4])
    let seen = a.withUnsafeBufferPointer { Array($0) }
    #expect(seen == [1, 3, 2, 4])
    a.withUnsafeMutableBufferPointer { buffer in buffer[1] = 30 }  // (1, 0)
    #expect(a[1, 0] == 30)
  }
}
