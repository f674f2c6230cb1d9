/// A value as a word to type in a shell, for the commands that messages suggest
/// (`progress-tracker resume demo --db 'my store.sqlite'`).
///
/// The rule: text made only of characters no POSIX shell treats specially is left as it is;
/// anything else is put in single quotes, each single quote written `'\''`. The result is
/// still other people's text on a terminal: escape it (`TerminalEscape`) before printing.
package enum ShellWord {
    /// `word`, quoted if the shell would otherwise read it differently.
    package static func quoted(_ word: String) -> String {
        let plain = !word.isEmpty && word.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "_./:@%+=,-".unicodeScalars.contains(scalar))
        }
        return plain ? word : "'" + word.split(separator: "'", omittingEmptySubsequences: false).joined(separator: #"'\''"#) + "'"
    }
}
