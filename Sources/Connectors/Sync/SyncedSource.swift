import Store

/// What the syncer asks of each source: a sync of its streams, then, when due, the ids it still has per stream.
protocol SyncedSource {
    /// Syncs every stream (everything when `full`, else what changed) and says what each did.
    func sync(full: Bool) throws -> [SyncLogEntry]
    /// Lists every id the source still has, per reconciled stream (Reconciliation).
    func reconciliationListings() throws -> [ReconciledStream.Listing]
}

extension StripeSource: SyncedSource {}
extension HubSpotSource: SyncedSource {}
extension SalesforceSource: SyncedSource {}
extension ChargebeeSource: SyncedSource {}
