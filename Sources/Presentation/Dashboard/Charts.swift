import Storage
import Tracker
/// The dashboard's inline SVG charts. Coordinates are in a viewBox `width` units wide that scales
/// to the page: 1000 on a screen, 420 on a phone, where the same 12-unit labels stay legible.
public enum Charts {
    static let width = 1000.0
    static let narrowWidth = 420.0

    /// The chart drawn at both widths; the stylesheet shows one or the other.
    public static func responsive(_ draw: (Double) -> String) -> String {
        HTML.element("div", ["class": "chart-wide"], draw(width)) + HTML.element("div", ["class": "chart-narrow"], draw(narrowWidth))
    }

    /// Done out of target as a bar split into one cell per session.
    public static func progressBar(_ milestone: DashboardData.Milestone, _ l: Language) -> String {
        let height = 26.0
        let target = max(milestone.target, 1)
        let filled = min(Double(milestone.done) / Double(target), 1) * width
        var parts = HTML.empty("rect", ["class": "track", "x": "0", "y": "0", "width": HTML.number(width), "height": HTML.number(height), "rx": "4"])
        parts += HTML.empty("rect", ["class": "fill-\(milestone.status.rawValue)", "x": "0", "y": "0", "width": HTML.number(filled), "height": HTML.number(height), "rx": "4"])
        // Cell borders show how many sessions are left at a glance; beyond 40 they would be a blur.
        if target <= 40 {
            for index in 1..<target {
                let x = Double(index) / Double(target) * width
                parts += HTML.empty("line", ["x1": HTML.number(x), "y1": "0", "x2": HTML.number(x), "y2": HTML.number(height), "stroke": "#ffffff", "stroke-width": "2"])
            }
        }
        return HTML.element(
            "svg", ["class": "chart progress", "viewBox": "0 0 \(HTML.number(width)) \(HTML.number(height))", "role": "img",
                    "aria-label": l("chart.done_of", ["done": "\(milestone.done)", "target": "\(milestone.target)"])],
            parts)
    }

    /// A target's percent of the way (capped at 100), coloured by its status; empty without a figure.
    static func targetBar(_ target: CommitmentProgressRow, _ l: Language) -> String {
        let width = 200.0, height = 14.0
        let filled = min(max(target.percent ?? 0, 0), 100) / 100 * width
        let label = target.percent.map { l("chart.percent_of_target", ["percent": CellText.real($0)]) } ?? l("chart.no_figure")
        return HTML.element(
            "svg", ["class": "chart target-bar", "viewBox": "0 0 \(HTML.number(width)) \(HTML.number(height))", "role": "img", "aria-label": label],
            HTML.empty("rect", ["class": "track", "x": "0", "y": "0", "width": HTML.number(width), "height": HTML.number(height), "rx": "3"])
                + HTML.empty("rect", ["class": "fill-\(target.status.rawValue)", "x": "0", "y": "0", "width": HTML.number(filled), "height": HTML.number(height), "rx": "3"]))
    }

