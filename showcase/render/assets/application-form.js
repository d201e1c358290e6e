/* The 申报表 on a call's page: built from the application schema the validator uses
   (data-spec, showcase/forms/application_spec.py), it checks an application with the schema
   keywords (submit-rules.js), the application rules the spec names (budget lines that add up,
   the cap) and the personal-data engine (personal-data.js), and writes the file the way
   showcase/yamltext.py writes YAML (yaml-text.js). Every message comes from the spec. */
(function () {
  "use strict";
  var form = document.querySelector(".sc-application-form");
  if (!form) return;
  var spec = JSON.parse(form.getAttribute("data-spec"));
  var result = document.querySelector(".sc-application-form__result");
  var schemaRules = window.scProjectRules({ schema: spec.schema, rules: spec.rules });
  var personal = window.scPersonalData(spec.personalData);
  var el = window.scDom.el;
  var say = schemaRules.say;
  var attempted = false;
  var counter = 0;

  function labelled(title, help, required, path, input) {
    var label = el("label", { "for": input.id, text: title });
    if (required) label.appendChild(el("span", { "class": "sc-field__required", text: "必填" }));
    return el("div", { "class": "sc-field", "data-path": path }, [
      label, help ? el("p", { "class": "sc-field__help", text: help }) : null, input,
      el("p", { "class": "sc-field__error", role: "alert", "data-error-for": path }),
    ]);
  }

  /* One labelled control for a string or whole number; get() is undefined when left empty. */
  function scalar(sub, key, required, path) {
    var id = "sc-a" + (counter += 1);
    var multiline = spec.multiline.indexOf(key) >= 0;
    var input = multiline ? el("textarea", { id: id, rows: "10" }) :
      el("input", { type: "text", id: id, inputmode: sub.type === "integer" ? "numeric" : "text" });
    input.setAttribute("name", path);
    return {
      el: labelled(sub.title || key, sub["x-form-help"] || sub.description, required, path, input),
      get: function () {
        var text = multiline ? input.value.replace(/\s+$/, "") : input.value.trim();
        if (text === "") return undefined;
        if (sub.type === "integer") {
          /* "2 0000", "20,000元" and "２００００" are the amount 20000 */
          var folded = text.normalize("NFKC").replace(/[\s,，]/g, "").replace(/元$/, "");
          return /^[0-9]+$/.test(folded) ? Number(folded) : text;
        }
        return multiline && text.indexOf("\n") >= 0 ? text + "\n" : text;
      },
      set: function (value) { input.value = value === undefined ? "" : String(value); },
    };
  }

  /* A list of objects (budget lines, milestones): rows added and removed by the applicant. */
  function list(sub, key, required, path) {
    var rows = [];
    var box = el("div", { "class": "sc-application-form__rows" });
    var add = el("button", { type: "button", "class": "md-button", text: "添加一项：" + sub.items.title });
    var holder = el("fieldset", { "class": "sc-field sc-group", "data-path": path }, [
      el("legend", { text: sub.title + (required ? "（必填）" : "") }),
      el("p", { "class": "sc-field__help", text: sub["x-form-help"] || sub.description }),
      box, el("p", {}, [add]),
      el("p", { "class": "sc-field__error", role: "alert", "data-error-for": path }),
    ]);
    function addRow(value) {
      var index = rows.length;
      var item = sub.items;
      var parts = Object.keys(item.properties).map(function (name) {
        var part = scalar(item.properties[name], name, (item.required || []).indexOf(name) >= 0,
          path + "." + index + "." + name);
        part.set((value || {})[name]);
        return [name, part];
      });
      var remove = el("button", { type: "button", "class": "md-button", text: "删除这一项" });
      var row = el("div", { "class": "sc-group sc-application-form__row" },
        parts.map(function (part) { return part[1].el; }).concat([remove]));
      remove.addEventListener("click", function () {
        var kept = values().filter(function (_, position) { return position !== index; });
        rows = [];
        box.textContent = "";
        kept.forEach(addRow);
        update();
      });
      rows.push(parts);
      box.appendChild(row);
    }
    function values() {
      return rows.map(function (parts) {
        var value = {};
        parts.forEach(function (part) {
          var got = part[1].get();
          if (got !== undefined) value[part[0]] = got;
        });
        return value;
      });
    }
    add.addEventListener("click", function () { addRow(); update(); });
    return {
      el: holder,
      get: function () {
        var filled = values().filter(function (value) { return Object.keys(value).length; });
        return filled.length ? filled : undefined;
      },
    };
  }

  /* ---- the fields: the project, then the schema's properties in order ---- */

  var projectInput = el("select", { id: "sc-a-project", name: "project" }, [el("option", { value: "", text: "请选择" })]
    .concat(Object.keys(spec.projects).map(function (id) {
      return el("option", { value: id, text: spec.projects[id][0] });
    })));
  var projectField = labelled("申报项目", "只列出符合申报条件、还没有提交本次申报的项目。", true, "project", projectInput);
  var fields = Object.keys(spec.schema.properties).map(function (key) {
    var sub = spec.schema.properties[key];
    var required = (spec.schema.required || []).indexOf(key) >= 0;
    return [key, sub.type === "array" ? list(sub, key, required, key) : scalar(sub, key, required, key)];
  });

  function data() {
    var value = {};
    fields.forEach(function (field) {
      var got = field[1].get();
      if (got !== undefined) value[field[0]] = got;
    });
    return value;
  }

  /* ---- the rules: schema keywords, application.budget-sum and .over-cap, personal data ---- */

  function check(project, value) {
    var out = [];
    if (!project) {
      out.push(say("project", "schema.required", "schema.required/form",
        { title: "申报项目", about: "只列出符合申报条件、还没有提交本次申报的项目。" }));
    }
    schemaRules.checkSchema(value, spec.schema, "").forEach(function (problem) { out.push(problem); });
    var amount = value.requested_amount;
    var lines = value.budget_lines;
    if (spec.cap !== null && typeof amount === "number") {
      var amounts = Array.isArray(lines) ? lines.map(function (line) { return line.amount; }) : [];
      var whole = amounts.length && amounts.every(function (n) { return typeof n === "number"; });
      var total = whole ? amounts.reduce(function (a, b) { return a + b; }, 0) : null;
      if (total !== null && total !== amount) {
        out.push(say("budget_lines", "application.budget-sum", null, { total: total, amount: amount }));
      }
      if (amount > spec.cap) out.push(say("requested_amount", "application.over-cap", null, { amount: amount, cap: spec.cap }));
    }
    personal.scan(value, spec.schema, "", null, [], out);
    return out;
  }

  var submit = el("button", { type: "submit", "class": "md-button md-button--primary", text: "检查并生成申报书" });
  var summary = el("p", { "class": "sc-submit__summary", role: "status" });
  form.textContent = "";
  [projectField].concat(fields.map(function (field) { return field[1].el; }), [el("p", {}, [submit]), summary])
    .forEach(function (node) { form.appendChild(node); });

  function update() {
    var project = projectInput.value;
    var value = data();
    var problems = check(project, value);
    window.scDom.showProblems(form, problems, attempted);
    summary.setAttribute("data-rules", problems.map(function (p) { return p.rule; }).join(" "));
    if (problems.length) {
      summary.textContent = attempted ? "还有 " + problems.length + " 处需要修改，见标红的项目。" : "";
      result.hidden = true;
      return;
    }
    summary.textContent = "全部通过，可以提交了。";
    var path = spec.paths.application.replace("{college}", spec.projects[project][1]).replace("{project}", project);
    var text = spec.header + "\n" + window.scYamlText.toYaml(value);
    result.querySelector("textarea").value = text;
    result.querySelector('[data-action="new-file"]').href =
      window.scDom.newFileLink(spec.forge, path, text, spec.forge.branch);
    result.querySelector(".sc-application-form__target").textContent =
      "文件位置：" + path + "。打开的页面" + (spec.forge.kind === "gitee" ? "里把文件名写成 " + path.replace(/^.*\//, "") + "，再粘贴复制的申报书" : "已填好文件名和内容") +
      "；提交时选“新建分支”并发起合并请求，由学院维护人审核合并。";
    result.hidden = false;
  }

  window.scDom.onEdit(form, update);
  window.scDom.onCheck(form, result, function () {
    attempted = true;
    update();
  });
  result.querySelector("[data-copy]").addEventListener("click", function () {
    window.scDom.copyText(result.querySelector("textarea"), function () {
      result.querySelector(".sc-submit__copied").textContent = "已复制到剪贴板。";
    });
  });
})();
