// Recounts a call's 申报 deadline with the visitor's clock: the build wrote the count for its
// publication day, but the page is read for weeks. Once the deadline has passed, the
// application form is hidden and the page says so. Without JavaScript the build's text stays.
(function () {
  var counter = document.querySelector(".sc-call__countdown");
  if (!counter) return;
  var opens = Date.parse(counter.getAttribute("data-opens"));
  var closes = Date.parse(counter.getAttribute("data-closes"));
  var now = Date.now();
  var hour = 3600 * 1000;
  if (now < opens) {
    var wait = Math.ceil((opens - now) / (24 * hour));
    counter.textContent = "距申报开始还有 " + wait + " 天。";
  } else if (now < closes) {
    var left = closes - now;
    var days = Math.floor(left / (24 * hour));
    var hours = Math.floor((left % (24 * hour)) / hour);
    counter.textContent = "距申报截止还有 " + (days ? days + " 天 " : "") + hours + " 小时。";
  } else {
    counter.textContent = "申报已截止，不再接受新的申报书。";
    var form = document.querySelector(".sc-application-form");
    if (form) form.hidden = true;
  }
})();
