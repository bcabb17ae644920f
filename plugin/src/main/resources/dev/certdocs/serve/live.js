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
  var started = null;
  var events = new EventSource("/_certdocs/events");
  events.addEventListener("hello", function (event) {
    if (started !== null && started !== event.data) {
      location.reload(); // the server was restarted: everything may have changed
    }
    started = event.data;
  });
  events.addEventListener("reload", function (event) {
    var pages = JSON.parse(event.data);
    if (pages.indexOf("*") >= 0 || pages.indexOf(here) >= 0 || pages.indexOf(decoded) >= 0) {
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
