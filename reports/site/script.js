// The national view's one script: sort a table by a column, filter the overview by name and status. No library,
// no network; the pages read the same without it (the filters stay hidden).
(function () {
  "use strict";
  var fold = function (s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase().trim();
  };
  document.querySelectorAll("table.sortable").forEach(function (table) {
    table.querySelectorAll("th[data-sort]").forEach(function (th, col) {
      th.addEventListener("click", function () {
        var body = table.tBodies[0];
        var asc = !th.classList.contains("sorted-asc");
        table.querySelectorAll("th").forEach(function (h) { h.classList.remove("sorted-asc", "sorted-desc"); });
        th.classList.add(asc ? "sorted-asc" : "sorted-desc");
        var index = Array.prototype.indexOf.call(th.parentNode.children, th);
        var num = th.getAttribute("data-sort") === "num";
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[index].getAttribute("data-value") || "", y = b.cells[index].getAttribute("data-value") || "";
          var c = num ? Number(x) - Number(y) : x.localeCompare(y, "vi");
          return asc ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });
  document.querySelectorAll("form.filters").forEach(function (form) {
    var table = document.getElementById(form.getAttribute("data-table"));
    var shown = form.querySelector(".shown");
    var apply = function () {
      var name = fold(form.elements.name.value), status = form.elements.status.value, n = 0;
      Array.prototype.forEach.call(table.tBodies[0].rows, function (r) {
        var ok = (!name || r.getAttribute("data-name").indexOf(name) >= 0) &&
                 (!status || (" " + r.getAttribute("data-statuses") + " ").indexOf(" " + status + " ") >= 0);
        r.hidden = !ok;
        if (ok) n += 1;
      });
      shown.textContent = n + " / " + table.tBodies[0].rows.length;
    };
    form.addEventListener("input", apply);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    form.hidden = false;
    apply();
  });
})();
