import ArgumentParser
import Tracker

struct CommitmentAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(examples: "commitment add",
        commandName: "add",
        abstract: "Declare a target by hand: a main target of the plan, or an action's with --action. Prints its id.",
        discussion: "Without --target it is a date-only deliverable; a target in % is a share. Imported plans get theirs from the importer.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var planOptions: PlanOptions

    @Argument(help: "A slug for it (lowercase letters, digits, dashes).") var slug: String
    @Argument(help: "What is promised, as the plan says it.") var text: String
    @Option(help: ArgumentHelp("The action it belongs to (default: the plan itself).", valueName: "n"), transform: Parse.actionNumber)
    var action: Checked<Int>?
    @Option(help: ArgumentHelp("The value to reach, with its unit (20 labs, 35%).", valueName: "value"), transform: Parse.quantity)
    var target: Checked<Quantity>?
    @Option(help: ArgumentHelp("The unit, when --target has none.", valueName: "unit"), transform: Parse.unit) var unit: Checked<String>?
    @Option(help: ArgumentHelp(">, >=, =, <= or < (default >=).", valueName: "q"), transform: Parse.qualifier) var qualifier: Checked<TargetQualifier>?
    @Option(help: ArgumentHelp("The due date: YYYY-MM-DD, YYYY-MM or YYYY.", valueName: "date")) var due: String?
    @Option(help: ArgumentHelp("Take this indicator's dated values as actuals.", valueName: "slug")) var indicator: String?
    @Option(help: ArgumentHelp("An English title.", valueName: "text")) var titleEn: String?

    func request() throws -> AddCommitmentRequest {
        var quantity = try target.get(.target)
        if let unit = try unit.get(.unit) {
            if let typed = quantity?.unit, typed != unit {
                throw CommandLineError(message: "--unit: '\(Escaped.text(unit))' differs from the unit of --target ('\(Escaped.text(typed))')")
            }
            quantity?.unit = unit
        }
        return AddCommitmentRequest(
            plan: planOptions.plan, action: try action.get(.action), slug: slug, body: text, titleEn: titleEn,
            qualifier: try qualifier.get(.qualifier), target: quantity, dueOn: due, indicator: indicator)
    }

    mutating func validate() throws { _ = try request() }

    func run() throws {
        Console.line(String(try global.open(.existing).addCommitment(request())))
    }
}
