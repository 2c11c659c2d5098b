/**
 * Every page's CSS, in one block. The content security policy allows exactly this text by its hash
 * (page-security.ts), so pages carry no other styles and injected markup cannot style itself.
 */
export const pageStyle = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body {
  margin: 0;
  background: #f4f4f1;
  color: #222222;
  font-family: "Hiragino Sans", "Hiragino Kaku Gothic ProN", Meiryo, "Noto Sans JP", system-ui, sans-serif;
  font-size: 1rem;
  line-height: 1.8;
}
main {
  max-width: 40rem;
  margin: 2rem auto;
  padding: 1.5rem;
  background: #ffffff;
  border-radius: 8px;
}
h1 { font-size: 1.4rem; line-height: 1.5; margin: 0 0 1rem; }
h2 { font-size: 1.1rem; margin: 0 0 0.5rem; }
p { margin: 0 0 1rem; }
.meta { color: #555555; font-size: 0.95rem; }
.field { margin: 0 0 1.5rem; border: 0; padding: 0; }
label, legend { display: block; font-weight: bold; margin: 0 0 0.25rem; padding: 0; }
.hint { color: #555555; font-size: 0.9rem; margin: 0 0 0.5rem; }
.private { color: #7a4b00; }
textarea {
  display: block;
  width: 100%;
  min-height: 8rem;
  padding: 0.5rem;
  font: inherit;
  border: 1px solid #767676;
  border-radius: 4px;
}
.choice { display: flex; gap: 0.5rem; align-items: center; margin: 0 0 0.25rem; font-weight: normal; }
.choice input { width: 1.25rem; height: 1.25rem; margin: 0; }
.inline-choices .choice {
  display: inline-flex;
  flex-direction: column;
  gap: 0.1rem;
  width: 6.5rem;
  margin: 0 0.3rem 0.5rem 0;
  padding: 0.4rem 0.25rem;
  border: 1px solid #c8c8c8;
  border-radius: 8px;
  text-align: center;
}
.inline-choices .choice:has(input:checked) { border-color: #2f6f8f; background: #eaf3f7; font-weight: bold; }
.weather-icon { flex: none; }
.pulse-note { background: #f1f6f8; border-radius: 8px; padding: 1rem 1.25rem 0.25rem; margin: 0 0 1.5rem; }
.pulse-today { display: flex; gap: 0.5rem; align-items: center; font-size: 1.1rem; }
.pulse-chart { display: block; width: 100%; max-width: 40rem; height: auto; margin: 0 0 0.5rem; }
.report-section { margin: 0 0 2rem; }
.report-chart { display: block; width: 100%; max-width: 32rem; height: auto; margin: 0 0 0.75rem; }
.report-table { overflow-x: auto; margin: 0 0 0.5rem; }
.report-figures { width: 100%; border-collapse: collapse; font-size: 0.9rem; }
.report-figures caption { text-align: left; font-weight: bold; }
.report-figures th, .report-figures td { border-bottom: 1px solid #dddddd; padding: 0.2rem 0.4rem; text-align: right; }
.report-figures th[scope="row"], .report-figures thead th:first-child { text-align: left; white-space: nowrap; }
.error { color: #b00020; font-weight: bold; margin: 0 0 0.5rem; }
[aria-invalid="true"] { border: 2px solid #b00020; }
.error-summary { border: 2px solid #b00020; border-radius: 4px; padding: 1rem; margin: 0 0 1.5rem; }
.error-summary ul { margin: 0; padding-left: 1.25rem; }
a { color: #1f5f7f; }
button {
  font: inherit;
  font-weight: bold;
  padding: 0.6rem 2rem;
  color: #ffffff;
  background: #2f6f8f;
  border: 0;
  border-radius: 4px;
  cursor: pointer;
}
button:hover { background: #245a75; }
.quoted {
  margin: 0 0 1.5rem;
  padding: 0.75rem 1rem;
  border-left: 4px solid #2f6f8f;
  background: #f4f7f9;
  white-space: pre-wrap;
}
.actions { display: flex; flex-wrap: wrap; gap: 0.75rem; margin: 0.5rem 0 0; }
:focus-visible { outline: 3px solid #f0a000; outline-offset: 2px; }
@media (max-width: 40rem) { main { margin: 0; border-radius: 0; } }
.console main { max-width: 76rem; }
.console-header {
  display: flex;
  flex-wrap: wrap;
  gap: 0.5rem 1.5rem;
  align-items: center;
  padding: 0.75rem 1.5rem;
  background: #1f4f66;
  color: #ffffff;
}
.console-header a { color: #ffffff; }
.console-product { font-weight: bold; text-decoration: none; }
.console-header nav ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; list-style: none; margin: 0; padding: 0; }
.console-header [aria-current="page"] { font-weight: bold; text-decoration-thickness: 3px; }
.console-user { display: flex; gap: 0.75rem; align-items: center; margin-left: auto; }
.console-user form { margin: 0; }
button.secondary { padding: 0.3rem 1rem; background: #ffffff; color: #1f4f66; }
button.secondary:hover { background: #e6eef2; }
.filters { display: flex; flex-wrap: wrap; gap: 0 1rem; align-items: flex-end; margin: 0 0 1rem; }
.filter { margin: 0 0 1rem; }
.filter-actions { display: flex; gap: 1rem; align-items: center; }
input, select { font: inherit; padding: 0.4rem 0.5rem; border: 1px solid #767676; border-radius: 4px; max-width: 100%; }
.table-scroll { overflow-x: auto; }
table.journeys { width: 100%; border-collapse: collapse; }
table.journeys caption { text-align: left; color: #555555; font-size: 0.9rem; }
table.journeys th, table.journeys td { text-align: left; vertical-align: top; padding: 0.5rem; border-bottom: 1px solid #dddddd; }
table.journeys thead th { white-space: nowrap; border-bottom: 2px solid #767676; }
.status { display: inline-block; padding: 0 0.5rem; border-radius: 4px; background: #eef1f3; white-space: nowrap; }
.status-needs-attention { background: #fde8e8; color: #8a1010; }
.status-onboarding, .status-offer-follow-up { background: #e6f1ec; color: #1d5a3c; }
@media (max-width: 40rem) {
  .console-header { padding: 0.75rem 1rem; }
  table.journeys thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
  table.journeys tr { display: block; padding: 0.5rem 0; border-bottom: 1px solid #dddddd; }
  table.journeys th, table.journeys td { display: block; padding: 0.15rem 0; border: 0; }
  table.journeys td::before { content: attr(data-label); display: block; color: #555555; font-size: 0.85rem; }
}
.en { color: #555555; font-size: 0.9em; }
.console-header .en, button .en, .status .en, a.button-link .en { color: inherit; }
.notice { border-left: 4px solid #1d5a3c; background: #e6f1ec; padding: 0.75rem 1rem; margin: 0 0 1.5rem; }
.console section { margin: 0 0 2rem; }
dl.facts { display: grid; grid-template-columns: minmax(8rem, max-content) 1fr; gap: 0.25rem 1rem; margin: 0 0 1rem; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
@media (max-width: 40rem) { dl.facts { grid-template-columns: 1fr; } dl.facts dd { margin: 0 0 0.5rem; } }
table.plan { width: 100%; border-collapse: collapse; }
table.plan caption { text-align: left; color: #555555; font-size: 0.9rem; }
table.plan th, table.plan td { text-align: left; vertical-align: top; padding: 0.5rem; border-bottom: 1px solid #dddddd; }
article.answer { border-top: 1px solid #dddddd; padding: 0.75rem 0 0; }
article.answer h3 { font-size: 1rem; margin: 0; }
ul.open-forms { list-style: none; padding: 0; }
ul.open-forms li { padding: 0.5rem 0; border-bottom: 1px solid #dddddd; }
.row-actions { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin: 0.25rem 0 0; }
.row-actions form { margin: 0; }
a.button-link { display: inline-block; padding: 0.3rem 1rem; border-radius: 4px; background: #2f6f8f; color: #ffffff; font-weight: bold; text-decoration: none; }
form.action { margin: 0 0 1.5rem; padding: 1rem; border: 1px solid #dddddd; border-radius: 8px; }
form.action input { margin: 0 0.5rem 0.5rem 0; }
button.danger { background: #a32020; }
button.danger:hover { background: #861a1a; }
fieldset.group { border: 1px solid #dddddd; border-radius: 8px; padding: 0.75rem 1rem 0; margin: 0 0 1rem; }
ol.timeline { list-style: none; padding: 0; }
ol.timeline li { padding: 0.25rem 0; border-bottom: 1px dotted #dddddd; }
ol.timeline time { color: #555555; font-size: 0.9rem; margin-right: 0.5rem; }
.quoted-inline { display: inline-block; margin: 0.25rem 0 0 1rem; padding: 0 0.5rem; border-left: 3px solid #2f6f8f; white-space: pre-wrap; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
ol.attention { list-style: none; padding: 0; }
.attention-item { padding: 0.75rem 0; border-bottom: 1px solid #dddddd; }
.attention-item p { margin: 0 0 0.25rem; }
.attention-alert { border-left: 4px solid #a32020; padding-left: 0.75rem; }
form.handle textarea { min-height: 4rem; }
form.handle button { margin: 0.5rem 0 0; }
`;
