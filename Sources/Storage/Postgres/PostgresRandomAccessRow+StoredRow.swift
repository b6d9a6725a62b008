import Foundation
import PostgresNIO

extension PostgresRandomAccessRow: StoredRow {
    func text(_ column: String) throws -> String { try self[column].decode(String.self) }
    func optionalText(_ column: String) throws -> String? { try self[column].decode(String?.self) }
    func integer(_ column: String) throws -> Int64 { try self[column].decode(Int64.self) }
    func optionalInteger(_ column: String) throws -> Int64? { try self[column].decode(Int64?.self) }
    func flag(_ column: String) throws -> Bool { try self[column].decode(Bool.self) }
    func bytes(_ column: String) throws -> Data { try self[column].decode(Data.self) }
}
