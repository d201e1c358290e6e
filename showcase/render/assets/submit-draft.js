/* What was typed into the 提交项目 form, kept in this browser only (localStorage), one draft
   per form and project ("sc-submit:new", "sc-submit:edit:<id>"); nothing is sent anywhere.
   Storage that is switched off or full keeps nothing and says nothing. Loaded by the
   submit page only; submit.js calls window.scSubmitDraft(keyOf) once, where keyOf() names
   the draft of the form as it is now (new or editing). */
(function () {
  "use strict";

  window.scSubmitDraft = function (keyOf) {
    return {
      save: function (value) {
        try { localStorage.setItem(keyOf(), JSON.stringify(value)); } catch (error) { /* storage off */ }
      },
      load: function () {
        try { return JSON.parse(localStorage.getItem(keyOf()) || "null"); } catch (error) { return null; }
      },
      drop: function () {
        try { localStorage.removeItem(keyOf()); } catch (error) { /* storage off */ }
      },
    };
  };
})();
