extension FrontPage {
    /// The page's markup. Static: everything that depends on the user's data or the server is
    /// added by `app.js` through DOM calls (`textContent`, `createElement`), never as markup.
    static let html = #"""
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Folio — check your data and download briefings</title>
<link rel="stylesheet" href="/app.css">
<script src="/app.js" defer></script>
</head>
<body>
<a class="skip" href="#data">Skip to your data</a>
<header class="banner">
  <div class="wrap">
    <h1>Folio</h1>
    <p class="tagline">Check your programme results data, see the charts, and download the briefing.</p>
  </div>
</header>
<main class="wrap">
  <p class="privacy" id="privacy"><strong>Your data stays with you.</strong> This page sends your file to this
    server only to check and draw it. The server keeps nothing once it has answered: no copy on disk, no record
    of what the file says, and this page asks it not to keep even the drawings in memory.</p>

  <noscript><p class="notice">This page needs JavaScript to send your file to the server. Turn it on for
    this site, or ask for the command-line tool.</p></noscript>

  <section id="token-panel" class="panel" aria-labelledby="token-heading" hidden>
    <h2 id="token-heading">Access token</h2>
    <p id="token-message" class="notice" role="alert"></p>
    <form id="token-form" class="row">
      <div class="field">
        <label for="token">Access token for this server</label>
        <input id="token" name="token" type="password" autocomplete="off" spellcheck="false" aria-describedby="token-help">
      </div>
      <button type="submit" class="primary">Use this token</button>
    </form>
    <p id="token-help" class="help">Ask the person who runs this server. The token is kept in this browser tab
      only and is forgotten when you close it.</p>
  </section>

  <section id="data" class="panel" aria-labelledby="data-heading" tabindex="-1">
    <h2 id="data-heading"><span class="step">1</span> Your data</h2>
    <div class="data-grid">
    <div id="drop" class="drop">
      <label for="file" class="drop-label"><strong>Choose a file</strong> or drop it here</label>
      <input id="file" type="file" multiple accept=".yaml,.yml,.json,.csv,text/csv,application/json,application/yaml" aria-describedby="file-help">
      <span id="chosen" class="chosen"></span>
      <p id="file-help" class="help">A YAML or JSON file, or the CSV files saved from your spreadsheet:
        choose <code>indicators.csv</code> and <code>countries.csv</code> together (and <code>report.yaml</code>
        if you have one).</p>
      <div id="csv-title-box" class="field csv-title" hidden>
        <label for="csv-title">Title of the briefing</label>
        <input id="csv-title" type="text" maxlength="200" autocomplete="off" aria-describedby="csv-title-help">
        <p id="csv-title-help" class="help">Your CSV files come without <code>report.yaml</code>, so the
          briefing takes this title. Press Enter to use it.</p>
      </div>
    </div>
    <div class="paste">
      <label for="paste">Or paste the text of a YAML or JSON file</label>
      <textarea id="paste" rows="7" spellcheck="false" autocapitalize="off" autocomplete="off"></textarea>
      <div class="row">
        <div class="field">
          <label for="paste-format">The pasted text is</label>
          <select id="paste-format">
            <option value="auto">YAML or JSON (detect)</option>
            <option value="yaml">YAML</option>
            <option value="json">JSON</option>
          </select>
        </div>
        <button id="check-paste" type="button" class="primary">Check pasted text</button>
      </div>
    </div>
    </div>
  </section>

  <p id="status" class="status" role="status" aria-live="polite"></p>

  <section id="check" class="panel" aria-labelledby="check-heading" hidden>
    <h2 id="check-heading" tabindex="-1"><span class="step">2</span> What the check found</h2>
    <p id="summary" class="summary"></p>
    <div id="check-grid" class="check-grid">
      <div>
        <h3 id="problems-heading">Problems</h3>
        <p id="no-problems" class="good" hidden>No errors and no warnings.</p>
        <ol id="problems" class="problems" aria-labelledby="problems-heading"></ol>
      </div>
      <details id="source-box" class="source-box" open>
        <summary><h3 id="source-heading">Your file <span id="source-name"></span> <span class="quiet">(read-only)</span></h3></summary>
        <div id="source" class="source" role="region" aria-labelledby="source-heading"></div>
      </details>
    </div>
  </section>

  <section id="results" class="panel" aria-labelledby="results-heading" hidden>
    <h2 id="results-heading" tabindex="-1"><span class="step">3</span> Charts and downloads</h2>
    <div class="row">
      <div class="field">
        <label for="style">Style</label>
        <select id="style" aria-describedby="style-description"></select>
      </div>
      <p id="style-description" class="help"></p>
    </div>
    <h3>Download</h3>
    <ul class="downloads">
      <li><button type="button" class="primary" data-download="briefing">Briefing <span class="kind">PDF</span></button></li>
      <li><button type="button" data-download="countries">Country briefings <span class="kind">ZIP of PDFs</span></button></li>
      <li><button type="button" data-download="chart-set">Chart set <span class="kind">ZIP: PNG, SVG, charts.json</span></button></li>
      <li><button type="button" data-download="slides">Slide deck <span class="kind">PowerPoint</span></button></li>
    </ul>
    <h3 id="charts-heading">Charts</h3>
    <div id="charts" class="charts" aria-labelledby="charts-heading"></div>
  </section>
</main>
<footer class="wrap foot">
  <p>Folio · <a href="/openapi.yaml">API description</a> for developers</p>
</footer>
</body>
</html>
"""#
}
