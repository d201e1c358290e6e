/* Small browser helpers shared by the 提交项目 form (submit.js) and the 推荐典型案例 form
   (case-form.js); served by the site itself.
   window.scDom = {
     el(tag, attrs, children): "text" sets textContent, every other attribute is set as
       written, empty children are skipped;
     copyText(area, done): copies a text area's value (the clipboard where the page may use
       it, else by selecting it, opening a closed <details> around it first); done() after;
     onEdit(form, callback): marks the field typed in or changed as touched
       (sc-field--touched, so its errors show) and calls callback(event);
     onCheck(form, result, check): on "检查并生成文件", check() (which shows every error),
       then the first field in error gets the focus, else the result is scrolled to;
     showProblems(form, problems, attempted): each problem under the field of its path
       (the .sc-field__error with that data-error-for), once tried or the field touched;
     newFileLink(forge, path, text, ref): the forge's new-file page for `path` with `text`
       on branch `ref` (forge.newFile is the URL template of the form's specification).
   } */
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

  function select(area) {
    var block = area.closest("details");
    if (block) block.open = true;  /* a closed block's text cannot be selected */
    area.select();
  }

  function copyText(area, done) {
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(area.value).then(done, function () { select(area); });
    } else {
      select(area);
      document.execCommand("copy");
      done();
    }
  }

  function onEdit(form, callback) {
    function edited(event) {
      var wrapper = event.target.closest(".sc-field");
      if (wrapper) wrapper.classList.add("sc-field--touched");
      callback(event);
    }
    form.addEventListener("input", edited);
    form.addEventListener("change", edited);
  }

  function onCheck(form, result, check) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      check();
      var first = form.querySelector(".sc-field--invalid input, .sc-field--invalid select, .sc-field--invalid textarea");
      if (first) first.focus(); else result.scrollIntoView();
    });
  }

  function showProblems(form, problems, attempted) {
    var byPath = {};
    problems.forEach(function (problem) { (byPath[problem.path] = byPath[problem.path] || []).push(problem); });
    Array.prototype.forEach.call(form.querySelectorAll(".sc-field__error"), function (node) {
      var wrapper = node.parentNode;
      var shown = attempted || wrapper.classList.contains("sc-field--touched") ? byPath[node.getAttribute("data-error-for")] || [] : [];
      node.textContent = shown.map(function (p) { return p.message + (p.hint ? " 修改建议：" + p.hint : ""); }).join(" ");
      node.setAttribute("data-rule", shown.map(function (p) { return p.rule; }).join(" "));
      wrapper.classList.toggle("sc-field--invalid", shown.length > 0);
      describe(wrapper, node, shown.length > 0);
    });
  }

  // A screen reader hears the error with its field: aria-invalid, and the message among
  // the field's descriptions (its help stays there too).
  var errorIds = 0;
  function describe(wrapper, node, invalid) {
    if (!node.id) node.id = "sc-field-error-" + (errorIds += 1);
    Array.prototype.forEach.call(wrapper.querySelectorAll("input, select, textarea"), function (control) {
      if (control.closest(".sc-field") !== wrapper) return;
      var ids = (control.getAttribute("aria-describedby") || "").split(" ").filter(function (id) { return id && id !== node.id; });
      if (invalid) { ids.push(node.id); control.setAttribute("aria-invalid", "true"); } else { control.removeAttribute("aria-invalid"); }
      if (ids.length) control.setAttribute("aria-describedby", ids.join(" ")); else control.removeAttribute("aria-describedby");
    });
  }

  function newFileLink(forge, path, text, ref) {
    var values = { path: path, text: text, ref: ref, folder: path.replace(/\/[^/]*$/, "") };
    return forge.newFile.replace(/\{(\w+)\}/g, function (_, key) {
      return key === "folder" ? values.folder.split("/").map(encodeURIComponent).join("/") : encodeURIComponent(values[key]);
    });
  }

  window.scDom = {
    el: el, copyText: copyText, onEdit: onEdit, onCheck: onCheck,
    showProblems: showProblems, newFileLink: newFileLink,
  };
})();
