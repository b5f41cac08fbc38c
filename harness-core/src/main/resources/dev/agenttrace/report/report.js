// AgentTrace HTML report. Reads the trace from the application/json block and draws it with DOM and SVG APIs.
// Every recorded value is set through textContent or setAttribute on inert attributes: never innerHTML.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('agenttrace-data').textContent);
  var spans = data.spans;
  var meta = data.meta;
  var app = document.getElementById('app');
  var ROW = 24;
  var LABEL = 300;
  var GRAPH_EXPANDED_LIMIT = 800;
  var state = { selected: -1, view0: 0, view1: 1, mode: null };
  var byId = {};
  var children = [];
  var traceEnd = 1;
  var i;
  for (i = 0; i < spans.length; i++) {
    byId[spans[i].id] = i;
    children.push([]);
    if (spans[i].e > traceEnd) { traceEnd = spans[i].e; }
  }
  for (i = 0; i < spans.length; i++) {
    if (spans[i].p >= 0) { children[spans[i].p].push(i); }
  }
  state.view1 = traceEnd * 1.03; // a little room after the last bar

  // ---- small DOM helpers -------------------------------------------------------------------------------------
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }
  function add(parent, child) { parent.appendChild(child); return child; }
  var SVG = 'http://www.w3.org/2000/svg';
  function svg(tag, attrs) {
    var node = document.createElementNS(SVG, tag);
    for (var key in attrs) {
      if (Object.prototype.hasOwnProperty.call(attrs, key)) { node.setAttribute(key, String(attrs[key])); }
    }
    return node;
  }
  function duration(ns) {
    if (ns < 1000) { return ns + ' ns'; }
    if (ns < 1e6) { return (ns / 1e3).toFixed(ns < 1e4 ? 1 : 0) + ' \u00b5s'; }
    if (ns < 1e9) { return (ns / 1e6).toFixed(ns < 1e7 ? 1 : 0) + ' ms'; }
    if (ns < 60e9) { return (ns / 1e9).toFixed(2) + ' s'; }
    if (ns < 3600e9) { return (ns / 60e9).toFixed(1) + ' min'; }
    return (ns / 3600e9).toFixed(1) + ' h';
  }
  function pretty(text) {
    if (text === undefined || text === null) { return ''; }
    var trimmed = String(text).trim();
    if (trimmed.charAt(0) === '{' || trimmed.charAt(0) === '[') {
      try { return JSON.stringify(JSON.parse(trimmed), null, 2); } catch (notJson) { return String(text); }
    }
    return String(text);
  }
  function waitLabel(wait) {
    if (!wait) { return 'waiting'; }
    switch (wait.kind) {
      case 'tool': return 'waiting for tool ' + (wait.tools && wait.tools.length ? wait.tools.join(', ') : (wait.key || ''));
      case 'timer': return 'timer ' + (wait.until ? 'until ' + wait.until : (wait.key || ''));
      case 'approval': return 'approval ' + (wait.name || wait.key || '');
      case 'event': return 'event ' + (wait.name || wait.key || '');
      case 'child': return 'child ' + (wait.name || wait.key || '');
      default: return 'waiting: ' + (wait.label || '');
    }
  }
  // every wait a segment entered (several after awaitAll), as one label
  function waitsLabel(segment) {
    return [segment.wait].concat(segment.also || []).map(waitLabel).join(' + ');
  }
  function label(span) {
    if (span.seg) { return span.seg.agent + ' \u00b7 segment ' + (span.seg.ix === undefined ? '?' : span.seg.ix); }
    if (span.llm) { return 'chat ' + span.llm.model; }
    if (span.tool) { return 'tool ' + span.tool.name; }
    if (span.step) { return 'step ' + span.step.name; }
    return span.n;
  }
  var ICONS = { seg: '\u25c6', llm: '\u2726', tool: '\u2699', step: '\u25b8', other: '\u00b7' };

  // ---- header, failure, sections -----------------------------------------------------------------------------
  var header = add(app, el('header'));
  add(header, el('h1', null, meta.title));
  var stats = add(header, el('div', 'stats'));
  add(stats, el('span', 'badge ' + meta.status, meta.status));
  function stat(name, value, singular) {
    var s = add(stats, el('span'));
    add(s, el('b', null, value));
    s.appendChild(document.createTextNode(' ' + (value === 1 && singular ? singular : name)));
  }
  stat('spans', spans.length, 'span');
  stat('segments', meta.segments, 'segment');
  stat('LLM calls', meta.llmCalls, 'LLM call');
  stat('tool calls', meta.toolCalls, 'tool call');
  stat('tokens', meta.tokensIn + ' in / ' + meta.tokensOut + ' out');
  stat('errors', meta.errors, 'error');
  stat('duration', duration(traceEnd));
  if (data.unfinished.length) { stat('unfinished', data.unfinished.length); }

  if (meta.failure) {
    var failure = add(app, el('section', 'failure'));
    failure.id = 'failure';
    add(failure, el('h2', null, 'Assertion failure'));
    if (meta.failedSpan !== undefined && byId[meta.failedSpan] !== undefined) {
      var jump = add(failure, el('button', 'jump', 'Show the marked span: ' + label(spans[byId[meta.failedSpan]])));
      jump.addEventListener('click', function () { select(byId[meta.failedSpan], true); });
    }
    add(failure, el('pre', null, meta.failure));
  }
  meta.sections.forEach(function (section) {
    var box = add(app, el('section', 'section'));
    add(box, el('h2', null, section.title));
    add(box, el('pre', null, section.text));
  });
  meta.notes.forEach(function (note) { add(app, el('div', 'note', '\u26a0 ' + note)); });

  var main = add(app, el('div', 'main'));
  var view = add(main, el('div', 'view'));
  var details = add(main, el('aside', 'details'));
  details.id = 'details';
  add(details, el('div', 'empty', 'Click a span in the timeline or a node in the graph to see its details.'));
  var tabs = add(view, el('div', 'tabs'));
  var timelineTab = add(tabs, el('button', 'on', 'Timeline'));
  timelineTab.id = 'tab-timeline';
  var graphTab = add(tabs, el('button', null, 'Graph'));
  graphTab.id = 'tab-graph';
  var hint = add(tabs, el('span', 'hint', 'wheel: scroll \u00b7 ctrl/\u2318+wheel or +/\u2212: zoom \u00b7 drag: pan'));
  var timelinePane = add(view, el('div', 'pane'));
  timelinePane.id = 'timeline';
  var graphPane = add(view, el('div', 'pane hidden'));
  graphPane.id = 'graph';
  var tooltip = add(document.body, el('div', 'tooltip hidden'));

  function showTab(graph) {
    timelineTab.className = graph ? '' : 'on';
    graphTab.className = graph ? 'on' : '';
    timelinePane.className = graph ? 'pane hidden' : 'pane';
    graphPane.className = graph ? 'pane' : 'pane hidden';
    hint.textContent = graph ? 'click a node for details' : 'wheel: scroll \u00b7 ctrl/\u2318+wheel or +/\u2212: zoom \u00b7 drag: pan';
    if (graph && !graphDrawn) { drawGraph(); }
    if (!graph) { renderRows(); }
  }
  timelineTab.addEventListener('click', function () { showTab(false); });
  graphTab.addEventListener('click', function () { showTab(true); });

  function showTooltip(event, text) {
    tooltip.textContent = text;
    tooltip.className = 'tooltip';
    var x = Math.min(event.clientX + 14, window.innerWidth - 430);
    tooltip.style.left = Math.max(4, x) + 'px';
    tooltip.style.top = (event.clientY + 16) + 'px';
  }
  function hideTooltip() { tooltip.className = 'tooltip hidden'; }
  function essentials(index) {
    var span = spans[index];
    var lines = [label(span), duration(span.e - span.s) + ' \u00b7 starts at ' + duration(span.s)];
    if (span.llm) {
      lines.push('tokens ' + span.llm.in + ' in / ' + span.llm.out + ' out' + (span.llm.finish ? ' \u00b7 ' + span.llm.finish : ''));
    }
    if (span.tool && span.tool.arguments) { lines.push('args ' + span.tool.arguments.slice(0, 160)); }
    if (span.seg) {
      lines.push('outcome ' + span.seg.outcome + (span.seg.wait ? ' \u00b7 ' + waitsLabel(span.seg) : ''));
    }
    if (span.err) { lines.push('\u2717 ' + span.err.type + (span.err.message ? ': ' + span.err.message.slice(0, 200) : '')); }
    return lines.join('\n');
  }

  // ---- timeline rows -------------------------------------------------------------------------------------------
  var rows = [];
  (function buildRows() {
    var done = new Uint8Array(spans.length);
    var laneDone = {};
    function subtree(root, base, depth) {
      var end = root + 1;
      while (end < spans.length && spans[end].d > spans[root].d) {
        if (!done[end]) {
          done[end] = 1;
          rows.push({ span: end, depth: depth + spans[end].d - base });
        }
        end++;
      }
    }
    for (var s = 0; s < spans.length; s++) {
      if (done[s]) { continue; }
      var span = spans[s];
      if (span.seg && span.seg.x >= 0 && !laneDone[span.seg.x]) {
        laneDone[span.seg.x] = true;
        var execution = data.executions[span.seg.x];
        rows.push({ lane: span.seg.x, depth: span.d });
        execution.segs.forEach(function (seg) {
          if (seg < 0) { return; }
          done[seg] = 1;
          subtree(seg, spans[seg].d, span.d);
        });
      } else {
        done[s] = 1;
        rows.push({ span: s, depth: span.d });
      }
    }
  })();
  var rowOfSpan = {};
  rows.forEach(function (row, index) {
    if (row.span !== undefined) { rowOfSpan[row.span] = index; }
    else { data.executions[row.lane].segs.forEach(function (seg) { rowOfSpan[seg] = index; }); }
  });

  var toolbar = add(timelinePane, el('div', 'tabs'));
  var zoomIn = add(toolbar, el('button', null, '+'));
  zoomIn.id = 'zoom-in';
  var zoomOut = add(toolbar, el('button', null, '\u2212'));
  zoomOut.id = 'zoom-out';
  var zoomFit = add(toolbar, el('button', null, 'Fit'));
  zoomFit.id = 'zoom-fit';
  var range = add(toolbar, el('span', 'hint'));
  var axis = add(timelinePane, el('div', 'axis'));
  var rowsBox = add(timelinePane, el('div', 'rows'));
  rowsBox.id = 'rows';
  var spacer = add(rowsBox, el('div', 'spacer'));
  spacer.style.height = (rows.length * ROW) + 'px';

  function trackWidth() { return Math.max(100, rowsBox.clientWidth - LABEL); }
  function xOf(t) { return (t - state.view0) / (state.view1 - state.view0) * trackWidth(); }
  function placeBar(node, start, end) {
    var width = trackWidth();
    var left = xOf(start);
    var right = xOf(end);
    if (right < -2 || left > width + 2) { return false; }
    left = Math.max(-2, left);
    right = Math.min(width + 2, right);
    node.style.left = left + 'px';
    node.style.width = Math.max(2, right - left) + 'px';
    return true;
  }
  function zoom(factor, centerX) {
    var span = state.view1 - state.view0;
    var at = state.view0 + span * (centerX === undefined ? 0.5 : centerX / trackWidth());
    var next = Math.max(1000, Math.min(traceEnd * 1.05, span * factor));
    state.view0 = at - (at - state.view0) * next / span;
    state.view1 = state.view0 + next;
    clampView();
    renderRows();
  }
  function clampView() {
    var width = state.view1 - state.view0;
    if (state.view0 < 0) { state.view0 = 0; state.view1 = width; }
    if (state.view1 > traceEnd * 1.05 && width < traceEnd) { state.view1 = traceEnd * 1.05; state.view0 = state.view1 - width; }
  }
  zoomIn.addEventListener('click', function () { zoom(0.5); });
  zoomOut.addEventListener('click', function () { zoom(2); });
  zoomFit.addEventListener('click', function () { state.view0 = 0; state.view1 = traceEnd * 1.03; renderRows(); });
  rowsBox.addEventListener('scroll', function () { renderRows(); });
  rowsBox.addEventListener('wheel', function (event) {
    if (event.ctrlKey || event.metaKey) {
      event.preventDefault();
      var rect = rowsBox.getBoundingClientRect();
      zoom(event.deltaY > 0 ? 1.25 : 0.8, event.clientX - rect.left - LABEL);
    }
  }, { passive: false });
  var drag = null;
  rowsBox.addEventListener('mousedown', function (event) {
    drag = { x: event.clientX, v0: state.view0, v1: state.view1, moved: false };
  });
  window.addEventListener('mousemove', function (event) {
    if (!drag) { return; }
    var dx = event.clientX - drag.x;
    if (Math.abs(dx) > 3) { drag.moved = true; }
    if (!drag.moved) { return; }
    var shift = dx / trackWidth() * (drag.v1 - drag.v0);
    state.view0 = drag.v0 - shift;
    state.view1 = drag.v1 - shift;
    clampView();
    renderRows();
  });
  window.addEventListener('mouseup', function () { setTimeout(function () { drag = null; }, 0); });
  window.addEventListener('resize', function () { renderRows(); });

  function renderAxis() {
    axis.textContent = '';
    var width = trackWidth();
    var span = state.view1 - state.view0;
    var step = Math.pow(10, Math.floor(Math.log10(span / 6)));
    if (span / step > 12) { step *= 5; } else if (span / step > 6) { step *= 2; }
    for (var t = Math.ceil(state.view0 / step) * step; t <= state.view1; t += step) {
      var tick = add(axis, el('div', 'tick', duration(Math.round(t))));
      tick.style.left = (xOf(t)) + 'px';
      if (xOf(t) > width) { break; }
    }
    range.textContent = 'showing ' + duration(Math.max(0, Math.round(state.view0))) + ' \u2013 '
      + duration(Math.round(state.view1)) + ' of ' + duration(traceEnd) + ' \u00b7 ' + rows.length + ' rows';
  }

  function barFor(index, track, extra) {
    var span = spans[index];
    var bar = el('div', 'bar ' + span.c + (span.err ? ' error' : '') + (extra || '')
      + (meta.failedSpan === span.id ? ' marked' : ''));
    if (!placeBar(bar, span.s, span.e)) { return null; }
    bar.setAttribute('data-span', span.id);
    bar.addEventListener('mousemove', function (event) { showTooltip(event, essentials(index)); });
    bar.addEventListener('mouseleave', hideTooltip);
    bar.addEventListener('click', function (event) { event.stopPropagation(); if (!drag || !drag.moved) { select(index, false); } });
    add(track, bar);
    return bar;
  }

  function renderLane(row, node) {
    var execution = data.executions[row.lane];
    node.className += ' lane';
    node.setAttribute('data-execution', execution.id);
    var name = node.firstChild;
    add(name, el('span', 'ico', '\u25c6'));
    name.appendChild(document.createTextNode(execution.name + ' \u00b7 ' + execution.segs.length + ' segment'
      + (execution.segs.length === 1 ? '' : 's') + ' \u00b7 ' + execution.outcome));
    var track = node.lastChild;
    execution.segs.forEach(function (seg, k) {
      if (seg < 0) { return; }
      var segment = spans[seg].seg;
      var bar = barFor(seg, track, ' segment' + (segment.outcome === 'crashed' ? ' crashed' : ''));
      if (bar) {
        bar.className += ' segment-' + k;
        add(bar, el('span', 'txt', '#' + (segment.ix === undefined ? k : segment.ix)
          + (segment.outcome === 'crashed' ? ' \u2715 crashed' : segment.outcome === 'failed' ? ' \u2717 failed' : '')));
      }
      if (segment.wait || segment.outcome === 'crashed') {
        var next = execution.segs[k + 1];
        var gapEnd = next !== undefined && next >= 0 ? spans[next].s : traceEnd;
        var text = segment.outcome === 'crashed' ? 'crashed; restarted' : waitsLabel(segment);
        if (next === undefined) { text += ' (never resumed)'; }
        var gap = el('div', 'gap');
        if (gapEnd > spans[seg].e && placeBar(gap, spans[seg].e, gapEnd)) {
          // The label stays readable when the gap is narrow: centred on the gap but kept inside the track.
          var gapLeft = parseFloat(gap.style.left);
          var labelWidth = text.length * 6.3 + 12;
          var centre = gapLeft + parseFloat(gap.style.width) / 2;
          var labelLeft = Math.max(0, Math.min(trackWidth() - labelWidth, centre - labelWidth / 2));
          var pill = add(gap, el('span', 'txt', text));
          pill.style.left = (labelLeft - gapLeft) + 'px';
          gap.setAttribute('data-wait', segment.wait ? segment.wait.kind : 'crash');
          gap.addEventListener('mousemove', function (event) {
            showTooltip(event, text + '\n' + duration(gapEnd - spans[seg].e)
              + (next !== undefined && spans[next].seg.resume ? '\nresumed by ' + spans[next].seg.resume.cause : ''));
          });
          gap.addEventListener('mouseleave', hideTooltip);
          add(track, gap);
        }
      }
    });
  }

  var renderedKey = '';
  function renderRows() {
    if (timelinePane.className.indexOf('hidden') >= 0) { return; }
    renderAxis();
    var first = Math.max(0, Math.floor(rowsBox.scrollTop / ROW) - 5);
    var last = Math.min(rows.length, first + Math.ceil((rowsBox.clientHeight || 600) / ROW) + 10);
    var key = [first, last, state.view0, state.view1, state.selected, rowsBox.clientWidth].join(' ');
    if (key === renderedKey) { return; }
    renderedKey = key;
    spacer.textContent = '';
    for (var r = first; r < last; r++) {
      var row = rows[r];
      var node = el('div', 'row');
      node.style.top = (r * ROW) + 'px';
      var name = add(node, el('div', 'label'));
      name.style.paddingLeft = (6 + Math.min(row.depth, 30) * 14) + 'px';
      var track = add(node, el('div', 'track'));
      if (row.lane !== undefined) {
        renderLane(row, node);
        var segs = data.executions[row.lane].segs;
        if (segs.indexOf(state.selected) >= 0) { node.className += ' selected'; }
        node.addEventListener('click', selectOnClick(segs[0]));
      } else {
        var span = spans[row.span];
        add(name, el('span', 'ico', ICONS[span.c] || '\u00b7'));
        name.appendChild(document.createTextNode(label(span)));
        if (span.err) { add(name, el('span', 'error-text', ' \u2717')); }
        name.title = span.n;
        barFor(row.span, track);
        node.setAttribute('data-row-span', span.id);
        if (row.span === state.selected) { node.className += ' selected'; }
        node.addEventListener('click', selectOnClick(row.span));
      }
      add(spacer, node);
    }
  }
  function selectOnClick(index) {
    return function () { if (!drag || !drag.moved) { select(index, false); } };
  }

  // ---- details panel ---------------------------------------------------------------------------------------------
  function kv(parent, pairs) {
    var list = add(parent, el('dl', 'kv'));
    pairs.forEach(function (pair) {
      if (pair[1] === undefined || pair[1] === null || pair[1] === '') { return; }
      add(list, el('dt', null, pair[0]));
      add(list, el('dd', null, pair[1]));
    });
    return list;
  }
  function section(title) { return add(details, el('h3', null, title)); }
  function messageBox(message, response) {
    var box = el('div', 'msg ' + message.role + (response ? ' response' : ''));
    add(box, el('div', 'role', message.role + (response ? ' \u00b7 response' : '')));
    message.parts.forEach(function (part) {
      var node = add(box, el('div', 'part'));
      if (part.type === 'text') {
        add(node, el('div', 'text', part.text));
      } else if (part.type === 'tool_call') {
        add(node, el('div', 'tag', 'calls tool ' + part.name + ' \u00b7 id ' + part.id));
        add(node, el('pre', null, pretty(part.arguments)));
      } else {
        add(node, el('div', 'tag', 'result of ' + (part.name || 'tool') + ' \u00b7 id ' + part.id));
        add(node, el('pre', null, pretty(part.result)));
      }
    });
    return box;
  }
  function copyJson(index) {
    var text = JSON.stringify(spans[index], null, 2);
    function fallback() {
      var area = add(document.body, el('textarea'));
      area.value = text;
      area.select();
      try { document.execCommand('copy'); } catch (ignored) { /* nothing else to try */ }
      document.body.removeChild(area);
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).catch(fallback);
    } else {
      fallback();
    }
  }
  function showDetails(index) {
    var span = spans[index];
    details.textContent = '';
    details.setAttribute('data-span', span.id);
    add(details, el('h2', null, label(span)));
    var copy = add(details, el('button', null, 'Copy as JSON'));
    copy.id = 'copy-json';
    copy.addEventListener('click', function () { copyJson(index); copy.textContent = 'Copied'; });
    kv(details, [['span', span.n], ['span id', span.id], ['kind', span.k], ['dialect', span.dl],
      ['parent', span.p >= 0 ? label(spans[span.p]) : (span.orphan ? 'missing (orphan)' : 'none')],
      ['start', duration(span.s)], ['duration', duration(span.e - span.s)],
      ['status', span.err ? 'ERROR' : 'ok']]);
    if (span.err) {
      section('Error');
      var error = add(details, el('div', 'msg'));
      add(error, el('div', 'error-text', span.err.type + (span.err.message ? ': ' + span.err.message : '')));
      if (span.err.stack) { add(error, el('pre', null, span.err.stack)); }
    }
    if (span.seg) {
      section('Segment');
      kv(details, [['agent', span.seg.agent], ['index', span.seg.ix], ['outcome', span.seg.outcome],
        ['waits on', span.seg.wait ? waitsLabel(span.seg) : ''],
        ['resumed by', span.seg.resume ? span.seg.resume.cause + ' after ' + span.seg.resume.waitedMs + ' ms' : ''],
        ['replayed', span.seg.replayed], ['continues', span.seg.previous]]);
    }
    if (span.llm) {
      var llm = span.llm;
      section('LLM call');
      kv(details, [['model', llm.model], ['provider', llm.provider], ['response id', llm.responseId],
        ['finish reason', llm.finish], ['usage', llm.in + ' in / ' + llm.out + ' out tokens'],
        ['latency', duration(span.e - span.s)]]);
      llm.problems.forEach(function (problem) { add(details, el('div', 'error-text', '\u26a0 ' + problem)); });
      section('Conversation');
      var conversation = add(details, el('div', 'conversation'));
      conversation.id = 'conversation';
      llm.input.forEach(function (message) { add(conversation, messageBox(message, false)); });
      llm.output.forEach(function (message) { add(conversation, messageBox(message, true)); });
      if (!llm.input.length && !llm.output.length) { add(conversation, el('div', 'empty', 'no messages recorded')); }
      if (llm.tools.length) {
        section('Tools offered (' + llm.tools.length + ')');
        llm.tools.forEach(function (tool) {
          var item = add(details, el('details'));
          add(item, el('summary', null, tool.name + (tool.description ? ' \u2014 ' + tool.description : '')));
          add(item, el('pre', null, pretty(tool.schema)));
        });
      }
    }
    if (span.tool) {
      section('Tool call');
      kv(details, [['tool', span.tool.name], ['call id', span.tool.callId]]);
      section('Arguments');
      add(details, el('pre', 'tool-args', pretty(span.tool.arguments)));
      section('Result');
      add(details, el('pre', 'tool-result', span.tool.result === undefined ? '(no result recorded)' : pretty(span.tool.result)));
    }
    if (span.step) {
      section('Step');
      kv(details, [['name', span.step.name], ['key', span.step.key]]);
      if (span.step.result !== undefined) { add(details, el('pre', null, pretty(span.step.result))); }
    }
    section('Attributes');
    if (span.a.length) {
      var table = add(details, el('table', 'attrs'));
      span.a.forEach(function (pair) {
        var tr = add(table, el('tr'));
        add(tr, el('td', null, pair[0]));
        add(add(tr, el('td')), el('span', 'text', pair[1]));
      });
    } else {
      add(details, el('div', 'empty', 'none'));
    }
    if (span.ev && span.ev.length) {
      section('Events');
      span.ev.forEach(function (event) {
        var box = add(details, el('div', 'msg'));
        add(box, el('div', 'role', event.n + ' \u00b7 at ' + duration(event.t)));
        event.a.forEach(function (pair) {
          var line = add(box, el('div', 'text'));
          add(line, el('span', 'tag', pair[0] + ': '));
          line.appendChild(document.createTextNode(pair[1]));
        });
      });
    }
    if (span.ln && span.ln.length) {
      section('Links');
      span.ln.forEach(function (id) { add(details, el('div', 'text', byId[id] !== undefined ? label(spans[byId[id]]) + ' (' + id + ')' : id)); });
    }
  }

  function select(index, scroll) {
    state.selected = index;
    showDetails(index);
    if (scroll && rowOfSpan[index] !== undefined) {
      rowsBox.scrollTop = Math.max(0, rowOfSpan[index] * ROW - rowsBox.clientHeight / 2);
    }
    renderRows();
    markGraphSelection();
  }

  // ---- graph ------------------------------------------------------------------------------------------------------
  var graphDrawn = false;
  var graphToolbar = add(graphPane, el('div', 'tabs'));
  var aggregatedButton = add(graphToolbar, el('button', null, 'Aggregated'));
  aggregatedButton.id = 'graph-aggregated';
  var expandedButton = add(graphToolbar, el('button', null, 'Expanded'));
  expandedButton.id = 'graph-expanded';
  var graphNote = add(graphToolbar, el('span', 'hint'));
  var graphBox = add(graphPane, el('div', 'graph'));
  aggregatedButton.addEventListener('click', function () { state.mode = 'aggregated'; drawGraph(); });
  expandedButton.addEventListener('click', function () { state.mode = 'expanded'; drawGraph(); });

  // The execution flow: segment \u2192 its LLM calls and steps in order \u2192 the wait \u2192 (resume) next segment; each LLM call
  // \u2192 the tools it requested (matched by tool call id).
  function flowGraph() {
    var nodes = [];
    var edges = [];
    function node(kind, text, sub, span, key) {
      nodes.push({ kind: kind, text: text, sub: sub, span: span, key: key, error: span >= 0 && !!spans[span].err });
      return nodes.length - 1;
    }
    function edge(from, to, type, text) { edges.push({ from: from, to: to, type: type, text: text || '' }); }
    // A segment's own spans: its descendants, without the subtrees of the agents it calls (their own executions).
    function descendants(root) {
      var list = [];
      for (var j = root + 1; j < spans.length && spans[j].d > spans[root].d; j++) {
        if (spans[j].seg) {
          var called = spans[j].d;
          while (j + 1 < spans.length && spans[j + 1].d > called) { j++; }
        } else {
          list.push(j);
        }
      }
      return list;
    }
    function enclosingSegment(j) {
      var depth = spans[j].d;
      for (var k = j - 1; k >= 0; k--) {
        if (spans[k].d < depth) {
          if (spans[k].seg) { return k; }
          depth = spans[k].d;
        }
      }
      return -1;
    }
    var segNodes = {};
    function typedChain(start, list, scope) {
      var previous = start;
      var byCall = {};
      var tools = [];
      var toolNodes = [];
      list.forEach(function (j) {
        var span = spans[j];
        if (span.llm) {
          var n = node('llm', 'chat ' + span.llm.model, span.llm.in + '/' + span.llm.out + ' tok' + (span.llm.finish ? ' \u00b7 ' + span.llm.finish : ''), j, scope + 'llm:' + span.llm.model);
          edge(previous, n, 'next');
          previous = n;
          span.llm.output.forEach(function (message) {
            message.parts.forEach(function (part) { if (part.type === 'tool_call') { byCall[part.id] = n; } });
          });
        } else if (span.step) {
          var s = node('step', 'step ' + span.step.name, duration(span.e - span.s), j, scope + 'step:' + span.step.name);
          edge(previous, s, 'next');
          previous = s;
        } else if (span.tool) {
          tools.push(j);
        }
      });
      tools.forEach(function (j) {
        var tool = spans[j].tool;
        var t = node('tool', 'tool ' + tool.name, duration(spans[j].e - spans[j].s), j, scope + 'tool:' + tool.name);
        var requester = tool.callId !== undefined ? byCall[tool.callId] : undefined;
        if (requester !== undefined) { edge(requester, t, 'requests', 'requests'); } else { edge(previous, t, 'next'); }
        toolNodes.push(t);
      });
      return { last: previous, tools: toolNodes };
    }
    var inExecution = new Uint8Array(spans.length);
    data.executions.forEach(function (execution, x) {
      var scope = 'x' + x + ':';
      var pendingWait = -1;
      var pendingFrom = -1;
      execution.segs.forEach(function (seg) {
        if (seg < 0) { return; }
        inExecution[seg] = 1;
        var segment = spans[seg].seg;
        var n = node('seg', execution.name + ' #' + (segment.ix === undefined ? '?' : segment.ix), segment.outcome, seg, scope + 'seg');
        segNodes[seg] = n;
        if (pendingWait >= 0) {
          edge(pendingWait, n, 'resume', 'resume' + (segment.resume && segment.resume.cause ? ': ' + segment.resume.cause : ''));
        } else if (pendingFrom >= 0) {
          edge(pendingFrom, n, 'resume', 'restart');
        }
        var list = descendants(seg);
        list.forEach(function (j) { inExecution[j] = 1; });
        var chain = typedChain(n, list, scope);
        pendingWait = -1;
        pendingFrom = -1;
        if (segment.wait) {
          var label = waitsLabel(segment);
          pendingWait = node('wait', label, 'wait', seg, scope + 'wait:' + label);
          edge(chain.last, pendingWait, 'waits');
          if ([segment.wait].concat(segment.also || []).some(function (w) { return w.kind === 'tool'; })) {
            chain.tools.forEach(function (t) { edge(t, pendingWait, 'result', 'result'); });
          }
        } else if (segment.outcome === 'crashed') {
          pendingFrom = chain.last;
        }
      });
    });
    // an agent that calls another agent (agentic sub-agents, child runs) \u2192 the called agent's segment
    Object.keys(segNodes).forEach(function (key) {
      var caller = enclosingSegment(+key);
      if (caller >= 0 && segNodes[caller] !== undefined) { edge(segNodes[caller], segNodes[key], 'calls', 'calls'); }
    });
    var loose = [];
    for (var j = 0; j < spans.length; j++) {
      if (!inExecution[j] && (spans[j].llm || spans[j].tool || spans[j].step)) { loose.push(j); }
    }
    if (loose.length) {
      var start = node('other', 'outside any agent', loose.length + ' spans', -1, 'loose');
      typedChain(start, loose, 'loose:');
    }
    return { nodes: nodes, edges: edges };
  }

  function aggregate(graph) {
    var nodes = [];
    var index = {};
    var map = graph.nodes.map(function (n) {
      if (index[n.key] === undefined) {
        index[n.key] = nodes.length;
        nodes.push({ kind: n.kind, text: n.kind === 'seg' ? n.text.replace(/ #\S*$/, '') : n.text, sub: '', span: n.span, count: 0, error: false, spans: [] });
      }
      var m = nodes[index[n.key]];
      m.count++;
      m.error = m.error || n.error;
      m.spans.push(n.span);
      return index[n.key];
    });
    nodes.forEach(function (n) { n.sub = n.count > 1 ? '\u00d7' + n.count : ''; });
    var seen = {};
    var edges = [];
    graph.edges.forEach(function (e) {
      var key = map[e.from] + '>' + map[e.to] + '>' + e.type;
      if (seen[key] !== undefined) { edges[seen[key]].count++; return; }
      seen[key] = edges.length;
      edges.push({ from: map[e.from], to: map[e.to], type: e.type, text: e.type === 'resume' ? 'resume' : e.text, count: 1 });
    });
    edges.forEach(function (e) { if (e.count > 1) { e.text = (e.text ? e.text + ' ' : '') + '\u00d7' + e.count; } });
    return { nodes: nodes, edges: edges };
  }

  // Layered layout (Sugiyama style): break cycles by DFS, rank by longest path, order by barycenters.
  function layout(graph) {
    var n = graph.nodes.length;
    var out = [];
    var k;
    for (k = 0; k < n; k++) { out.push([]); }
    graph.edges.forEach(function (e, ix) { if (e.from !== e.to) { out[e.from].push(ix); } });
    var mark = new Uint8Array(n);
    graph.edges.forEach(function (e) { e.back = false; });
    for (k = 0; k < n; k++) {
      if (mark[k]) { continue; }
      var stack = [[k, 0]];
      mark[k] = 1;
      while (stack.length) {
        var top = stack[stack.length - 1];
        if (top[1] < out[top[0]].length) {
          var e = graph.edges[out[top[0]][top[1]++]];
          if (mark[e.to] === 1) { e.back = true; } else if (!mark[e.to]) { mark[e.to] = 1; stack.push([e.to, 0]); }
        } else {
          mark[top[0]] = 2;
          stack.pop();
        }
      }
    }
    var indegree = new Int32Array(n);
    var forward = [];
    for (k = 0; k < n; k++) { forward.push([]); }
    graph.edges.forEach(function (e) {
      if (e.from === e.to) { return; }
      var a = e.back ? e.to : e.from;
      var b = e.back ? e.from : e.to;
      forward[a].push(b);
      indegree[b]++;
    });
    var rank = new Int32Array(n);
    var queue = [];
    for (k = 0; k < n; k++) { if (!indegree[k]) { queue.push(k); } }
    for (var q = 0; q < queue.length; q++) {
      var v = queue[q];
      forward[v].forEach(function (w) {
        rank[w] = Math.max(rank[w], rank[v] + 1);
        if (--indegree[w] === 0) { queue.push(w); }
      });
    }
    var layers = [];
    for (k = 0; k < n; k++) {
      while (layers.length <= rank[k]) { layers.push([]); }
      layers[rank[k]].push(k);
    }
    var position = new Float64Array(n);
    function positions() { layers.forEach(function (layer) { layer.forEach(function (v, ix) { position[v] = ix; }); }); }
    positions();
    var neighbours = [];
    for (k = 0; k < n; k++) { neighbours.push([]); }
    graph.edges.forEach(function (e) {
      if (e.from !== e.to) { neighbours[e.from].push(e.to); neighbours[e.to].push(e.from); }
    });
    for (var sweep = 0; sweep < 6; sweep++) {
      var down = sweep % 2 === 0;
      for (var l = down ? 1 : layers.length - 2; down ? l < layers.length : l >= 0; l += down ? 1 : -1) {
        var target = down ? l - 1 : l + 1;
        var weight = {};
        layers[l].forEach(function (v) {
          var sum = 0;
          var count = 0;
          neighbours[v].forEach(function (w) { if (rank[w] === target) { sum += position[w]; count++; } });
          weight[v] = count ? sum / count : position[v];
        });
        layers[l].sort(function (a, b) { return weight[a] - weight[b] || position[a] - position[b]; });
        layers[l].forEach(function (v, ix) { position[v] = ix; });
      }
    }
    var W = 190;
    var H = 44;
    var GX = 36;
    var GY = 58;
    var widest = 0;
    layers.forEach(function (layer) { widest = Math.max(widest, layer.length); });
    var coords = [];
    layers.forEach(function (layer, r) {
      var offset = (widest - layer.length) * (W + GX) / 2;
      layer.forEach(function (v, ix) { coords[v] = { x: 30 + offset + ix * (W + GX), y: 24 + r * (H + GY) }; });
    });
    return { coords: coords, width: widest * (W + GX) + 160, height: layers.length * (H + GY) + 40, W: W, H: H };
  }

  var graphNodes = [];
  function drawGraph() {
    graphDrawn = true;
    var flow = flowGraph();
    if (state.mode === null) { state.mode = flow.nodes.length > 60 ? 'aggregated' : 'expanded'; }
    var note = '';
    if (state.mode === 'expanded' && flow.nodes.length > GRAPH_EXPANDED_LIMIT) {
      note = flow.nodes.length + ' nodes are too many to draw expanded; showing the aggregated graph';
      state.mode = 'aggregated';
    }
    var graph = state.mode === 'aggregated' ? aggregate(flow) : flow;
    aggregatedButton.className = state.mode === 'aggregated' ? 'on' : '';
    expandedButton.className = state.mode === 'expanded' ? 'on' : '';
    graphNote.textContent = note || (graph.nodes.length + ' nodes \u00b7 ' + graph.edges.length + ' edges \u00b7 '
      + (state.mode === 'aggregated' ? 'repeated steps collapse into one node, loops show as cycles' : 'every call is a node'));
    graphBox.textContent = '';
    if (!graph.nodes.length) { add(graphBox, el('div', 'empty', 'No agent executions, LLM calls or tools in this trace.')); return; }
    var box = layout(graph);
    var root = svg('svg', { width: box.width, height: box.height, viewBox: '0 0 ' + box.width + ' ' + box.height });
    root.id = 'graph-svg';
    var defs = add(root, svg('defs', {}));
    var marker = add(defs, svg('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: 'userSpaceOnUse', orient: 'auto-start-reverse' }));
    add(marker, svg('path', { d: 'M0,0 L10,5 L0,10 z', 'class': 'arrow' }));
    var W = box.W;
    var H = box.H;
    graph.edges.forEach(function (e) {
      var a = box.coords[e.from];
      var b = box.coords[e.to];
      var g = add(root, svg('g', { 'class': 'edge ' + e.type }));
      g.setAttribute('data-type', e.type);
      var d;
      var lx;
      var ly;
      if (e.from === e.to) {
        d = 'M' + (a.x + W) + ',' + (a.y + H * 0.3) + ' C' + (a.x + W + 50) + ',' + (a.y - 10) + ' ' + (a.x + W + 50) + ',' + (a.y + H + 10) + ' ' + (a.x + W) + ',' + (a.y + H * 0.7);
        lx = a.x + W + 44; ly = a.y + H / 2;
      } else if (b.y <= a.y) {
        var side = Math.max(a.x, b.x) + W;
        d = 'M' + (a.x + W) + ',' + (a.y + H / 2) + ' C' + (side + 70) + ',' + (a.y + H / 2) + ' ' + (side + 70) + ',' + (b.y + H / 2) + ' ' + (b.x + W) + ',' + (b.y + H / 2);
        lx = side + 56; ly = (a.y + b.y) / 2 + H / 2;
      } else {
        var x1 = a.x + W / 2;
        var y1 = a.y + H;
        var x2 = b.x + W / 2;
        var y2 = b.y;
        // An edge over more than one layer bends out to the right so that it does not run through the nodes between.
        var bend = y2 - y1 > H + 80 ? W * 0.8 : 0;
        d = 'M' + x1 + ',' + y1 + ' C' + (x1 + bend) + ',' + (y1 + 40) + ' ' + (x2 + bend) + ',' + (y2 - 40) + ' ' + x2 + ',' + y2;
        lx = (x1 + x2) / 2 + 6 + bend * 0.75; ly = (y1 + y2) / 2 + 4;
      }
      add(g, svg('path', { d: d, 'marker-end': 'url(#arrow)' }));
      if (e.text) { add(g, svg('text', { x: lx, y: ly })).textContent = e.text; }
    });
    graphNodes = [];
    graph.nodes.forEach(function (n, v) {
      var c = box.coords[v];
      var g = add(root, svg('g', { 'class': 'node ' + n.kind + (n.error ? ' error' : ''), transform: 'translate(' + c.x + ',' + c.y + ')' }));
      g.setAttribute('data-kind', n.kind);
      add(g, svg('rect', { width: W, height: H, rx: n.kind === 'seg' ? 10 : 4 }));
      var title = add(g, svg('text', { x: 10, y: 18 }));
      title.textContent = n.text.length > 28 ? n.text.slice(0, 27) + '\u2026' : n.text;
      var sub = add(g, svg('text', { x: 10, y: 34, 'class': 'sub' }));
      sub.textContent = n.sub || '';
      add(g, svg('title', {})).textContent = n.text + (n.sub ? ' \u00b7 ' + n.sub : '');
      if (n.span >= 0) {
        g.addEventListener('click', function () { select(n.span, false); });
      }
      graphNodes.push({ g: g, spans: n.spans || [n.span] });
    });
    add(graphBox, root);
    markGraphSelection();
  }
  function markGraphSelection() {
    graphNodes.forEach(function (entry) {
      var cls = entry.g.getAttribute('class').replace(/ selected$/, '');
      entry.g.setAttribute('class', entry.spans.indexOf(state.selected) >= 0 ? cls + ' selected' : cls);
    });
  }

  // ---- start -------------------------------------------------------------------------------------------------------
  renderRows();
  if (meta.failedSpan !== undefined && byId[meta.failedSpan] !== undefined) {
    select(byId[meta.failedSpan], true);
  } else if (data.executions.length && data.executions[0].segs[0] >= 0) {
    select(data.executions[0].segs[0], false);
  }
  document.body.setAttribute('data-rendered', String(Math.round(performance.now())));
})();
