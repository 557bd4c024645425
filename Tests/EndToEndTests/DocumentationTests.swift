import Foundation
import Testing

@Test func theModuleReferenceIsWhatScorebookModulesPrints() throws {
    let file = ScorebookProcess.packageRoot.appendingPathComponent("docs/modules.md")
    let doc = try String(contentsOf: file, encoding: .utf8)
    let start = try #require(doc.range(of: "```\n"))
    let end = try #require(doc.range(of: "```\n", options: .backwards))
    let printed = try ScorebookProcess().run(["modules"]).stdout
    #expect(!printed.isEmpty)
    #expect(
        String(doc[start.upperBound..<end.lowerBound]) == printed,
        "docs/modules.md is out of date. Please run scripts/module-reference")
}

@Test func theReadmeAndDocsStayInTheRepositoryAndSpeakToUsers() throws {
    let root = ScorebookProcess.packageRoot
    let docs = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("docs").path)
        .filter { $0.hasSuffix(".md") }.map { "docs/" + $0 }
    let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
    #expect(readme.split(separator: "\n", omittingEmptySubsequences: false).count <= 250)
    #expect(
        readme.hasPrefix(
            "# Scorebook\n\n```\nscripts/setup && swift run -c release scorebook demo\nscripts/test\n```\n"))
    for path in ["README.md"] + docs {
        let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
        for word in ["](../", "`../", " ../", "/work/", "seed 0", "Seed 0", "issue 1"] {
            #expect(!text.contains(word), "\(path) mentions \"\(word)\"")
        }
        // Every relative link names a file that exists.
        for link in text.components(separatedBy: "](").dropFirst().compactMap({ $0.split(separator: ")").first }) {
            guard !link.hasPrefix("http"), !link.hasPrefix("#") else { continue }
            let base = path.hasPrefix("docs/") ? root.appendingPathComponent("docs") : root
            let file = String(link.split(separator: "#").first ?? "")
            #expect(
                FileManager.default.fileExists(atPath: base.appendingPathComponent(file).path),
                "\(path) links to \(link), which is not there")
        }
    }
}
