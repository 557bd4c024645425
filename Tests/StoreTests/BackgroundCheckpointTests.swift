import Foundation
import Testing

@testable import Store

private struct Failure: Error {}

@Test func checkpointingCopiesTheWALIntoTheFileWhileTheBodyRunsAndPassesItsResultAndErrorOn() throws {
    let file = TemporaryDatabase(.sqlite)
    let database = try Database(path: file.path)
    try database.checkpointEvery(pages: 1_000_000)  // nothing reaches the file but by a checkpoint
    try database.execute("CREATE TABLE filler (text TEXT)")
    try database.transaction {
        for _ in 0..<2_000 { try database.execute("INSERT INTO filler VALUES (hex(randomblob(500)))") }
    }
    func fileSize() throws -> Int {
        try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int ?? 0
    }
    let before = try fileSize()
    // The body waits for the copy, so the file has grown by the time it returns.
    let answer = try database.checkpointing { () throws -> Int in
        for _ in 0..<500 where try fileSize() == before { Thread.sleep(forTimeInterval: 0.01) }
        return 42
    }
    #expect(answer == 42)
    #expect(try fileSize() > before + 1_000_000)
    #expect(throws: Failure.self) { try database.checkpointing { throw Failure() } }
    #expect(try database.makeStatement("SELECT count(*) FROM filler").map { $0.integer(0) }.first == 2_000)
    withExtendedLifetime(file) {}
}
