import Tracker
/// The published site's one stylesheet (style.css): a single column that reads on a phone and
/// widens on a desktop; system fonts (with CJK fallbacks); colours with at least 4.5:1 contrast,
/// and every status spelled out in words, never shown by colour alone.
enum SiteStylesheet {
    static let css = """
    :root { --ink: #1b1f24; --muted: #4a5360; --line: #d0d7de; --paper: #ffffff; --link: #0b57b8; --focus: #b35900; }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; }
    body { margin: 0; color: var(--ink); background: var(--paper); line-height: 1.6;
           font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
    header, main, footer { max-width: 60rem; margin: 0 auto; padding: 0 1rem; }
    header { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; justify-content: space-between;
             border-bottom: 1px solid var(--line); padding-top: .75rem; padding-bottom: .75rem; }
    footer { border-top: 1px solid var(--line); margin-top: 2rem; padding-top: .75rem; padding-bottom: 2rem; color: var(--muted); }
    a { color: var(--link); text-decoration: underline; text-underline-offset: .15em; }
    a:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
    .skip { position: absolute; left: -999px; top: 0; background: var(--paper); padding: .5rem 1rem; }
    .skip:focus { left: 1rem; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    .crumbs { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem; }
    .crumbs li + li::before { content: "›"; margin-right: .25rem; color: var(--muted); }
    .lang { font-weight: 600; }
    h1 { font-size: 1.6rem; line-height: 1.3; margin: 1.25rem 0 .75rem; overflow-wrap: anywhere; }
    h2 { font-size: 1.25rem; margin: 1.75rem 0 .5rem; }
    p, li, dd, td, th { overflow-wrap: anywhere; }
    .meta { color: var(--muted); font-size: .925rem; }
    .cards, .items, .timeline { padding-left: 0; list-style: none; }
    .cards li, .items li, .timeline li { border-bottom: 1px solid var(--line); padding: .6rem 0; }
    .timeline p { margin: .25rem 0; }
    .facts { display: grid; grid-template-columns: 1fr; gap: .25rem 1rem; margin: 0 0 1rem; }
    .facts div { display: flex; flex-wrap: wrap; gap: .5rem; }
    .facts dt { font-weight: 600; min-width: 8rem; }
    .facts dd { margin: 0; }
    .status { display: inline-block; padding: 0 .45rem; border-radius: .25rem; font-size: .875rem; font-weight: 600;
              border: 1px solid currentColor; white-space: nowrap; }
    .s-completed, .s-met, .s-done, .s-on-track { color: #0f5323; background: #e6f4ea; }
    .s-in-progress, .s-open { color: #0b4a8f; background: #e8f0fb; }
    .s-at-risk { color: #7a3e00; background: #fff1e0; }
    .s-blocked, .s-missed { color: #8a1c1c; background: #fdeaea; }
    .s-not-started, .s-no-data { color: #3d4652; background: #f0f2f4; }
    .source { margin: 1rem 0; padding: .5rem 1rem; border-left: 4px solid var(--line); background: #f6f8fa; }
    .source blockquote { margin: 0; }
    .source figcaption { color: var(--muted); font-size: .925rem; }
    .scroll { overflow-x: auto; position: relative; }
    .scroll:focus-visible { outline: 3px solid var(--focus); }
    table { border-collapse: collapse; width: 100%; min-width: 28rem; }
    th, td { text-align: left; vertical-align: top; padding: .4rem .5rem; border-bottom: 1px solid var(--line); }
    thead th { border-bottom: 2px solid var(--ink); }
    tbody th { font-weight: normal; }
    .number { text-align: right; font-variant-numeric: tabular-nums; }
    @media (min-width: 48rem) {
      h1 { font-size: 2rem; }
      .facts { grid-template-columns: 1fr 1fr; }
    }

    """
}
