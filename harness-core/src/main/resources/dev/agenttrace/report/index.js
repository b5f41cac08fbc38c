// AgentTrace run index: filters (failed only, by class) and sorts the table the page already holds.
// Builds its controls with createElement and textContent only: never innerHTML.
(function () {
  'use strict';
  var table = document.getElementById('tests');
  var controls = document.getElementById('controls');
  if (!table || !controls) { return; }
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var sorted = { column: -1, ascending: true };

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    for (var key in attrs) { node.setAttribute(key, attrs[key]); }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  var failedLabel = el('label', { 'for': 'failed-only' });
  var failedOnly = el('input', { type: 'checkbox', id: 'failed-only' });
  failedLabel.appendChild(failedOnly);
  failedLabel.appendChild(document.createTextNode(' failed only'));
  var classLabel = el('label', { 'for': 'class-filter' }, 'class ');
  var classFilter = el('select', { id: 'class-filter' });
  classFilter.appendChild(el('option', { value: '' }, 'all classes'));
  var classes = {};
  rows.forEach(function (row) { classes[row.cells[0].textContent] = true; });
  Object.keys(classes).sort().forEach(function (name) {
    classFilter.appendChild(el('option', { value: name }, name));
  });
  classLabel.appendChild(classFilter);
  var shown = el('span', { id: 'shown', 'aria-live': 'polite' });
  controls.appendChild(failedLabel);
  controls.appendChild(classLabel);
  controls.appendChild(shown);

  function filter() {
    var count = 0;
    rows.forEach(function (row) {
      var hide = (failedOnly.checked && !row.classList.contains('failed'))
          || (classFilter.value !== '' && row.cells[0].textContent !== classFilter.value);
      row.hidden = hide;
      if (!hide) { count++; }
    });
    shown.textContent = count + ' of ' + rows.length + ' shown';
  }

  function key(row, column) {
    var cell = row.cells[column];
    var value = cell.getAttribute('data-value');
    return value !== null ? Number(value) : cell.textContent.toLowerCase();
  }

  function sortBy(column) {
    sorted.ascending = sorted.column === column ? !sorted.ascending : true;
    sorted.column = column;
    var direction = sorted.ascending ? 1 : -1;
    var order = rows.map(function (row, index) { return { row: row, index: index, key: key(row, column) }; });
    order.sort(function (a, b) {
      if (a.key < b.key) { return -direction; }
      if (a.key > b.key) { return direction; }
      return a.index - b.index;
    });
    order.forEach(function (item) { body.appendChild(item.row); });
    headers.forEach(function (header, index) {
      if (index === column) {
        header.setAttribute('aria-sort', sorted.ascending ? 'ascending' : 'descending');
      } else if (header.hasAttribute('aria-sort')) {
        header.removeAttribute('aria-sort');
      }
    });
  }

  headers.forEach(function (header, column) {
    if (!header.hasAttribute('data-sort')) { return; }
    var button = el('button', { type: 'button', 'class': 'sort' }, header.textContent);
    header.textContent = '';
    header.appendChild(button);
    button.addEventListener('click', function () { sortBy(column); });
  });
  failedOnly.addEventListener('change', filter);
  classFilter.addEventListener('change', filter);
  filter();
}());
