// Live preview (added by `invoke serve` only, never published): follows the build state
// on /__showcase__/events and reloads the page when a new site is on disk, or when this
// page was rendered first (before the full build) or that first rendering was dropped;
// after a failed rebuild it only shows the server's banner (escaped there), and removes it
// on success by reloading. See showcase/engine/live.py.
(() => {
  "use strict";
  const shown = document.currentScript.dataset.build;
  const root = document.documentElement;
  const BANNER = "sc-live-banner";

  let shownBanner = null; // the markup this script last put in; the server's own is unknown

  function showBanner(markup) {
    const old = document.getElementById(BANNER);
    if (markup === shownBanner && Boolean(old) === Boolean(markup)) return; // unchanged
    if (old) old.remove();
    if (markup) document.body.insertAdjacentHTML("afterbegin", markup);
    shownBanner = markup;
  }

  // One reload per expected state and address: a page that still does not carry it after
  // the reload (an address the server cannot answer with it) must not reload forever.
  function reloadedFor(expected) {
    const key = `sc-live-reloaded:${window.location.pathname}`;
    try {
      if (window.sessionStorage.getItem(key) === expected) return true;
      window.sessionStorage.setItem(key, expected);
    } catch {
      return false; // no storage: reload as before
    }
    return false;
  }

  function connect() {
    const source = new EventSource("/__showcase__/events");
    source.onopen = () => {
      root.dataset.showcaseLive = "connected";
    };
    source.onmessage = (event) => {
      const state = JSON.parse(event.data);
      const expected = (state.first && state.first[window.location.pathname]) || state.build;
      if (expected !== shown && !reloadedFor(expected)) {
        source.close();
        root.dataset.showcaseLive = "reloading";
        window.location.reload();
        return;
      }
      showBanner(state.banner);
    };
    source.onerror = () => {
      root.dataset.showcaseLive = "waiting";
      if (source.readyState === EventSource.CLOSED) window.setTimeout(connect, 1000);
    };
  }

  connect();
})();
