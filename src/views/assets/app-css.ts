// The one stylesheet, served from /static/app.css (the CSP allows only same-origin styles).
export const APP_CSS = `
:root{--ink:#1b1f24;--muted:#5b6470;--line:#d9dee5;--bg:#f6f7f9;--brand:#a61b1b;--ok:#17663a;--warn:#8a5a00;--bad:#a61b1b;--focus:#1f5fbf}
*{box-sizing:border-box}
body{margin:0;font:16px/1.55 system-ui,-apple-system,"PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif;color:var(--ink);background:var(--bg)}
a{color:#1d4f91}
a:focus,button:focus,input:focus,select:focus,textarea:focus{outline:3px solid var(--focus);outline-offset:1px}
header.top{background:var(--brand);color:#fff}
header.top .bar{max-width:72rem;margin:0 auto;padding:.6rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem 1.2rem;align-items:center}
header.top a{color:#fff;text-decoration:none}
header.top .brand{font-weight:700;font-size:1.1rem;margin-right:auto}
header.top nav{display:flex;flex-wrap:wrap;gap:.2rem .9rem}
header.top nav a[aria-current=page]{text-decoration:underline}
header.top form{display:inline}
header.top button{background:transparent;border:1px solid #fff;color:#fff;padding:.15rem .6rem;border-radius:4px;cursor:pointer}
main{max-width:72rem;margin:0 auto;padding:1rem}
h1{font-size:1.45rem;margin:.4rem 0 1rem}
h2{font-size:1.15rem;margin:1.4rem 0 .6rem}
.card{background:#fff;border:1px solid var(--line);border-radius:6px;padding:1rem;margin:0 0 1rem}
.grid{display:grid;gap:1rem;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr))}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{border-bottom:1px solid var(--line);padding:.45rem .5rem;text-align:left;vertical-align:top}
th{background:#eef1f5;font-weight:600}
/* Column names stay on one line: a two-character header broken into a column of characters reads as nothing. */
thead th{white-space:nowrap}
.table-wrap{overflow-x:auto}
label{display:block;font-weight:600;margin:.6rem 0 .2rem}
.hint{color:var(--muted);font-size:.9rem;font-weight:400}
input,select,textarea{font:inherit;padding:.4rem .5rem;border:1px solid #9aa3ad;border-radius:4px;width:100%;max-width:28rem;background:#fff}
input[type=checkbox],input[type=radio]{width:auto}
textarea{min-height:5rem}
.row{display:flex;flex-wrap:wrap;gap:0 1rem}
.row>div{flex:1 1 12rem}
button,.button{font:inherit;background:#1d4f91;color:#fff;border:0;border-radius:4px;padding:.45rem 1rem;cursor:pointer;text-decoration:none;display:inline-block}
button.secondary,.button.secondary{background:#fff;color:#1d4f91;border:1px solid #1d4f91}
button.danger{background:var(--bad)}
.actions{display:flex;flex-wrap:wrap;gap:.5rem;margin-top:.8rem;align-items:center}
.alert{border-radius:6px;padding:.7rem 1rem;margin:0 0 1rem;border:1px solid}
.alert.error{background:#fdecec;border-color:#e3a4a4;color:#6d1010}
.alert.ok{background:#e9f6ee;border-color:#9fd0b1;color:#0f4a28}
.alert.warn{background:#fff6e0;border-color:#e6c97a;color:#5c3d00}
.field-error{color:var(--bad);font-size:.9rem;margin:.2rem 0 0}
[aria-invalid=true]{border-color:var(--bad)}
.status{display:inline-block;white-space:nowrap;padding:.05rem .5rem;border-radius:999px;font-size:.85rem;border:1px solid var(--line);background:#fff}
.status.submitted,.status.coordinated{background:#fff6e0}
.status.approved{background:#e9f6ee}
.status.rejected,.status.withdrawn,.status.cancelled{background:#f1f1f1;color:var(--muted)}
meter{width:100%;height:1.1rem}
.slots{display:flex;flex-wrap:wrap;gap:.4rem;padding:0;list-style:none}
.slots button{background:#fff;color:#1d4f91;border:1px solid #1d4f91}
.calendar{table-layout:fixed}
.calendar td{height:5.5rem;font-size:.85rem}
.calendar .day{color:var(--muted)}
.calendar .event{display:block;margin:.1rem 0;padding:.05rem .3rem;border-radius:3px;background:#e8eef8;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.calendar .event.reception{background:#f4e8f8}
.muted{color:var(--muted)}
.check{display:flex;gap:.5rem;align-items:center;margin:.6rem 0 .2rem}
.check label{margin:0}
.documents h2{margin-top:0}
.documents td form{display:inline}
.summary{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem}
.summary dt{font-weight:600}
.summary dd{margin:0}
.nowrap{white-space:nowrap}
details.terms{margin:0 0 1rem;color:var(--muted)}
details.terms summary{cursor:pointer}
details.terms dl{color:var(--ink)}
code.url{word-break:break-all;background:#eef1f5;padding:.2rem .4rem;border-radius:3px}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
footer{max-width:72rem;margin:2rem auto;padding:0 1rem;color:var(--muted);font-size:.85rem}
body.docs{max-width:70rem;margin:2rem auto;padding:0 1rem}
body.docs pre{background:#f4f5f7;padding:.6rem;overflow:auto;max-height:20rem;font:13px ui-monospace,monospace}
body.docs .op{border-top:1px solid var(--line);padding:.6rem 0}
body.docs .m{display:inline-block;min-width:4.5rem;font-weight:700;text-transform:uppercase}
body.docs h3{font-size:1rem;margin:.2rem 0;overflow-wrap:anywhere}
body.docs table.schema{font-size:.9rem;margin:.3rem 0}
body.docs table.schema table.schema{margin:.4rem 0 0;background:#fafbfc}
body.docs table.schema td:first-child{white-space:nowrap}
body.docs .req{color:var(--bad);font-size:.8rem}
body.docs .docs-index summary{font-weight:600;cursor:pointer}
body.docs .docs-index li{overflow-wrap:anywhere}
body.docs .responses li{margin:.2rem 0}
@media print{header.top,footer,.no-print{display:none}body{background:#fff}.card{border:0}}
@media (max-width:40rem){main{padding:.6rem}th,td{padding:.35rem}}
/* Below 40rem (640px) a list (table.cards) becomes a stack of cards: a row is a card, a cell a line
   that starts with its column's name from data-label. The header row stays for screen readers. */
@media (max-width:40rem){
main table.cards,main table.cards tbody,main table.cards tfoot,main table.cards tr,main table.cards td,main table.cards tr>th{display:block;width:auto;min-width:0}
main table.cards{background:transparent}
main table.cards thead{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
main table.cards tr{background:#fff;border:1px solid var(--line);border-radius:6px;margin:0 0 .6rem;padding:.3rem .6rem}
main table.cards tr>th{background:transparent;border:0;padding:.25rem 0;font-size:1rem}
main table.cards td{border:0;padding:.2rem 0;overflow-wrap:anywhere;text-align:left}
main table.cards td[data-label]{position:relative;padding-left:7.5rem;min-height:1.7rem}
main table.cards td[data-label]::before{content:attr(data-label);position:absolute;left:0;width:7rem;color:var(--muted);font-size:.85rem;font-weight:600}
main table.cards td:empty{display:none}
main table.cards.calendar td,main table.cards.calendar th{height:auto}
.month-grid{display:none}
main table.cards.calendar .event{white-space:normal}
main table.cards .nowrap{white-space:normal}
main table.cards input,main table.cards select,main table.cards textarea{max-width:100%}
/* A list's filters take two columns, so the list itself starts within the first screen. */
form.filters .row{display:grid;grid-template-columns:1fr 1fr;gap:0 .6rem}
form.filters .row>div{min-width:0}
form.filters label{margin-top:.3rem}
}
/* ---- HQ pages and calendar feeds (src/web/hq/, src/web/feeds-page.tsx) ---- */
article.card h3{margin:0 0 .4rem;font-size:1.05rem}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:.4rem 0 .8rem}
dl.facts dt{color:var(--muted)}
dl.facts dd{margin:0;overflow-wrap:anywhere}
.calendar{min-width:42rem}
.calendar td.outside{background:#f1f3f6}
.calendar td.today{outline:2px solid var(--focus);outline-offset:-2px}
.calendar td.today .day{font-weight:700;color:var(--ink)}
.calendar td.blackout{background:repeating-linear-gradient(135deg,#fff,#fff 6px,#f6e1e1 6px,#f6e1e1 12px)}
.blackout-label{display:block;color:var(--bad);font-size:.8rem}
.legend{display:flex;flex-wrap:wrap;gap:.4rem 1rem;font-size:.85rem;align-items:center}
.legend .event,.legend .blackout-label,.month-list .event{display:inline-block;padding:.05rem .4rem;border-radius:3px}
.event.visit.approved{background:#e9f6ee;border-left:4px solid var(--ok)}
.event.visit.pending{background:#fff6e0;border-left:4px dashed var(--warn)}
.event.reception.approved{background:#f4e8f8;border-left:4px solid #6b2f86}
.event.reception.pending{background:#faf3fc;border-left:4px dashed #6b2f86}
.month-list{list-style:none;padding:0}
.month-list li{margin:.3rem 0}
/* ---- Office reports (src/web/office/reports*.tsx): tabs, usage meters, balance chart ---- */
.report-tabs{display:flex;flex-wrap:wrap;gap:.3rem 1rem;margin:0 0 1rem;border-bottom:1px solid var(--line);padding-bottom:.4rem}
.report-tabs a[aria-current=page]{font-weight:700;text-decoration:none;color:var(--ink)}
.filters .row>div{flex:0 1 14rem}
td.num{text-align:right;font-variant-numeric:tabular-nums}
table.report-table{min-width:38rem}
table.usage-table{min-width:52rem}
.report-table th[scope=row]{white-space:nowrap}
.usage{min-width:8rem}
.usage meter{display:block}
.totals{font-weight:600}
section.card>h3{font-size:1rem;margin:1rem 0 .4rem}
svg.balance-chart{width:100%;height:auto;max-width:48rem;display:block;background:#fff;font-size:13px}
svg.balance-chart .band{fill:#e9f6ee;stroke:#9fd0b1}
svg.balance-chart .bar{fill:#1d4f91}
svg.balance-chart .bar.over{fill:#a61b1b}
svg.balance-chart .bar.under{fill:#c9a227}
svg.balance-chart .median{stroke:#1b1f24;stroke-width:2;stroke-dasharray:4 3}
svg.balance-chart text{fill:#1b1f24}
svg.balance-chart .median-label{fill:var(--muted)}
.chart-legend{display:flex;flex-wrap:wrap;gap:.3rem 1.2rem;list-style:none;padding:0;margin:.5rem 0 1rem;font-size:.9rem}
.chart-legend .swatch{display:inline-block;width:1rem;height:.8rem;margin-right:.35rem;vertical-align:middle;border:1px solid var(--line);background:#1d4f91}
.chart-legend .swatch.over{background:#a61b1b}
.chart-legend .swatch.under{background:#c9a227}
.chart-legend .swatch.band{background:#e9f6ee;border-color:#9fd0b1}
.chart-legend .swatch.median{background:transparent;border:0;border-left:2px dashed #1b1f24;width:.5rem}
/* ---- Unit pages (src/web/unit/): caps, booking form, visit rows, reception form and list ---- */
.cap-figures,.cap-big{margin:.2rem 0 0}
[data-condolence-only][hidden],[data-print][hidden]{display:none}
.cap-label{font-weight:600;margin:.6rem 0 .2rem}
.cap-big{font-size:1.05rem}
.year-input{max-width:7rem}
.actions>label{margin:0}
.row-actions{display:flex;flex-wrap:wrap;gap:.4rem .8rem;align-items:center}
.row-actions form{display:flex;flex-wrap:wrap;gap:.3rem;align-items:center}
.row-actions form label{margin:0;font-weight:400}
.row-actions form input{max-width:12rem}
.slot-finder{border-top:1px dashed var(--line);border-bottom:1px dashed var(--line);margin:.8rem 0;padding:.2rem 0 .8rem}
.slot-finder h2{font-size:1rem}
fieldset.card{min-width:0}
fieldset.card legend{font-weight:700;padding:0 .3rem}
table.facts{width:auto;min-width:min(100%,28rem)}
table.facts th{background:transparent;white-space:nowrap}
.sheet-section h2{margin-top:1.2rem}
.sheet-totals td{font-variant-numeric:tabular-nums}
.sign-off{display:flex;flex-wrap:wrap;gap:1rem 2.5rem;margin-top:2rem}
.sign-line{display:flex;align-items:flex-end;gap:.4rem;margin:0;flex:1 1 12rem}
.sign-line .blank{flex:1;min-width:8rem;border-bottom:1px solid var(--ink);height:1.6rem}
@media print{.sheet-section{break-inside:avoid}.table-wrap{overflow:visible}a[href]{color:inherit;text-decoration:none}}
/* ---- Office annual plan (src/web/office/plan*.tsx): request grid, year calendar, legend ---- */
table.plan-grid{min-width:60rem;table-layout:fixed}
table.plan-grid th[scope=row]{width:7rem}
.plan-grid td{padding:.25rem;font-size:.8rem}
.plan-chips{list-style:none;margin:0;padding:0}
.plan-chip{margin:0 0 .2rem;padding:.05rem .25rem;border-radius:3px;background:#e8eef8;border-left:3px solid #1d4f91}
.plan-chip.withdrawn{background:#f1f1f1;border-left-color:var(--line);text-decoration:line-through}
.plan-chip.committed{background:#e9f6ee;border-left-color:var(--ok)}
.plan-calendar-wrap{background:#fff}
svg.plan-calendar{display:block;width:100%;min-width:56rem;height:auto}
svg.plan-calendar rect.existing{opacity:.85}
.plan-legend{display:flex;flex-wrap:wrap;gap:.3rem 1.2rem;list-style:none;padding:0;margin:.5rem 0 1rem;font-size:.9rem}
.plan-legend svg.swatch{margin-right:.35rem;vertical-align:middle}
dl.plan-objective{display:grid;grid-template-columns:max-content auto;gap:.2rem 1rem;margin:.5rem 0 1rem}
dl.plan-objective dt{color:var(--muted)}
dl.plan-objective dd{margin:0;font-variant-numeric:tabular-nums}
/* ---- Notifications and record pages (src/web/inbox-page.tsx, src/web/records/) ---- */
.badge{display:inline-block;min-width:1.3rem;padding:0 .35rem;margin-left:.25rem;border-radius:999px;background:#fff;color:var(--brand);font-size:.8rem;font-weight:700;text-align:center}
main .badge{background:var(--brand);color:#fff}
ul.inbox{list-style:none;padding:0}
ul.inbox li.unread{border-left:4px solid var(--brand)}
.inbox-subject{font-size:1rem;margin:.2rem 0}
.inbox-body{white-space:pre-line;margin:.2rem 0;color:var(--muted)}
ol.timeline{list-style:none;padding:0;margin:0;border-left:2px solid var(--line)}
ol.timeline li{padding:.3rem 0 .5rem .8rem;position:relative}
ol.timeline li::before{content:"";position:absolute;left:-.38rem;top:.65rem;width:.6rem;height:.6rem;border-radius:50%;background:var(--line)}
ol.timeline time{color:var(--muted);font-variant-numeric:tabular-nums}
blockquote.why{margin:.3rem 0 0;padding:.3rem .6rem;border-left:3px solid var(--line);background:#f6f7f9;white-space:pre-line}
/* ---- Paged lists and the office's month calendar (src/web/lists/, src/web/office/calendar.tsx) ---- */
.pager{justify-content:center;margin:1rem 0}
.calendar a.event{color:inherit;text-decoration:none}
.calendar .load{display:block;font-weight:600;font-size:.8rem}
.calendar .load.full{color:var(--bad)}
table.office-calendar{min-width:48rem}
.office-calendar td{height:auto}
.office-calendar tr.today th{outline:2px solid var(--focus);outline-offset:-2px}
`;
