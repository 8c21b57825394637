/// Keeps credentials out of reports: settings whose name says they are secret lose their value, and
/// passwords inside connection strings are replaced.
public enum Redaction {
    /// What replaces a secret.
    public static let placeholder = "[redacted]"

    /// Parts of a setting's name that mark its value as secret.
    static let secretNameParts = ["password", "passwd", "secret", "token", "credential", "apikey", "api_key", "api-key", "private"]

    /// The value of setting `name` as a report may show it: the placeholder if the name marks a
    /// secret, else `value` with connection-string passwords replaced.
    public static func value(_ value: String, ofSetting name: String) -> String {
        let lowered = name.lowercased()
        if secretNameParts.contains(where: lowered.contains) { return placeholder }
        return scrub(value)
    }

    /// `text` with the password of every URL (`postgres://user:secret@host`) and every libpq-style
    /// `password=…` replaced by the placeholder.
    public static func scrub(_ text: String) -> String {
        let userInfo = /(?<scheme>[A-Za-z][A-Za-z0-9+.\-]*:\/\/[^\/\s:@]*):(?<password>[^\/\s@]*)@/
        let keyword = /(?<key>(?i:password|passwd|pwd)\s*=\s*)(?<value>'[^']*'|"[^"]*"|[^\s&;,]+)/
        return text
            .replacing(userInfo) { match in "\(match.output.scheme):\(placeholder)@" }
            .replacing(keyword) { match in "\(match.output.key)\(placeholder)" }
    }
}
