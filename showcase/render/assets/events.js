// Sorts the events list again into upcoming and past with the visitor's clock: the build
// split it by its publication date, but the site is read for weeks after it is built.
// Without JavaScript the build's split stays.
(function () {
  var upcoming = document.getElementById("sc-events-upcoming");
  var past = document.getElementById("sc-events-past");
  if (!upcoming || !past) return;
  var now = Date.now();
  var soon = upcoming.querySelector("ol");
  var before = past.querySelector("ol");
  var items = Array.prototype.slice.call(document.querySelectorAll(".sc-event-list li[data-end]"));
  items.sort(function (a, b) {
    return Date.parse(a.getAttribute("data-start")) - Date.parse(b.getAttribute("data-start"));
  });
  items.forEach(function (item) {
    if (Date.parse(item.getAttribute("data-end")) >= now) {
      soon.appendChild(item);
    } else {
      before.insertBefore(item, before.firstChild);
    }
  });
  upcoming.querySelector(".sc-events-none").hidden = soon.children.length > 0;
  past.hidden = before.children.length === 0;
})();
