/* The 提交项目 form's logo: an image chosen in the browser and checked in the validator's
   order against its limits (spec.logo, from the Python constants) with its wording
   (spec.rules.wording: logo.format, logo.too-large, logo.dimensions, logo.corrupt); the
   name box follows the chosen image and is never typed into. Loaded by the submit page
   only; submit.js calls window.scSubmitLogo(form, spec, onChange) once. */
(function () {
  "use strict";

  function phrase(rules, key, values) {
    return rules.wording[key].map(function (text) {
      return text.replace(/\{(\w+)\}/g, function (_, name) { return values[name]; });
    });
  }

  var SIGNATURES = [
    ["PNG", "png", function (b) { return b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47; }],
    ["JPEG", "jpg", function (b) { return b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff; }],
    ["WebP", "webp", function (b) { return text(b, 0, 4) === "RIFF" && text(b, 8, 12) === "WEBP"; }],
    ["GIF", "", function (b) { return text(b, 0, 4) === "GIF8"; }],
    ["BMP", "", function (b) { return text(b, 0, 2) === "BM"; }],
    ["TIFF", "", function (b) { return text(b, 0, 4) === "II*\0" || text(b, 0, 4) === "MM\0*"; }],
  ];
  function text(bytes, start, end) { return String.fromCharCode.apply(null, bytes.slice(start, end)); }

  window.scSubmitLogo = function (form, spec, onChange) {
    var el = window.scDom.el;
    function phraseOf(key, values) { return phrase(spec.rules, key, values); }
    var wrapper = form.querySelector(".sc-field[data-field='logo']");
    var limits = spec.logo;
    var input = wrapper.querySelector("input[name='logo']");
    input.readOnly = true;  /* the name follows the chosen image; nobody types it */
    var keptName = "";  /* the logo of the project being edited, already in the repository */
    var chooser = el("input", { type: "file", accept: "image/png,image/jpeg,image/webp", "class": "sc-logo-picker__file" });
    var preview = el("img", { "class": "sc-logo-picker__preview", alt: "所选标志图片的预览", hidden: "" });
    var status = el("p", { "class": "sc-field__help sc-logo-picker__status", role: "status" });
    wrapper.insertBefore(el("div", { "class": "sc-logo-picker" }, [
      el("label", { "class": "sc-logo-picker__choose", text: "从电脑或手机里选择图片：" }, [chooser]), preview, status,
    ]), wrapper.querySelector(".sc-field__error"));
    var state = { chosen: null, problem: null };

    function refuse(rule, values) {
      var worded = phraseOf(rule, values);
      state.problem = { path: "logo", rule: rule, message: worded[0], hint: worded[1] };
      input.value = keptName;  /* a refused image leaves no name behind */
    }
    function formatOf(bytes, file) {
      var found = SIGNATURES.filter(function (entry) { return entry[2](bytes); })[0];
      if (found && limits.formats.indexOf(found[0]) >= 0) return found;
      var svg = /\.svg$/i.test(file.name) || file.type === "image/svg+xml";
      refuse("logo.format", { found: found ? phraseOf("logo.format/kind", { kind: found[0] })[0] :
        phraseOf(svg ? "logo.format/svg" : "logo.format/other", {})[0] });
      return null;
    }
    function pixels(url) {
      return new Promise(function (resolve, reject) {
        var image = new Image();
        image.onload = function () { resolve([image.naturalWidth, image.naturalHeight]); };
        image.onerror = reject;
        image.src = url;
      });
    }
    function check(file) {
      if (file.size > limits.maxBytes) {
        refuse("logo.too-large", { megabytes: (file.size / limits.megabyte).toFixed(1), limit: limits.maxBytes / limits.megabyte });
        return Promise.resolve();
      }
      return file.slice(0, 16).arrayBuffer().then(function (head) {
        var format = formatOf(Array.from(new Uint8Array(head)), file);
        if (!format) return null;
        return dataUrl(file).then(function (url) { return pixels(url).then(function (size) {
          if (size[0] > limits.maxSide || size[1] > limits.maxSide) {
            refuse("logo.dimensions", { side: limits.maxSide,
              size: phraseOf("logo.dimensions/size", { width: size[0], height: size[1] })[0] });
            return;
          }
          state.chosen = { file: file, url: url, name: "logo." + format[1] };
          input.value = state.chosen.name;
          preview.src = url;
          preview.hidden = false;
          status.textContent = "图片可以使用：" + format[0] + "，" + size[0] + "×" + size[1] + " 像素，" +
            Math.ceil(file.size / 1024) + " KB。生成文件后，按页面下方的说明把它上传到仓库。";
        }); }).catch(function () {
          refuse("logo.corrupt", {});
        });
      });
    }
    /* A data: URL, which the site's Content-Security-Policy allows for images (blob: not). */
    function dataUrl(file) {
      return new Promise(function (resolve, reject) {
        var reader = new FileReader();
        reader.onload = function () { resolve(reader.result); };
        reader.onerror = reject;
        reader.readAsDataURL(file);
      });
    }
    function reset() {
      state.chosen = null;
      state.problem = null;
      preview.hidden = true;
      preview.removeAttribute("src");
      status.textContent = "";
    }
    var drop = el("button", { type: "button", "class": "md-button sc-logo-picker__drop", text: "不使用图片" });
    wrapper.insertBefore(drop, wrapper.querySelector(".sc-field__error"));
    function changed() {
      wrapper.classList.add("sc-field--touched");
      drop.hidden = !input.value;
      onChange();
    }
    drop.addEventListener("click", function () {
      chooser.value = "";
      reset();
      input.value = "";
      changed();
    });
    chooser.addEventListener("change", function (event) {
      event.stopPropagation();  /* checked first, then the form updates */
      reset();
      input.value = keptName;
      var file = chooser.files[0];
      (file ? check(file) : Promise.resolve()).then(changed);
    });
    return {
      state: state,
      reset: function () { chooser.value = ""; reset(); },
      /* After the form is filled from a draft: the browser kept the image's name but not
         the image, so it must be chosen again (an edited project's own logo is already in
         the repository). `kept` is that project's logo name, or "". */
      restored: function (kept) {
        keptName = kept || "";
        if (!input.value || input.value === keptName) return;
        state.problem = { path: "logo", rule: "logo.missing", message: "请重新选择图片：刷新或重新打开页面后，" +
          "浏览器不会保留之前选好的图片文件。", hint: "点“选择文件”再选一次这张图片；不需要标志图片就点“不使用图片”。" };
        wrapper.classList.add("sc-field--touched");
      },
      /* After any filling: offer "不使用图片" only when an image is named. */
      shown: function () { drop.hidden = !input.value; },
    };
  };
})();
