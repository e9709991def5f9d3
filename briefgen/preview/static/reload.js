/* Long-polls the preview until a newer build exists, then reloads keeping the scroll position.
   Its state comes from the data- attributes of its own script element. */
(function () {
  "use strict";
  var me = document.currentScript;
  var state = {
    epoch: Number(me.getAttribute("data-epoch")),
    server: me.getAttribute("data-server"),
    keepScroll: me.hasAttribute("data-keep-scroll")
  };
  var key = "briefgen-scroll:" + location.pathname;
  if ("scrollRestoration" in history) { history.scrollRestoration = "manual"; }
  if (state.keepScroll) {
    var saved = sessionStorage.getItem(key);
    if (saved !== null) {
      sessionStorage.removeItem(key);
      var xy = saved.split(",");
      window.scrollTo(Number(xy[0]) || 0, Number(xy[1]) || 0);
    }
  }
  var dot = document.getElementById("briefgen-status");
  function show(online) {
    if (!dot) { return; }
    dot.setAttribute("data-state", online ? "live" : "offline");
    dot.title = online ? "Live: reloads when a file changes" : "Preview server not reachable";
  }
  function reload() {
    if (state.keepScroll) {
      sessionStorage.setItem(key, window.scrollX + "," + window.scrollY);
    }
    location.reload();
  }
  var failures = 0;
  function poll() {
    var url = "/_briefgen/wait?epoch=" + state.epoch
      + "&server=" + encodeURIComponent(state.server);
    fetch(url, {cache: "no-store"}).then(function (response) {
      if (!response.ok) { throw new Error("HTTP " + response.status); }
      return response.json();
    }).then(function (news) {
      failures = 0;
      show(true);
      if (news.epoch !== state.epoch || news.server !== state.server) { reload(); } else { poll(); }
    }).catch(function () {
      failures += 1;
      show(false);
      setTimeout(poll, Math.min(250 * failures, 3000));
    });
  }
  var day = document.getElementById("briefgen-day");
  var audience = document.getElementById("briefgen-audience");
  function go() { location.href = "/" + day.value + "/" + audience.value + ".html"; }
  if (day && audience) {
    day.addEventListener("change", go);
    audience.addEventListener("change", go);
  }
  poll();
})();