    /// Sessions held so far as a rising step line against the target, the pace needed to reach it
    /// by the due date, the due date and the as-of date.
    public static func timeline(_ milestone: DashboardData.Milestone, proposedOn: ISODate?, asOf: ISODate, width: Double, _ l: Language) -> String {
        let (left, right, top, bottom) = (44.0, 20.0, 34.0, 34.0)
        let height = width < 600 ? 230.0 : 250.0
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        let sessionDates = milestone.sessions.filter { $0.countsAs != nil }.map(\.startedOn)
        let start = ([proposedOn, sessionDates.min(), asOf].compactMap { $0 }).min() ?? asOf
        let lastDay = [milestone.dueOn, asOf, sessionDates.max() ?? asOf].max() ?? asOf
        // A little room after the last date so its label is not cut off.
        let span = max(Double(start.days(until: lastDay)) * 1.04, 30)
        func x(_ date: ISODate) -> Double { left + Double(start.days(until: date)) / span * plotWidth }
        let yMaximum = Double(max(milestone.target, milestone.done, 1))
        func y(_ count: Double) -> Double { top + plotHeight - count / yMaximum * plotHeight }

        var parts = ""
        // Month ticks, labelled every quarter (every year on long spans).
        // About 60 units a label, so they never collide at either width.
        let monthsShown = max(span / 30.4, 1)
        let labelEvery = [1, 2, 3, 6, 12, 24].first { monthsShown / Double($0) * 60 <= plotWidth } ?? 24
        var (year, month) = (start.year, start.month)
        while let first = ISODate(year: year, month: month, day: 1), first <= lastDay {
            if first >= start {
                let tickX = x(first)
                parts += HTML.empty("line", ["class": "axis", "x1": HTML.number(tickX), "y1": HTML.number(y(0)), "x2": HTML.number(tickX), "y2": HTML.number(y(0) + 5)])
                if (month - 1) % labelEvery == 0 {
                    parts += HTML.text("text", ["x": HTML.number(tickX), "y": HTML.number(y(0) + 18), "text-anchor": "middle"], String(first.description.prefix(7)))
                }
            }
            (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1)
        }
        parts += HTML.empty("line", ["class": "axis", "x1": HTML.number(left), "y1": HTML.number(y(0)), "x2": HTML.number(width - right), "y2": HTML.number(y(0))])
        parts += HTML.text("text", ["x": HTML.number(left - 8), "y": HTML.number(y(0) + 4), "text-anchor": "end"], "0")

        // The target and the straight line from the plan's proposal to the target on the due date.
        let targetY = y(Double(milestone.target))
        parts += HTML.empty("line", ["class": "target", "x1": HTML.number(left), "y1": HTML.number(targetY), "x2": HTML.number(width - right), "y2": HTML.number(targetY)])
        parts += HTML.text("text", ["x": HTML.number(left - 8), "y": HTML.number(targetY + 4), "text-anchor": "end"], String(milestone.target))
        parts += HTML.text("text", ["x": HTML.number(left + 4), "y": HTML.number(targetY - 6)], l("chart.target", ["target": "\(milestone.target)"]))
        let paceStart = proposedOn ?? start
        parts += HTML.empty("line", ["class": "pace", "x1": HTML.number(x(paceStart)), "y1": HTML.number(y(0)), "x2": HTML.number(x(milestone.dueOn)), "y2": HTML.number(targetY)])

        // Due date and as-of date, labelled at different heights so they never overlap.
        let dueX = x(milestone.dueOn)
        parts += HTML.empty("line", ["class": "due", "x1": HTML.number(dueX), "y1": HTML.number(top - 6), "x2": HTML.number(dueX), "y2": HTML.number(y(0))])
        parts += HTML.text("text", ["class": "due-label", "x": HTML.number(dueX), "y": HTML.number(top - 10), "text-anchor": dueX > width - 90 ? "end" : "middle"], l("chart.due", ["date": "\(milestone.dueOn)"]))
        let asOfX = x(asOf)
        parts += HTML.empty("line", ["class": "today", "x1": HTML.number(asOfX), "y1": HTML.number(top + 10), "x2": HTML.number(asOfX), "y2": HTML.number(y(0))])
        parts += HTML.text("text", ["class": "today-label", "x": HTML.number(asOfX), "y": HTML.number(top + 4), "text-anchor": asOfX > width - 120 ? "end" : asOfX < left + 60 ? "start" : "middle"], l("chart.as_of", ["date": "\(asOf)"]))

        // Sessions done: a step up at each one, carried on to the as-of date.
        var path = "M\(HTML.number(x(start))),\(HTML.number(y(0)))"
        var count = 0.0
        for date in sessionDates.sorted() {
            count += 1
            path += " H\(HTML.number(x(date))) V\(HTML.number(y(count)))"
        }
        path += " H\(HTML.number(asOfX))"
        parts += HTML.empty("path", ["class": "done", "d": path])
        for (index, session) in milestone.sessions.filter({ $0.countsAs != nil }).sorted(by: { $0.startedOn < $1.startedOn }).enumerated() {
            let cx = x(session.startedOn)
            let cy = y(Double(index + 1))
            parts += HTML.element(
                "circle", ["class": "session", "cx": HTML.number(cx), "cy": HTML.number(cy), "r": "6"],
                HTML.text("title", [:], "\(index + 1). \(session.startedOn) \(session.title), \(session.location)"))
            parts += HTML.text("text", ["class": "value", "x": HTML.number(cx - 9), "y": HTML.number(cy - 8), "text-anchor": "end"], String(index + 1))
        }
        return HTML.element(
            "svg", ["class": "chart timeline", "viewBox": "0 0 \(HTML.number(width)) \(HTML.number(height))", "role": "img",
                    "aria-label": l("chart.timeline", ["as_of": "\(asOf)", "done": "\(milestone.done)", "target": "\(milestone.target)", "due": "\(milestone.dueOn)"])],
            parts)
    }

    /// One bar per month, labelled with its count.
    public static func monthlyBars(_ months: [(month: String, updates: Int)], width: Double, _ l: Language) -> String {
        guard !months.isEmpty else { return HTML.text("p", ["class": "muted"], l("chart.no_updates")) }
        let (left, right, top, bottom) = (44.0, 12.0, 20.0, 30.0)
        let height = 220.0
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        let largest = months.map(\.updates).max() ?? 0
        let yMaximum = Double(max(largest, 1))
        let slot = plotWidth / Double(months.count)
        // A month label is about 48 units wide; label every k-th month so they do not collide.
        let labelEvery = max(1, Int((52 / slot).rounded(.up)))
        func y(_ value: Double) -> Double { top + plotHeight - value / yMaximum * plotHeight }

        var parts = ""
        for value in Set([0, largest / 2, largest]).sorted() {
            let lineY = y(Double(value))
            parts += HTML.empty("line", ["class": value == 0 ? "axis" : "grid", "x1": HTML.number(left), "y1": HTML.number(lineY), "x2": HTML.number(width - right), "y2": HTML.number(lineY)])
            parts += HTML.text("text", ["x": HTML.number(left - 8), "y": HTML.number(lineY + 4), "text-anchor": "end"], String(value))
        }
        for (index, entry) in months.enumerated() {
            let centre = left + slot * (Double(index) + 0.5)
            if entry.updates > 0 {
                let barWidth = max(slot * 0.7, 2)
                parts += HTML.element(
                    "rect", ["class": "bar", "x": HTML.number(centre - barWidth / 2), "y": HTML.number(y(Double(entry.updates))),
                             "width": HTML.number(barWidth), "height": HTML.number(y(0) - y(Double(entry.updates)))],
                    HTML.text("title", [:], "\(entry.month): \(entry.updates)"))
                parts += HTML.text("text", ["class": "value", "x": HTML.number(centre), "y": HTML.number(y(Double(entry.updates)) - 4), "text-anchor": "middle"], String(entry.updates))
            }
            if index % labelEvery == 0 {
                parts += HTML.text("text", ["x": HTML.number(centre), "y": HTML.number(y(0) + 18), "text-anchor": "middle"], entry.month)
            }
        }
        return HTML.element(
            "svg", ["class": "chart bars", "viewBox": "0 0 \(HTML.number(width)) \(HTML.number(height))", "role": "img",
                    "aria-label": l("updates_per_month")],
            parts)
    }
}
