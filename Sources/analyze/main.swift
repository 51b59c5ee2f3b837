import AnalyzeCommand
import Foundation

exit(await Analyze.run())
