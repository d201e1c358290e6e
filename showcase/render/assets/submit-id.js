/* The 提交项目 form's project id, suggested from the name: pinyin from the build-time table
   (assets/submit-pinyin.js, window.scPinyin), Latin letters and digits kept, hyphens between
   words, "-2"... when the id is taken (spec.rules.taken.ids). Puts the name before the id on
   the page, says when the id is the suggestion, and points an id written in Chinese
   characters at it. Loaded by the submit page only; submit.js calls
   window.scSubmitId(form, spec, isEditing) once, after the fields exist. */
(function () {
  "use strict";

  window.scSubmitId = function (form, spec, isEditing) {
    var el = window.scDom.el;
    var idInput = form.querySelector("[data-path='id'] > input");
    var nameInput = form.querySelector("[data-path='name'] > input");
    /* The name comes first on the page, the id it suggests next (the file keeps its order). */
    var idField = idInput.closest(".sc-field");
    idField.parentNode.insertBefore(nameInput.closest(".sc-field"), idField);
    var note = el("p", { "class": "sc-field__help sc-submit__id-note", role: "status" });
    idInput.parentNode.insertBefore(note, idInput.nextSibling);
    var readings = {};
    Object.keys(window.scPinyin || {}).forEach(function (syllable) {
      for (var char of window.scPinyin[syllable]) readings[char] = syllable;
    });
    var limits = spec.schema.properties.id;
    var taken = spec.rules.taken.ids;
    var suggested = "";

    /* Pinyin syllables and runs of Latin letters and digits, joined by hyphens; a character
       with no reading (punctuation, a rare character) only separates words. */
    function suggest(name) {
      var words = [], latin = "";
      for (var char of name.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase()) {
        if (/[a-z0-9]/.test(char)) { latin += char; continue; }
        if (latin) words.push(latin);
        latin = "";
        if (readings[char]) words.push(readings[char]);
      }
      if (latin) words.push(latin);
      var room = limits.maxLength - 4;  /* room for a "-2" ... "-999" suffix */
      while (words.length > 1 && words.join("-").length > room) words.pop();
      var base = words.join("-").slice(0, room);
      if (base.length < limits.minLength) return "";
      var id = base;
      for (var n = 2; Object.prototype.hasOwnProperty.call(taken, id); n += 1) id = base + "-" + n;
      return id;
    }
    function show() {
      if (!/\p{Script=Han}/u.test(idInput.value)) use.hidden = true;
      var current = idInput.value === suggested && suggested !== "";
      note.textContent = current ? "根据项目名称建议的编号，还没有其他项目使用；可以直接修改。" : "";
    }
    nameInput.addEventListener("input", function () {
      if (isEditing() || (idInput.value !== "" && idInput.value !== suggested)) return;
      suggested = suggest(nameInput.value);
      idInput.value = suggested;
      idInput.closest(".sc-field").classList.add("sc-field--touched");
      show();
    });
    idInput.addEventListener("input", show);
    /* An id written in Chinese characters: point at the name's suggestion (the validator's
       message stays; this only adds where to find a usable id). */
    function explain(problems) {
      var value = idInput.value;
      if (!/\p{Script=Han}/u.test(value)) return;
      var better = suggest(nameInput.value) || suggest(value);
      problems.forEach(function (problem) {
        if (problem.path !== "id" || problem.rule !== "schema.pattern") return;
        problem.hint = "项目编号不能用汉字，要用拼音字母" + (better ? "，例如根据项目名称建议的 " + better +
          "：点下面的“改用 " + better + "”即可" : "") + "。" + (problem.hint ? " " + problem.hint : "");
      });
      use.textContent = "改用 " + better;
      use.setAttribute("data-id", better);
      use.hidden = !better;
    }
    var use = el("button", { type: "button", "class": "md-button sc-submit__use-id", hidden: "" });
    note.parentNode.insertBefore(use, note.nextSibling);
    use.addEventListener("click", function () {
      suggested = use.getAttribute("data-id");
      idInput.value = suggested;
      use.hidden = true;
      idInput.dispatchEvent(new Event("input", { bubbles: true }));
    });
    return {
      suggest: suggest,
      explain: explain,
      /* After the form is filled from a draft or a project: an id that is still the name's
         suggestion keeps following the name. */
      reset: function () {
        suggested = !isEditing() && idInput.value && idInput.value === suggest(nameInput.value) ? idInput.value : "";
        show();
      },
    };
  };
})();
