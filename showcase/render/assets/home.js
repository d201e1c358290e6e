// The home page's upcoming events: hides those already over by the visitor's clock (the
// site is built once and read for weeks), keeps at most data-show of them, and says so
// when none is left. Times are ISO 8601 with their offset ("2026-11-12T19:00:00+08:00").
(function () {
  "use strict";
  var list = document.querySelector(".sc-upcoming");
  if (!list) return;
  var now = Date.now(), shown = 0, limit = +list.dataset.show;
  list.querySelectorAll("li").forEach(function (item) {
    var end = Date.parse(item.dataset.end);
    item.hidden = end < now || shown >= limit;
    if (!item.hidden) shown++;
  });
  if (!shown) {
    var none = document.createElement("p");
    none.textContent = "暂无即将举行的活动。";
    list.parentNode.insertBefore(none, list);
  }
})();
