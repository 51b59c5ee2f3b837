import Charts
import Testing
import TestSupport

@Suite struct ScaleTests {
  @Test("the tick step rounds span / count to 1, 2 or 5 × 10^e at √2, √10 and √50", arguments: [
    // span, count, multiplier, exponent: 97/5 = 19.4 → 2 × 10¹; 8/1 = 8 ≥ √50 → 1 × 10¹;
    // 3.5/1 ≥ √10 → 5 × 10⁰; 3.1/1 < √10 → 2; 1.4/1 < √2 → 1; 0.74/5 = 0.148 → 1.48 × 10⁻¹ → 2 × 10⁻¹.
    (97.0, 5, 2, 1), (8.0, 1, 1, 1), (3.5, 1, 5, 0), (3.1, 1, 2, 0), (1.4, 1, 1, 0), (0.74, 5, 2, -1),
  ])
  func tickStep(span: Double, count: Int, multiplier: Int, exponent: Int) {
    #expect(TickStep.nice(span: span, count: count) == TickStep(multiplier: multiplier, exponent: exponent))
  }

  @Test("multiples of a step are the doubles nearest the round numbers, not sums of steps")
  func multiples() {
    let step = TickStep(multiplier: 2, exponent: -1)
    #expect(step.multiple(3) == 0.6)
    #expect(step.multiple(3) != 0.2 + 0.2 + 0.2)
    #expect(TickStep(multiplier: 5, exponent: 4).multiple(3) == 150_000)
  }

  @Test("a nice linear scale widens the domain to whole steps")
  func niceLinear() {
    let a = LinearScale(nice: 0, 97)
    #expect(a.domain == 0...100)
    #expect(a.ticks == [0, 20, 40, 60, 80, 100])
    let b = LinearScale(nice: 0.13, 0.87)
    #expect(b.domain == 0...1)
    #expect(b.ticks == [0, 0.2, 0.4, 0.6, 0.8, 1])
    // 11.1 / 5 = 2.22 → step 2; −3.2 / 2 → −2 steps down, 7.9 / 2 → 4 steps up.
    let c = LinearScale(nice: -3.2, 7.9)
    #expect(c.ticks == [-4, -2, 0, 2, 4, 6, 8])
    #expect(c.fraction(0) == 4.0 / 12.0)
    // 97,531 / 5 = 19,506 → step 20,000.
    #expect(LinearScale(nice: 1234, 98765).ticks == [0, 20_000, 40_000, 60_000, 80_000, 100_000])
    // An empty span: 0 → 0…1; 5 → 4…6 (±20%).
    #expect(LinearScale(nice: 0, 0).domain == 0...1)
    #expect(LinearScale(nice: 5, 5).domain == 4...6)
  }

  @Test("a fixed linear scale ticks every step from its lower end")
  func fixedLinear() {
    let scale = LinearScale(fixed: 2...10, step: TickStep(multiplier: 1, exponent: 0))
    #expect(scale.ticks == [2, 3, 4, 5, 6, 7, 8, 9, 10])
    #expect(scale.fraction(6) == 0.5)
  }

  @Test("a log scale ticks 1, 2, 5 × 10^e, or only powers of ten when those are too many")
  func logScale() {
    let a = LogScale(covering: 0.63, 3.1)
    #expect(a.ticks == [0.5, 1, 2, 5])
    // log(1 / 0.5) / log(5 / 0.5) = log10(2).
    assertApproximatelyEqual(a.fraction(1), 0.301029995663981, absoluteTolerance: 1e-12)
    assertApproximatelyEqual(a.fraction(2), 2 * 0.301029995663981, absoluteTolerance: 1e-12)
    // 0.01 … 50 holds twelve 1-2-5 values: only the decades inside are ticked.
    let b = LogScale(covering: 0.013, 40)
    #expect(b.domain == 0.01...50)
    #expect(b.ticks == [0.01, 0.1, 1, 10])
    // Only 1 lies inside 0.2 … 5: with at most three ticks the domain widens to 0.1 … 10.
    let c = LogScale(covering: 0.3, 4, maxTicks: 3)
    #expect(c.ticks == [0.1, 1, 10])
    // Values beyond the limits are clamped to them; 1 is always inside.
    let d = LogScale(covering: 1e-9, 1.5, limits: 0.01...100, maxTicks: 20)
    #expect(d.domain == 0.01...2)
    // One value: the neighbours either side.
    #expect(LogScale(covering: 1, 1).ticks == [0.5, 1, 2])
  }

  @Test("tick labels: thousands, k/M and 万/亿 units, percentages, factors")
  func tickLabels() {
    let western = TickFormat.number(.western)
    let chinese = TickFormat.number(.chinese)
    #expect(western.labels([0, 2000, 4000]) { _ in 3 } == ["0", "2,000", "4,000"])
    #expect(western.labels([0, 50_000, 100_000, 150_000]) { _ in 4 } == ["0", "50k", "100k", "150k"])
    #expect(chinese.labels([0, 50_000, 100_000, 150_000]) { _ in 4 } == ["0", "5万", "10万", "15万"])
    #expect(western.labels([0, 500_000, 1_000_000, 1_500_000]) { _ in 5 } == ["0", "0.5M", "1.0M", "1.5M"])
    #expect(chinese.labels([0, 1e8, 2e8]) { _ in 8 } == ["0", "1亿", "2亿"])
    #expect(western.labels([-0.5, 0, 0.5]) { _ in -1 } == ["-0.5", "0", "0.5"])
    #expect(TickFormat.percent.labels([0, 0.05, 0.1]) { _ in -2 } == ["0%", "5%", "10%"])
    #expect(TickFormat.percent.labels([0, 0.005, 0.01]) { _ in -3 } == ["0%", "0.5%", "1.0%"])
    let log = LogScale(covering: 0.5, 2)
    let axis = Axis(label: "", placement: .log(log), format: .multiplier)
    #expect(axis.ticks.map(\.label) == ["×0.5", "×1", "×2"])
  }

  @Test("SVG numbers have at most two decimals, no trailing zeros and no −0")
  func svgNumbers() {
    #expect(SVGBuilder.number(12.5) == "12.5")
    #expect(SVGBuilder.number(3) == "3")
    #expect(SVGBuilder.number(0.07) == "0.07")
    #expect(SVGBuilder.number(-2.25) == "-2.25")
    #expect(SVGBuilder.number(-0.001) == "0")
    #expect(SVGBuilder.number(1234.567) == "1234.57")
    #expect(SVGBuilder.number(.nan) == "0")
  }

  @Test("text for SVG and HTML escapes markup and drops the control characters XML forbids")
  func svgEscape() {
    #expect(Markup.escape("a<b & \"c\" > d") == "a&lt;b &amp; &quot;c&quot; &gt; d")
    #expect(Markup.escape("x\u{01}y\u{FFFE}z\tw") == "xyz\tw")
    #expect(Markup.escape("流失 'ok'") == "流失 'ok'")
  }

  @Test("the colour ramp runs from the lightest to the darkest blue, interpolating between steps")
  func colorRamp() {
    #expect(ColorRamp.blues(0) == "#F7FBFF")
    #expect(ColorRamp.blues(1) == "#08306B")
    #expect(ColorRamp.blues(2) == "#08306B")
    // 0.0625 × 8 = halfway between the first two steps (247, 251, 255) and (222, 235, 247): 234.5, 243, 251.
    // Halfway rounds away from zero: 235, 243, 251.
    #expect(ColorRamp.blues(0.0625) == "#EBF3FB")
  }
}
