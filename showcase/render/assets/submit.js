/* The 提交项目 form: built from the project schema the validator uses (data-spec), it checks
   every value as it is typed with the same rules, rule ids and messages as `invoke validate`
   (the project rules in submit-rules.js, personal data in personal-data.js), and writes the
   project file the way showcase/yamltext.py does (yaml-text.js). Served by the site itself.
   The ids and names other projects use (spec.takenFile, beside the page) are fetched
   first; without them the form still works and leaves those checks to the merge. */
(function () {
  "use strict";
  var form = document.querySelector(".sc-submit__form");
  if (!form) return;
  var spec = JSON.parse(form.getAttribute("data-spec"));

  /* No id or name in use is known: the repository's check before merging still finds them. */
  var NOTHING_TAKEN = { ids: {}, names: {}, simplified: {} };
  fetch(spec.takenFile).then(function (response) {
    if (!response.ok) throw new Error(response.status);
    return response.json();
  }).then(function (taken) { start(taken, false); }, function () { start(NOTHING_TAKEN, true); });

  function start(taken, unknown) {
    spec.rules.taken = taken;
    var schema = spec.schema;
    var result = document.querySelector(".sc-submit__result");
    var output = document.querySelector(".sc-submit__yaml");
    var editNotice = document.querySelector(".sc-submit__edit-notice");
    var attempted = false;
    var editing = null;

    var el = window.scDom.el;
    var projectRules = window.scProjectRules(spec);

    function isEmpty(value) {
      return value === undefined || value === "" ||
        (Array.isArray(value) && value.length === 0) ||
        (value !== null && typeof value === "object" && !Array.isArray(value) &&
          Object.keys(value).length === 0);
    }

    /* ---- controls: one per schema node; get() returns undefined when left empty ---- */

    function field(sub, key, required, control) {
      var help = sub["x-form-help"] || sub.description;  /* the form's words, else the file's */
      var label = el("label", { text: sub.title || key });
      if (required) label.appendChild(el("span", { "class": "sc-field__required", text: "必填" }));
      /* A single box sits inside its label, so the whole row (44 px high) is the target. */
      var boxed = sub.type === "boolean";
      if (boxed) {
        label.className = "sc-field__check";
        label.insertBefore(control.el, label.firstChild);
      }
      var wrapper = el("div", { "class": "sc-field", "data-field": key }, [
        label, help ? el("p", { "class": "sc-field__help", text: help }) : null,
        boxed ? null : control.el, null,
      ]);
      var error = el("p", { "class": "sc-field__error", role: "alert" });
      wrapper.appendChild(error);
      if (control.input) label.setAttribute("for", control.input.id);
      return {
        el: wrapper, get: control.get, set: control.set,
        index: function (path) {
          error.setAttribute("data-error-for", path);
          wrapper.setAttribute("data-path", path);
          if (control.index) control.index(path);
        },
      };
    }

    var counter = 0;
    function scalarControl(sub, key) {
      var id = "sc-f" + (counter += 1);
      var input;
      var choices = sub.enum ? sub.enum.map(function (value) {
        return [value, (sub["x-enum-labels"] || {})[value] || value];
      }) : spec.choices[key];
      if (sub.type === "boolean") {
        input = el("input", { type: "checkbox", id: id });
        input.checked = sub["default"] !== false;
        return {
          el: input, input: input,
          get: function () { return input.checked === (sub["default"] !== false) ? undefined : input.checked; },
          set: function (value) { input.checked = value === undefined ? sub["default"] !== false : value; },
        };
      }
      if (choices) {
        input = el("select", { id: id }, [el("option", { value: "", text: "请选择" })].concat(
          choices.map(function (choice) { return el("option", { value: choice[0], text: choice[1] }); })));
      } else if (spec.multiline.indexOf(key) >= 0) {
        input = el("textarea", { id: id, rows: key === "description" ? "6" : "3" });
      } else {
        input = el("input", { type: "text", id: id, inputmode: sub.type === "number" ? "decimal" : "text" });
      }
      input.setAttribute("name", key);
      /* A month typed as 2025年3月 or 2025/3 is written 2025-03 (the spelling `invoke new`
         reads, from the specification); shown that way once the field is left. */
      var month = projectRules.monthFields.indexOf(key) >= 0 && !sub.enum;
      if (month) {
        input.addEventListener("change", function () {
          var written = projectRules.monthOf(input.value);
          if (written && written !== input.value) input.value = written;
        });
      }
      return {
        el: input, input: input,
        get: function () {
          var text = input.value.trim();
          if (text === "") return undefined;
          if (month) return projectRules.monthOf(text) || text;
          if (text.indexOf("\n") >= 0) return text + "\n";  /* a literal block, as hand-written files */
          if (sub.type === "number") {
            var number = Number(text.replace(/,/g, ""));
            return isFinite(number) && /^[0-9.,eE+-]+$/.test(text) ? number : text;
          }
          return text;
        },
        set: function (value) { input.value = value === undefined ? "" : String(value); },
      };
    }

    function checkboxControl(sub, key) {
      var items = sub.items;
      var choices = items.enum ? items.enum.map(function (value) {
        return [value, (items["x-enum-labels"] || {})[value] || value];
      }) : spec.choices[key];
      var boxes = choices.map(function (choice) {
        var box = el("input", { type: "checkbox", value: choice[0], name: key });
        return el("label", { "class": "sc-choice" }, [box, document.createTextNode(" " + choice[1])]);
      });
      var holder = el("div", { "class": "sc-choices" }, boxes);
      var order = [];  /* the order chosen in, which the file keeps (the first field leads) */
      function all() { return Array.prototype.slice.call(holder.querySelectorAll("input")); }
      holder.addEventListener("change", function (event) {
        order = order.filter(function (value) { return value !== event.target.value; });
        if (event.target.checked) order.push(event.target.value);
      });
      return {
        el: holder,
        get: function () { return order.length ? order.slice() : undefined; },
        set: function (values) {
          order = (values || []).slice();
          all().forEach(function (box) { box.checked = order.indexOf(box.value) >= 0; });
        },
      };
    }

    /* The subset of an `if` schema the project schema uses: `required` and `const` properties. */
    function matches(condition, value) {
      value = value || {};
      var present = (condition.required || []).every(function (key) { return value[key] !== undefined; });
      var props = condition.properties || {};
      return present && Object.keys(props).every(function (key) {
        return value[key] === undefined || !("const" in props[key]) || value[key] === props[key]["const"];
      });
    }

    /* The `then`/`else` branch that applies to `value`, or null without an `if`. */
    function branchOf(sub, value) {
      if (!sub["if"]) return null;
      return (matches(sub["if"], value) ? sub.then : sub["else"]) || null;
    }

    /* Keys a branch forbids (`"name": false`): a member who is not named has no name. */
    function forbidden(branch) {
      var props = (branch && branch.properties) || {};
      return Object.keys(props).filter(function (key) { return props[key] === false; });
    }

    function objectControl(sub, nested) {
      var holder = el(nested ? "div" : "fieldset", { "class": "sc-group" });
      var required = (sub.required || []).concat((sub["else"] && sub["else"].required) || []);
      var parts = Object.keys(sub.properties).map(function (key) {
        var child = field(sub.properties[key], key, required.indexOf(key) >= 0,
          makeControl(sub.properties[key], key));
        holder.appendChild(child.el);
        if (key === "team") holder.appendChild(el("p", { "class": "sc-privacy", text: privacyNote() }));
        return [key, child];
      });
      function own() {
        var value = {};
        parts.forEach(function (part) {
          var got = part[1].get();
          if (!isEmpty(got)) value[part[0]] = got;
        });
        return value;
      }
      /* A field the current branch forbids is hidden and emptied, so it is never written. */
      function applyBranch() {
        var off = forbidden(branchOf(sub, own()));
        parts.forEach(function (part) {
          var hide = off.indexOf(part[0]) >= 0;
          if (hide && !part[1].el.hidden) part[1].set(undefined);
          part[1].el.hidden = hide;
        });
      }
      if (sub["if"]) holder.addEventListener("change", applyBranch);
      return {
        el: holder,
        get: function () {
          var value = own();
          forbidden(branchOf(sub, value)).forEach(function (key) { delete value[key]; });
          return value;
        },
        set: function (value) {
          parts.forEach(function (part) { part[1].set((value || {})[part[0]]); });
          if (sub["if"]) applyBranch();
        },
        index: function (path) {
          if (path) holder.setAttribute("data-path", path);
          parts.forEach(function (part) { part[1].index(path ? path + "." + part[0] : part[0]); });
        },
      };
    }

    function repeatControl(sub, key) {
      var list = el("ol", { "class": "sc-repeat" });
      var add = el("button", { type: "button", "class": "md-button sc-repeat__add",
        text: "添加一项" + (sub.items.title ? "：" + sub.items.title : "") });
      var rows = [];
      function addRow(value) {
        var control = sub.items.type === "object" ? objectControl(sub.items, true) :
          field(sub.items, key, false, scalarControl(sub.items, key));
        var remove = el("button", { type: "button", "class": "sc-repeat__remove", text: "删除这一项" });
        var row = el("li", { "class": "sc-repeat__item" }, [control.el, remove]);
        var entry = { row: row, control: control };
        remove.addEventListener("click", function () {
          rows.splice(rows.indexOf(entry), 1);
          list.removeChild(row);
          reindex();
          update();
        });
        rows.push(entry);
        list.appendChild(row);
        if (value !== undefined) control.set(value);
        return entry;
      }
      add.addEventListener("click", function () {
        var entry = addRow();
        reindex();
        var first = entry.row.querySelector("input, select, textarea");
        if (first) first.focus();
      });
      for (var i = 0; i < (sub.minItems || 0); i += 1) addRow();
      var currentPath = key;
      function reindex() {
        rows.forEach(function (entry, index) { entry.control.index(currentPath + "." + index); });
      }
      return {
        el: el("div", {}, [list, add]),
        get: function () {
          var values = rows.map(function (entry) { return entry.control.get(); });
          values = sub.items.type === "object" ? values : values.filter(function (v) { return v !== undefined; });
          return values.length ? values : undefined;
        },
        set: function (values) {
          rows.slice().forEach(function (entry) { list.removeChild(entry.row); });
          rows = [];
          (values || []).forEach(function (value) { addRow(value); });
          for (var j = rows.length; j < (sub.minItems || 0); j += 1) addRow();
          reindex();
        },
        index: function (path) { currentPath = path; reindex(); },
      };
    }

    function makeControl(sub, key) {
      if (sub.type === "object") return objectControl(sub, true);
      if (sub.type === "array") {
        if (sub.items.enum || spec.choices[key]) return checkboxControl(sub, key);
        return repeatControl(sub, key);
      }
      return scalarControl(sub, key);
    }

    function privacyNote() {
      return "个人信息规则：网站和数据仓库都是公开的。不要填写手机号、身份证号或学号，" +
        "表单发现这些号码会拒绝生成文件。不愿公开姓名的成员请取消勾选“" +
        schema.properties.team.items.properties["public"].title +
        "”：姓名一栏随即消失，文件里只写角色、专业和年级。写进文件的姓名，" +
        "在仓库和合并请求里就已经公开了，所以不公开的成员不写姓名，完整名单由学院自己保存。";
    }

    /* ---- validation: the project rules (submit-rules.js), then personal data ---- */

    var personalData = window.scPersonalData(spec.personalData);

    function problemsOf(data) {
      var out = projectRules.check(data, editing);
      personalData.scan(data, schema, "", null, [], out);
      /* A month the form could not read: say the spellings it reads (new's wording). */
      out.forEach(function (problem) {
        if (problem.rule === "schema.pattern" && projectRules.monthFields.indexOf(problem.path) >= 0) {
          problem.hint = projectRules.monthHint;
        }
      });
      if (logo.state.problem) out.push(logo.state.problem);
      suggestion.explain(out);
      return out;
    }

    var toYaml = window.scYamlText.toYaml;

    /* ---- the page: build, check on input, show the file ---- */

    var root = objectControl(schema, false);
    root.index("");
    form.textContent = "";
    form.appendChild(root.el);
    var submit = el("button", { type: "submit", "class": "md-button md-button--primary", text: "检查并生成文件" });
    var summary = el("p", { "class": "sc-submit__summary", role: "status" });
    var clear = el("button", { type: "button", "class": "md-button", "data-action": "clear", text: "清空" });
    form.appendChild(el("p", {}, [submit, document.createTextNode(" "), clear]));
    form.appendChild(summary);
    var suggestion = window.scSubmitId(form, spec, function () { return Boolean(editing); });
    var logo = window.scSubmitLogo(form, spec, function () { update(); saveDraft(); });

    function fromTemplate(template, data) {
      return template.replace(/\{(college|id)\}/g, function (_, key) { return data[key]; });
    }
    function filePath(data) { return fromTemplate(spec.paths.projectFile, data); }

    function forgeLink(data, text) {
      var forge = spec.forge, path = filePath(data), enc = encodeURIComponent;
      var repo = forge.repository, branch = enc(forge.branch);
      if (editing) {
        var edit = { github: "/edit/", gitlab: "/-/edit/", gitee: "/edit/", gitea: "/_edit/" }[forge.kind];
        return repo + edit + branch + "/" + path;
      }
      if (forge.kind === "github") return repo + "/new/" + branch + "?filename=" + enc(path) + "&value=" + enc(text);
      if (forge.kind === "gitea") return repo + "/_new/" + branch + "/?filename=" + enc(path) + "&value=" + enc(text);
      if (forge.kind === "gitlab") return repo + "/-/new/" + branch + "?file_name=" + enc(path) + "&content=" + enc(text);
      return repo + "/new/" + branch + "/" + fromTemplate(spec.paths.collegeFolder, { college: enc(data.college) });
    }

    function rulesOf(problems) { return problems.map(function (p) { return p.rule; }).join(" "); }

    function worded(problem) {
      return (problem.advice ? "建议：" : "") + problem.message + (problem.hint ? " 修改建议：" + problem.hint : "");
    }

    /* Errors refuse the file; advice (the validator's warnings) is shown but never refuses it. */
    function update() {
      var data = root.get();
      var all = problemsOf(data);
      var problems = all.filter(function (p) { return !p.advice; });
      var advice = all.filter(function (p) { return p.advice; });
      var byPath = {};
      all.forEach(function (problem) { (byPath[problem.path] = byPath[problem.path] || []).push(problem); });
      Array.prototype.forEach.call(form.querySelectorAll(".sc-field__error"), function (node) {
        var path = node.getAttribute("data-error-for");
        var wrapper = node.parentNode;
        var shown = attempted || wrapper.classList.contains("sc-field--touched") ? byPath[path] || [] : [];
        var errors = shown.filter(function (p) { return !p.advice; });
        node.textContent = shown.map(worded).join(" ");
        node.setAttribute("data-rule", rulesOf(errors));
        node.setAttribute("data-advice", rulesOf(shown.filter(function (p) { return p.advice; })));
        wrapper.classList.toggle("sc-field--invalid", errors.length > 0);
        wrapper.classList.toggle("sc-field--advice", shown.length > errors.length);
      });
      summary.setAttribute("data-rules", rulesOf(problems));
      summary.setAttribute("data-advice", rulesOf(advice));
      if (problems.length) {
        summary.textContent = attempted ? "还有 " + problems.length + " 处需要修改，见标红的项目。" : "";
        result.hidden = true;
        return;
      }
      summary.textContent = "全部通过，可以提交了。";
      var text = spec.header + "\n" + toYaml(data);
      output.value = text;
      result.hidden = false;
      document.querySelector(".sc-submit__target").textContent = "文件位置：" + filePath(data) +
        (spec.forge.kind === "gitee" || editing ? "。请先点“复制内容”，在打开的页面里粘贴。" : "");
      var link = result.querySelector('[data-action="forge"]');
      link.href = forgeLink(data, text);
      link.textContent = editing ? "在代码托管平台上编辑此文件" : "在代码托管平台上新建此文件";
      result.querySelector(".sc-submit__commit").textContent = "建议的提交说明：" +
        spec.commitMessages[editing ? "edit" : "new"].replace("{name}", data.name);
      showLogoSteps(data);
    }

    /* How the chosen image reaches the repository: the steps for this site's forge. */
    function showLogoSteps(data) {
      var steps = result.querySelector(".sc-submit__logo");
      var chosen = logo.state.chosen;
      steps.hidden = !data.logo || (editing && !chosen);
      if (steps.hidden) return;
      var folder = filePath(data).replace(/\.yaml$/, "/");
      steps.querySelector(".sc-submit__logo-where").textContent = "标志图片：把图片命名为 " + data.logo +
        "，上传到文件夹 " + folder + "（文件夹名就是项目编号），和项目文件放在同一个合并请求里。";
      var download = steps.querySelector(".sc-submit__logo-download");
      download.textContent = "";
      if (chosen) {
        download.appendChild(el("a", { "class": "md-button", "data-action": "logo-download",
          href: chosen.url, download: data.logo, text: "下载标志图片" }));
      }
    }

    /* ---- what was typed, kept in this browser only (localStorage), per form and project ---- */

    var drafts = window.scSubmitDraft(function () { return "sc-submit:" + (editing ? "edit:" + editing : "new"); });
    function saveDraft() { drafts.save(root.get()); }
    var draftNotice = el("p", { "class": "sc-submit__draft", role: "status", hidden: "" });
    form.parentNode.insertBefore(draftNotice, form);
    var original;  /* what the form starts from: nothing, or the project being edited */

    /* Fill the form with `data` (undefined: empty) as if nothing had been typed yet. */
    function startFrom(data) {
      logo.reset();
      root.set(data);
      root.index("");
      suggestion.reset();
      Array.prototype.forEach.call(form.querySelectorAll(".sc-field--touched"), function (node) {
        node.classList.remove("sc-field--touched");
      });
      logo.restored(original && original.logo);
      logo.shown();
      attempted = Boolean(editing);
      update();
    }
    function restore() {
      var draft = drafts.load();
      startFrom(draft || original);
      draftNotice.textContent = "已恢复你上次在这台设备上填写的内容。内容只保存在这个浏览器里，" +
        "不会发送到任何地方；在公共电脑上填写完，请点表单最下方的“清空”。";
      draftNotice.hidden = !draft;
    }
    clear.addEventListener("click", function () {
      var question = editing ? "清空你做的修改，恢复成项目现在发布的内容？" :
        "清空表单里填写的全部内容？这个浏览器里保存的草稿也会一起删除。";
      if (!window.confirm(question)) return;
      drafts.drop();
      startFrom(original);
      draftNotice.hidden = true;
    });

    window.scDom.onEdit(form, function () {
      update();
      saveDraft();
    });
    form.addEventListener("click", function (event) {
      if (event.target.closest(".sc-repeat__remove, .sc-repeat__add")) saveDraft();
    });
    window.scDom.onCheck(form, result, function () {
      attempted = true;
      update();
    });

    result.querySelector('[data-action="copy"]').addEventListener("click", function () {
      window.scDom.copyText(output, function () {
        document.querySelector(".sc-submit__copied").textContent = "已复制到剪贴板。";
      });
    });
    result.querySelector('[data-action="download"]').addEventListener("click", function () {
      var data = root.get();
      var link = el("a", { href: URL.createObjectURL(new Blob([output.value], { type: "text/yaml" })), download: data.id + ".yaml" });
      document.body.appendChild(link);
      link.click();
      document.body.removeChild(link);
    });

    var wanted = new URLSearchParams(location.search).get("edit");
    if (wanted && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(wanted)) {
      fetch("../projects/" + wanted + "/form.json").then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      }).then(function (loaded) {
        editing = wanted;
        original = loaded.data;
        restore();  /* the form is filled before the notice says so */
        editNotice.textContent = "正在修改项目「" + loaded.data.name + "」。改好后生成文件，复制内容，" +
          "在代码托管平台上编辑原文件并整体替换。";
        editNotice.hidden = false;
      }, function () {
        restore();
        editNotice.textContent = "没有找到要修改的项目「" + wanted + "」，可以直接填写新项目。";
        editNotice.hidden = false;
      });
    } else {
      restore();
    }
    if (unknown) {
      form.parentNode.insertBefore(el("p", { "class": "sc-submit__draft", role: "status",
        text: "没能读取本网站已有项目的编号和名称：编号和名称是否重复，合并前还会检查。" }), form);
    }
    form.setAttribute("data-ready", "");  /* built and filled: tests and styles may rely on it */
  }
})();
