/// Matches text against IAM's `*` and `?` wildcards.
enum Glob {
    /// Whether `text` matches `pattern`, where `*` matches any run of characters and `?` any one character.
    ///
    /// The match is exact in case; callers lowercase both sides where IAM ignores case. It runs in
    /// O(pattern × text) time at worst, with no recursion.
    static func matches(_ pattern: String, _ text: String) -> Bool {
        matches(Array(pattern.unicodeScalars), Array(text.unicodeScalars), literalStars: false)
    }

    /// Whether every text `narrower` can match is also matched by `wider`: `wider` matches
    /// `narrower` read literally, with a `?` of `wider` never standing for a `*` of `narrower`.
    static func covers(_ wider: String, _ narrower: String) -> Bool {
        covers(Array(wider.unicodeScalars), Array(narrower.unicodeScalars))
    }

    /// ``covers(_:_:)`` over patterns already split into scalars.
    static func covers(_ wider: [Unicode.Scalar], _ narrower: [Unicode.Scalar]) -> Bool {
        matches(wider, narrower, literalStars: true)
    }

    private static func matches(_ pattern: [Unicode.Scalar], _ text: [Unicode.Scalar], literalStars: Bool) -> Bool {
        var patternIndex = 0
        var textIndex = 0
        var starIndex = -1
        var resumeIndex = 0
        while textIndex < text.count {
            if patternIndex < pattern.count, pattern[patternIndex] != "*",
                pattern[patternIndex] == text[textIndex]
                    || (pattern[patternIndex] == "?" && !(literalStars && (text[textIndex] == "*")))
            {
                patternIndex += 1
                textIndex += 1
            } else if patternIndex < pattern.count, pattern[patternIndex] == "*" {
                starIndex = patternIndex
                resumeIndex = textIndex
                patternIndex += 1
            } else if starIndex >= 0 {
                patternIndex = starIndex + 1
                resumeIndex += 1
                textIndex = resumeIndex
            } else {
                return false
            }
        }
        while patternIndex < pattern.count, pattern[patternIndex] == "*" { patternIndex += 1 }
        return patternIndex == pattern.count
    }
}
