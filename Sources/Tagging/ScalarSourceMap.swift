import Yams

/// Where each character of a YAML scalar stands in its file, so that an
/// error at offset 12 of a `when:` expression is reported at the line and
/// column of the rules file an editor shows.
///
/// Yams gives the position where a scalar node starts; from there the value
/// is walked alongside the file's text. For plain and quoted scalars on one
/// line the mapping is exact, escapes (`\"`, `\u4E2D`, `''`) included. For
/// scalars over several lines (folded, literal `|`, or a plain scalar
/// continued on the next line) the walk skips the indentation and line
/// breaks the value does not hold, which is exact for the usual layouts.
struct ScalarSourceMap: Sendable {
  struct Position: Sendable, Equatable {
    var line: Int
    var column: Int
  }

  let file: String
  /// One position per Unicode scalar of the value, then one past the last.
  private let positions: [Position]

  /// A value standing at `line`:`column` of `file` with nothing to unescape.
  init(file: String, line: Int = 1, column: Int = 1, count: Int) {
    self.file = file
    positions = (0...count).map { Position(line: line, column: column + $0) }
  }

  /// The map of the scalar `value` whose node starts at `mark` (1-based).
  ///
  /// - Parameter lines: the file's lines without their line ends.
  init(value: String, style: Node.Scalar.Style, mark: Mark, lines: [[Unicode.Scalar]], file: String) {
    self.file = file
    var walk = Walk(lines: lines, line: mark.line - 1, column: mark.column - 1)
    switch style {
    case .literal, .folded: walk.nextLine()  // past the `|` or `>` header
    case .singleQuoted, .doubleQuoted: walk.column += 1  // past the opening quote
    case .any, .plain: break
    }
    var positions: [Position] = []
    for scalar in value.unicodeScalars {
      positions.append(walk.consume(scalar, style: style))
    }
    positions.append(walk.position)
    self.positions = positions
  }

  /// The file position of the scalar at `offset` in the value (`count` for its end).
  func location(_ offset: Int) -> FilePosition {
    let position = positions[min(max(offset, 0), positions.count - 1)]
    return FilePosition(file: file, line: position.line, column: position.column)
  }

  /// A cursor over the file's text, 0-based inside, 1-based outside.
  private struct Walk {
    let lines: [[Unicode.Scalar]]
    var line: Int
    var column: Int

    var position: Position { Position(line: line + 1, column: column + 1) }

    /// The scalar under the cursor: `\n` at a line's end, `nil` past the last line.
    var current: Unicode.Scalar? {
      guard line < lines.count else { return nil }
      return column < lines[line].count ? lines[line][column] : "\n"
    }

    mutating func nextLine() {
      line += 1
      column = 0
    }

    mutating func advance() {
      if current == "\n" { nextLine() } else { column += 1 }
    }

    /// Moves past the source text of the value scalar `wanted` and returns where it began.
    mutating func consume(_ wanted: Unicode.Scalar, style: Node.Scalar.Style) -> Position {
      while let found = current {
        let start = position
        if style == .doubleQuoted && found == "\\" {
          column += 1
          if current == "\n" {  // an escaped line break stands for nothing
            nextLine()
            continue
          }
          switch current {
          case "x": column += 3
          case "u": column += 5
          case "U": column += 9
          default: column += 1
          }
          return start
        }
        if style == .singleQuoted && found == "'" {  // '' stands for '
          column += 2
          return start
        }
        if found == wanted || (isSpace(found) && isSpace(wanted)) {
          advance()
          return start
        }
        // Indentation, a fold, or a tag in front: text the value does not hold.
        advance()
      }
      return position
    }

    private func isSpace(_ scalar: Unicode.Scalar) -> Bool {
      scalar == " " || scalar == "\t" || scalar == "\n"
    }
  }
}
