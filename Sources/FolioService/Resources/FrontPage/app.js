'use strict';
(function () {
  const $ = (id) => document.getElementById(id);
  const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  const state = {
    token: sessionStorage.getItem('folio.token') || '',
    upload: null,          // {name, contentType, body, files: [{name, text, bytes}], csv}
    valid: false,
    styles: [],
    generation: 0,         // bumped on every new check or style, so late answers are dropped
    objectURLs: [],
  };

  // ---- Talking to the server -------------------------------------------------------------

  /** The headers of every API call: the token when there is one; no-store so the server keeps nothing. */
  function headers(contentType) {
    const h = { 'Cache-Control': 'no-store' };
    if (contentType) h['Content-Type'] = contentType;
    if (state.token) h['Authorization'] = 'Bearer ' + state.token;
    return h;
  }

  class ServiceError extends Error {
    constructor(status, message) { super(message); this.status = status; }
  }

  /** Calls the API; a problem+json answer becomes a ServiceError with the server's words. */
  async function call(path, upload) {
    let response;
    try {
      response = await fetch(path, {
        method: upload ? 'POST' : 'GET',
        headers: headers(upload ? upload.contentType : null),
        body: upload ? upload.body : undefined,
        cache: 'no-store',
        credentials: 'omit',
      });
    } catch (error) {
      throw new ServiceError(0, 'The server could not be reached. Check the network and try again.');
    }
    if (response.ok) return response;
    let detail = response.statusText || ('status ' + response.status);
    try {
      const problem = await response.json();
      if (problem && typeof problem.detail === 'string') detail = problem.detail;
    } catch (ignored) { /* not JSON: keep the status text */ }
    if (response.status === 401) {
      // The server's words are for programs (Authorization: Bearer …); a person gets these.
      detail = state.token ? 'The access token was not accepted. Check it and try again.'
        : 'This server needs an access token before it can check or draw anything.';
      askForToken(detail);
    }
    throw new ServiceError(response.status, detail);
  }

  // ---- Status and token ------------------------------------------------------------------

  function say(text, bad) {
    const status = $('status');
    status.textContent = text;
    status.classList.toggle('bad', !!bad);
  }

  function askForToken(message) {
    $('token-panel').hidden = false;
    $('token-message').textContent = message;
  }

  $('token-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    state.token = $('token').value.trim();
    if (state.token) sessionStorage.setItem('folio.token', state.token); else sessionStorage.removeItem('folio.token');
    $('token-message').textContent = '';
    say('Checking the token…');
    if (await loadStyles()) {
      await loadLanguages();
      $('token-panel').hidden = true;
      say('Token accepted. Choose or drop your data file.');
      if (state.upload) await check(state.upload);
      $('file').focus();
    }
  });

  // ---- Styles ----------------------------------------------------------------------------

  async function loadStyles() {
    try {
      const list = await (await call('/v1/styles')).json();
      state.styles = Array.isArray(list.styles) ? list.styles : [];
    } catch (error) {
      say(error.message, true);
      return false;
    }
    const select = $('style');
    const previous = select.value || 'default';
    select.replaceChildren();
    for (const style of state.styles) {
      const option = document.createElement('option');
      option.value = style.name;
      option.textContent = style.name;
      select.append(option);
    }
    select.value = state.styles.some((s) => s.name === previous) ? previous : (state.styles[0] || {}).name || '';
    describeStyle();
    return true;
  }

  function describeStyle() {
    const style = state.styles.find((s) => s.name === $('style').value);
    $('style-description').textContent = style ? style.description : '';
  }

  $('style').addEventListener('change', () => {
    describeStyle();
    if (state.valid) loadCharts();
  });

  // ---- Languages -------------------------------------------------------------------------

  async function loadLanguages() {
    const select = $('language');
    if (select.options.length > 1) return true;
    let list;
    try {
      list = await (await call('/v1/languages')).json();
    } catch (error) {
      return false;  // without a token yet; asked again once the token is accepted
    }
    for (const language of Array.isArray(list.languages) ? list.languages : []) {
      const option = document.createElement('option');
      option.value = language.tag;
      option.lang = language.tag;
      option.dir = language.direction;
      option.textContent = language.name + ' (' + language.tag + ')';
      select.append(option);
    }
    return true;
  }

  $('language').addEventListener('change', () => {
    if (state.valid) loadCharts();
  });

  /** The parameters every drawing request shares: the style, and the language when one is chosen. */
  function drawing(parameters) {
    const language = $('language').value;
    return Object.assign({ style: $('style').value || 'default' }, language ? { lang: language } : {}, parameters || {});
  }

  // ---- Reading the data ------------------------------------------------------------------

  const mediaTypes = { yaml: 'application/yaml', json: 'application/json', xml: 'application/xml', csv: 'application/vnd.folio.csv+json',
    xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };

  function extension(name) {
    const dot = name.lastIndexOf('.');
    return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
  }

  function guessFormat(text) {
    if (/^\s*</.test(text)) return 'xml';
    return /^\s*[\[{]/.test(text) ? 'json' : 'yaml';
  }

  /** A file's bytes, and its text for the read-only view; `utf8` false when the bytes are not UTF-8. */
  async function readFile(file) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    try {
      return { name: file.name, bytes, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), utf8: true };
    } catch (notUTF8) {
      return { name: file.name, bytes, text: new TextDecoder('utf-8').decode(bytes), utf8: false };
    }
  }

  /** One YAML, JSON or IATI XML file, or the CSV files of a spreadsheet (with report.yaml when given), as one upload. */
  async function uploadFromFiles(fileList) {
    const files = Array.from(fileList);
    if (files.length === 0) return null;
    const read = await Promise.all(files.map(readFile));
    const csv = read.filter((f) => extension(f.name) === 'csv');
    if (csv.length > 0) {
      // The CSV files travel as text inside JSON, so bytes that are not UTF-8 would be replaced
      // without a word; spreadsheets often save in an old code page, so say how to fix it.
      const legacy = read.find((f) => !f.utf8);
      if (legacy) {
        throw new Error(legacy.name + ' is not saved as UTF-8 text, so accented letters would be lost. In Excel, '
          + 'save it with "Save as" and the type "CSV UTF-8 (Comma delimited)"; in LibreOffice, choose the '
          + 'character set "Unicode (UTF-8)". Then choose the files again.');
      }
      const hasReportFile = read.some((f) => /^report\.(ya?ml|json)$/i.test(f.name));
      $('csv-title-box').hidden = hasReportFile;
      return csvUpload(read);
    }
    $('csv-title-box').hidden = true;
    if (read.length > 1) {
      throw new Error('Choose one YAML, JSON, IATI XML or Excel file, or the CSV files of one report (indicators.csv and countries.csv).');
    }
    const file = read[0];
    const ext = extension(file.name);
    if (ext === 'xlsx') {
      // A workbook is not text: the view says so, and problems are named by sheet and cell.
      const note = 'An Excel workbook: each problem above names its sheet and cell.';
      return { name: file.name.replace(/\.[^.]*$/, '') || 'report', contentType: mediaTypes.xlsx, body: file.bytes,
               files: [{ name: file.name, bytes: file.bytes, text: note, utf8: true }], workbook: true };
    }
    const format = ext === 'json' ? 'json' : ext === 'xml' ? 'xml' : (ext === 'yaml' || ext === 'yml') ? 'yaml' : guessFormat(file.text);
    // The bytes as they are: the server reports text that is not UTF-8 with its line and column.
    return { name: file.name.replace(/\.[^.]*$/, '') || 'report', contentType: mediaTypes[format], body: file.bytes,
             files: [file] };
  }

  /** The CSV files as the service takes them; without report.yaml the title field gives the title. */
  function csvUpload(files) {
    const envelope = { folder: $('csv-title').value.trim() || 'Report', files: {} };
    for (const file of files) envelope.files[file.name] = file.text;
    return { name: $('csv-title').value.trim() || 'report', contentType: mediaTypes.csv, body: JSON.stringify(envelope),
             files, csv: true };
  }

  $('csv-title').addEventListener('change', () => {
    if (state.upload && state.upload.csv) check(csvUpload(state.upload.files));
  });
  $('csv-title').addEventListener('keydown', (event) => {
    if (event.key === 'Enter') { event.preventDefault(); $('csv-title').blur(); $('csv-title').focus(); }
  });

  async function takeFiles(fileList) {
    $('chosen').textContent = Array.from(fileList).map((f) => f.name).join(', ');
    try {
      const upload = await uploadFromFiles(fileList);
      if (upload) await check(upload);
    } catch (error) {
      say(error.message, true);
    }
  }

  $('file').addEventListener('change', async () => {
    const field = $('file');
    await takeFiles(field.files);
    // Emptied so that choosing the same file again, once fixed, is a change too (the browser
    // would otherwise ignore it); the file's name stays on the view of it.
    field.value = '';
  });

  // A file dropped anywhere on the page is taken (a browser would otherwise open it instead of the page).
  const drop = $('drop');
  window.addEventListener('dragover', (event) => { event.preventDefault(); drop.classList.add('over'); });
  window.addEventListener('dragleave', (event) => { if (!event.relatedTarget) drop.classList.remove('over'); });
  window.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('over');
    if (event.dataTransfer && event.dataTransfer.files.length) takeFiles(event.dataTransfer.files);
  });

  $('check-paste').addEventListener('click', () => {
    const text = $('paste').value;
    if (!text.trim()) {
      say('Paste the text of a YAML or JSON file first.', true);
      $('paste').focus();
      return;
    }
    const chosen = $('paste-format').value;
    const format = chosen === 'auto' ? guessFormat(text) : chosen;
    $('csv-title-box').hidden = true;
    $('chosen').textContent = '';
    check({ name: 'pasted', contentType: mediaTypes[format], body: text, files: [{ name: 'Pasted text', text }] });
  });

  // ---- Checking --------------------------------------------------------------------------

  async function check(upload) {
    const generation = ++state.generation;
    state.upload = upload;
    state.valid = false;
    $('results').hidden = true;
    $('check').hidden = true;
    clearCharts();
    say('Checking ' + upload.files.map((f) => f.name).join(', ') + '…');
    let report;
    try {
      report = await (await call('/v1/check', upload)).json();
    } catch (error) {
      if (generation === state.generation) say(error.message, true);
      return;
    }
    if (generation !== state.generation) return;
    showSource(upload.files);
    showProblems(report);
    $('check').hidden = false;
    const errors = report.errors.length, warnings = report.warnings.length;
    if (report.valid) {
      state.valid = true;
      $('results').hidden = false;
      say('The data is valid' + (warnings ? ' (' + plural(warnings, 'warning') + ')' : '') + '. Drawing the charts…');
      // Like the error list for a broken file, the answer's section takes the focus (and on a
      // narrow screen comes into view); a style change later leaves the focus where it is.
      $('results-heading').focus();
      loadCharts();
    } else {
      say(plural(errors, 'error') + (warnings ? ' and ' + plural(warnings, 'warning') : '')
        + ' found. Fix ' + (errors === 1 ? 'it' : 'them') + ' in your file and choose it again.', true);
      $('check-heading').focus();
    }
  }

  function plural(count, word, many) { return count + ' ' + (count === 1 ? word : (many || word + 's')); }

  function showProblems(report) {
    const summary = report.summary;
    $('summary').textContent = summary
      ? '“' + summary.title + '”: ' + plural(summary.outcomes, 'outcome') + ', ' + plural(summary.indicators, 'indicator')
        + ', ' + plural(summary.countries, 'country', 'countries') + '.'
        + (summary.periods && summary.periods.length > 1
          ? ' Results over ' + summary.periods.length + ' periods, ' + summary.periods[0] + ' to '
            + summary.periods[summary.periods.length - 1] + (summary.currentPeriod ? '; tables show ' + summary.currentPeriod : '') + '.'
          : '')
      : '';
    const list = $('problems');
    list.replaceChildren();
    const all = report.errors.map((d) => [d, 'error']).concat(report.warnings.map((d) => [d, 'warning']));
    $('no-problems').hidden = all.length > 0;
    // A clean file needs no second look: its view starts folded, and the charts come up sooner.
    $('check-grid').classList.toggle('clean', all.length === 0);
    $('source-box').open = all.length > 0;
    for (const [diagnostic, severity] of all) {
      const item = document.createElement('li');
      item.className = severity;
      const button = document.createElement('button');
      button.type = 'button';
      const badge = document.createElement('span');
      badge.className = 'badge';
      badge.textContent = severity === 'error' ? 'Error:' : 'Warning:';
      const where = document.createElement('span');
      where.className = 'where';
      where.textContent = diagnostic.cell
        ? (diagnostic.cell.includes('!') ? 'sheet ' + diagnostic.cell.replace('!', ', cell ') : 'sheet ' + diagnostic.cell)
        : (diagnostic.file ? diagnostic.file + ', ' : '') + 'line ' + diagnostic.line + ', column ' + diagnostic.column;
      button.append(badge, document.createTextNode(' '), where, document.createTextNode(' — '));
      if (diagnostic.path) {
        const path = document.createElement('span');
        path.className = 'field-path';
        path.textContent = diagnostic.path;
        button.append(path, document.createTextNode(': '));
      }
      button.append(document.createTextNode(diagnostic.message));
      if (!diagnostic.cell) button.addEventListener('click', () => showLine(diagnostic.file, diagnostic.line, button));
      item.append(button);
      list.append(item);
      if (!diagnostic.cell) markLine(diagnostic.file, diagnostic.line, severity);
    }
  }

  // ---- The read-only view of the file ----------------------------------------------------

  function sourceIndex(fileName) {
    if (!state.upload) return 0;
    const index = state.upload.files.findIndex((f) => f.name.toLowerCase() === String(fileName || '').toLowerCase());
    return index < 0 ? 0 : index;
  }

  function lineElement(fileName, line) {
    return document.getElementById('src-' + sourceIndex(fileName) + '-' + line);
  }

  function showSource(files) {
    const view = $('source');
    view.replaceChildren();
    $('source-name').textContent = files.map((f) => f.name).join(', ');
    files.forEach((file, index) => {
      if (files.length > 1) {
        const heading = document.createElement('h4');
        heading.textContent = file.name;
        view.append(heading);
      }
      const list = document.createElement('ol');
      list.className = 'lines';
      list.setAttribute('aria-label', file.name);
      const lines = file.text.split(/\r\n|\r|\n/);
      if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
      const fragment = document.createDocumentFragment();
      lines.forEach((text, i) => {
        const item = document.createElement('li');
        item.id = 'src-' + index + '-' + (i + 1);
        item.tabIndex = -1;
        const number = document.createElement('span');
        number.className = 'n';
        number.textContent = String(i + 1);
        number.setAttribute('aria-hidden', 'true');
        const code = document.createElement('code');
        code.textContent = text.length ? text : ' ';
        item.append(number, code);
        item.setAttribute('aria-label', 'Line ' + (i + 1) + ': ' + text);
        fragment.append(item);
      });
      list.append(fragment);
      view.append(list);
    });
  }

  function markLine(fileName, line, severity) {
    const item = lineElement(fileName, line);
    if (!item) return;
    item.classList.add('marked');
    if (severity === 'warning' && !item.classList.contains('err')) item.classList.add('warn');
    if (severity === 'error') { item.classList.add('err'); item.classList.remove('warn'); }
  }

  /** Highlights the line of a problem, scrolls it into view and moves focus there (Escape or Shift+Tab goes back). */
  function showLine(fileName, line, button) {
    for (const old of document.querySelectorAll('.lines li.current')) old.classList.remove('current');
    for (const old of document.querySelectorAll('.problems button[aria-current]')) old.removeAttribute('aria-current');
    button.setAttribute('aria-current', 'true');
    const item = lineElement(fileName, line);
    if (!item) { say('Line ' + line + ' is not in the file as shown.', true); return; }
    $('source-box').open = true;
    item.classList.add('current');
    item.scrollIntoView({ block: 'center', behavior: reduceMotion ? 'auto' : 'smooth' });
    item.focus({ preventScroll: true });
    item.addEventListener('keydown', function back(event) {
      if (event.key === 'Escape') { button.focus(); item.removeEventListener('keydown', back); }
    });
  }

  // ---- Charts ----------------------------------------------------------------------------

  function clearCharts() {
    for (const url of state.objectURLs) URL.revokeObjectURL(url);
    state.objectURLs = [];
    $('charts').replaceChildren();
    delete $('charts').dataset.ready;
  }

  function query(parameters) {
    return new URLSearchParams(parameters).toString();
  }

  async function loadCharts() {
    const generation = ++state.generation;
    const upload = state.upload;
    clearCharts();
    let list;
    try {
      list = await (await call('/v1/charts?' + query(drawing()), upload)).json();
    } catch (error) {
      if (generation === state.generation) say(error.message, true);
      return;
    }
    if (generation !== state.generation) return;
    const jobs = list.charts.map((chart) => {
      const figure = document.createElement('figure');
      figure.className = 'loading';
      const language = $('language').selectedOptions[0];
      if (language && language.value) { figure.lang = language.value; figure.dir = language.dir; }
      const image = document.createElement('img');
      image.alt = chart.alt;
      image.width = list.width;
      image.height = list.height;
      image.decoding = 'async';
      const caption = document.createElement('figcaption');
      caption.textContent = chart.title;
      const details = document.createElement('details');
      const summary = document.createElement('summary');
      summary.textContent = 'Text description';
      const text = document.createElement('p');
      text.textContent = chart.alt;
      details.append(summary, text);
      figure.append(image, caption, details);
      $('charts').append(figure);
      const parameters = drawing({ format: 'png' });
      if (chart.outcome !== null) parameters.outcome = chart.outcome;
      if (chart.part !== null) parameters.part = String(chart.part);
      return { path: '/v1/charts/' + encodeURIComponent(chart.kind) + '?' + query(parameters), figure, image };
    });
    say('The data is valid. Drawing ' + plural(jobs.length, 'chart') + '…');
    let next = 0, failed = 0;
    async function worker() {
      while (next < jobs.length && generation === state.generation) {
        const job = jobs[next++];
        try {
          const blob = await (await call(job.path, upload)).blob();
          if (generation !== state.generation) return;
          const url = URL.createObjectURL(blob);
          state.objectURLs.push(url);
          await new Promise((resolve) => { job.image.onload = resolve; job.image.onerror = resolve; job.image.src = url; });
          job.figure.classList.remove('loading');
        } catch (error) {
          failed += 1;
          const note = document.createElement('p');
          note.className = 'status bad';
          note.textContent = 'This chart could not be drawn: ' + error.message;
          job.figure.append(note);
        }
      }
    }
    await Promise.all([worker(), worker()]);
    if (generation !== state.generation) return;
    $('charts').dataset.ready = 'true';
    say(failed ? plural(failed, 'chart') + ' could not be drawn.'
      : 'The data is valid. ' + plural(jobs.length, 'chart') + ' drawn; the downloads are ready.', failed > 0);
  }

  // ---- Downloads -------------------------------------------------------------------------

  const downloads = {
    briefing: { path: '/v1/briefings', suffix: '-briefing.pdf', label: 'the briefing PDF' },
    countries: { path: '/v1/briefings/countries', suffix: '-country-briefings.zip', label: 'the country briefings' },
    'chart-set': { path: '/v1/chart-set', suffix: '-charts.zip', label: 'the chart set' },
    slides: { path: '/v1/slides', suffix: '-charts.pptx', label: 'the slide deck' },
    // The data's own tables: neither style nor language changes them.
    workbook: { path: '/v1/workbook', suffix: '-tables.xlsx', label: 'the tables workbook', plain: true },
  };

  for (const button of document.querySelectorAll('[data-download]')) {
    button.addEventListener('click', () => download(button, downloads[button.dataset.download]));
  }

  async function download(button, what) {
    if (!state.upload || !state.valid) return;
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    say('Preparing ' + what.label + '…');
    try {
      const blob = await (await call(what.plain ? what.path : what.path + '?' + query(drawing()), state.upload)).blob();
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      const language = $('language').value;
      link.download = safeName(state.upload.name) + (language && !what.plain ? '-' + language : '') + what.suffix;
      link.hidden = true;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
      say('Downloaded ' + link.download + ' (' + Math.max(1, Math.round(blob.size / 1024)) + ' KB).');
    } catch (error) {
      say('Could not prepare ' + what.label + ': ' + error.message, true);
    } finally {
      button.disabled = false;
      button.removeAttribute('aria-busy');
      button.focus();
    }
  }

  function safeName(name) {
    return (name || 'report').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '').slice(0, 60) || 'report';
  }

  // ---- Start -----------------------------------------------------------------------------

  if (state.token) $('token').value = state.token;
  Promise.all([loadStyles(), loadLanguages()]).then(([ok]) => { if (ok) say('Ready. Choose or drop your data file, or paste its text.'); });
})();
