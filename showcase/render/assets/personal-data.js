/* Personal data in the browser: the engine of showcase/validate/personal_text.py
   (find_personal_data) and personal_data.py (the walk over a record). Shared by the
   提交项目 form (submit.js) and the 推荐典型案例 form (case-form.js); served by the site
   itself. window.scPersonalData(rules) takes the rules the form specification carries
   (browser_rules) and returns { find(text, allowed), scan(value, sub, path, key, allowed, out) }. */
(function () {
  "use strict";

  window.scPersonalData = function (rules) {
    /* Personal data. The rules, folding tables, labels, mailbox domains and messages all come
       from showcase/validate/personal_text.py (browser_rules); this is only the engine that
       applies them, step for step as find_personal_data does there. */
    var personal = rules;
    var patterns = personal.patterns;
    var RULES = personal.rules;
    function globalPattern(source) { return new RegExp(source, "giu"); }
    var markup = globalPattern(personal.markup);
    var percent = globalPattern(personal.percent);
    var decoded = globalPattern(personal.markup + "|" + personal.percent);
    var digitRun = globalPattern(patterns.run);
    var digitGroup = globalPattern(patterns.group);
    var labelled = globalPattern(patterns.labelled);
    var mailbox = personal.email ? globalPattern(personal.email) : null;
    var mailDot = globalPattern(patterns.dot);
    var messengers = [[RULES.wechat, globalPattern(patterns.wechat)], [RULES.qq, globalPattern(patterns.qq)]];
    var phoneDigits = new RegExp(patterns.phone, "iu");
    var idDigits = new RegExp(patterns.idCard, "iu");
    var tightGap = new RegExp("^(?:" + patterns.tightGap + ")$", "u");
    var phoneShape = new RegExp(patterns.phoneShape, "u");
    var idShape = new RegExp(patterns.idShape, "u");
    var amountShape = new RegExp(patterns.amountShape, "u");
    var spaces = /^\s+$/u;
    var keyLabel = new RegExp("^(?:" + patterns.keyLabel + ")$", "iu");
    var keyValue = new RegExp("^" + patterns.keyValue, "iu");
    var decimalDigit = /^\p{Nd}$/u;
    var foldClasses = personal.fold.map(function (entry) {
      var categories = entry[1].map(function (name) { return "\\p{" + name + "}"; }).join("");
      return { to: entry[0], extra: entry[2], category: categories ? new RegExp("^[" + categories + "]$", "u") : null };
    });

    function foldOne(char) {
      for (var i = 0; i < foldClasses.length; i += 1) {
        var entry = foldClasses[i];
        if (entry.extra.indexOf(char) >= 0 || (entry.category && entry.category.test(char))) return entry.to;
      }
      if (char > "\x7f" && decimalDigit.test(char)) {
        var code = char.codePointAt(0), zero = 0;
        personal.digitZeros.forEach(function (start) { if (start <= code) zero = start; });
        return String(code - zero);
      }
      return Object.prototype.hasOwnProperty.call(personal.numerals, char) ? personal.numerals[char] : char;
    }

    function decodeEntity(token) {
      if (token[0] === "%") return String.fromCharCode(parseInt(token.slice(1), 16));
      if (token[0] !== "&") return "";
      if (token[1] !== "#") {
        var name = token.slice(1, -1);
        return Object.prototype.hasOwnProperty.call(personal.entities, name) ? personal.entities[name] : token;
      }
      var digits = token.slice(2).replace(/;$/, "");
      var code = /^x/i.test(digits) ? parseInt(digits.slice(1), 16) : parseInt(digits, 10);
      if (personal.characterReferences[code] !== undefined) return personal.characterReferences[code];
      return code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? "\ufffd" : String.fromCodePoint(code);
    }

    /* The folded text and, for each of its characters, the span of `text` it came from. */
    function fold(text, rendered) {
      var folded = { text: "", starts: [], ends: [] };
      function add(piece, start, end) {
        for (var char of piece) {
          for (var part of char.normalize("NFKC")) {
            var out = foldOne(part);
            folded.text += out;
            for (var i = 0; i < out.length; i += 1) { folded.starts.push(start); folded.ends.push(end); }
          }
        }
      }
      function addPlain(start, end) {
        var i = start;
        while (i < end) {
          var char = String.fromCodePoint(text.codePointAt(i));
          add(char, i, i + char.length);
          i += char.length;
        }
      }
      var position = 0, match, tokens = rendered ? decoded : percent;
      tokens.lastIndex = 0;
      while ((match = tokens.exec(text))) {
        addPlain(position, match.index);
        add(decodeEntity(match[0]), match.index, match.index + match[0].length);
        position = match.index + match[0].length;
      }
      addPlain(position, text.length);
      return folded;
    }

    function residentId(number) {
      var year = +number.slice(6, 10), month = +number.slice(10, 12), day = +number.slice(12, 14);
      var born = new Date(Date.UTC(year, month - 1, day));
      if (year < 1 || born.getUTCMonth() !== month - 1 || born.getUTCDate() !== day || born > new Date()) return false;
      var total = 0;
      for (var i = 0; i < 17; i += 1) total += +number[i] * personal.idWeights[i];
      return personal.idCheckChars[total % 11] === number[17].toUpperCase();
    }

    function mask(rule, found) {
      if (rule === RULES.wechat) return found[0] + "*".repeat(found.length - 2) + found[found.length - 1];
      var digits = found.replace(/[^0-9A-Za-z]/g, "");
      if (rule === RULES.phone) { digits = digits.slice(-11); return digits.slice(0, 3) + "****" + digits.slice(-4); }
      var keep = rule === RULES.idCard && digits.length >= 15 ? 4 : digits.length >= 10 ? 3 : 1;
      return digits.slice(0, keep) + "*".repeat(digits.length - 2 * keep) + digits.slice(-keep);
    }

    function numberRule(digits) {
      if (phoneDigits.test(digits)) return RULES.phone;
      return idDigits.test(digits) && residentId(digits) ? RULES.idCard : null;
    }

    function shapeOf(parts) { return parts.map(function (part) { return part.length; }).join("-"); }

    /* Whether digit groups spell the number their digits are (_spells). */
    function spells(rule, written, parts, tight) {
      if (tight) return rule === RULES.idCard || !amountShape.test(shapeOf(written));
      if (rule === RULES.idCard) return idShape.test(shapeOf(parts));
      var prefix = parts.join("").length - 11;
      while (prefix) {
        var cut = Math.min(prefix, parts[0].length);
        parts = cut < parts[0].length ? [parts[0].slice(cut)].concat(parts.slice(1)) : parts.slice(1);
        prefix -= cut;
      }
      var roundAmounts = parts.length > 1 && parts.slice(1).every(function (part) { return /00$/.test(part); });
      return phoneShape.test(shapeOf(parts)) && !roundAmounts;
    }

    /* Phones and ID numbers made of whole digit groups of one run; the longest reading wins. */
    function numbersInRun(text, run, allowed, found) {
      var groups = [], match;
      digitGroup.lastIndex = 0;
      while ((match = digitGroup.exec(run[0]))) groups.push({ start: run.index + match.index, text: match[0] });
      for (var first = 0; first < groups.length; first += 1) {
        var digits = "", longest = null, written = [""], parts = [""], tight = true;
        for (var last = first; last < groups.length; last += 1) {
          var gap = last > first ? text.slice(groups[last - 1].start + groups[last - 1].text.length, groups[last].start) : "";
          if (gap) {
            written.push("");
            tight = tight && tightGap.test(gap);
            if (!spaces.test(gap)) parts.push("");
          }
          written[written.length - 1] += groups[last].text;
          parts[parts.length - 1] += groups[last].text;
          digits += groups[last].text;
          if (digits.length > 18) break;
          var rule = numberRule(digits);
          if (rule && spells(rule, written, parts, tight)) longest = { rule: rule, last: last, digits: digits };
        }
        if (longest && allowed.indexOf(longest.rule) < 0) {
          var start = groups[first].start;
          if (longest.rule === RULES.phone && text[start - 1] === "+") start -= 1;
          var end = groups[longest.last].start + groups[longest.last].text.length;
          found.push({ rule: longest.rule, start: start, end: end, shown: mask(longest.rule, longest.digits) });
          first = longest.last;
        }
      }
    }

    function findFolded(text, allowed) {
      var found = [], match;
      digitRun.lastIndex = 0;
      while ((match = digitRun.exec(text))) numbersInRun(text, match, allowed, found);
      labelled.lastIndex = 0;
      while ((match = labelled.exec(text))) {
        var rule = match[1] ? RULES.idCard : RULES.student;
        var start = match.index + match[0].length - match[3].length;
        found.push({ rule: rule, start: start, end: start + match[3].length, shown: mask(rule, match[3]) });
      }
      messengers.forEach(function (pair) {
        if (allowed.indexOf(pair[0]) >= 0) return;
        pair[1].lastIndex = 0;
        while ((match = pair[1].exec(text))) {
          var id = match[1] !== undefined ? match[1] : match[2];
          var at = match.index + match[0].length - id.length;
          found.push({ rule: pair[0], start: at, end: at + id.length, shown: mask(pair[0], id) });
        }
      });
      if (mailbox && allowed.indexOf(RULES.email) < 0) {
        mailbox.lastIndex = 0;
        while ((match = mailbox.exec(text))) {
          var domain = match[2].replace(mailDot, ".").toLowerCase();
          found.push({ rule: RULES.email, start: match.index, end: match.index + match[0].length, shown: match[1][0] + "***@" + domain });
        }
      }
      return found;
    }

    /* The rule ids and masked findings of one value, as find_personal_data gives them. */
    function findPersonal(text, allowed) {
      var views = [fold(text, false)];
      markup.lastIndex = 0;
      if (markup.test(text)) views.push(fold(text, true));
      var written = [];
      views.forEach(function (view) {
        findFolded(view.text, allowed).forEach(function (finding) {
          written.push({ rule: finding.rule, shown: finding.shown, start: view.starts[finding.start],
            end: view.ends[finding.end - 1] });
        });
      });
      written.sort(function (a, b) { return a.start - b.start || (b.end - b.start) - (a.end - a.start); });
      var kept = [];
      written.forEach(function (finding) {
        if (!kept.length || finding.start >= kept[kept.length - 1].end) kept.push(finding);
      });
      return kept;
    }

    function personalProblem(path, finding) {
      var texts = personal.messages[finding.rule];
      return { path: path, rule: finding.rule, message: texts[0].replace("{shown}", finding.shown), hint: texts[1] };
    }

    /* Every value and key of the form's data, with its schema node as the validator walks it:
       a field marked as an institutional contact may hold an office phone or mailbox, a
       number is an amount unless it could be an ID, a field named 学号 labels its value. */
    function scanPersonal(value, sub, path, key, allowed, out) {
      sub = sub || {};
      if (sub[personal.contactField[0]] === personal.contactField[1]) allowed = personal.contactAllowed;
      var label = typeof key === "string" ? keyLabel.exec(fold(key, false).text) : null;
      var labelRule = label ? (label[1] ? RULES.idCard : RULES.student) : null;
      var text = null;
      if (typeof value === "string") text = value;
      else if (Number.isInteger(value) && (labelRule || Math.abs(value) >= 1e16)) {
        text = String(value);
        allowed = allowed.concat(personal.contactAllowed);
      }
      if (text !== null) {
        findPersonal(text, allowed).forEach(function (finding) { out.push(personalProblem(path, finding)); });
        if (labelRule) {
          var number = keyValue.exec(fold(text, false).text);
          if (number) out.push(personalProblem(path, { rule: labelRule, shown: mask(labelRule, number[1]) }));
        }
        return;
      }
      if (Array.isArray(value)) {
        value.forEach(function (item, index) { scanPersonal(item, sub.items, path + "." + index, index, allowed, out); });
      } else if (value && typeof value === "object") {
        Object.keys(value).forEach(function (name) {
          var child = path ? path + "." + name : name;
          findPersonal(name, allowed).forEach(function (finding) { out.push(personalProblem(child, finding)); });
          scanPersonal(value[name], (sub.properties || {})[name], child, name, allowed, out);
        });
      }
    }

    return { find: findPersonal, scan: scanPersonal };
  };
})();
