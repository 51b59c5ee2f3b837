import AnalyzeCommand

await Analyze.main()
