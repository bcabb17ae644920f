/* certdocs serve: reloads this page when the server says it changed (server-sent events).
   Injected by the preview server only; published sites never carry it. */
(function () {
  "use strict";
  if (!window.EventSource) {
    return;
  }
  var here = location.pathname;
  if (here.charAt(here.length - 1) === "/") {
    here += "index.html";
  }
  var decoded = here;
  try {
    decoded = decodeURIComponent(here);
  } catch (e) {
    // keep the raw path
  }
  var script = document.currentScript || document.querySelector("script[data-generation]");
  var served = script ? Number(script.getAttribute("data-generation")) : 0;
  var started = null;
  var events = new EventSource("/_certdocs/events");
  events.addEventListener("hello", function (event) {
    var parts = String(event.data).split(" ");
    // The server was restarted, or reloaded something between serving this page and this stream
    // connecting: the page may be stale, and nobody would say so.
    if ((started !== null && started !== parts[0]) || Number(parts[1]) > served) {
      events.close();
      location.reload();
      return;
    }
    started = parts[0];
    window.certdocsLive = true;
  });
  // A reload names pages by URL path, "/<cloud>/<version>/*" for every page of a cloud, "*" for all.
  function affected(pages) {
    for (var i = 0; i < pages.length; i++) {
      var p = String(pages[i]);
      if (p === "*" || p === here || p === decoded) return true;
      if (p.length > 2 && p.slice(-2) === "/*") {
        var prefix = p.slice(0, -1);
        if (here.indexOf(prefix) === 0 || decoded.indexOf(prefix) === 0) return true;
      }
    }
    return false;
  }
  events.addEventListener("reload", function (event) {
    if (affected(JSON.parse(event.data))) {
      events.close();
      location.reload();
    }
  });
  var overlay = document.getElementById("certdocs-problems");
  if (overlay) {
    var close = overlay.querySelector(".certdocs-problems-close");
    if (close) {
      close.addEventListener("click", function () { overlay.hidden = true; });
    }
  }
})();
