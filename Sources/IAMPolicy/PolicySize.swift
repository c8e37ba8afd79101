/// How AWS measures a policy against its size quotas.
public enum PolicySize {
    /// The number of characters in `text` not counting white space (space, tab, CR, LF).
    ///
    /// This is the measure behind the 6,144-character managed policy quota and the 2,048 / 5,120 /
    /// 10,240-character aggregate inline quotas of users, groups and roles. Characters are Unicode
    /// scalars, so `é` counts once although it takes two bytes in UTF-8.
    public static func characterCount(_ text: String) -> Int {
        // One scalar per byte that is not a UTF-8 continuation byte; whitespace bytes are all ASCII.
        var text = text
        return text.withUTF8 { bytes in
            var count = 0
            for byte in bytes where byte & 0xC0 != 0x80 && byte != 0x20 && byte != 0x0A && byte != 0x09 && byte != 0x0D
            {
                count += 1
            }
            return count
        }
    }
}
