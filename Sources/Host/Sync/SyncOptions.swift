import Connectors
import Foundation

/// What a sync may be told from the command line: the TLS bundle, the largest body read and a deadline.
public struct SyncOptions: Sendable {
    /// A CA bundle to verify TLS with, instead of the system's.
    public var caFile: String?
    /// The largest response body read; a larger one stops the sync (64 MiB by default).
    public var maxBodyBytes = HTTPOptions().maxBodyBytes
    /// When set, no request starts or waits past it: the sync stops, keeping what was written.
    public var deadline: Date?

    /// Options with the defaults.
    public init() {}

    /// The HTTP client's options: its defaults with these set.
    var http: HTTPOptions {
        var options = HTTPOptions()
        options.caFile = caFile
        options.maxBodyBytes = maxBodyBytes
        options.deadline = deadline
        return options
    }
}
