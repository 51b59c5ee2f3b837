@testable import Notebooks
import Testing

@Suite struct MarkdownSectionTests {
  @Test("Cut at every heading level; text before the first heading kept; headings in code fences ignored")
  func split() {
    let text = "Lead line.\n\n# Title\n\nIntro.\n\n## Factors\n\n- one\n```\n## not a heading\n```\n\n### Sub (more)\n\n#hashtag\n"
    #expect(MarkdownSection.split(text) == [
      MarkdownSection(level: 0, title: "", body: "Lead line."),
      MarkdownSection(level: 1, title: "Title", body: "Intro."),
      MarkdownSection(level: 2, title: "Factors", body: "- one\n```\n## not a heading\n```"),
      MarkdownSection(level: 3, title: "Sub (more)", body: "#hashtag"),
    ])
  }

  @Test("Rendered at its own level or another; titled by an English or Chinese prefix")
  func rendering() {
    let section = MarkdownSection(level: 3, title: "Calibration (deciles)", body: "| a |")
    #expect(section.markdown() == "### Calibration (deciles)\n\n| a |")
    #expect(section.markdown(level: 2) == "## Calibration (deciles)\n\n| a |")
    #expect(MarkdownSection(level: 2, title: "Empty", body: "").markdown() == "## Empty")
    #expect(section.isTitled(["Calibration", "校准"]))
    #expect(MarkdownSection(level: 3, title: "校准（按预测概率十等分）", body: "").isTitled(["Calibration", "校准"]))
    #expect(!section.isTitled(["Validation"]))
  }
}

@Suite struct MarkdownLinksTests {
  @Test("Relative targets move under the run's folder; absolute, anchored and web links stay")
  func rebase() {
    let text = "See [scores](scores.csv), [web](https://example.com/a), [top](#factors), [abs](/tmp/x) and `C(x)[a](b)`."
    #expect(MarkdownLinks.rebase(text, onto: "run/churn", dropping: []) ==
      "See [scores](run/churn/scores.csv), [web](https://example.com/a), [top](#factors), [abs](/tmp/x) and `C(x)[a](b)`.")
  }

  @Test("A line showing only an embedded chart is dropped; other pictures are kept, rebased")
  func embeddedPictures() {
    let text = "Before.\n\n![ROC curve](roc.svg)\n![Other](other.svg)\nAfter."
    #expect(MarkdownLinks.rebase(text, onto: "run", dropping: ["roc.svg"]) == "Before.\n\n![Other](run/other.svg)\nAfter.")
  }
}

@Suite struct RelativePathTests {
  @Test("From the notebook's folder to the run, through the common ancestor; . and .. worked out")
  func relative() {
    #expect(RelativePath.to("/a/b/run", from: "/a/notebooks") == "../b/run")
    #expect(RelativePath.to("/a/notebooks/run", from: "/a/notebooks") == "run")
    #expect(RelativePath.to("/a/notebooks", from: "/a/notebooks") == ".")
    #expect(RelativePath.to("/a/./x/../run/", from: "/a/n/m") == "../../run")
    #expect(RelativePath.to("/", from: "/a/b") == "../..")
  }

  @Test("Relative paths are taken from the current directory")
  func currentDirectory() {
    #expect(RelativePath.to("out/jobs/nightly/latest", from: "notebooks") == "../out/jobs/nightly/latest")
    #expect(RelativePath.to("notebooks-export/run", from: "notebooks-export") == "run")
  }

  @Test("Joined without ./ or a trailing slash")
  func join() {
    #expect(RelativePath.join("run", "churn") == "run/churn")
    #expect(RelativePath.join("run", "") == "run")
    #expect(RelativePath.join(".", "churn") == "churn")
  }
}
