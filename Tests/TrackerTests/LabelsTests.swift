import Testing
import Tracker

@testable import Presentation

/// The catalogue's `{{name}}` fill: each placeholder once, from the values given, in one pass.
@Suite struct LabelsTests {
    let en = Language.en, zh = Language.zh

    @Test func fillsEachNamedPlaceholderInEitherLanguage() {
        #expect(en("dash.vision_actions", ["numbers": "1, 2", "done": "1", "total": "2"]) == "actions 1, 2: 1 of 2 completed")
        #expect(zh("dash.vision_actions", ["numbers": "1、2", "done": "1", "total": "2"]) == "行动 1、2：已完成 1/2")
    }

    @Test func bracesInAValueStayAsWritten() {
        // A note that itself reads "{{note}}" or "{{date}}" is text, not a placeholder to fill again.
        let line = en("brief.change_line", ["date": "2025-01-02", "action": "3", "status": "done",
                                                     "correction": "", "note": "{{date}} {{note}}"])
        #expect(line == "2025-01-02 action 3: done — {{date}} {{note}}")
    }

    @Test func aMissingValueLeavesItsPlaceholderInSight() {
        #expect(en("dash.latest", [:]) == "latest {{date}}")
    }

    @Test func everyDashboardAndBriefEntryHasBothLanguages() {
        let entries = Labels.table.filter { ["dash.", "brief.", "chart."].contains(where: $0.key.hasPrefix) }
        #expect(entries.count == 83)
        #expect(entries.allSatisfy { !$0.value.zh.isEmpty && !$0.value.en.isEmpty })
    }
}
