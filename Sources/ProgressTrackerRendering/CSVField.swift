/// One field of the CSV the commands print (`history --csv`, `failures --csv`).
///
/// Machine output, so the value stays exact: RFC 4180 quoting, and no terminal escaping. A
/// field with a comma, a quote or a line break is put in quotes, its quotes doubled; any
/// other field is written as it is.
package enum CSVField {
    /// `field` as it stands between the commas of a line.
    package static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return field }
        return "\"" + field.replacing("\"", with: "\"\"") + "\""
    }
}
