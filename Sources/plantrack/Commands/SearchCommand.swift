import ArgumentParser
import Tracker

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(examples: "search",
        commandName: "search", abstract: "Full-text search over document passages and update notes (Chinese too).",
        discussion: """
            Every word of TEXT (split at spaces) must occur, as a substring; ASCII letters match in either case. \
            Table and Markdown show where each match was found and mark it [like this]; JSON and CSV give \
            kind, document, line, action, update_id, reported_on and the snippet as plain fields.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOptions

    @Argument(help: ArgumentHelp("What to look for, e.g. 算力 or \"training programme\".", valueName: "text"))
    var text: String

    func run() throws {
        let hits = try global.open(.readOnly).search(text)
        Console.print(TextSearch.table(hits, for: output.format), as: output.format)
    }
}

extension SearchCommand: FastCommand, FastInvocation {
    static let shape = CommandShape(path: ["search"], options: CommandShape.listingOptions, positionals: 1...1)

    static func invocation(_ arguments: RecognisedArguments) throws -> any FastInvocation {
        var command = Self()
        command.global = try GlobalOptions(arguments)
        command.output = try FormatOptions(arguments)
        command.text = arguments.positionals[0]
        return command
    }
}
