import HTTPTypes
import RemediatorCore

/// Who may do what: viewers read, operators act on incidents and send alerts, admins do all.
enum Roles {
    static func require(_ minimum: APIKey.Role, for key: APIKey, doing action: String) throws {
        guard rank(key.role) >= rank(minimum) else {
            throw APIError(.forbidden, code: "forbidden", "the key '\(key.name)' (\(key.role.rawValue)) may not \(action)")
        }
    }

    private static func rank(_ role: APIKey.Role) -> Int {
        switch role {
        case .viewer: 0
        case .operator_: 1
        case .admin: 2
        }
    }
}
