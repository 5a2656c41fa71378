import ArgumentParser
import Tracker

struct CommitmentAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Declare a target by hand: a main target of the plan, or an action's with --action. Prints its id.",
        discussion: "Without --target it is a date-only deliverable; a target in % is a share. Imported plans get theirs from the importer.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var planOptions: PlanOptions

    @Argument(help: "A slug for it (lowercase letters, digits, dashes).") var slug: String
    @Argument(help: "What is promised, as the plan says it.") var text: String
    @Option(help: ArgumentHelp("The action it belongs to (default: the plan itself).", valueName: "n")) var action: String?
    @Option(help: ArgumentHelp("The value to reach, with its unit (20 labs, 35%).", valueName: "value")) var target: String?
    @Option(help: ArgumentHelp("The unit, when --target has none.", valueName: "unit")) var unit: String?
    @Option(help: ArgumentHelp(">, >=, =, <= or < (default >=).", valueName: "q")) var qualifier: String?
    @Option(help: ArgumentHelp("The due date: YYYY-MM-DD, YYYY-MM or YYYY.", valueName: "date")) var due: String?
    @Option(help: ArgumentHelp("Take this indicator's dated values as actuals.", valueName: "slug")) var indicator: String?
    @Option(help: ArgumentHelp("An English title.", valueName: "text")) var titleEn: String?

    func validate() throws { _ = try request() }

    func request() throws -> AddCommitmentRequest {
        var quantity = try target.map { try parseQuantity($0, name: "--target") }
        if let unit {
            if let typed = quantity?.unit, typed != unit { throw TrackerError("--unit: '\(unit)' differs from the unit of --target ('\(typed)')") }
            quantity?.unit = unit
        }
        return AddCommitmentRequest(
            plan: planOptions.plan, action: try action.map(parseActionNumber), slug: slug, body: text, titleEn: titleEn,
            qualifier: try qualifier.map(parseQualifier), target: quantity, dueOn: due, indicator: indicator)
    }

    func run() throws {
        let request = try request()
        let tracker = try global.open(.existing)
        Console.line(String(try tracker.addCommitment(request)))
    }
}

func parseQualifier(_ text: String) throws -> TargetQualifier {
    guard let qualifier = TargetQualifier(rawValue: text) else {
        throw TrackerError("--qualifier: '\(text)' is not one of >, >=, =, <=, <")
    }
    return qualifier
}
