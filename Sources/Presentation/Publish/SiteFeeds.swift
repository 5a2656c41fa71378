import Tracker
/// The site's Atom feeds (RFC 4287) and its iCalendar file (RFC 5545). Both are built from the
/// data alone — no publishing time in them — so they change only when an update or a target does.
enum SiteFeeds {
    /// The newest updates a feed carries.
    static let entryLimit = 100

    /// `updates` newest first; `site` is the feed's id (a tag URI: feeds have no fixed address).
    static func atom(title: String, id: String, updates: [(plan: SiteData.Plan, update: ProgressUpdateRow)], selfPath: String,
                     itemLink: (SiteData.Plan, Int) -> String) -> String {
        let shown = updates.sorted { ($0.update.recordedAt, $0.update.id) > ($1.update.recordedAt, $1.update.id) }.prefix(entryLimit)
        let updated = shown.first?.update.recordedAt ?? "2000-01-01T00:00:00Z"
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
        xml += "<title>\(XML.escape(title))</title>\n<id>\(XML.escape(id))</id>\n<updated>\(updated)</updated>\n"
        xml += "<link rel=\"self\" href=\"\(XML.escape(selfPath))\"/>\n<generator>plantrack</generator>\n"
        for (plan, update) in shown {
            let item = plan.items.first { $0.number == update.action }
            let actionTitle = item.map { "\(update.action). \($0.titleEn.flatMap { $0.isEmpty ? nil : $0 } ?? $0.title)" } ?? "\(update.action)"
            xml += "<entry>\n"
            xml += "<title>\(XML.escape("\(actionTitle) — \(update.status.rawValue), \(update.reportedOn)"))</title>\n"
            xml += "<id>\(XML.escape(id)):update:\(update.id)</id>\n"
            xml += "<updated>\(update.recordedAt)</updated>\n"
            xml += "<published>\(update.reportedOn)T00:00:00Z</published>\n"
            xml += "<author><name>\(XML.escape(update.author ?? "plantrack"))</name></author>\n"
            xml += "<link rel=\"alternate\" type=\"text/html\" href=\"\(XML.escape(itemLink(plan, update.action)))\"/>\n"
            if SitePages.isWebLink(update.evidenceURL) {
                xml += "<link rel=\"related\" href=\"\(XML.escape(update.evidenceURL!))\"/>\n"
            }
            let percent = update.percent.map { " (\(CellText.real($0))%)" } ?? ""
            xml += "<content type=\"text\">\(XML.escape(update.note + percent))</content>\n"
            xml += "</entry>\n"
        }
        return xml + "</feed>\n"
    }

    /// One all-day event per target with a due date. DTSTAMP is required; it is the due date
    /// itself, so an unchanged target gives unchanged bytes.
    static func calendar(_ data: SiteData, targetLink: (SiteData.Plan, SiteData.Target) -> String) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//plantrack//publish//EN", "CALSCALE:GREGORIAN",
                     "X-WR-CALNAME:" + text("plantrack targets")]
        for plan in data.plans {
            for target in plan.targets {
                guard let due = target.progress.dueOn.flatMap(ISODate.init) else { continue }
                let row = target.progress
                let next = ISODate(dayNumber: due.dayNumber + 1)
                var summary = row.title
                if let english = target.titleEn, !english.isEmpty, english != row.title { summary += " / " + english }
                var description = "\(plan.slug): \(row.status.rawValue)"
                if let percent = row.percent { description += ", \(SitePages.percent(percent))" }
                if let value = row.target { description += "; target \([row.qualifier, CellText.real(value), row.unit].compactMap { $0 }.joined(separator: " "))" }
                lines += [
                    "BEGIN:VEVENT",
                    "UID:" + text("\(row.slug)@\(plan.slug).plantrack"),
                    "DTSTAMP:\(compact(due))T000000Z",
                    "DTSTART;VALUE=DATE:\(compact(due))",
                    "DTEND;VALUE=DATE:\(compact(next))",
                    "SUMMARY:" + text(summary),
                    "DESCRIPTION:" + text(description),
                    "URL:" + targetLink(plan, target),
                    "TRANSP:TRANSPARENT",
                    "END:VEVENT",
                ]
            }
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    private static func compact(_ date: ISODate) -> String { date.description.replacingOccurrences(of: "-") }

    /// A TEXT value: backslash, semicolon, comma and newline escaped.
    private static func text(_ value: String) -> String {
        var out = ""
        for character in value {
            switch character {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r\n", "\r": out += "\\n"
            default: out.append(character)
            }
        }
        return out
    }

    /// Lines longer than 75 octets are folded (CRLF and a space), never inside a UTF-8 sequence.
    private static func fold(_ line: String) -> String {
        var out = ""
        var octets = 0
        for character in line {
            let size = String(character).utf8.count
            if octets + size > 75 {
                out += "\r\n "
                octets = 1
            }
            out.append(character)
            octets += size
        }
        return out
    }
}

/// XML text and attribute escaping (the five predefined entities), and nothing XML 1.0 forbids.
enum XML {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                // Control characters are not allowed in XML 1.0 at all: dropped.
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension String {
    func replacingOccurrences(of character: Character) -> String { String(filter { $0 != character }) }
}
