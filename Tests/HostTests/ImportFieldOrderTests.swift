import Generator
import Store
import Testing

@testable import Host

/// An import binds its fields by position, so each kind's fields must be its table's columns, name for name and in
/// order (a field added out of place would write one column's values into another).
@Suite struct ImportFieldOrderTests {
    @Test(arguments: ImportKind.allCases)
    func fieldsAreTheTableColumnsInOrder(_ kind: ImportKind) {
        #expect(kind.fields.map(\.name) == kind.table.columns)
    }
}
