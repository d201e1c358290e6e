/*
 * Material's search box sends its query to the search worker on key-up only, so text that
 * arrives without a key-up found nothing until the next key: a word pasted from a menu, or
 * committed by an input method (pinyin, handwriting, voice) at the end of its composition,
 * which is how most phones type Chinese. This script hands every finished input to Material
 * the way Material listens, as a key-up on the box; input events inside a composition are
 * left alone (the letters typed so far are not the query yet).
 *
 * It also links search and directory both ways: "在项目名录中筛选" under the result count
 * leads to the project directory showing the projects this search found (?search=…&found=
 * id,…, read by assets/directory.js, where the filters narrow them further), and a link
 * with data-sc-search (the directory's "搜索项目") opens the search box in place. Without
 * JavaScript that link still works: Material opens its search for a page loaded with ?q=.
 *
 * And it hands the search worker whole words. Material's worker (9.8, search/_/index.ts
 * and query/segment/index.ts) cuts every run of Chinese characters in the query against
 * its index with a loop that never looks at the run's last character, so the last word
 * shrinks: "湿法" arrives as the prefix "湿*", ranks by one character and is shown as
 * "缺少: 湿法*". The index was cut into words by jieba at build time; here the query is
 * cut into the index's own words (fewest words, ties to the more common ones), and each
 * word the index holds is sent with its last character once more, which is exactly what
 * that loop leaves out, so the worker keeps the word whole. The last character typed, when
 * it only begins a word, goes as it is (the worker keeps a single character whole). The words
 * are read from the index as Material hands it to its worker (one pass over the index, on
 * the first search of a page), or fetched when that happened before this script ran.
 */
(function () {
  "use strict";

  var MAX_FOUND = 200; // project ids in the directory's address, at most ~5 kB
  var box = document.querySelector("input[data-md-component=search-query]");
  var toggle = document.getElementById("__search");
  if (!box || !toggle) return;

  // Material's search overlay is a role="dialog" without a name; screen readers announce it.
  var dialog = box.closest("[role=dialog]");
  if (dialog && !dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", "搜索");

  function notify() {
    box.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
  }
  box.addEventListener("input", function (event) {
    if (!event.isComposing) notify();
  });
  box.addEventListener("compositionend", notify);

  var result = document.querySelector("[data-md-component=search-result]");
  var meta = result && result.querySelector(".md-search-result__meta");
  var config = document.getElementById("__config");
  var directory = null;
  var link = null;
  if (meta && config) {
    var base = JSON.parse(config.textContent).base || ".";
    directory = new URL(base.replace(/\/$/, "") + "/projects/", window.location.href).href;
    link = document.createElement("a");
    link.href = directory;
    link.textContent = "在项目名录中筛选";
    var line = document.createElement("p");
    line.className = "sc-search-directory";
    line.appendChild(link);
    meta.insertAdjacentElement("afterend", line);
  }

  wholeWordsForTheWorker();

  /* The projects of the latest result, in its order, for "在项目名录中筛选". */
  function pointDirectoryAt(items) {
    if (!link) return;
    var ids = [];
    items.forEach(function (group) {
      var match = /^projects\/([^/?#]+)\/$/.exec(group[0].location);
      if (match && ids.length < MAX_FOUND) ids.push(match[1]);
    });
    var query = box.value.trim();
    link.href = ids.length
      ? directory + "?search=" + encodeURIComponent(query) + "&found=" + ids.join(",")
      : directory;
  }

  document.addEventListener("click", function (event) {
    var opener = event.target.closest && event.target.closest("a[data-sc-search]");
    if (!opener) return;
    event.preventDefault();
    if (!toggle.checked) toggle.click();
    box.focus();
  });

  function wholeWordsForTheWorker() {
    var han = /\p{sc=Han}+/gu;
    var heard = new WeakSet(); // workers whose results we read
    var words = null; // word → number of index entries holding it
    var starts = null; // the first characters of those words
    var longest = 0;
    var waiting = null; // a query sent before the words were known
    var post = Worker.prototype.postMessage;

    function learn(index) {
      var separator = new RegExp(index.config.separator);
      var whole = /^\p{sc=Han}+$/u;
      words = new Map();
      starts = new Set();
      index.docs.forEach(function (doc) {
        var seen = new Set();
        [doc.title, doc.text].forEach(function (html) {
          (html || "").replace(/<[^>]*>/g, " ").split(separator).forEach(function (word) {
            if (whole.test(word)) seen.add(word);
          });
        });
        seen.forEach(function (word) {
          words.set(word, (words.get(word) || 0) + 1);
          starts.add(word[0]);
          longest = Math.max(longest, word.length);
        });
      });
    }

    /* The run cut into the fewest words the index holds (a character it does not hold
       costs two), ties going to words found in more entries. */
    function cut(run) {
      var cost = [0];
      var start = [0];
      for (var end = 1; end <= run.length; end++) {
        cost[end] = Infinity;
        for (var begin = Math.max(0, end - longest); begin < end; begin++) {
          var count = words.get(run.slice(begin, end));
          var step = count ? 1 - Math.log(1 + count) / 1000 : end - begin === 1 ? 2 : Infinity;
          if (cost[begin] + step < cost[end]) {
            cost[end] = cost[begin] + step;
            start[end] = begin;
          }
        }
      }
      var parts = [];
      for (var at = run.length; at > 0; at = start[at]) parts.unshift(run.slice(start[at], at));
      return parts;
    }

    /* A run made of the index's words (and, at the end of the query, the first character
       of a word still being typed) goes as whole words; any other run, say a name the
       index does not hold, goes as typed, so Material finds nothing for it as before. */
    function rewrite(query) {
      var end = query.trimEnd().length;
      return query.replace(han, function (run, offset) {
        var parts = cut(run);
        var typing = offset + run.length === end ? parts[parts.length - 1] : "";
        var known = parts.every(function (word, at) {
          return words.has(word) || (at === parts.length - 1 && word === typing &&
                                     starts.has(word));
        });
        if (!known) return run;
        return parts.map(function (word) {
          return words.has(word) ? word + word.slice(-1) : word;
        }).join(" ");
      });
    }

    /* The index was handed to the worker before this script ran: read it ourselves
       (from the browser's cache, as a rule) and send the query then. */
    function fetchWords() {
      var base = config ? JSON.parse(config.textContent).base || "." : ".";
      fetch(new URL(base.replace(/\/$/, "") + "/search/search_index.json", window.location.href))
        .then(function (response) { return response.json(); })
        .then(function (index) {
          learn(index);
          var query = waiting;
          waiting = null;
          query[0].postMessage.apply(query[0], query[1]);
        })
        .catch(function () { // not read: the query as typed, as Material alone sends it
          var query = waiting;
          waiting = null;
          post.apply(query[0], query[1]);
        });
    }

    Worker.prototype.postMessage = function (message) {
      var args = Array.prototype.slice.call(arguments);
      if (!heard.has(this)) {
        heard.add(this);
        this.addEventListener("message", function (event) {
          var result = event.data && event.data.data;
          if (result && Array.isArray(result.items)) pointDirectoryAt(result.items);
        });
      }
      if (message && message.data && Array.isArray(message.data.docs)) {
        learn(message.data);
      } else if (message && typeof message.data === "string") {
        if (!words) {
          if (!waiting) fetchWords();
          waiting = [this, args];
          return;
        }
        args[0] = { type: message.type, data: rewrite(message.data) };
      }
      return post.apply(this, args);
    };
  }
})();
