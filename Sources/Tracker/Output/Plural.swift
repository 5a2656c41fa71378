/// Counted nouns for messages: "1 commitment", "2 commitments".
public enum Plural {
    public static func count(_ count: Int, _ noun: String, plural: String? = nil) -> String {
        "\(count) " + (count == 1 ? noun : plural ?? noun + "s")
    }
}
