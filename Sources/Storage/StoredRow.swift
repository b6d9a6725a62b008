import Foundation

/// One result row as the shared decoders (``StoredRows``) read it: both stores keep the
/// same column names, times as integer milliseconds and JSON as text, so one decoder
/// serves SQLite and PostgreSQL.
protocol StoredRow {
    func text(_ column: String) throws -> String
    func optionalText(_ column: String) throws -> String?
    func integer(_ column: String) throws -> Int64
    func optionalInteger(_ column: String) throws -> Int64?
    func flag(_ column: String) throws -> Bool
    func bytes(_ column: String) throws -> Data
}
