/* The 推荐典型案例 form: built from the typical-case and story schemas the validator uses
   (data-spec, showcase/forms/case_spec.py), it checks a case and its story with the rules of
   showcase/validate/case_rules.py, the schema keywords (submit-rules.js) and the personal-data
   engine (personal-data.js), and writes the case entry and the story file the way
   showcase/yamltext.py writes YAML (yaml-text.js). Every message comes from the spec. */
(function () {
  "use strict";
  var form = document.querySelector(".sc-case-form");
  if (!form) return;
  var spec = JSON.parse(form.getAttribute("data-spec"));
  var result = document.querySelector(".sc-case-form__result");
  var schemaRules = window.scProjectRules({ schema: spec.schema, rules: spec.rules });
  var personal = window.scPersonalData(spec.personalData);
  var yamlText = window.scYamlText;
  var say = schemaRules.say;
  var attempted = false;
  var counter = 0;
  var fields = {};

  var el = window.scDom.el;

  /* One labelled control per schema property; get() is undefined when left empty. */
  function field(sub, key, required, path, kind) {
    var id = "sc-c" + (counter += 1);
    var input, list = null;
    var choices = sub.enum ? sub.enum.map(function (value) {
      return [value, (sub["x-enum-labels"] || {})[value] || value];
    }) : null;
    if (choices) {
      input = el("select", { id: id }, [el("option", { value: "", text: "请选择" })].concat(
        choices.map(function (choice) { return el("option", { value: choice[0], text: choice[1] }); })));
    } else if (kind === "body") {
      input = el("textarea", { id: id, rows: "12" });
    } else {
      input = el("input", { type: "text", id: id, inputmode: sub.type === "integer" ? "numeric" : "text" });
      if (spec.choices[key]) {
        /* the office knows a project by its name: the list offers names, resolve() finds the id */
        list = el("datalist", { id: id + "-list" }, spec.choices[key].map(function (choice) {
          return el("option", { value: choice[1], label: choice[0] });
        }));
        input.setAttribute("list", id + "-list");
      }
    }
    input.setAttribute("name", path);
    var label = el("label", { "for": id, text: sub.title || key });
    if (required) label.appendChild(el("span", { "class": "sc-field__required", text: "必填" }));
    var error = el("p", { "class": "sc-field__error", role: "alert", "data-error-for": path });
    var chosen = list ? el("p", { "class": "sc-field__help sc-field__chosen", role: "status", "data-chosen-for": path }) : null;
    var help = sub["x-form-help"] || sub.description;
    var wrapper = el("div", { "class": "sc-field", "data-field": key, "data-path": path }, [
      label, help ? el("p", { "class": "sc-field__help", text: help }) : null, input, list, chosen, error,
    ]);
    input.addEventListener("input", function () { wrapper.setAttribute("data-edited", "true"); });
    return {
      el: wrapper,
      input: input,
      chosen: chosen,
      get: function () {
        var text = kind === "body" ? input.value.replace(/\s+$/, "") : input.value.trim();
        if (text === "") return undefined;
        if (sub.type === "integer") return wholeNumber(text);
        if (sub.pattern && /YYYY-MM-DD/.test(sub["x-pattern-hint"] || "")) return dayOf(text);
        return text;
      },
    };
  }

  /* "2026年", "２０２６", "2026 年度" are the year 2026; anything else is left for the rules to refuse. */
  function wholeNumber(text) {
    var folded = text.normalize("NFKC").replace(/\s+/g, "").replace(/年度?$/, "");
    return /^[0-9]+$/.test(folded) ? Number(folded) : text;
  }

  /* "２０２６-０５-２０" and "2026年5月20日" are written 2026-05-20. */
  function dayOf(text) {
    var folded = text.normalize("NFKC").replace(/\s+/g, "");
    var parts = /^([0-9]{4})[年./-]([0-9]{1,2})[月./-]([0-9]{1,2})日?$/.exec(folded);
    if (!parts) return folded;
    var two = function (n) { return n.length < 2 ? "0" + n : n; };
    return parts[1] + "-" + two(parts[2]) + "-" + two(parts[3]);
  }

  /* The project the office typed: an id, a name, or part of one that picks one project. */
  function fold(text) { return text.normalize("NFKC").toLowerCase().replace(/[\s·・_\-—]+/g, ""); }
  var projectIds = Object.keys(spec.projects);
  function named(id) { return spec.projects[id].name + "（" + id + "）"; }
  function resolveProject(text) {
    if (Object.prototype.hasOwnProperty.call(spec.projects, text)) return { id: text };
    var typed = fold(text);
    var exact = projectIds.filter(function (id) { return fold(id) === typed || fold(spec.projects[id].name) === typed; });
    if (exact.length === 1) return { id: exact[0] };
    var partial = exact.length ? exact : projectIds.filter(function (id) {
      return fold(id).indexOf(typed) >= 0 || fold(spec.projects[id].name).indexOf(typed) >= 0;
    });
    if (partial.length === 1) return { id: partial[0] };
    if (partial.length > 1) return { several: partial.slice(0, 5).map(named) };
    var letters = Array.from(new Set(Array.from(typed)));
    var scored = projectIds.map(function (id) {
      var name = fold(spec.projects[id].name) + fold(id);
      return [letters.filter(function (c) { return name.indexOf(c) >= 0; }).length, id];
    }).filter(function (pair) { return pair[0] * 2 >= letters.length && pair[0] > 0; });
    scored.sort(function (a, b) { return b[0] - a[0] || (a[1] < b[1] ? -1 : 1); });
    return { closest: scored.slice(0, 3).map(function (pair) { return named(pair[1]); }) };
  }

  function group(title, sub, prefix, skip) {
    var holder = el("fieldset", { "class": "sc-group" }, [el("legend", { text: title })]);
    var parts = Object.keys(sub.properties).filter(function (key) { return skip.indexOf(key) < 0; })
      .map(function (key) {
        var part = field(sub.properties[key], key, (sub.required || []).indexOf(key) >= 0, prefix + key);
        holder.appendChild(part.el);
        fields[prefix + key] = part;
        return [key, part];
      });
    return {
      el: holder,
      parts: parts,
      get: function () {
        var value = {};
        parts.forEach(function (part) {
          var got = part[1].get();
          if (got !== undefined) value[part[0]] = got;
        });
        return value;
      },
    };
  }

  var caseGroup = group(spec.schema.title || "案例", spec.schema, "", []);
  var storyGroup = group(spec.story.title, spec.story, "story.", ["case"]);
  var body = field({ title: spec.bodyTitle, "x-form-help": spec.bodyHelp }, "body", false, "story.body", "body");
  storyGroup.el.appendChild(body.el);

  /* ---- the rules of case_rules.py ---- */

  /* entry.project becomes the id of the project typed, or a problem says which were meant. */
  function resolveInto(entry, out) {
    var chosen = fields.project.chosen;
    chosen.textContent = "";
    if (typeof entry.project === "string") {
      var found = resolveProject(entry.project);
      if (found.id) {
        entry.project = found.id;
        chosen.textContent = "已选：" + named(found.id);
      } else if (found.several) {
        out.push(say("project", "case.unknown-project", "case.unknown-project/several",
          { project: entry.project, match: found.several.join(spec.rules.listSeparator) }));
      } else {
        out.push(say("project", "case.unknown-project", found.closest.length ? "case.unknown-project/match" : null,
          { project: entry.project, match: found.closest.join(spec.rules.listSeparator) }));
      }
    }
  }

  function checkCase(entry, out) {
    var unresolved = typeof entry.project === "string" && !spec.projects[entry.project];
    schemaRules.checkSchema(entry, spec.schema, "").forEach(function (problem) {
      if (problem.path !== "project" || !unresolved) out.push(problem);
    });
    var reserved = (spec.schema.properties.id.not || {}).enum || [];
    if (reserved.indexOf(entry.id) >= 0) {
      out.push(say("id", "schema.reserved", null, { value: entry.id,
        hint: spec.schema.properties.id["x-reserved-hint"] || spec.rules.wording["schema.reserved/hint"][1] }));
    }
    var project = spec.projects[entry.project];
    if (project && project.closed) out.push(say("project", "case.closed-project", null, { project: project.name }));
    if (project && project.nonPublic) {
      out.push(say("project", "case.non-public-project", null, { project: project.name }));
    }
    if (typeof entry.id === "string" && Object.prototype.hasOwnProperty.call(spec.cases, entry.id)) {
      out.push(say("id", "case.duplicate-id", "case.duplicate-id/site", { id: entry.id, headline: spec.cases[entry.id] }));
    }
    var other = spec.perYear[entry.project + "|" + entry.year];
    if (typeof entry.year === "number" && other) {
      out.push(say("year", "case.one-per-year", null, { project: entry.project, year: entry.year, other: other }));
    }
    if (typeof entry.publish_date === "string") {
      var date = schemaRules.parseDate(entry.publish_date);
      if (date && date.error) {
        out.push(say("publish_date", "date.invalid", "date.invalid/publish", { value: entry.publish_date, reason: date.error }));
      }
    }
    if (spec.released.indexOf(entry.status) >= 0) {
      var values = { status: entry.status, label: spec.schema.properties.status["x-enum-labels"][entry.status] };
      if (entry.approved_by === undefined) out.push(say("status", "case.approver-missing", null, values));
      if (entry.publish_date === undefined) out.push(say("status", "case.publish-date-missing", null, values));
    }
    personal.scan(entry, spec.schema, "", null, [], out);
  }

  function checkStory(front, text, out) {
    schemaRules.checkSchema(front, spec.story, "").forEach(function (problem) {
      problem.path = "story." + problem.path;
      out.push(problem);
    });
    personal.scan(front, spec.story, "story", null, [], out);
    personal.find(text, []).forEach(function (finding) {
      var texts = spec.personalData.messages[finding.rule];
      out.push({ path: "story.body", rule: finding.rule, message: texts[0].replace("{shown}", finding.shown), hint: texts[1] });
    });
  }

  /* ---- the texts: the case entry (inside "cases:") and the story file ---- */

  function storyText(front, text) {
    return "---\n" + yamlText.toYaml(front) + "---\n" + text + "\n";
  }

  /* One case per file (content/cases/<id>.yaml), the fields of one item of the old list. */
  function caseText(entry) {
    return yamlText.toYaml(entry);
  }

  function newFileLink(path, text, ref) {
    return window.scDom.newFileLink(spec.forge, path, text, ref);
  }

  function fileName(path) { return path.replace(/^.*\//, ""); }

  /* What to do on the forge's page, in the office's words. */
  function caseSteps(path, branch) {
    var name = spec.forge.kind === "gitee" ?
      "在打开的页面里把文件名写成 " + fileName(path) + "，再粘贴复制的案例。" :
      "打开的页面已填好文件名和内容。";
    return name + "页面下方提交时，选“新建分支”（或“为此提交创建新分支并发起合并请求”），分支名写成 " +
      branch + "，再点提交，按页面提示发起合并请求。文件位置：" + path + "。";
  }

  function storySteps(path, branch) {
    var name = spec.forge.kind === "gitee" ?
      "在打开的页面里把文件名写成 " + fileName(path) + "，再粘贴复制的稿件。" :
      "打开的页面已填好文件名和内容。";
    return "第一步提交之后再点这个按钮：页面会开在分支 " + branch + " 上，" + name +
      "提交时选“直接提交到 " + branch + " 分支”，稿件就和案例在同一个合并请求里。文件位置：" + path + "。";
  }

  var submit = el("button", { type: "submit", "class": "md-button md-button--primary", text: "检查并生成文件" });
  var summary = el("p", { "class": "sc-submit__summary", role: "status" });
  form.textContent = "";
  [caseGroup.el, storyGroup.el, el("p", {}, [submit]), summary].forEach(function (node) { form.appendChild(node); });

  /* Until the office types an id of its own, it is suggested as 年度-项目编号. */
  function suggestId(entry) {
    var idField = fields.id;
    if (!idField.input.value) idField.el.removeAttribute("data-edited");
    if (idField.el.getAttribute("data-edited") || typeof entry.year !== "number" || !spec.projects[entry.project]) return;
    idField.input.value = entry.year + "-" + entry.project;
    entry.id = idField.input.value;
  }

  function update() {
    var entry = caseGroup.get();
    var text = body.get() || "";
    var front = Object.assign({ "case": entry.id }, storyGroup.get());
    var problems = [];
    resolveInto(entry, problems);
    suggestId(entry);
    checkCase(entry, problems);
    if (text) checkStory(front, text, problems);
    window.scDom.showProblems(form, problems, attempted);
    summary.setAttribute("data-rules", problems.map(function (p) { return p.rule; }).join(" "));
    if (problems.length) {
      summary.textContent = attempted ? "还有 " + problems.length + " 处需要修改，见标红的项目。" : "";
      result.hidden = true;
      return;
    }
    summary.textContent = "全部通过，可以提交了。";
    var story = text ? storyText(front, text) : "";
    var storyPath = spec.paths.story.replace("{id}", entry.id);
    var casePath = spec.paths["case"].replace("{id}", entry.id);
    var branch = spec.forge.caseBranch.replace("{id}", entry.id);
    var cased = caseText(entry);
    result.querySelector('[data-text="case"]').value = cased;
    result.querySelector('[data-action="new-case"]').href = newFileLink(casePath, cased, spec.forge.branch);
    result.querySelector(".sc-case-form__case-target").textContent = caseSteps(casePath, branch);
    result.querySelector('[data-text="story"]').value = story;
    result.querySelector(".sc-case-form__story-step").hidden = !story;
    result.querySelector('[data-action="new-story"]').href = newFileLink(storyPath, story, branch);
    result.querySelector(".sc-case-form__story-target").textContent = storySteps(storyPath, branch);
    result.hidden = false;
  }

  window.scDom.onEdit(form, update);
  window.scDom.onCheck(form, result, function () {
    attempted = true;
    update();
  });

  Array.prototype.forEach.call(result.querySelectorAll("[data-copy]"), function (button) {
    button.addEventListener("click", function () {
      var area = result.querySelector('[data-text="' + button.getAttribute("data-copy") + '"]');
      window.scDom.copyText(area, function () {
        result.querySelector(".sc-submit__copied").textContent = "已复制到剪贴板。";
      });
    });
  });
})();
