import Foundation
import Generator
import Store
import Testing

@testable import Host

/// Files no spreadsheet writes: each is refused in one line naming the file and line, and nothing of it is written.
private func refusal(_ name: String, _ bytes: [UInt8], kind: ImportKind = .accounts) throws -> String {
    let scratch = try Scratch()
    let path = scratch.folder.appendingPathComponent(name).path
    _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
    do {
        _ = try Importer(database: scratch.database).importFile(kind: kind, path: path, displayName: name)
    } catch let error as ImportError {
        #expect(try scratch.counts().allSatisfy { $0 == 0 }, "nothing of the file is written")
        return error.description
    }
    Issue.record("\(name) was imported")
    return ""
}

@Test func aNulByteIsRefusedWithItsLineNotMergedIntoTheId() throws {
    let text = try refusal("nul.csv", Array("account_id,name\nacc-1,Acme\nacc-1\u{0}evil,Evil\n".utf8))
    #expect(text == "nul.csv:3: field 1 holds a NUL byte; text may not")
    let jsonl = try refusal("nul.jsonl", Array("{\"account_id\": \"acc-1\\u0000evil\"}\n".utf8))
    #expect(jsonl == "nul.jsonl:1: column account_id: the text holds a NUL character")
}

@Test func invalidUTF8IsRefusedWithItsLine() throws {
    let bytes = Array("account_id,name\nacc-1,Acme\nacc-2,".utf8) + [0xC3, 0x28, 0xFF] + Array("\n".utf8)
    #expect(try refusal("latin.csv", bytes) == "latin.csv:3: field 2 is not UTF-8 text")
    let jsonl = Array("{\"account_id\": \"a\"}\n{\"account_id\": \"".utf8) + [0xFF] + Array("\"}\n".utf8)
    #expect(try refusal("latin.jsonl", jsonl) == "latin.jsonl:2: the line is not UTF-8 text")
}

@Test func aHugeFieldOrAnEndlessRecordIsRefusedBeforeItFillsMemory() throws {
    let field =
        Array("account_id,name\nacc-1,".utf8) + Array(repeating: UInt8(ascii: "x"), count: ImportLimits.fieldBytes + 10)
    #expect(try refusal("huge.csv", field) == "huge.csv:2: field 2 is longer than 1 MiB; nothing was imported")
    // An unclosed quote swallows the rest of the file into one field.
    let runaway = Array(("account_id,name\nacc,\"" + String(repeating: "yyyy,zzzz\n", count: 200_000)).utf8)
    #expect(try refusal("quote.csv", runaway).hasPrefix("quote.csv:"))
    #expect(try refusal("quote.csv", runaway).hasSuffix("field 2 is longer than 1 MiB; nothing was imported"))
    // Millions of empty fields: each small, the record past 8 MiB.
    let wide = Array(("account_id,name\n" + String(repeating: "y,", count: 5_000_000)).utf8)
    #expect(
        try refusal("wide.csv", wide)
            == "wide.csv:2: the record is longer than 8 MiB (an unclosed quote?); nothing was imported")
    let line =
        Array("{\"account_id\": \"".utf8) + Array(repeating: UInt8(ascii: "z"), count: ImportLimits.recordBytes + 10)
    #expect(try refusal("long.jsonl", line) == "long.jsonl:1: the line is longer than 8 MiB; nothing was imported")
}

@Test(arguments: Engine.allCases) func devZeroAndADirectoryAreOneLineEach(engine: Engine) throws {
    let scratch = try Scratch(engine: engine)
    let importer = Importer(database: scratch.database)
    #expect {
        try importer.importFile(kind: .accounts, path: "/dev/zero", displayName: "/dev/zero")
    } throws: { "\($0)" == "/dev/zero:1: field 1 holds a NUL byte; text may not" }
    #expect {
        try importer.importFile(kind: .accounts, path: scratch.folder.path, displayName: "data")
    } throws: { "\($0)" == "data: is a directory; name a CSV or JSON Lines file" }
    #expect {
        try importer.importFile(kind: .accounts, path: scratch.folder.path + "/missing.csv", displayName: "missing.csv")
    } throws: { "\($0)" == "missing.csv: no such file" }
}

@Test(arguments: ["\r", "\r\n", "\n"])
func everyLineEndIsRead(end: String) throws {
    let scratch = try Scratch()
    let text = ["account_id,name", "a,Acme", "b,\"Beta\(end)Two\"", "c,Gamma"].joined(separator: end) + end
    let summary = try scratch.importText(.accounts, "ends.csv", text)
    #expect(summary.rowsRead == 3)
    let names = try scratch.database.makeStatement("SELECT name FROM accounts ORDER BY external_id").map {
        $0.text(0) ?? ""
    }
    #expect(names == ["Acme", "Beta\(end)Two", "Gamma"])
}

@Test(arguments: Engine.allCases) func aCRLFSplitAcrossChunksIsOneLineEnd(engine: Engine) throws {
    let scratch = try Scratch(engine: engine)
    // The CR is the chunk's last byte and its LF the next chunk's first: still one line end, not a blank line.
    let header = "account_id,name\r\n"
    let filler = String(repeating: "x", count: ChunkedFile.chunkSize - header.utf8.count - "a,".utf8.count - 1)
    let summary = try scratch.importText(.accounts, "split.csv", header + "a," + filler + "\r\nb,Beta\r\n")
    #expect(summary.rowsRead == 2)
}
