// The annual report's "打印 / 另存为 PDF" button. A script file rather than an onclick
// attribute: the site's Content-Security-Policy runs no inline code.
(function () {
  "use strict";
  document.querySelectorAll("[data-action=print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
})();
