import ArgumentParser

/// The long name of every option of the commands `FastPath` takes, and whether it is a flag: the
/// one table that both ArgumentParser's declarations (`name`) and the fast path's recogniser read,
/// so the two cannot disagree on a spelling.
enum CommandOption: String, CaseIterable {
    case db, plan
    case status, date, percent, evidence, author, commitment
    case asOf = "as-of", days
    case format, wide, columns, bom, raw
    case allowDuplicate = "allow-duplicate"

    var flag: String { "--" + rawValue }
    var name: NameSpecification { .customLong(rawValue) }

    /// `--wide`, `--bom`, `--raw` and `--allow-duplicate` are flags; every other option takes exactly one value.
    var isFlag: Bool { self == .wide || self == .bom || self == .raw || self == .allowDuplicate }
}

/// Which options a group of declarations declares: an `@OptionGroup` type, or a command for the
/// options it declares itself. Each declaration takes its name through `declared(_:)`, so it can
/// only name an option of its table; the fast path's `CommandShape` is the union of the tables of
/// the groups a command declares, never a list written again.
protocol OptionTable {
    static var options: [CommandOption] { get }
}

extension OptionTable {
    /// The name for the declaration of `option`, which must be in this table (checked in debug
    /// builds, i.e. by every test that parses the command).
    static func declared(_ option: CommandOption) -> NameSpecification {
        assert(options.contains(option), "--\(option.rawValue) is declared but missing from its option table")
        return option.name
    }
}

/// The raw text of each option as the fast path collects it ("" for a flag that was given).
/// Stored properties and a switch rather than a Dictionary: generic collections cost conformance
/// lookups at start-up, the very thing the fast path exists to avoid.
struct RawOptionValues {
    private var db, plan, status, date, percent, evidence, author, commitment, asOf, days: String?
    private var format, wide, columns, bom, raw, allowDuplicate: String?

    subscript(option: CommandOption) -> String? {
        get {
            switch option {
            case .db: db
            case .plan: plan
            case .status: status
            case .date: date
            case .percent: percent
            case .evidence: evidence
            case .author: author
            case .commitment: commitment
            case .asOf: asOf
            case .days: days
            case .format: format
            case .wide: wide
            case .columns: columns
            case .bom: bom
            case .allowDuplicate: allowDuplicate
            case .raw: raw
            }
        }
        set {
            switch option {
            case .db: db = newValue
            case .plan: plan = newValue
            case .status: status = newValue
            case .date: date = newValue
            case .percent: percent = newValue
            case .evidence: evidence = newValue
            case .author: author = newValue
            case .commitment: commitment = newValue
            case .asOf: asOf = newValue
            case .days: days = newValue
            case .format: format = newValue
            case .wide: wide = newValue
            case .columns: columns = newValue
            case .bom: bom = newValue
            case .allowDuplicate: allowDuplicate = newValue
            case .raw: raw = newValue
            }
        }
    }
}
