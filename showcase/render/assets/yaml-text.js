/* YAML text in the browser: the rules of showcase/yamltext.py. Shared by the 提交项目 form
   (submit.js) and the 推荐典型案例 form (case-form.js); served by the site itself.
   window.scYamlText = { toYaml(data), lines(data, pad) }. */
(function () {
  "use strict";

/* ---- YAML text: the rules of showcase/yamltext.py ---- */

var PLAIN = /^[\u4e00-\u9fff][^\n]*$/u;
var AMBIGUOUS = /: |:$| #|\s$|[\t\x85\u2028\u2029\ufeff]/u;
var UNSAFE = /[^\x0a\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\u{10000}-\u{10ffff}]/gu;
var WORD = /^[a-z0-9]+(?:[-.][a-z0-9]+)*$/;
var NOT_A_STRING = /^(?:y|n|yes|no|true|false|on|off|null|~|[-+]?[0-9][0-9_.:eE+-]*)$/i;
var DATE = /^[0-9]{4}-[0-9]{2}(?:-[0-9]{2})?$/;

function escapeUnsafe(char) {
  var code = char.codePointAt(0);
  return code <= 0xffff ? "\\u" + ("0000" + code.toString(16)).slice(-4) :
    "\\U" + ("00000000" + code.toString(16)).slice(-8);
}

function scalar(value) {
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") return String(value);
  var unsafe = new RegExp(UNSAFE.source, "u");
  if (PLAIN.test(value) && !AMBIGUOUS.test(value) && !unsafe.test(value)) return value;
  if (DATE.test(value) || (WORD.test(value) && !NOT_A_STRING.test(value))) return value;
  return JSON.stringify(value).replace(UNSAFE, escapeUnsafe);
}

function literalBlock(text) {
  var body = text.replace(/\n$/, "");
  var unsafe = new RegExp(UNSAFE.source, "u");
  return body.indexOf("\n") >= 0 && body.slice(-1) !== "\n" && !/^\s/.test(text) &&
    !unsafe.test(body.replace(/\n/g, " ")) && body.indexOf("\t") < 0 &&
    body.split("\n").every(function (line) { return line === line.replace(/\s+$/, "") || line.trim(); });
}

function mapping(data, pad, lines) {
  Object.keys(data).forEach(function (key) {
    var value = data[key];
    if (Array.isArray(value)) {
      lines.push(value.length ? pad + key + ":" : pad + key + ": []");
      sequence(value, pad + "  ", lines);
    } else if (value !== null && typeof value === "object") {
      lines.push(Object.keys(value).length ? pad + key + ":" : pad + key + ": {}");
      mapping(value, pad + "  ", lines);
    } else if (typeof value === "string" && literalBlock(value)) {
      lines.push(pad + key + (/\n$/.test(value) ? ": |" : ": |-"));
      value.replace(/\n$/, "").split("\n").forEach(function (line) { lines.push(line ? pad + "  " + line : ""); });
    } else {
      lines.push(pad + key + ": " + scalar(value));
    }
  });
}

function sequence(items, pad, lines) {
  items.forEach(function (item) {
    if (item !== null && typeof item === "object" && !Array.isArray(item) && Object.keys(item).length) {
      var start = lines.length;
      mapping(item, pad + "  ", lines);
      lines[start] = pad + "- " + lines[start].slice(pad.length + 2);
    } else {
      lines.push(pad + "- " + scalar(item));
    }
  });
}

function toYaml(data) {
  var lines = [];
  mapping(data, "", lines);
  return lines.join("\n") + "\n";
}

  window.scYamlText = {
    toYaml: toYaml,
    /* The lines of mapping `data` indented by `pad` (a case entry inside "cases:"). */
    lines: function (data, pad) {
      var out = [];
      mapping(data, pad, out);
      return out;
    },
  };
})();
