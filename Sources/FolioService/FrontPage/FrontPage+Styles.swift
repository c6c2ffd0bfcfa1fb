extension FrontPage {
    /// The page's style sheet. Colours meet WCAG AA against their backgrounds (text 4.5:1, focus
    /// rings and borders 3:1); one column at 360 px, more on wide screens; no motion when the
    /// reader asks for less.
    static let css = #"""
:root {
  --ink: #1f2328; --quiet: #4d5561; --paper: #ffffff; --wash: #f3f5f8; --line: #8a939f;
  --accent: #1d4e89; --accent-dark: #143a66; --on-accent: #ffffff;
  --error: #a4221b; --error-wash: #fdecea; --warning: #7a4700; --warning-wash: #fff4dc;
  --good: #1d6b35; --focus: #c2410c; --hl: #fff1a8;
  font-family: "Noto Sans", "DejaVu Sans", system-ui, sans-serif;
  color: var(--ink); background: var(--paper); line-height: 1.5;
}
* { box-sizing: border-box; }
body { margin: 0; font-size: 1rem; }
.wrap { max-width: 76rem; margin: 0 auto; padding: 0 1rem; }
h1, h2, h3 { line-height: 1.25; }
h2 { font-size: 1.35rem; margin: 0 0 .75rem; display: flex; align-items: center; gap: .5rem; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .5rem; }
a { color: var(--accent); }
code { font-family: "DejaVu Sans Mono", monospace; font-size: .92em; }
[hidden] { display: none !important; }

.skip { position: absolute; left: -999px; top: .5rem; background: var(--paper); padding: .5rem 1rem; z-index: 10; }
.skip:focus { left: .5rem; }

.banner { background: var(--accent); color: var(--on-accent); padding: 1rem 0 1.1rem; }
.banner h1 { margin: 0; font-size: 1.75rem; letter-spacing: .02em; }
.tagline { margin: .25rem 0 0; }

main { padding-bottom: 2rem; }
.privacy { background: var(--wash); border-left: .3rem solid var(--good); padding: .75rem 1rem; margin: 1.25rem 0; }
.panel { border: 1px solid var(--line); border-radius: .5rem; padding: 1rem; margin: 1rem 0; background: var(--paper); }
.step { display: inline-grid; place-items: center; width: 1.8rem; height: 1.8rem; border-radius: 50%;
  background: var(--accent); color: var(--on-accent); font-size: 1rem; flex: none; }
.help, .quiet { color: var(--quiet); }
.help { font-size: .95rem; margin: .35rem 0 0; }
.notice { background: var(--warning-wash); color: var(--ink); border-left: .3rem solid var(--warning); padding: .5rem .75rem; }
.notice:empty { display: none; }

.row { display: flex; flex-wrap: wrap; gap: .75rem 1rem; align-items: flex-end; }
.field { display: flex; flex-direction: column; gap: .25rem; min-width: 0; }
label { font-weight: 600; }
input[type=password], input[type=text], select, textarea {
  font: inherit; color: var(--ink); background: var(--paper); border: 2px solid var(--line); border-radius: .3rem;
  padding: .45rem .55rem; max-width: 100%;
}
textarea { width: 100%; font-family: "DejaVu Sans Mono", monospace; font-size: .9rem; resize: vertical; }
button {
  font: inherit; color: var(--accent); background: var(--paper); border: 2px solid var(--accent); border-radius: .3rem;
  padding: .5rem .9rem; cursor: pointer; min-height: 2.75rem;
}
button:hover { background: var(--wash); }
button.primary { background: var(--accent); color: var(--on-accent); }
button.primary:hover { background: var(--accent-dark); }
button:disabled { opacity: .6; cursor: progress; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
input[type=file]:focus-visible { outline-offset: 4px; }

.drop { border: 2px dashed var(--accent); border-radius: .5rem; padding: 1rem; background: var(--wash); }
.drop.over { background: #dfe9f6; border-style: solid; }
.drop-label { display: block; font-weight: 400; font-size: 1.1rem; margin-bottom: .5rem; }
/* The browser's own "No file chosen" would contradict the file on show once the input is emptied
   for the next choice: the name is shown beside it instead (#chosen). */
input[type=file] { font: inherit; max-width: 100%; color: transparent; display: block; }
.chosen { display: block; font-weight: 600; overflow-wrap: anywhere; margin-top: .35rem; }
.chosen:empty { display: none; }
input[type=file]::file-selector-button {
  font: inherit; color: var(--on-accent); background: var(--accent); border: 0; border-radius: .3rem;
  padding: .5rem .9rem; margin-right: .75rem; cursor: pointer; min-height: 2.75rem;
}
.csv-title { margin-top: .75rem; }
.csv-title input { width: 100%; }
.paste { margin-top: 1rem; display: flex; flex-direction: column; gap: .5rem; }

.status { min-height: 1.5rem; margin: .75rem 0; font-weight: 600; }
.status.bad { color: var(--error); }

.summary { margin: 0 0 .5rem; }
.check-grid { display: grid; grid-template-columns: 1fr; gap: 1rem; }
.check-grid > div { min-width: 0; }
.good { color: var(--good); font-weight: 600; }
.problems { list-style: none; padding: 0; margin: 0 0 .5rem; display: flex; flex-direction: column; gap: .4rem; }
.problems button {
  display: block; width: 100%; text-align: left; color: var(--ink); border-width: 1px 1px 1px .35rem;
  border-color: var(--line); background: var(--paper); overflow-wrap: anywhere;
}
.problems .error button { border-left-color: var(--error); background: var(--error-wash); }
.problems .warning button { border-left-color: var(--warning); background: var(--warning-wash); }
.problems button[aria-current=true] { box-shadow: inset 0 0 0 2px var(--ink); }
.badge { font-weight: 700; }
.error .badge { color: var(--error); }
.warning .badge { color: var(--warning); }
.where { font-weight: 600; }
.field-path { font-family: "DejaVu Sans Mono", monospace; font-size: .88em; overflow-wrap: anywhere; }

.source { margin-top: .5rem; max-height: 28rem; overflow: auto; border: 1px solid var(--line); border-radius: .3rem; background: var(--wash); }
.source h4 { margin: 0; padding: .35rem .6rem; font-size: .95rem; background: var(--paper); border-bottom: 1px solid var(--line);
  position: sticky; top: 0; }
.lines { list-style: none; margin: 0; padding: .25rem 0; font-family: "DejaVu Sans Mono", monospace; font-size: .85rem; }
.lines li { display: grid; grid-template-columns: 4.5ch 1fr; gap: 1ch; padding: 0 .5rem; white-space: pre-wrap;
  overflow-wrap: anywhere; }
.lines .n { color: var(--quiet); text-align: right; user-select: none; }
.lines li.marked { background: var(--error-wash); }
.lines li.marked.warn { background: var(--warning-wash); }
.lines li.current { background: var(--hl); box-shadow: inset .3rem 0 0 var(--ink); }
.lines li:focus { outline: 3px solid var(--focus); outline-offset: -3px; }

.downloads { list-style: none; padding: 0; margin: 0; display: grid; gap: .5rem;
  grid-template-columns: repeat(auto-fill, minmax(min(100%, 15rem), 1fr)); }
.downloads button { width: 100%; text-align: left; }
.kind { display: block; font-size: .85rem; font-weight: 400; }
.charts { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fill, minmax(min(100%, 26rem), 1fr)); }
figure { margin: 0; border: 1px solid var(--line); border-radius: .3rem; padding: .5rem; background: var(--paper); min-width: 0; }
figure img { display: block; width: 100%; height: auto; background: var(--wash); }
figure.loading img { min-height: 8rem; }
figcaption { font-weight: 600; margin-top: .4rem; }
figure details { font-size: .92rem; color: var(--quiet); }
figure summary { cursor: pointer; }
.foot { color: var(--quiet); padding-bottom: 2rem; }

.source-box > summary { cursor: pointer; margin: 1.25rem 0 .5rem; }
.source-box > summary h3 { display: inline; }
#source-name { font-family: "DejaVu Sans Mono", monospace; font-size: .92em; overflow-wrap: anywhere; }
.data-grid { display: grid; grid-template-columns: minmax(0, 1fr); gap: 1rem; }
.data-grid > * { min-width: 0; }
.data-grid .paste { margin-top: 0; }
@media (min-width: 60rem) {
  .check-grid { grid-template-columns: minmax(0, 2fr) minmax(0, 3fr); }
  .check-grid.clean { grid-template-columns: 1fr; }
  .data-grid { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); align-items: start; }
}
@media (prefers-reduced-motion: no-preference) {
  .lines li { transition: background-color .2s; }
}
@media (forced-colors: active) {
  .lines li.current { outline: 2px solid CanvasText; }
}
"""#
}
