import Tracker
import Glibc

/// What `plantrack publish` wrote: files whose bytes changed, and files left as they were.
public struct PublishSummary: Sendable {
    public var written: [String]
    public var unchanged: [String]
    /// Files the previous publish wrote that this one did not (a target removed, a language dropped): deleted.
    public var removed: [String]
}

extension TrackerDatabase {
    /// The list of files the last publish wrote, kept in the site's folder.
    static let manifest = ".plantrack-published"

    /// Writes the static site to `directory`: pages in each language of `languages` (the first at
    /// the root, the second under `en/` or `zh/`), Atom feeds overall and per plan, an iCalendar
    /// file of target due dates, the open data, the latest signed checkpoint when there is one, and
    /// the stylesheet. Statuses are as of `asOf`.
    /// Only files whose bytes differ are written.
    public func publish(to directory: String, languages: [Language], asOf: ISODate) throws -> PublishSummary {
        try OutputFile.checkSafe(directory, database: path)
        let data = try SiteData(tracker: self, asOf: asOf)
        var writer = try SiteWriter(root: directory, database: path)
        // Refused before any page is written: the site's database copy would replace the database.
        try writer.checkSafe(writer.root + "/" + OpenData.databasePath, relativePath: OpenData.databasePath)
        let bases = languages.enumerated().map { index, language in (language, index == 0 ? "" : language.rawValue + "/") }
        for (index, (language, base)) in bases.enumerated() {
            let other = bases.count > 1 ? bases[1 - index] : nil
            let pages = SitePages(data: data, language: language, base: base, counterpart: other.map { ($0.0, $0.1) })
            for (path, text) in pages.pages() { try writer.write(text, to: path) }
        }
        try writer.write(SiteStylesheet.css, to: "style.css")

        // Feeds and the calendar link to the first language's pages, by path relative to the site.
        let itemLink = { (prefix: String) in { (plan: SiteData.Plan, number: Int) in
            prefix + SitePages.urlPath("plans/\(SitePages.fileName(plan.slug))/items/\(number).html")
        } }
        let all = data.plans.flatMap { plan in plan.updates.prefix(SiteFeeds.entryLimit).map { (plan: plan, update: $0) } }
        try writer.write(SiteFeeds.atom(title: "plantrack", id: "tag:plantrack,2024:site", updates: all, selfPath: "feed.atom",
                                        itemLink: itemLink("")), to: "feed.atom")
        for plan in data.plans {
            let folder = "plans/\(SitePages.fileName(plan.slug))/"
            let updates = plan.updates.prefix(SiteFeeds.entryLimit).map { (plan: plan, update: $0) }
            let title = languages.first == .en ? (plan.titleEn.flatMap { $0.isEmpty ? nil : $0 } ?? plan.title) : plan.title
            try writer.write(SiteFeeds.atom(title: title, id: "tag:plantrack,2024:plan:\(plan.slug)", updates: updates, selfPath: "feed.atom",
                                            itemLink: itemLink("../../")), to: folder + "feed.atom")
        }
        try writer.write(SiteFeeds.calendar(data) { plan, target in
            SitePages.urlPath("plans/\(SitePages.fileName(plan.slug))/targets/\(SitePages.fileName(target.progress.slug)).html")
        }, to: "targets.ics")

        for (name, text) in try OpenData.files(db) { try writer.write(text, to: "data/" + name) }
        // Byte for byte as signed: any change would break the signature.
        if let checkpoint = data.checkpoint { try writer.write(checkpoint, to: OpenData.checkpointPath) }
        let copy = writer.root + "/data/.plantrack.db.new"
        do {
            try OpenData.writeDatabase(from: db, to: copy)
        } catch {
            unlink(copy)
            throw error
        }
        try writer.move(file: copy, to: OpenData.databasePath)

        // The manifest lists what publishing wrote, so the next publish removes only its own
        // leftovers and never a file someone else put in the folder.
        let published = writer.written + writer.unchanged
        let previous = (try SiteWriter.contents(of: writer.root + "/" + Self.manifest))
            .map { String(decoding: $0, as: UTF8.self).split(separator: "\n").map(String.init) } ?? []
        let current = Set(published)
        var removed: [String] = []
        for stale in previous where !current.contains(stale) && !stale.hasPrefix("/") && !stale.split(separator: "/").contains("..") {
            guard unlink(writer.root + "/" + stale) == 0 else { continue }
            removed.append(stale)
            // Folders left empty go too; rmdir refuses any that still hold something.
            var folder = stale.split(separator: "/").dropLast()
            while !folder.isEmpty, rmdir(writer.root + "/" + folder.joined(separator: "/")) == 0 { folder = folder.dropLast() }
        }
        try writer.write(published.sorted().joined(separator: "\n") + "\n", to: Self.manifest)
        return PublishSummary(written: writer.written.filter { $0 != Self.manifest }, unchanged: writer.unchanged.filter { $0 != Self.manifest },
                              removed: removed)
    }
}
