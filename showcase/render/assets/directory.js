/*
 * The project directory in the browser: filter, count, sort and page the compact index
 * written by showcase/render/directory_index.py. The state lives in the URL query
 * (?college=a,b&level=nursery&sort=name&page=2): every change pushes a history entry, so
 * a view can be shared, reloaded and left with the back button. A view opened from the
 * search ("在项目名录中筛选", assets/search.js) carries the query and the projects it found
 * (?search=面料&found=id1,id2): only those are listed, filters narrow them further, and
 * "显示全部项目" drops them. Cards are built with DOM
 * calls and textContent only, never from HTML strings. Keep the card markup in step with
 * showcase/render/cards.py. Without this script the page stays a plain static list.
 */
(function () {
  "use strict";

  var root = document.getElementById("sc-directory");
  if (!root) return;
  var form = root.querySelector("form");
  var statusLine = root.querySelector(".sc-directory__status");
  var cardList = root.querySelector(".sc-cards");
  var pager = root.querySelector(".sc-pager");
  var pageSize = parseInt(root.getAttribute("data-page-size"), 10) || 24;
  var sorts = ["newest", "name", "achievements"];
  var index = null;   // {facets: [{key, title, options, byId}], projects: [...]}
  var found = foundLine();

  /* The index (every project) is fetched after the first paint, so the plain list and the
     page's chrome are drawn without waiting for it: a frame's callback runs before the
     paint, a task queued from it after. */
  window.requestAnimationFrame(function () { window.setTimeout(start, 0); });

  function start() {
    fetch(new URL(root.getAttribute("data-index"), window.location.href))
      .then(function (response) {
        if (!response.ok) throw new Error("directory index: HTTP " + response.status);
        return response.json();
      })
      .then(function (data) {
        index = prepare(data);
        form.addEventListener("change", onFormChange);
        form.addEventListener("submit", function (event) { event.preventDefault(); });
        root.querySelector("[data-action=reset]").addEventListener("click", function () {
          navigate({selection: {}, sort: readState().sort, page: 1});
        });
        pager.addEventListener("click", onPagerClick);
        found.querySelector("button").addEventListener("click", function () {
          var state = readState();
          navigate({selection: state.selection, sort: state.sort, page: 1});
        });
        window.addEventListener("popstate", render);
        if (window.matchMedia("(min-width: 60em)").matches) {
          root.querySelectorAll("details.sc-facet-group").forEach(function (group) {
            group.open = true;
          });
        }
        var plain = document.querySelector(".sc-plain");
        if (plain) plain.hidden = true;
        root.hidden = false;
        render();
        /* A view opened from a link (?level=incubator) shows what is chosen. */
        Object.keys(readState().selection).forEach(function (key) {
          form.querySelector("details[data-group='" + key + "']").open = true;
        });
      });
  }

  function prepare(data) {
    var column = {};
    data.columns.forEach(function (name, i) { column[name] = i; });
    var facets = data.facets.map(function (entry) {
      var byId = {};
      entry[2].forEach(function (option, i) { byId[option[0]] = i; });
      return {key: entry[0], title: entry[1], options: entry[2], byId: byId};
    });
    var projects = data.projects.map(function (row) {
      return {
        id: row[column.id],
        name: row[column.name],
        summary: row[column.summary],
        values: facets.map(function (facet) {
          var value = row[column[facet.key]];
          return Array.isArray(value) ? value : [value];
        }),
        started: row[column.started],
        achievements: row[column.achievements],
        nameRank: row[column.name_rank],
        hue: row[column.hue],
        logo: row[column.logo]
      };
    });
    return {facets: facets, projects: projects};
  }

  /* The state from the URL; unknown facets, options and sorts are ignored. */
  function readState() {
    var query = new URLSearchParams(window.location.search);
    var selection = {};
    if (index) {
      index.facets.forEach(function (facet) {
        var ids = (query.get(facet.key) || "").split(",").filter(function (id) {
          return Object.prototype.hasOwnProperty.call(facet.byId, id);
        });
        if (ids.length) selection[facet.key] = ids;
      });
    }
    var sort = query.get("sort");
    var foundIds = (query.get("found") || "").split(",").filter(Boolean);
    return {
      selection: selection,
      sort: sorts.indexOf(sort) >= 0 ? sort : "newest",
      page: Math.max(1, parseInt(query.get("page"), 10) || 1),
      search: foundIds.length ? (query.get("search") || "").trim() : "",
      found: foundIds
    };
  }

  function queryOf(state) {
    var query = new URLSearchParams();
    index.facets.forEach(function (facet) {
      var ids = state.selection[facet.key];
      if (ids && ids.length) query.set(facet.key, ids.join(","));
    });
    if (state.sort !== "newest") query.set("sort", state.sort);
    if (state.page > 1) query.set("page", String(state.page));
    if (state.found && state.found.length) {
      if (state.search) query.set("search", state.search);
      query.set("found", state.found.join(","));
    }
    var text = query.toString().replace(/%2C/g, ",");
    return text ? "?" + text : window.location.pathname;
  }

  function navigate(state) {
    window.history.pushState(null, "", queryOf(state));
    render();
  }

  function onFormChange() {
    var selection = {};
    index.facets.forEach(function (facet) {
      var ids = [];
      form.querySelectorAll("input[name='" + facet.key + "']:checked").forEach(function (box) {
        ids.push(box.value);
      });
      if (ids.length) selection[facet.key] = ids;
    });
    var state = readState();
    navigate({selection: selection, sort: form.elements.sort.value, page: 1,
              search: state.search, found: state.found});
  }

  function onPagerClick(event) {
    var link = event.target.closest("a[data-page]");
    if (!link) return;
    event.preventDefault();
    var state = readState();
    state.page = parseInt(link.getAttribute("data-page"), 10);
    navigate(state);
    root.scrollIntoView();
  }

  /* One pass: a project failing no facet matches and counts everywhere; failing exactly
     one facet it counts only there (the count that facet's options would give). */
  function filterAndCount(selection, foundIds) {
    var only = foundIds.length ? new Set(foundIds) : null;
    var facets = index.facets;
    var wanted = facets.map(function (facet) {
      var ids = selection[facet.key];
      if (!ids) return null;
      var flags = new Uint8Array(facet.options.length);
      ids.forEach(function (id) { flags[facet.byId[id]] = 1; });
      return flags;
    });
    var counts = facets.map(function (facet) { return new Uint32Array(facet.options.length); });
    var matched = [];
    index.projects.forEach(function (project) {
      if (only && !only.has(project.id)) return;
      var failed = -1;
      for (var f = 0; f < facets.length; f++) {
        if (wanted[f] && !project.values[f].some(function (v) { return wanted[f][v]; })) {
          if (failed >= 0) return;
          failed = f;
        }
      }
      if (failed < 0) matched.push(project);
      for (var g = 0; g < facets.length; g++) {
        if (failed >= 0 && g !== failed) continue;
        project.values[g].forEach(function (v) { counts[g][v]++; });
      }
    });
    return {matched: matched, counts: counts};
  }

  var comparers = {
    newest: function (a, b) { return b.started - a.started || a.nameRank - b.nameRank; },
    name: function (a, b) { return a.nameRank - b.nameRank; },
    achievements: function (a, b) {
      return b.achievements - a.achievements || b.started - a.started || a.nameRank - b.nameRank;
    }
  };

  function render() {
    var state = readState();
    var result = filterAndCount(state.selection, state.found);
    var projects = result.matched.sort(comparers[state.sort]);
    var pages = Math.max(1, Math.ceil(projects.length / pageSize));
    var page = Math.min(state.page, pages);
    showForm(state, result.counts, projects.length);
    found.hidden = !state.found.length;
    found.querySelector("span").textContent = state.search
      ? "搜索“" + state.search + "”找到的项目" : "搜索找到的项目";
    statusLine.textContent = projects.length
      ? "共 " + projects.length + " 个项目符合条件，第 " + page + " / " + pages + " 页"
      : "没有符合条件的项目，请减少筛选条件。";
    var fragment = document.createDocumentFragment();
    projects.slice((page - 1) * pageSize, page * pageSize).forEach(function (project) {
      fragment.appendChild(renderCard(project));
    });
    cardList.replaceChildren(fragment);
    renderPager(state, page, pages);
  }

  function showForm(state, counts, matchedCount) {
    form.elements.sort.value = state.sort;
    index.facets.forEach(function (facet, f) {
      var chosen = state.selection[facet.key] || [];
      form.querySelectorAll("input[name='" + facet.key + "']").forEach(function (box) {
        var count = counts[f][facet.byId[box.value]];
        box.checked = chosen.indexOf(box.value) >= 0;
        var label = box.closest("label");
        label.querySelector(".sc-option__count").textContent = String(count);
        label.classList.toggle("sc-option--empty", count === 0 && !box.checked);
      });
    });
    form.querySelectorAll(".sc-facet-group__results").forEach(function (link) {
      link.textContent = "查看 " + matchedCount + " 个项目";
    });
    index.facets.forEach(function (facet) {
      var group = form.querySelector("details[data-group='" + facet.key + "']");
      var chosen = (state.selection[facet.key] || []).length;
      group.querySelector(".sc-facet-group__chosen").textContent = chosen ? "已选 " + chosen : "";
    });
  }

  /* "搜索“…”找到的项目 [显示全部项目]" above the count, shown for a view from the search. */
  function foundLine() {
    var line = element("p", "sc-directory__found");
    line.setAttribute("data-testid", "directory-found");
    line.hidden = true;
    line.appendChild(element("span", ""));
    line.appendChild(document.createTextNode(" "));
    var clear = element("button", "md-button sc-reset", "显示全部项目");
    clear.type = "button";
    line.appendChild(clear);
    statusLine.parentNode.insertBefore(line, statusLine);
    return line;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function label(facetKey, valueIndex) {
    var facet = index.facets[facetPosition(facetKey)];
    return facet.options[valueIndex][1];
  }

  function facetPosition(key) {
    for (var f = 0; f < index.facets.length; f++) if (index.facets[f].key === key) return f;
    return -1;
  }

  function renderCard(project) {
    var card = element("li", "sc-card");
    card.setAttribute("data-project", project.id);
    if (project.logo) {
      var image = element("img", "sc-card__logo");
      image.src = root.getAttribute("data-logo-url")
        .replace("{id}", project.id).replace("{ext}", project.logo);
      image.alt = "";
      image.width = 56;
      image.height = 56;
      image.loading = "lazy";
      card.appendChild(image);
    } else {
      var placeholder = element("span",
        "sc-card__logo sc-card__logo--placeholder sc-hue-" + project.hue,
        Array.from(project.name)[0] || "");
      placeholder.setAttribute("aria-hidden", "true");
      card.appendChild(placeholder);
    }
    var body = element("div", "sc-card__body");
    var heading = element("h3", "sc-card__name");
    var link = element("a", "", project.name);
    link.href = root.getAttribute("data-project-url").replace("{id}", project.id);
    heading.appendChild(link);
    body.appendChild(heading);
    var values = project.values;
    body.appendChild(element("p", "sc-card__college", label("college", values[facetPosition("college")][0])));
    var badges = element("p", "sc-badges");
    ["level", "stage"].forEach(function (key) {
      var option = index.facets[facetPosition(key)].options[values[facetPosition(key)][0]];
      badges.appendChild(element("span", "sc-badge sc-" + key + "-" + option[0], option[1]));
    });
    body.appendChild(badges);
    var fields = values[facetPosition("field")].map(function (v) { return label("field", v); });
    body.appendChild(element("p", "sc-card__fields", fields.join(" · ")));
    body.appendChild(element("p", "sc-card__summary", project.summary));
    card.appendChild(body);
    return card;
  }

  function renderPager(state, page, pages) {
    pager.replaceChildren();
    if (pages <= 1) return;
    function pageLink(number, text, rel) {
      var link = element("a", "", text);
      link.href = queryOf({selection: state.selection, sort: state.sort, page: number,
                           search: state.search, found: state.found});
      link.setAttribute("data-page", String(number));
      link.rel = rel;
      pager.appendChild(link);
    }
    if (page > 1) pageLink(page - 1, "上一页", "prev");
    pager.appendChild(element("span", "", "第 " + page + " / " + pages + " 页"));
    if (page < pages) pageLink(page + 1, "下一页", "next");
  }
})();
