/// An indicator kept by hand: a name and the unit its values are in.
public struct AddIndicatorRequest: Sendable, Equatable {
    public var name: String
    public var unit: String
    /// Default: derived from the English name, else the name (ASCII letters and digits, dashes
    /// between); a name with neither (联合实验室数量) gets a numbered slug, `indicator-N`.
    public var slug: String?
    public var nameEn: String?

    public init(name: String, unit: String, slug: String? = nil, nameEn: String? = nil) {
        self.name = name
        self.unit = unit
        self.slug = slug
        self.nameEn = nameEn
    }

    /// "Joint laboratories (count)" → "joint-laboratories-count"; empty when the name has no ASCII letters or digits.
    public static func slug(from name: String) -> String {
        var slug = ""
        for character in name.lowercased() {
            if character.isASCII, character.isLetter || character.isNumber {
                slug.append(character)
            } else if !slug.isEmpty, slug.last != "-" {
                slug.append("-")
            }
        }
        while slug.last == "-" { slug.removeLast() }
        return slug
    }
}

extension TrackerDatabase {
    /// Returns the new indicator's slug.
    public func addIndicator(_ request: AddIndicatorRequest) throws -> String {
        try db.inTransaction(.immediate) {
            let name = request.name.trimmingWhitespace
            let unit = request.unit.trimmingWhitespace
            if name.isEmpty { throw TrackerError(.name, "the name is empty") }
            if unit.isEmpty { throw TrackerError(.unit, "the unit is empty") }
            var slug = request.slug ?? AddIndicatorRequest.slug(from: request.nameEn ?? name)
            if request.slug == nil, slug.isEmpty { slug = try numberedSlug() }
            guard !slug.isEmpty, slug == AddIndicatorRequest.slug(from: slug) else {
                throw TrackerError(.slug, "'\(slug)' is not a slug (lowercase letters, digits and dashes)")
            }
            if try db.scalarInt("SELECT count(*) FROM indicators WHERE slug = ?", [slug]) ?? 0 > 0 {
                throw TrackerError(.slug, "an indicator '\(slug)' already exists")
            }
            try db.execute("INSERT INTO indicators (slug, name, name_en, unit) VALUES (?, ?, ?, ?)", [slug, name, request.nameEn, unit])
            return slug
        }
    }

    /// `indicator-N`, the first N from 1 that no indicator has.
    private func numberedSlug() throws -> String {
        var number = 1
        while try db.scalarInt("SELECT count(*) FROM indicators WHERE slug = ?", ["indicator-\(number)"]) ?? 0 > 0 { number += 1 }
        return "indicator-\(number)"
    }
}
