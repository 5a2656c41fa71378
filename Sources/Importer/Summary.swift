import FoundationEssentials

extension ImportedDocument {
    /// `import --dry-run --format json`: the full extraction of each document, every row with the
    /// line and quote it was read from (keys in snake_case, sorted).
    public static func json(_ documents: [ImportedDocument]) -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(documents)) ?? Data("[]".utf8), as: UTF8.self) + "\n"
    }

    /// What was extracted, for `plantrack import --dry-run`: plan, visions, actions with their
    /// commitments, initiatives and indicators, each with the line it was read from.
    public func summary() -> String {
        var lines: [String] = []
        var header = "\(fileName): \(title)"
        let details = [publisher, publishedOn].compactMap { $0 }
        if !details.isEmpty { header += " (" + details.joined(separator: ", ") + ")" }
        lines.append(header)
        lines.append("  document \(slug): \(body.unicodeScalars.count) characters of text")
        for plan in plans {
            var planLine = "  plan \(plan.slug): \(plan.title)"
            if let titleEn = plan.titleEn { planLine += " — \(titleEn)" }
            if let proposedOn = plan.proposedOn { planLine += ", proposed \(proposedOn)" }
            lines.append(planLine + at(plan.source?.line))
            lines.append("    visions: \(plan.visions.count)")
            for vision in plan.visions {
                lines.append("      V\(vision.number) \(vision.title)\(english(vision.titleEn))\(at(vision.source.line))")
            }
            if !plan.targets.isEmpty {
                lines.append("    targets: \(plan.targets.count)")
                for target in plan.targets {
                    var terms = target.targetValue.map { "\(target.qualifier ?? "=") \(format($0))\(target.targetUnit.map { " \($0)" } ?? "")" } ?? ""
                    if let dueOn = target.dueOn { terms += " by \(dueOn)" }
                    lines.append("      \(target.slug): \(target.body) — \(target.kind) \(terms)\(at(target.source.line))")
                }
            }
            lines.append("    actions: \(plan.actions.count)")
            for action in plan.actions {
                let serves = action.visionNumber.map { " → V\($0)" } ?? ""
                lines.append("      A\(action.number) \(action.title)\(english(action.titleEn))\(serves)\(at(action.source.line))")
                for commitment in action.commitments {
                    var terms: [String] = []
                    if let value = commitment.targetValue { terms.append("target \(format(value))\(commitment.targetUnit.map { " \($0)" } ?? "")") }
                    if let dueOn = commitment.dueOn { terms.append("due \(dueOn)") }
                    lines.append("        commitment \(commitment.slug): \(terms.joined(separator: ", "))\(at(commitment.source.line))")
                    if let milestone = commitment.milestone {
                        lines.append("          milestone \(milestone.slug): \(milestone.targetCount)\(milestone.unit.map { " \($0)" } ?? "") by \(milestone.dueOn) — \(milestone.title)")
                        if let note = milestone.baselineNote { lines.append("            baseline: \(note)") }
                    }
                }
            }
        }
        if plans.isEmpty { lines.append("  no plan structure found (0 actions)") }
        if let translationOf { lines.append("  translation of plan \(translationOf): fills its English text by position") }
        lines.append("  initiatives: \(initiatives.count)")
        for initiative in initiatives {
            let date = initiative.announcedOn ?? "undated"
            lines.append("    \(date) \(initiative.kind): \(initiative.name)\(english(initiative.nameEn))\(at(initiative.source.line))")
        }
        lines.append("  indicator values: \(indicatorValues.count)")
        for value in indicatorValues {
            let unit = value.unit.map { " \($0)" } ?? ""
            let asOf = value.asOf.map { " as of \($0)" } ?? ""
            lines.append("    \(value.slug): \(value.name)\(english(value.nameEn)) \(value.qualifier) \(format(value.value))\(unit)\(asOf)\(at(value.source.line))")
        }
        return lines.joined(separator: "\n")
    }

    private func at(_ line: Int?) -> String { line.map { "  [line \($0)]" } ?? "" }

    private func english(_ text: String?) -> String { text.map { " (\($0))" } ?? "" }

    private func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}
