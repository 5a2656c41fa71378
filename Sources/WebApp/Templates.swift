import Mustache
import Tracker

/// The pages' Mustache templates. `{{x}}` escapes (& < > " '), so text from the database is
/// always shown as text; `{{{x}}}` is used only for markup built here (the SVG charts).
enum Templates {
    static let library: MustacheLibrary = {
        var library = MustacheLibrary()
        for (name, text) in sources {
            // The templates are constants of this file; a parse error is a programming error caught by every test.
            try! library.register(text, named: name)
        }
        return library
    }()

    static func render(_ name: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: name) ?? ""
    }

    static let css = DashboardPage.stylesheet + """
        nav{display:flex;flex-wrap:wrap;gap:.25rem 1rem;align-items:center;padding:.5rem 0;border-bottom:1px solid #ddd;margin-bottom:1rem}
        nav .who{margin-left:auto}
        nav form{display:inline}
        form.stack label{display:block;margin:.5rem 0 .15rem;font-weight:600}
        form.stack input,form.stack select,form.stack textarea{width:100%;max-width:36rem;box-sizing:border-box;padding:.35rem;font:inherit}
        form.stack textarea{min-height:6rem}
        form.stack input[type=checkbox]{width:auto;margin-right:.4rem}
        form.stack button{display:block}
        .error{color:#a40000;font-weight:600}
        .field-error{color:#a40000;display:block}
        .flash{background:#e8f4e8;padding:.5rem;border-radius:4px}
        .table-wrap{overflow-x:auto;max-width:100%}
        main{padding:12px 16px 32px}
        td.note{display:table-cell;color:var(--ink);font-size:14px}
        .superseded{opacity:.6;text-decoration:line-through}
        button{font:inherit;padding:.35rem .9rem;margin-top:.5rem}
        @media (max-width:600px){main{padding:8px}table{font-size:.85rem}}
        """

    static let sources: [String: String] = [
        // The page around its body, in two parts: the stylesheet and the body go between them as
        // they are, not through the renderer (copying them there was a third of a cached page's cost).
        "layoutHead": """
            <!DOCTYPE html>
            <html lang="{{lang}}"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{title}} · {{t.app}}</title><style>
            """,
        "layoutNav": """
            </style></head>
            <body><main><nav>
            <a href="/">{{t.overview}}</a><a href="/targets">{{t.targets}}</a><a href="/training">{{t.training}}</a>
            <a href="/indicators">{{t.indicators}}</a><a href="/search">{{t.search}}</a><a href="/reports">{{t.reports}}</a>
            <a id="lang-switch" href="/lang?to={{otherLang}}&amp;back={{path}}">{{switchLabel}}</a>
            <span class="who">{{#user}}<bdi>{{name}}</bdi> ({{role}})
            <form method="post" action="/logout"><input type="hidden" name="csrf" value="{{csrf}}"><button id="sign-out">{{t.sign_out}}</button></form>{{/user}}
            {{^user}}<a href="/login">{{t.sign_in}}</a>{{/user}}</span>
            </nav>
            {{#flash}}<p class="flash" id="flash">{{flash}}</p>{{/flash}}

            """,
        "login": """
            <h1>{{t.sign_in}}</h1>
            {{#error}}<p class="error" id="error">{{error}}</p>{{/error}}
            <form class="stack" method="post" action="/login">
            <input type="hidden" name="login_token" value="{{loginToken}}">
            <label for="name">{{t.name}}</label><input id="name" name="name" value="{{name}}" autocomplete="username" required>
            <label for="password">{{t.password}}</label><input id="password" name="password" type="password" autocomplete="current-password" required>
            <button id="sign-in">{{t.sign_in}}</button></form>
            """,
        "password": """
            <h1>{{t.change_password}}</h1>
            <p>{{t.must_change}}</p>
            <form class="stack" method="post" action="/password">
            <input type="hidden" name="csrf" value="{{csrf}}">
            <label for="current">{{t.current_password}}</label><input id="current" name="current" type="password" autocomplete="current-password" required>
            <label for="password">{{t.new_password}}</label><input id="password" name="password" type="password" autocomplete="new-password" required>
            {{#error}}<span class="field-error" id="password-error">{{error}}</span>{{/error}}
            <button id="save-password">{{t.save}}</button></form>
            """,
        "overview": """
            <h1>{{planTitle}}</h1>{{#planTitleEn}}<p>{{planTitleEn}}</p>{{/planTitleEn}}
            <form method="get" action="/"><label for="as_of">{{t.as_of}}</label>
            <input type="date" id="as_of" name="as_of" value="{{asOf}}"> <button>{{t.show}}</button></form>
            <h2>{{t.actions}}</h2><div class="table-wrap"><table id="actions"><thead><tr><th>#</th><th>{{t.action}}</th><th>{{t.status}}</th><th>{{t.last_update}}</th><th>{{t.updates}}</th><th>{{t.note}}</th></tr></thead><tbody>
            {{#actions}}<tr><td>{{number}}</td><td><a href="/actions/{{number}}">{{title}}</a>{{#titleEn}}<br><small>{{titleEn}}</small>{{/titleEn}}</td>
            <td><span class="badge status-{{status}}">{{status}}</span></td><td>{{lastUpdate}}</td><td class="num">{{updates}}</td><td dir="auto">{{lastNote}}</td></tr>{{/actions}}
            </tbody></table></div>
            <h2>{{t.milestones}}</h2>
            {{#milestones}}<h3>{{title}}</h3><p><span class="badge status-{{status}}">{{status}}</span> {{done}} / {{target}} · {{t.due}} {{dueOn}}{{#projectedOn}} · {{t.projected}} {{projectedOn}}{{/projectedOn}}</p>{{{bar}}}{{/milestones}}
            <h2>{{t.updates}}</h2>{{{activity}}}
            """,
        "action": """
            <p><a href="/">← {{t.overview}}</a></p>
            <h1>{{t.action}} {{number}}. {{title}}</h1>{{#titleEn}}<p><em>{{titleEn}}</em></p>{{/titleEn}}
            {{#vision}}<p>{{vision}}</p>{{/vision}}
            <p id="body">{{body}}</p>
            {{#sourceQuote}}<blockquote>{{sourceQuote}}<br><small>{{t.source}}: {{document}}{{#sourceLine}}, line {{sourceLine}}{{/sourceLine}}</small></blockquote>{{/sourceQuote}}
            <h2>{{t.commitments}}</h2><ul>{{#commitments}}<li><code>{{slug}}</code> {{body}}{{#due_on}} · {{t.due}} {{due_on}}{{/due_on}}{{#milestone}} · {{t.milestone}} {{milestone}}{{/milestone}}</li>{{/commitments}}</ul>
            <h2>{{t.timeline}}</h2><div class="table-wrap"><table id="timeline"><thead><tr><th>#</th><th>{{t.date}}</th><th>{{t.status}}</th><th>%</th><th>{{t.note}}</th><th>{{t.author}}</th><th>{{t.evidence}}</th><th></th></tr></thead><tbody>
            {{#timeline}}<tr id="update-{{id}}"{{#superseded}} class="superseded"{{/superseded}}><td>{{id}}</td><td>{{reported_on}}</td><td><span class="badge status-{{status}}">{{status}}</span></td><td>{{percent}}</td><td class="note" dir="auto">{{note}}</td><td><bdi>{{author}}</bdi></td>
            <td>{{#evidenceLink}}<a href="{{evidenceLink}}" rel="noopener noreferrer nofollow">{{evidenceLink}}</a>{{/evidenceLink}}{{^evidenceLink}}{{evidence_url}}{{/evidenceLink}}</td>
            <td>{{correction}} {{superseded}}{{#canCorrect}} <a class="correct-link" href="/actions/{{actionNumber}}/updates/{{id}}/correct">{{t.correct}}</a>{{/canCorrect}}</td></tr>{{/timeline}}
            </tbody></table></div>
            {{#canWrite}}<h2>{{t.add_update}}</h2>{{{form}}}{{/canWrite}}
            {{^canWrite}}<p class="viewer-note">{{t.viewer_note}}</p>{{/canWrite}}
            """,
        "progressForm": """
            {{#formError}}<p class="error" id="form-error">{{formError}}</p>{{/formError}}
            <form class="stack" id="progress-form" method="post" action="{{action}}">
            <input type="hidden" name="csrf" value="{{csrf}}">
            <label for="note">{{t.note}}</label><textarea id="note" name="note">{{values.note}}</textarea>{{#errors.note}}<span class="field-error" id="note-error">{{errors.note}}</span>{{/errors.note}}
            <label for="status">{{t.status}}</label><select id="status" name="status">{{#statuses}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>{{/statuses}}</select>{{#errors.status}}<span class="field-error" id="status-error">{{errors.status}}</span>{{/errors.status}}
            <label for="reported_on">{{t.date}}</label><input id="reported_on" name="reported_on" type="date" value="{{values.reported_on}}">{{#errors.reported_on}}<span class="field-error" id="reported_on-error">{{errors.reported_on}}</span>{{/errors.reported_on}}
            <label for="percent">{{t.percent}}</label><input id="percent" name="percent" inputmode="decimal" value="{{values.percent}}">{{#errors.percent}}<span class="field-error" id="percent-error">{{errors.percent}}</span>{{/errors.percent}}
            <label for="evidence_url">{{t.evidence}}</label><input id="evidence_url" name="evidence_url" type="url" value="{{values.evidence_url}}">{{#errors.evidence_url}}<span class="field-error" id="evidence_url-error">{{errors.evidence_url}}</span>{{/errors.evidence_url}}
            <label for="commitment">{{t.commitment}}</label><select id="commitment" name="commitment"><option value="">—</option>{{#commitmentOptions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>{{/commitmentOptions}}</select>{{#errors.commitment}}<span class="field-error" id="commitment-error">{{errors.commitment}}</span>{{/errors.commitment}}
            <button id="save-progress">{{t.save}}</button></form>
            """,
        "correct": """
            <p><a href="/actions/{{actionNumber}}">← {{t.action}} {{actionNumber}}</a></p>
            <h1>{{t.correct_update}} #{{id}}</h1>
            {{{form}}}
            """,
        "training": """
            <h1>{{t.training}}</h1><div class="table-wrap">{{{sessions}}}</div>
            {{#canWrite}}{{#addForm}}<h2>{{t.add_session}}</h2>
            {{#formError}}<p class="error" id="form-error">{{formError}}</p>{{/formError}}
            <form class="stack" id="training-form" method="post" action="/training">
            <input type="hidden" name="csrf" value="{{csrf}}">
            {{> fields}}
            <label><input type="checkbox" name="baseline" value="1"{{#values.baseline}} checked{{/values.baseline}}> {{t.baseline}}</label>
            <button id="save-training">{{t.save}}</button></form>{{/addForm}}
            {{#correctForm}}<h2>{{t.correct_session}}</h2><p>{{t.empty_keeps}}</p>
            {{#formError}}<p class="error" id="correct-form-error">{{formError}}</p>{{/formError}}
            <form class="stack" id="correct-training-form" method="post" action="/training/correct">
            <input type="hidden" name="csrf" value="{{csrf}}">
            {{> fields}}
            <button id="correct-training">{{t.correct}}</button></form>{{/correctForm}}
            {{#withdrawForm}}<h2>{{t.withdraw_session}}</h2>
            {{#formError}}<p class="error" id="withdraw-form-error">{{formError}}</p>{{/formError}}
            <form class="stack" id="withdraw-form" method="post" action="/training/withdraw">
            <input type="hidden" name="csrf" value="{{csrf}}">
            {{> fields}}
            <button id="withdraw-training">{{t.withdraw}}</button></form>{{/withdrawForm}}{{/canWrite}}
            """,
        // One labelled input per entry of `fields`, its problem (if any) beside it. Every key is
        // set on every entry, so no lookup falls through to an enclosing context.
        "fields": """
            {{#fields}}<label for="{{id}}">{{label}}</label><input id="{{id}}" name="{{name}}" type="{{type}}" inputmode="{{inputmode}}" value="{{value}}">{{#hasError}}<span class="field-error" id="{{id}}-error">{{fieldError}}</span>{{/hasError}}
            {{/fields}}
            """,
        "targets": """
            <h1>{{t.targets}}</h1>
            <form method="get" action="/targets"><label for="as_of">{{t.as_of}}</label>
            <input type="date" id="as_of" name="as_of" value="{{asOf}}"> <button>{{t.show}}</button></form>
            {{#milestones}}<h2>{{title}}</h2>
            <p><span class="badge status-{{status}}">{{status}}</span> {{t.done}} {{done}} / {{t.target}} {{target}} · {{t.due}} {{dueOn}} · {{t.pace}} {{pace}}{{#projectedOn}} · {{t.projected}} {{projectedOn}}{{/projectedOn}}</p>
            {{{bar}}}{{{chart}}}{{/milestones}}
            <h2>{{t.commitments}}</h2><div class="table-wrap">{{{commitments}}}</div>
            """,
        "actuals": """
            <h2 id="actuals">{{t.recorded_values}}</h2><div class="table-wrap"><table id="actuals-table"><thead><tr><th>#</th><th>{{t.commitment}}</th><th>{{t.measured_on}}</th><th>{{t.value}}</th><th>{{t.note}}</th><th>{{t.author}}</th><th>{{t.evidence}}</th><th></th></tr></thead><tbody>
            {{#actuals}}<tr id="actual-{{id}}"{{#isSuperseded}} class="superseded"{{/isSuperseded}}><td>{{id}}</td><td>{{commitment}}</td><td>{{measuredOn}}</td><td class="num">{{value}}</td><td class="note" dir="auto">{{note}}</td><td><bdi>{{author}}</bdi></td>
            <td>{{#evidenceLink}}<a href="{{evidenceLink}}" rel="noopener noreferrer nofollow">{{evidenceLink}}</a>{{/evidenceLink}}{{^evidenceLink}}{{evidenceText}}{{/evidenceLink}}</td>
            <td>{{#corrects}}{{t.corrects}} #{{corrects}} {{/corrects}}{{#isSuperseded}}{{t.superseded}} → #{{supersededBy}}{{/isSuperseded}}{{#canCorrect}}<a class="correct-actual-link" href="/targets/{{commitment}}/actuals/{{id}}/correct">{{t.correct}}</a>{{/canCorrect}}</td></tr>{{/actuals}}
            </tbody></table></div>
            {{#canWrite}}<h2>{{t.record_actual}}</h2>{{{form}}}{{/canWrite}}
            """,
        "actualForm": """
            {{#formError}}<p class="error" id="form-error">{{formError}}</p>{{/formError}}
            <form class="stack" id="actual-form" method="post" action="{{action}}">
            <input type="hidden" name="csrf" value="{{csrf}}">
            {{#chooseCommitment}}<label for="commitment">{{t.commitment}}</label><select id="commitment" name="commitment"><option value="">—</option>{{#commitmentOptions}}<option value="{{slug}}"{{#selected}} selected{{/selected}}>{{slug}}</option>{{/commitmentOptions}}</select>{{#errors.commitment}}<span class="field-error" id="commitment-error">{{errors.commitment}}</span>{{/errors.commitment}}{{/chooseCommitment}}
            {{> fields}}
            <button id="save-actual">{{t.save}}</button></form>
            """,
        "correctActual": """
            <p><a href="/targets#actuals">← {{t.targets}}</a></p>
            <h1>{{t.correct_actual}} #{{id}} · {{slug}}</h1><p>{{t.empty_keeps}}</p>
            {{{form}}}
            """,
        "table": """
            <table{{#id}} id="{{id}}"{{/id}}><thead><tr>{{#columns}}<th>{{.}}</th>{{/columns}}</tr></thead><tbody>
            {{#rows}}<tr>{{#cells}}<td>{{#isolate}}<bdi>{{text}}</bdi>{{/isolate}}{{^isolate}}{{text}}{{/isolate}}</td>{{/cells}}</tr>{{/rows}}
            </tbody></table>
            """,
        "simple": """
            <h1>{{heading}}</h1>
            {{#searchForm}}<form method="get" action="/search"><label for="q">{{t.query}}</label> <input id="q" name="q" value="{{query}}"> <button>{{t.search}}</button></form>{{/searchForm}}
            {{#asOfForm}}<form method="get" action="{{path}}"><label for="as_of">{{t.as_of}}</label> <input type="date" id="as_of" name="as_of" value="{{asOf}}"> <button>{{t.show}}</button>
            <a id="csv" href="{{path}}?as_of={{asOf}}&amp;format=csv">{{t.download_csv}}</a></form>{{/asOfForm}}
            {{#links}}<p><a href="{{href}}">{{label}}</a> — {{summary}}</p>{{/links}}
            {{#sections}}<h2>{{title}}</h2><div class="table-wrap">{{{table}}}</div>{{/sections}}
            {{#empty}}<p>{{t.no_results}}</p>{{/empty}}
            """,
        "message": "<h1>{{heading}}</h1><p>{{message}}</p>",
    ]
}
