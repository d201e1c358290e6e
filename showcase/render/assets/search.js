/*
 * Material's search box sends its query to the search worker on key-up only, so text that
 * arrives without a key-up found nothing until the next key: a word pasted from a menu, or
 * committed by an input method (pinyin, handwriting, voice) at the end of its composition,
 * which is how most phones type Chinese. This script hands every finished input to Material
 * the way Material listens, as a key-up on the box; input events inside a composition are
 * left alone (the letters typed so far are not the query yet).
 *
 * It also links search and directory both ways: "在项目名录中筛选" under the result count
 * leads to the project directory, and a link with data-sc-search (the directory's "搜索项目")
 * opens the search box in place. Without JavaScript that link still works: Material opens
 * its search for a page loaded with ?q=.
 */
(function () {
  "use strict";

  var box = document.querySelector("input[data-md-component=search-query]");
  var toggle = document.getElementById("__search");
  if (!box || !toggle) return;

  // Material's search overlay is a role="dialog" without a name; screen readers announce it.
  var dialog = box.closest("[role=dialog]");
  if (dialog && !dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", "搜索");

  function notify() {
    box.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
  }
  box.addEventListener("input", function (event) {
    if (!event.isComposing) notify();
  });
  box.addEventListener("compositionend", notify);

  var result = document.querySelector("[data-md-component=search-result]");
  var meta = result && result.querySelector(".md-search-result__meta");
  var config = document.getElementById("__config");
  if (meta && config) {
    var base = JSON.parse(config.textContent).base || ".";
    var link = document.createElement("a");
    link.href = new URL(base.replace(/\/$/, "") + "/projects/", window.location.href).href;
    link.textContent = "在项目名录中筛选";
    var line = document.createElement("p");
    line.className = "sc-search-directory";
    line.appendChild(link);
    meta.insertAdjacentElement("afterend", line);
  }

  document.addEventListener("click", function (event) {
    var opener = event.target.closest && event.target.closest("a[data-sc-search]");
    if (!opener) return;
    event.preventDefault();
    if (!toggle.checked) toggle.click();
    box.focus();
  });
})();
