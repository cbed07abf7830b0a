/// The style sheet every report carries inline: one column that fits a laptop screen, charts that
/// shrink to the page, tables whose headers repeat on printed pages, colours kept when printing, and
/// the report's title, date and page number in each printed page's margins.
package enum ReportStyle {
    package static let sheet = """
    :root { color-scheme: light; }
    * { box-sizing: border-box; }
    html { background: #ffffff; }
    body { margin: 0 auto; max-width: 1080px; padding: 20px 28px 40px; color: #1d1d1d; background: #ffffff;
      font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "DejaVu Sans", Arial, sans-serif;
      -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    header.report { border-bottom: 2px solid #1d1d1d; padding-bottom: 8px; margin-bottom: 14px; }
    header.report .top { display: flex; justify-content: space-between; align-items: baseline; gap: 16px; flex-wrap: wrap; }
    h1 { font-size: 26px; line-height: 1.2; margin: 0; }
    .date { color: #444; white-space: nowrap; font-variant-numeric: tabular-nums; }
    .subtitle { color: #444; margin: 4px 0 0; }
    nav.contents { font-size: 14px; margin: 0 0 8px; }
    nav.contents a { margin-right: 14px; color: #0b5a8c; }
    section { margin: 26px 0 0; }
    h2 { font-size: 20px; margin: 0 0 8px; padding-bottom: 3px; border-bottom: 1px solid #bbbbbb; break-after: avoid; }
    h3 { font-size: 16px; margin: 18px 0 6px; break-after: avoid; }
    p { margin: 6px 0; max-width: 72em; }
    p.note, figcaption, caption { color: #4a4a4a; font-size: 13px; }
    p.note { break-after: avoid; }
    caption { text-align: left; padding: 4px 0; caption-side: top; }
    .cards { display: flex; flex-wrap: wrap; gap: 10px; margin: 8px 0; }
    .card { border: 1px solid #c8c8c8; border-radius: 6px; padding: 6px 14px 8px; min-width: 120px; break-inside: avoid; }
    .card .value { font-size: 24px; font-weight: 600; font-variant-numeric: tabular-nums; }
    .card .name { font-size: 13px; color: #4a4a4a; }
    figure { margin: 10px 0 14px; break-inside: avoid; }
    .chart-box { overflow-x: auto; }
    svg.chart { display: block; max-width: 100%; height: auto; font-family: inherit; }
    .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(320px, 1fr)); gap: 4px 22px; }
    .grid figure { margin: 6px 0; }
    table { border-collapse: collapse; font-size: 14px; font-variant-numeric: tabular-nums; margin: 6px 0 10px; }
    th, td { padding: 3px 10px; border-bottom: 1px solid #e0e0e0; text-align: left; vertical-align: top; }
    thead th { border-bottom: 1.5px solid #555555; }
    thead { display: table-header-group; }
    tr { break-inside: avoid; }
    th.num, td.num { text-align: right; }
    table.facts th { font-weight: 600; white-space: nowrap; padding-right: 18px; }
    table.facts td { overflow-wrap: anywhere; }
    td.score { position: relative; min-width: 96px; }
    td.score .bar { position: absolute; left: 4px; top: 5px; bottom: 5px; background: #56B4E9; opacity: 0.45; }
    td.score .v { position: relative; }
    td.low { font-weight: 700; }
    code, .id { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 13px; }
    ul.examples { margin: 2px 0; padding-left: 18px; font-size: 14px; }
    .legend { font-size: 14px; margin: 6px 0 10px; }
    .legend span { margin-right: 18px; }
    .article { border: 1px solid #d0d0d0; border-radius: 6px; padding: 10px 14px; white-space: pre-wrap; font-size: 15px; line-height: 1.6; }
    .picked { background: #cfe8f7; font-weight: 600; border-radius: 2px; }
    .ref { text-decoration: underline; text-decoration-color: #D55E00; text-decoration-thickness: 2.5px; text-underline-offset: 3px; }
    sup.tag { font-size: 11px; color: #8a3a00; font-weight: 700; margin-left: 2px; }
    figcaption.label-name { font-weight: 700; font-size: 14px; color: #1d1d1d; margin: 0 0 2px; }
    ol.reference { margin: 4px 0 8px; padding-left: 30px; }
    ol.reference li::marker { content: "R" counter(list-item) "  "; color: #8a3a00; font-weight: 700; }
    footer { margin-top: 36px; padding-top: 8px; border-top: 1px solid #bbbbbb; color: #555555; font-size: 12px; }
    @media print {
      body { max-width: none; padding: 0; font-size: 12px; }
      nav.contents { display: none; }
      section { margin-top: 16px; }
      .chart-box { overflow: visible; }
      h2 { break-before: auto; }
      .article { font-size: 12px; }
    }
    """

    /// The print rules naming this report: its title top left, its date top right, page numbers bottom right.
    package static func pageRules(title: String, date: String?) -> String {
        let font = "font-family: system-ui, \"DejaVu Sans\", Arial, sans-serif; font-size: 9pt; color: #555555;"
        var rules = "@page { size: A4; margin: 16mm 12mm 16mm 12mm;\n"
        rules += "  @top-left { content: \(Markup.cssString(title)); \(font) }\n"
        if let date { rules += "  @top-right { content: \(Markup.cssString(date)); \(font) }\n" }
        rules += "  @bottom-right { content: counter(page) \" / \" counter(pages); \(font) }\n}"
        return rules
    }
}
