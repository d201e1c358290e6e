// Splits the events list into upcoming and past with the visitor's clock, so the built
// site never depends on the day it was built. Without JavaScript every event stays listed.
(function () {
  var all = document.getElementById("sc-events-all");
  var upcoming = document.getElementById("sc-events-upcoming");
  var past = document.getElementById("sc-events-past");
  if (!all || !upcoming || !past) return;
  var now = Date.now();
  var soon = upcoming.querySelector("ol");
  var before = past.querySelector("ol");
  var items = Array.prototype.slice.call(all.querySelectorAll("li[data-end]"));
  items.forEach(function (item) {
    if (Date.parse(item.getAttribute("data-end")) >= now) {
      soon.appendChild(item);
    } else {
      before.insertBefore(item, before.firstChild);
    }
  });
  upcoming.hidden = false;
  upcoming.querySelector(".sc-events-none").hidden = soon.children.length > 0;
  past.hidden = before.children.length === 0;
  all.hidden = true;
})();
