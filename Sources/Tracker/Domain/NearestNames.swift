/// The known names closest to a mistyped one, for "no X 'foo' (nearest: …)" messages.
enum NearestNames {
    /// Up to `limit` names by edit distance (ties in name order), those containing the typed text first.
    static func nearest(to typed: String, in names: [String], limit: Int = 3) -> [String] {
        let typedChars = Array(typed.lowercased())
        let scored = names.map { name -> (Int, String) in
            let lower = name.lowercased()
            let distance = lower.contains(typed.lowercased()) && !typed.isEmpty ? 0 : editDistance(typedChars, Array(lower))
            return (distance, name)
        }
        return scored.sorted { $0 < $1 }.prefix(limit).map(\.1)
    }

    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }

    /// "no commitment 'x' (nearest: a, b, c)" or "… (there are none yet)"; `context` goes
    /// before the parenthesis ("in plan p").
    static func unknown(_ what: String, _ typed: String, among names: [String], context: String = "") -> String {
        let near = nearest(to: typed, in: names)
        return "no \(what) '\(Escaped.text(typed))'" + (context.isEmpty ? "" : " " + context)
            + (near.isEmpty ? " (there are none yet)" : " (nearest: \(near.joined(separator: ", ")))")
    }
}
