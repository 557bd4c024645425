import Foundation
import Testing

@testable import Host

@Test func aKnownTotalShowsABarPercentageAndAnETAFromThePaceSoFar() {
    let started = Date(timeIntervalSince1970: 0)
    let bar = ProgressBar("importing invoices", total: 200, started: started)
    let line = bar.line(done: 50, detail: "10000 rows", now: started.addingTimeInterval(30))
    #expect(line.hasPrefix("importing invoices [######..................] 25% 10000 rows, 0:30"), "\(line)")
    #expect(line.hasSuffix("ETA 1:30"), "a quarter in 30 s leaves 90 s: \(line)")
}

@Test func anUnknownTotalShowsWhatIsDoneAndTheTimeTaken() {
    let started = Date(timeIntervalSince1970: 0)
    let line = ProgressBar("syncing", total: nil, started: started).line(
        done: 0, detail: "stripe invoices: 300 records", now: started.addingTimeInterval(3_725))
    #expect(line == "syncing: stripe invoices: 300 records, 1:02:05")
    #expect(!line.contains("%") && !line.contains("ETA"))
}
