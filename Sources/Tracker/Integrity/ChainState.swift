import Storage

/// Where the hash chain stands: how many links, the last one, and per append-only table how many
/// of its rows are chained and the last of them. A signed copy of this (a checkpoint, made by
/// `plantrack checkpoint`) pins the log: whoever holds the file can rewrite rows and recompute
/// every later link, or cut the newest rows off, and `verify` alone would pass — but the link a
/// published checkpoint names can no longer be matched.
public struct ChainState: Sendable, Equatable {
    public struct Table: Sendable, Equatable {
        public var name: String
        public var links: Int
        public var lastRow: Int64
    }

    public var links: Int
    public var lastSeq: Int64
    /// The last link, 64 lower-case hex digits ("" for an empty chain).
    public var head: String
    public var tables: [Table]

    /// The statement's lines about the chain (see `init(lines:)`).
    public var lines: [String] {
        ["chain: \(links) links, last seq \(lastSeq), head \(head.isEmpty ? "none" : head)"]
            + tables.map { "table \($0.name): \($0.links) links, last row \($0.lastRow)" }
    }

    /// Reads back `lines`; nil when a line is malformed.
    public init?(lines: [Substring]) {
        var chain: (Int, Int64, String)?
        var tables: [Table] = []
        for line in lines {
            let words = line.split { $0 == " " || $0 == "," }
            if line.hasPrefix("chain: "), words.count == 8, let links = Int(words[1]), let seq = Int64(words[5]) {
                // "chain: 15 links, last seq 15, head 3f…"
                let head = String(words[7])
                guard head == "none" || (head.count == 64 && head.allSatisfy(\.isHexDigit)) else { return nil }
                chain = (links, seq, head == "none" ? "" : head)
            } else if line.hasPrefix("table "), words.count == 7, words[1].hasSuffix(":"), let links = Int(words[2]), let row = Int64(words[6]) {
                tables.append(Table(name: String(words[1].dropLast()), links: links, lastRow: row))
            }
        }
        guard let chain else { return nil }
        self.init(links: chain.0, lastSeq: chain.1, head: chain.2, tables: tables)
    }

    public init(links: Int, lastSeq: Int64, head: String, tables: [Table]) {
        self.links = links
        self.lastSeq = lastSeq
        self.head = head
        self.tables = tables
    }
}

extension TrackerDatabase {
    /// The chain as it stands, read in one snapshot.
    public func chainState() throws -> ChainState {
        try db.inTransaction(.deferred) {
            let (links, lastSeq) = try db.fetchOne("SELECT count(*) AS links, coalesce(max(seq), 0) AS last_seq FROM integrity_chain") {
                (try $0["links"] as Int, try $0["last_seq"] as Int64)
            } ?? (0, 0)
            let head = try db.scalarString("SELECT lower(hex(link)) FROM integrity_chain WHERE seq = ?", [lastSeq]) ?? ""
            let names = try db.fetchAll("SELECT name FROM append_only_tables ORDER BY name") { try $0["name"] as String }
            let tables = try names.map { name in
                try db.fetchOne("SELECT count(*) AS links, coalesce(max(row_id), 0) AS last_row FROM integrity_chain WHERE table_name = ?", [name]) {
                    ChainState.Table(name: name, links: try $0["links"], lastRow: try $0["last_row"])
                }!
            }
            return ChainState(links: links, lastSeq: lastSeq, head: head, tables: tables)
        }
    }

    /// What no longer matches a checkpoint's state: the link it names gone (rows cut off) or
    /// different (rows rewritten and the chain recomputed), links or rows before it added or
    /// removed. Rows logged after the checkpoint are `verify`'s hash-chain check's business.
    public func differences(from checkpoint: ChainState) throws -> [String] {
        try db.inTransaction(.deferred) {
            var problems: [String] = []
            let (links, lastSeq) = try db.fetchOne("SELECT count(*) AS links, coalesce(max(seq), 0) AS last_seq FROM integrity_chain WHERE seq <= ?", [checkpoint.lastSeq]) {
                (try $0["links"] as Int, try $0["last_seq"] as Int64)
            } ?? (0, 0)
            let head = try db.scalarString("SELECT lower(hex(link)) FROM integrity_chain WHERE seq = ?", [checkpoint.lastSeq])
            if checkpoint.lastSeq > 0, head == nil {
                problems.append("chain link \(checkpoint.lastSeq), the checkpoint's last, is gone: the chain now ends at link \(lastSeq) (rows logged before the checkpoint were cut off)")
            } else if let head, head != checkpoint.head {
                problems.append("chain link \(checkpoint.lastSeq) is not the one the checkpoint signed: the log up to it was rewritten")
            }
            if links != checkpoint.links {
                problems.append("the chain has \(links) links up to link \(checkpoint.lastSeq); the checkpoint says \(checkpoint.links)")
            }
            let known = Set(try db.fetchAll("SELECT name FROM append_only_tables") { try $0["name"] as String })
            for table in checkpoint.tables {
                guard known.contains(table.name) else { problems.append("\(table.name) is no longer an append-only table"); continue }
                let chained = try db.scalarInt(
                    "SELECT count(*) FROM integrity_chain WHERE table_name = ? AND seq <= ?", [table.name, checkpoint.lastSeq]) ?? 0
                if chained != table.links {
                    problems.append("\(table.name): \(chained) links up to link \(checkpoint.lastSeq); the checkpoint says \(table.links)")
                }
                let rows = try db.scalarInt(
                    "SELECT count(*) FROM \(Verifier.quoted(table.name)) WHERE rowid <= ?", [table.lastRow]) ?? 0
                if rows != table.links {
                    problems.append("\(table.name) has \(rows) rows up to row \(table.lastRow); the checkpoint says \(table.links) (rows removed, or made since and dated back)")
                }
            }
            return problems
        }
    }

    /// Keeps a signed statement, so the server can publish the latest (GET /checkpoint).
    public func storeCheckpoint(_ statement: String, chainSeq: Int64) throws {
        try db.inTransaction(.immediate) {
            try db.execute(
                "INSERT INTO checkpoints (chain_seq, created_at, statement) VALUES (?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?)",
                [chainSeq, statement])
        }
    }

    /// The statement of the latest checkpoint, or nil when none was made.
    public func latestCheckpoint() throws -> String? {
        try db.scalarString("SELECT statement FROM checkpoints ORDER BY id DESC LIMIT 1")
    }

    /// UTC now, as SQLite says it (ISO 8601).
    public func utcNow() throws -> String {
        try db.scalarString("SELECT strftime('%Y-%m-%dT%H:%M:%SZ', 'now')") ?? ""
    }
}
