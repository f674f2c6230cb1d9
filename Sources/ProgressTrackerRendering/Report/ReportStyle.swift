/// The report's stylesheet, inline in the page: readable on a screen 1280 px wide, and
/// printable (A4 landscape, no backgrounds but the charts' own colours, no section split
/// across pages).
enum ReportStyle {
    static let css = """
        :root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --rule: #d1d9e0; --faint: #eef1f4; --paper: #fff; }
        * { box-sizing: border-box; }
        body { margin: 0; background: #f6f8fa; color: var(--ink); font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif; }
        main { max-width: 1240px; margin: 0 auto; padding: 24px 20px 32px; }
        header h1 { margin: 0; font-size: 26px; font-weight: 650; overflow-wrap: anywhere; }
        header h1 .kind { color: var(--muted); font-weight: 400; }
        header .subtitle { margin: 2px 0 0; color: var(--muted); }
        .facts { display: grid; grid-template-columns: repeat(auto-fit, minmax(120px, 1fr)); gap: 8px; margin: 16px 0 0; }
        .fact { margin: 0; background: var(--paper); border: 1px solid var(--rule); border-radius: 6px; padding: 8px 12px; }
        .fact dt { color: var(--muted); font-size: 12px; }
        .fact dd { margin: 0; font-size: 18px; font-weight: 600; font-variant-numeric: tabular-nums; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
        .fact dd small { display: block; font-size: 12px; font-weight: 400; color: var(--muted); overflow: hidden; text-overflow: ellipsis; }
        .state { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 13px; font-weight: 600; vertical-align: 5px; }
        .state-complete { background: #dafbe1; color: #116329; }
        .state-running { background: #ddf4ff; color: #0550ae; }
        .state-paused, .state-cancelled { background: #fff8c5; color: #7d4e00; }
        .state-idle { background: var(--faint); color: var(--muted); }
        section { background: var(--paper); border: 1px solid var(--rule); border-radius: 8px; padding: 14px 18px 12px; margin: 16px 0 0; }
        section h2 { margin: 0 0 6px; font-size: 16px; font-weight: 650; }
        section .caption { margin: 4px 0 0; color: var(--muted); font-size: 12px; }
        .empty { color: var(--muted); margin: 8px 0; }
        .legend { display: flex; flex-wrap: wrap; gap: 4px 16px; margin: 0 0 4px; padding: 0; list-style: none; font-size: 13px; }
        .legend li { display: flex; align-items: center; gap: 6px; overflow-wrap: anywhere; }
        .legend .line { display: inline-block; width: 18px; height: 3px; border-radius: 2px; }
        .legend .line.overall { height: 4px; }
        .legend svg { width: 18px; height: 14px; }
        svg.chart { display: block; width: 100%; height: auto; }
        svg.chart text { font: 12px system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; fill: var(--muted); }
        .grid line { stroke: var(--faint); stroke-width: 1; }
        .grid-value line:first-child { stroke: #afb8c1; }
        .series { fill: none; stroke-width: 2; stroke-linejoin: round; stroke-linecap: round; }
        .series-overall { stroke-width: 3.5; }
        .series-uncertain { fill: none; stroke-width: 1.5; stroke-dasharray: 4 4; opacity: .8; }
        .rate { fill: none; stroke-width: 1.8; stroke-linejoin: round; }
        .point-resumed { fill: var(--paper); stroke-width: 2; }
        .downtime-omitted { fill: url(#hatch); stroke: #afb8c1; stroke-width: .5; }
        .downtime-kept { fill: #eaeef2; opacity: .7; }
        svg.chart text.downtime-label { fill: #6e7781; font-size: 11px; font-weight: 600; }
        .marker { stroke-width: 1.5; }
        .marker-resumed { stroke: #1a7f37; }
        .marker-head { fill: #1a7f37; }
        .marker-interrupted { stroke: #cf222e; stroke-dasharray: 5 3; }
        .marker-paused, .marker-cancelled { stroke: #bf8700; stroke-dasharray: 2 3; }
        svg.chart .run-labels text { fill: var(--muted); font-size: 11px; font-weight: 600; }
        svg.chart text.row-label { fill: var(--ink); font-size: 13px; }
        .bar-run { fill: #afb8c1; }
        svg.chart text.bar-text { fill: #fff; font-size: 11px; font-weight: 600; }
        .bar-waiting { fill: #d0d7de; }
        svg.chart text.bar-note { font-size: 11px; }
        .mark-completed { fill: #1f2328; stroke: #fff; stroke-width: 1; }
        .mark-resumed { fill: #1a7f37; stroke: #fff; stroke-width: 1; }
        .mark-removed { fill: none; stroke: #cf222e; stroke-width: 2; }
        table { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; }
        th, td { padding: 5px 10px; border-bottom: 1px solid var(--faint); text-align: right; white-space: nowrap; }
        th { color: var(--muted); font-weight: 600; font-size: 12px; border-bottom-color: var(--rule); }
        th:first-child, td:first-child, .text { text-align: left; }
        td.name { font-weight: 600; overflow-wrap: anywhere; white-space: normal; }
        td.key, td.reason { white-space: normal; overflow-wrap: anywhere; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; }
        tfoot td { border-top: 2px solid var(--rule); border-bottom: none; font-weight: 600; }
        .swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 8px; vertical-align: 0; }
        .meter { display: inline-block; width: 64px; height: 6px; margin-right: 8px; border-radius: 3px; background: var(--faint); vertical-align: 2px; overflow: hidden; }
        .meter span { display: block; height: 100%; background: #1a7f37; }
        .note, .counts { color: var(--muted); margin: 8px 0 0; }
        footer { margin: 16px 2px 0; color: var(--muted); font-size: 12px; overflow-wrap: anywhere; }
        @media print {
          @page { size: A4 landscape; margin: 12mm; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          body { background: #fff; font-size: 11px; }
          main { max-width: none; padding: 0; }
          section { border: none; border-top: 1px solid var(--rule); border-radius: 0; padding: 8px 0 0; margin: 10px 0 0; break-inside: avoid; }
          .fact { border-color: #ccc; }
          section.failures { break-inside: auto; }
          tr { break-inside: avoid; }
        }
        """
}
