/// How AWS measures a policy against its size quotas.
public enum PolicySize {
    /// The number of characters in `text` not counting white space (space, tab, CR, LF).
    ///
    /// This is the measure behind the 6,144-character managed policy quota and the 2,048 / 5,120 /
    /// 10,240-character aggregate inline quotas of users, groups and roles. Characters are Unicode
    /// scalars, so `é` counts once although it takes two bytes in UTF-8.
    public static func characterCount(_ text: String) -> Int {
        // One scalar per byte that is not a UTF-8 continuation byte; whitespace bytes are all ASCII.
        var count = 0
        for byte in text.utf8 {
            switch byte {
            case 0x20, 0x09, 0x0D, 0x0A: continue
            default: if byte & 0xC0 != 0x80 { count += 1 }
            }
        }
        return count
    }
}
