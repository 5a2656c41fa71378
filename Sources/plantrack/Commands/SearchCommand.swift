import ArgumentParser
import Presentation
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

    var invocation: ReadInvocation { ReadInvocation(.search(text: text), global: global, plan: nil, asOf: nil, output: output) }

    func run() throws { try invocation.run() }

    static func run(_ invocation: ReadInvocation, text: String) throws {
        let hits = try invocation.open().search(text)
        Console.print(TextSearch.table(hits, for: invocation.output), as: invocation.output)
    }
}

extension SearchCommand: FastCommand {
    static let shape = CommandShape(path: ["search"], tables: [GlobalOptions.self, FormatOptions.self], positionals: 1...1)

    static func invocation(_ arguments: RecognisedArguments) throws -> any FastInvocation {
        try ReadInvocation(.search(text: arguments.positionals[0]), arguments)
    }
}
