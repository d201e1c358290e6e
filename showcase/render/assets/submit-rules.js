/* The 提交项目 form's project rules: the schema's keywords and the validator's rules for one
   project file (showcase/validate/schema_check.py, project_rules.py, duplicate_names.py and
   the duplicate-id check of repository.py), step for step. Every message, limit, pattern,
   list of used ids and names and today's date comes from the specification Python writes
   (spec.rules, showcase/forms/spec.py); this file only applies them. Served by the site
   itself; submit.js calls window.scProjectRules(spec) once and then check(data, editing);
   case-form.js uses its schema keywords (checkSchema), parseDate and say for a typical case. */
(function () {
  "use strict";

  window.scProjectRules = function (spec) {
    var schema = spec.schema;
    var rules = spec.rules;
    var dateShape = new RegExp(rules.dateShape);
    var schemeOf = new RegExp(rules.links.scheme);

    function say(path, rule, key, values) {
      var texts = rules.wording[key || rule];
      function fill(template) {
        return template.replace(/\{(\w+)\}/g, function (_, name) { return String(values[name]); });
      }
      return { path: path, rule: rule, message: fill(texts[0]), hint: fill(texts[1]) };
    }

    function chars(text) { return Array.from(text); }

    /* show_value: the value as written, one line, cut at the same length. */
    function shown(value) {
      var text = value === null ? "（空）" : String(value);
      var list = chars(text.replace(/\n/g, "↵"));
      var limit = rules.shownValueLimit;
      return list.length <= limit ? list.join("") : list.slice(0, limit - 1).join("") + "…";
    }

    function typeOf(value) {
      if (value === null) return "null";
      if (typeof value === "boolean") return "boolean";
      if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
      if (Array.isArray(value)) return "array";
      return typeof value === "object" ? "object" : "string";
    }

    function typeMatches(type, value) {
      var actual = typeOf(value);
      return actual === type || (type === "number" && actual === "integer");
    }

    /* The `if` subset the project schema uses: `required` and `const` properties. */
    function branchOf(sub, value) {
      if (!sub["if"]) return null;
      var condition = sub["if"], props = condition.properties || {};
      var present = (condition.required || []).every(function (key) { return value[key] !== undefined; });
      var holds = present && Object.keys(props).every(function (key) {
        return value[key] === undefined || !("const" in props[key]) || value[key] === props[key]["const"];
      });
      return (holds ? sub.then : sub["else"]) || null;
    }

    function join(path, key) { return path === "" ? String(key) : path + "." + key; }

    /* A line break or tab outside a Markdown field (the loader's `multiline`). */
    function brokenLine(text) {
      return text.indexOf("\t") >= 0 || text.slice(0, -1).indexOf("\n") >= 0;
    }

    function checkString(value, sub, path, out) {
      if (sub.contentMediaType !== "text/markdown" && brokenLine(value)) {
        var what = rules.wording[value.indexOf("\t") >= 0 ? "text.single-line/tab" : "text.single-line/newline"][0];
        out.push(say(path, "text.single-line", null, { what: what }));
        return;
      }
      var count = chars(value).length;
      if (sub.enum && sub.enum.indexOf(value) < 0) {
        var labels = sub["x-enum-labels"] || {};
        var allowed = sub.enum.map(function (v) { return labels[v] ? v + "（" + labels[v] + "）" : v; });
        out.push(say(path, "schema.enum", null, { value: shown(value), allowed: allowed.join(rules.listSeparator),
          hint: "" }));
      }
      if (sub.minLength !== undefined && count < sub.minLength) {
        out.push(say(path, "schema.min-length", count ? null : "schema.min-length/empty", { count: count, limit: sub.minLength }));
      }
      if (sub.maxLength !== undefined && count > sub.maxLength) {
        out.push(say(path, "schema.max-length", null, { count: count, limit: sub.maxLength }));
      }
      if (sub.pattern && !new RegExp(sub.pattern, "u").test(value)) {
        var scheme = schemeOf.exec(value);
        if (sub.pattern.indexOf(rules.links.prefix) === 0 && scheme &&
            rules.links.allowed.indexOf(scheme[1].toLowerCase()) < 0) {
          out.push(say(path, "link.scheme", null, { scheme: scheme[1] }));
        } else {
          out.push(say(path, "schema.pattern", null, { value: shown(value),
            hint: sub["x-pattern-hint"] || sub.description || "" }));
        }
      }
    }

    /* The schema's keywords at `path`, as jsonschema reports them and schema_check words them. */
    function checkSchema(value, sub, path, out) {
      if (value === undefined || !sub) return;
      if (sub.type && !typeMatches(sub.type, value)) {
        out.push(say(path, "schema.type", null, { expected: rules.typeLabels[sub.type] || sub.type,
          actual: rules.typeLabels[typeOf(value)], value: shown(value), hint: rules.typeHints[sub.type] || "" }));
        return;
      }
      if (sub.type === "object") {
        var branch = branchOf(sub, value) || {};
        var properties = sub.properties || {};
        (sub.required || []).concat(branch.required || []).forEach(function (key) {
          if (value[key] !== undefined) return;
          /* On a form the field is named by its title and explained by its form help. */
          var property = properties[key] || {};
          out.push(say(join(path, key), "schema.required", "schema.required/form",
            { title: property.title || key, about: property["x-form-help"] || property.description || "" }));
        });
        Object.keys(value).forEach(function (key) { checkSchema(value[key], properties[key], join(path, key), out); });
        return;
      }
      if (sub.type === "array") {
        if (sub.minItems !== undefined && value.length < sub.minItems) {
          out.push(say(path, "schema.min-items", value.length ? null : "schema.min-items/empty",
            { count: value.length, limit: sub.minItems }));
        }
        if (sub.maxItems !== undefined && value.length > sub.maxItems) {
          out.push(say(path, "schema.max-items", null, { count: value.length, limit: sub.maxItems }));
        }
        var seen = {};
        value.forEach(function (item, index) {
          var key = JSON.stringify(item);
          if (sub.uniqueItems && seen[key] !== undefined) {
            out.push(say(join(path, index), "schema.unique-items", null,
              { index: index + 1, value: shown(item), first: seen[key] + 1 }));
          } else if (seen[key] === undefined) seen[key] = index;
          checkSchema(item, sub.items, join(path, index), out);
        });
        return;
      }
      if (sub.type === "number" || sub.type === "integer") {
        var hint = sub.description || rules.wording["schema.range/hint"][1];
        if (sub.minimum !== undefined && value < sub.minimum) {
          out.push(say(path, "schema.minimum", null, { limit: sub.minimum, value: value, hint: hint }));
        } else if (sub.maximum !== undefined && value > sub.maximum) {
          out.push(say(path, "schema.maximum", null, { limit: sub.maximum, value: value, hint: hint }));
        }
        return;
      }
      if (sub.type === "string") checkString(value, sub, path, out);
    }

    /* ---- project_rules.py: dates, milestones, e-mail domain ---- */

    function pad(number) { return (number < 10 ? "0" : "") + number; }

    function today() {
      /* The later of the build's date and the browser's: a page built last month must not
         refuse what the repository check, run today, accepts. */
      var now = new Date();
      var local = now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
      return local > rules.today ? local : rules.today;
    }

    /* parse_date: null when not shaped like a date, {error} when it does not exist. */
    function parseDate(text) {
      var match = dateShape.exec(text);
      if (!match) return null;
      var year = +match[1], month = +match[2], day = match[3] ? +match[3] : null;
      if (month < 1 || month > 12) return { error: rules.wording["date.invalid/month"][0].replace("{month}", pad(month)) };
      if (day !== null) {
        var last = new Date(Date.UTC(year, month, 0)).getUTCDate();
        if (day < 1 || day > last) {
          return { error: say("", "", "date.invalid/day", { year: year, month: month, last: last }).message };
        }
      }
      if (year < rules.earliestYear) return { error: say("", "", "date.invalid/year", { year: year }).message };
      return { year: year, month: month, day: day };
    }

    function isBefore(later, earlier) {
      var precise = later.day !== null && earlier.day !== null;
      var difference = later.year - earlier.year || later.month - earlier.month ||
        (precise ? later.day - earlier.day : 0);
      return difference < 0;
    }

    /* month_from_spelling: YYYY-MM of a month typed as `invoke new` reads it, else null. */
    var monthSpelling = new RegExp(rules.monthSpelling);
    function monthOf(text) {
      var match = monthSpelling.exec(text.normalize("NFKC").trim());
      return match ? match[1] + "-" + pad(+match[2]) : null;
    }

    function written(date) {
      return date.year + "-" + pad(date.month) + (date.day ? "-" + pad(date.day) : "");
    }

    function checkDate(value, path, out) {
      if (typeof value !== "string") return null;
      var date = parseDate(value);
      if (date && date.error) {
        out.push(say(path, "date.invalid", null, { value: value, reason: date.error }));
        return null;
      }
      if (date) {
        var limit = new Date(today() + "T00:00:00Z");
        limit.setUTCDate(limit.getUTCDate() + rules.futureDays);
        if (Date.UTC(date.year, date.month - 1, date.day || 1) > limit.getTime()) {
          out.push(say(path, "date.future", null, { value: value, today: today() }));
        }
      }
      return date;
    }

    function records(items) {
      return Array.isArray(items) ? items.map(function (item, index) { return [index, item]; })
        .filter(function (pair) { return pair[1] && typeof pair[1] === "object" && !Array.isArray(pair[1]); }) : [];
    }

    function checkDates(data, out) {
      var started = checkDate(data.started, "started", out);
      records(data.achievements).forEach(function (pair) {
        checkDate(pair[1].date, "achievements." + pair[0] + ".date", out);
      });
      var previous = null;
      records(data.milestones).forEach(function (pair) {
        var path = "milestones." + pair[0] + ".date";
        var date = checkDate(pair[1].date, path, out);
        if (!date) return;
        if (previous && isBefore(date, previous)) {
          out.push(say(path, "milestone.order", null, { index: pair[0] + 1, value: pair[1].date, previous: written(previous) }));
        } else if (started && isBefore(date, started)) {
          out.push(say(path, "milestone.before-start", null, { value: pair[1].date, started: written(started) }));
        }
        previous = date;
      });
    }

    function checkEmail(data, out) {
      var email = data.contact_email;
      if (typeof email !== "string" || email.indexOf("@") < 0) return;
      var domain = email.slice(email.lastIndexOf("@") + 1).trim().toLowerCase();
      var allowed = spec.emailDomains.some(function (d) { return domain === d || domain.slice(-d.length - 1) === "." + d; });
      if (!allowed) {
        out.push(say("contact_email", "email.domain", null, { domain: domain, allowed: spec.emailDomains.join(rules.listSeparator) }));
      }
    }

    /* ---- ids and names other projects of the site already use ---- */

    function filePath(college, id) {
      return spec.paths.projectFile.replace("{college}", college).replace("{id}", id);
    }

    /* normalised_name: NFKC, case folded, traditional folded to simplified, letters and digits. */
    function nameKey(name) {
      return chars(name.normalize("NFKC").toLowerCase()).map(function (c) {
        return rules.taken.simplified[c] || c;
      }).join("").replace(/[^\p{L}\p{N}]+/gu, "");
    }

    function checkTaken(data, editing, out) {
      if (!rules.taken) return;  /* not fetched (yet): the check before merging finds them */
      var ids = rules.taken.ids;
      var id = data.id, college = data.college;
      /* A new project may not take an existing id even in its own college: its file would
         replace the other project's. */
      if (typeof id === "string" && id !== editing && Object.prototype.hasOwnProperty.call(ids, id)) {
        out.push(say("id", "project.duplicate-id", null, { id: id, others: filePath(ids[id], id) }));
      }
      if (typeof data.name !== "string" || typeof college !== "string" || typeof id !== "string") return;
      var others = (rules.taken.names[nameKey(data.name)] || []).filter(function (other) {
        return other[0] !== editing && other[0] !== id;
      });
      if (others.length) {
        /* In the validator's order (by file), each named as other_project names it. */
        var shown = others.map(function (other) { return [filePath(ids[other[0]], other[0]), other[1]]; })
          .sort(function (a, b) { return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0; })
          .map(function (pair) { return pair[1]; });
        out.push(say("name", "project.duplicate-name", null, { others: shown.join(rules.listSeparator) }));
      }
    }

    /* ---- advice: warnings, shown but never refusing the file ---- */

    function checkAdvice(data, out) {
      var first = out.length;
      var summary = typeof data.summary === "string" ? chars(data.summary.trim()).length : 0;
      if (summary >= rules.summaryAdvice[0] && summary < rules.summaryAdvice[1]) {
        out.push(say("summary", "summary.short", null, { count: summary }));
      }
      if (data.status === "closed" && Array.isArray(data.seeking) && data.seeking.length) {
        out.push(say("seeking", "seeking.closed", null, {}));
      }
      var milestones = records(data.milestones);
      var last = milestones.length ? milestones[milestones.length - 1][1].level : undefined;
      if (typeof data.level === "string" && typeof last === "string" && last !== data.level) {
        out.push(say("level", "milestone.level", null, { level: data.level, last: last }));
      }
      out.slice(first).forEach(function (problem) { problem.advice = true; });
    }

    return {
      /* The schema's keywords alone, for another record (a typical case, a story). */
      checkSchema: function (value, sub, path) {
        var out = [];
        checkSchema(value, sub, path, out);
        return out;
      },
      parseDate: parseDate,
      monthOf: monthOf,
      monthFields: rules.monthFields || [],
      monthHint: rules.monthHint,
      say: say,
      /* Every problem of `data` (advice marked `advice: true`); `editing` is the id of the
         project being edited, or null. */
      check: function (data, editing) {
        var out = [];
        checkSchema(data, schema, "", out);
        checkDates(data, out);
        checkEmail(data, out);
        checkTaken(data, editing, out);
        checkAdvice(data, out);
        return out;
      },
    };
  };
})();
