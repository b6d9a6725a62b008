import Foundation

/// Files that hold a secret (the first admin key, the secret-sealing key).
public enum PrivateFile {
    /// Creates `path` readable only by this user, refusing to overwrite a file: the secret
    /// is never on disk with wider permissions, not even for a moment. Returns a message
    /// saying what failed, or `nil`.
    public static func create(_ path: String, contents: String) -> String? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { return "cannot create \(path): \(String(cString: strerror(errno)))" }
        defer { close(descriptor) }
        let bytes = Array(contents.utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count, fsync(descriptor) == 0 else { return "cannot write \(path): \(String(cString: strerror(errno)))" }
        return nil
    }
}
