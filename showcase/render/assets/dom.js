/* Building elements in the browser, shared by the 提交项目 form (submit.js) and the
   推荐典型案例 form (case-form.js); served by the site itself.
   window.scDom = { el(tag, attrs, children) }: "text" sets textContent, every other
   attribute is set as written, empty children are skipped. */
(function () {
  "use strict";

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === "text") node.textContent = attrs[key];
      else node.setAttribute(key, attrs[key]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  window.scDom = { el: el };
})();
