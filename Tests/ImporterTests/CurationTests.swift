import Testing
@testable import Importer

@Suite struct CurationTests {
    private let plan = """
        # 计划

        实施两项行动：

        * 开展合作。
        * 到2026年底，建成20个区域培训中心。

        截至2023年底，企业数量超过4500家。
        """

    private func imported(_ json: String) throws -> ImportedDocument {
        try importText(plan, fileName: "plan.md", curation: try Curation(json: json))
    }

    @Test func malformedJSONNamesTheCurationFile() throws {
        #expect(throws: ImportError.self) { try Curation(json: "{ \"plan.md\": ") }
        do {
            _ = try Curation(json: "{\"plan.md\": {\"plan\": {\"actions\": [{\"titleEn\": \"x\"}]}}}")
            Issue.record("expected an error")
        } catch let error as ImportError {
            #expect(error.file == "curation.json")
            #expect(error.message.hasPrefix("malformed JSON: missing key number"))
        }
    }

    @Test func renamesAndAddsWhatRulesCannotKnow() throws {
        let document = try imported("""
            {"plan.md": {
              "slug": "training-plan-doc", "publisher": "Ministry", "publishedOn": "2024-05",
              "plan": {"slug": "training-plan", "titleEn": "Training Plan",
                       "actions": [{"number": 2, "vision": null, "quote": "建成20个区域培训中心", "titleEn": "Build 20 centres", "slug": "centres"}],
                       "milestones": [{"action": 2, "quote": "建成20个区域培训中心", "slug": "centres-2026", "title": "20 centres"}]},
              "indicators": [{"quote": "企业数量超过4500家", "slug": "companies", "name": "企业数量", "nameEn": "Companies"}]
            }}
            """)
        #expect(document.slug == "training-plan-doc")
        #expect(document.publisher == "Ministry")
        #expect(document.publishedOn == "2024-05")
        let plan = try #require(document.plans.first)
        #expect(plan.slug == "training-plan")
        #expect(plan.actions[1].titleEn == "Build 20 centres")
        #expect(plan.actions[1].slug == "centres")
        let commitment = try #require(plan.actions[1].commitments.first)
        #expect(commitment.slug == "training-plan-a2-1")
        #expect(commitment.milestone?.targetCount == 20)
        #expect(commitment.milestone?.unit == "个")
        #expect(commitment.milestone?.dueOn == "2026-12-31")
        #expect(document.indicatorValues.first?.slug == "companies")
        #expect(document.indicatorValues.first?.nameEn == "Companies")
    }

    @Test func aQuoteNotInTheDocumentFailsNamingIt() {
        expectImportError(ImportError(file: "curation.json", message: "plan.md: indicator companies: quote “企业数量超过9999家” not found in the document")) {
            _ = try imported(#"{"plan.md": {"indicators": [{"quote": "企业数量超过9999家", "slug": "companies", "name": "企业数量"}]}}"#)
        }
        expectImportError(ImportError(file: "curation.json", message: "plan.md: exclusion: quote “不存在” not found in the document")) {
            _ = try imported(#"{"plan.md": {"exclusions": [{"quote": "不存在"}]}}"#)
        }
    }

    @Test func aQuoteInTheWrongActionFails() {
        expectImportError(ImportError(file: "curation.json", message: "plan.md: action 1: quote “建成20个区域培训中心” is in action 2")) {
            _ = try imported(#"{"plan.md": {"plan": {"actions": [{"number": 1, "quote": "建成20个区域培训中心"}]}}}"#)
        }
    }

    @Test func curatedRecordsMustHaveBeenFoundByTheRules() {
        expectImportError(ImportError(file: "curation.json", message: "plan.md: action 3 is curated, but the rules found 2 actions")) {
            _ = try imported(#"{"plan.md": {"plan": {"actions": [{"number": 3, "titleEn": "x"}]}}}"#)
        }
        expectImportError(ImportError(file: "curation.json", message: "plan.md: initiative “不存在的倡议” was not found by the rules")) {
            _ = try imported(#"{"plan.md": {"initiatives": [{"name": "不存在的倡议", "nameEn": "x"}]}}"#)
        }
        expectImportError(ImportError(file: "curation.json", message: "plan.md: indicator x: no figure was read inside “实施两项行动”")) {
            _ = try imported(#"{"plan.md": {"indicators": [{"quote": "实施两项行动", "slug": "x", "name": "x"}]}}"#)
        }
    }

    @Test func exclusionsDropFiguresAndInitiatives() throws {
        let document = try imported(#"{"plan.md": {"exclusions": [{"quote": "企业数量超过4500家", "reason": "test"}]}}"#)
        #expect(document.indicatorValues.isEmpty)
    }

    @Test func otherDocumentsAreUntouched() throws {
        let document = try imported(#"{"other.md": {"slug": "other"}}"#)
        #expect(document.slug == "plan")
    }

    @Test func theBundledCurationParses() throws {
        let curation = try Seed.curation()
        #expect(curation.documents.keys.sorted() == [Seed.article, Seed.reading])
        #expect(curation.documents[Seed.reading]?.plan?.actions?.count == 10)
        #expect(curation.documents[Seed.reading]?.plan?.visions?.count == 5)
    }
}

@Suite struct CurationDropTests {
    private let points = "# 倡议\n\n（一）坚持以人为本。尊重人的尊严。\n\n（二）本文件说明。仅供参考。\n\n（三）加强政策对话。定期举行对话。\n"

    @Test func droppedActionsAreRemovedAndTheRestRenumbered() throws {
        let curation = try Curation(json: """
            {"points.md": {"plan": {"actions": [{"number": 2, "quote": "本文件说明", "drop": true}, {"number": 3, "titleEn": "Policy dialogue"}]}}}
            """)
        let plan = try #require(try importText(points, fileName: "points.md", curation: curation).plans.first)
        #expect(plan.actions.map(\.number) == [1, 2])
        #expect(plan.actions.map(\.title) == ["坚持以人为本", "加强政策对话"])
        #expect(plan.actions[1].titleEn == "Policy dialogue")
    }

    @Test func exportingKeepsTheDropAndNumbersRowsAsTheRulesDo() throws {
        let curation = try Curation(json: """
            {"points.md": {"plan": {"actions": [{"number": 2, "quote": "本文件说明", "drop": true}]}}}
            """)
        let exported = curation.exporting(
            fileName: "points.md", planSlug: "points", title: "倡议", titleEn: nil, visions: [],
            actions: [.init(number: 1, quote: "坚持以人为本。尊重人的尊严。", title: "坚持以人为本"),
                      .init(number: 2, quote: "加强政策对话。定期举行对话。", title: "加强对话", titleEn: "Dialogue")])
        // Applying the export again gives the same plan.
        let plan = try #require(try importText(points, fileName: "points.md", curation: exported).plans.first)
        #expect(plan.actions.map(\.title) == ["坚持以人为本", "加强对话"])
        #expect(plan.actions.map(\.titleEn) == [nil, "Dialogue"])
        #expect(exported.json.contains("\"drop\" : true"))
        #expect(exported.json.contains("\"number\" : 3"))
    }
}
