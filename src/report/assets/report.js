/* report.js - sorting and filtering for the tables of jobmatch's HTML reports (batch). Edit
 * freely: `make` compiles this file into the program and the page's Content-Security-Policy
 * allows it by its hash. The page works without it: the table comes ranked, the filter box
 * stays hidden. A sortable table is a table of class "sortable"; a cell's data-v, when
 * present, is what it sorts by (numbers sort as numbers). The page is also read as XML, so
 * this file holds no less-than sign and no ampersand (the build checks). */
(function () {
  "use strict";
  function key(row, col) {
    var cell = row.cells[col];
    var v = cell.hasAttribute("data-v") ? cell.getAttribute("data-v") : cell.textContent.trim();
    return /^-?[0-9]+(\.[0-9]+)?$/.test(v) ? parseFloat(v) : v.toLowerCase();
  }
  function sortBy(table, col, button) {
    var th = button.parentNode;
    var descending = th.getAttribute("aria-sort") !== "descending";
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", descending ? "descending" : "ascending");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = key(a, col), y = key(b, col);
      var c = typeof x !== typeof y ? (typeof x === "number" ? -1 : 1) : y > x ? -1 : x > y ? 1 : 0;
      return descending ? -c : c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, col) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = th.textContent;
      button.addEventListener("click", function () { sortBy(table, col, button); });
      th.textContent = "";
      th.appendChild(button);
    });
  });
  Array.prototype.forEach.call(document.querySelectorAll("[data-filter]"), function (box) {
    var table = document.getElementById(box.getAttribute("data-filter"));
    var input = box.querySelector("input");
    var count = box.querySelector("output");
    if (!table || !input) return;
    box.hidden = false;
    input.addEventListener("input", function () {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        var text = row.textContent.toLowerCase();
        var keep = words.every(function (w) { return text.indexOf(w) >= 0; });
        row.hidden = !keep;
        shown += keep ? 1 : 0;
      });
      if (count) count.textContent = shown + " shown";
    });
  });
})();
