extension String {
    /// The text in Unicode Normalization Form C, the form every name and item key is stored
    /// in, so that two strings Swift's `==` calls equal are one name or key everywhere (a
    /// database compares bytes: "é" and "e\u{301}" differ there).
    ///
    /// ASCII text is its own canonical form and is returned at the cost of one scan.
    /// - Complexity: O(n) in the text's UTF-8 bytes.
    package var canonical: String {
        if utf8.allSatisfy({ $0 < 0x80 }) { return self }
        // The standard library's own normalizer, which its String comparison uses; Foundation's
        // `precomposedStringWithCanonicalMapping` is not in FoundationEssentials.
        return String(decoding: _nfcCodeUnits, as: UTF8.self)
    }
}
