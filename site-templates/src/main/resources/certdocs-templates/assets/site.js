/* certdocs default theme: the version switcher, switcher menus, and "on this page" highlighting.
   Progressive enhancement only: every page works without it. No framework, no outside requests. */
(function () {
  "use strict";

  // A version name becomes a path segment, so only plain names are accepted.
  var VERSION_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

  function versionSwitcher() {
    var switcher = document.getElementById("version-switcher");
    // Browsers refuse fetch() on file:// pages and log it as an error; there is nothing to load.
    if (!switcher || !window.fetch || location.protocol === "file:") {
      return;
    }
    var root = switcher.getAttribute("data-root") || "";
    var pagePath = switcher.getAttribute("data-page-path") || "index.html";
    var current = switcher.getAttribute("data-current") || "";
    fetch(switcher.getAttribute("data-versions-url"), { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        var versions = data && Array.isArray(data.versions) ? data.versions.filter(function (v) {
          return v && typeof v.name === "string" && VERSION_NAME.test(v.name);
        }) : [];
        if (versions.length === 0) {
          return;
        }
        var menu = switcher.querySelector(".switcher-list");
        var items = document.createDocumentFragment();
        var latest = null;
        versions.forEach(function (v) {
          if (v.latest === true) {
            latest = v.name;
          }
          var item = document.createElement("li");
          var link = document.createElement("a");
          link.href = root + "../" + v.name + "/" + pagePath;
          link.textContent = v.name;
          if (v.latest === true) {
            var tag = document.createElement("span");
            tag.className = "switcher-tag";
            tag.textContent = "latest";
            link.appendChild(document.createTextNode(" "));
            link.appendChild(tag);
          }
          if (v.name === current) {
            link.setAttribute("aria-current", "page");
          } else {
            link.addEventListener("click", function (event) {
              openInVersion(event, link.href, root + "../" + v.name + "/index.html", pagePath);
            });
          }
          item.appendChild(link);
          items.appendChild(item);
        });
        menu.replaceChildren(items);
        if (latest && latest !== current) {
          showOlderVersionNotice(root + "../" + latest + "/" + pagePath, latest, current);
        }
      })
      .catch(function () {
        // No versions.json (or not JSON): keep the current version only.
      });
  }

  // A page that is new in a later version is not in an earlier one: the switcher asks first, and
  // opens that version's home page with a notice instead of a 404.
  function openInVersion(event, href, home, pagePath) {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
      return; // a new tab or window: let the browser do as asked
    }
    event.preventDefault();
    fetch(href, { method: "HEAD", credentials: "same-origin" })
      .then(function (response) {
        location.href = response.ok ? href : home + "?missing=" + encodeURIComponent(pagePath);
      })
      .catch(function () {
        location.href = href;
      });
  }

  // On a version's home page reached that way: say which page this version does not have.
  function missingPageNotice() {
    var missing = new URLSearchParams(location.search).get("missing");
    var notice = document.getElementById("version-notice");
    var switcher = document.getElementById("version-switcher");
    if (!missing || !notice) {
      return;
    }
    var version = switcher ? switcher.getAttribute("data-current") || "" : "";
    var text = document.createElement("p");
    text.className = "missing-page-notice";
    text.textContent = "The page " + missing + " is not in version " + version + ": this is that version's home page.";
    notice.insertBefore(text, notice.firstChild);
    notice.hidden = false;
  }

  function showOlderVersionNotice(href, latest, current) {
    var notice = document.getElementById("version-notice");
    if (!notice) {
      return;
    }
    var text = document.createElement("p");
    text.appendChild(document.createTextNode("You are reading version " + current + ". "));
    var link = document.createElement("a");
    link.href = href;
    link.textContent = "Go to the latest version (" + latest + ")";
    text.appendChild(link);
    var kept = notice.querySelector(".missing-page-notice");
    notice.replaceChildren(text);
    if (kept) {
      notice.insertBefore(kept, text);
    }
    notice.hidden = false;
  }

  // Switcher menus close on Escape (focus back on their button) and when focus or a click leaves them.
  function switcherMenus() {
    var menus = document.querySelectorAll("details.switcher");
    function closeAllExcept(keep) {
      Array.prototype.forEach.call(menus, function (menu) {
        if (menu !== keep) {
          menu.open = false;
        }
      });
    }
    Array.prototype.forEach.call(menus, function (menu) {
      menu.addEventListener("toggle", function () {
        if (menu.open) {
          closeAllExcept(menu);
        }
      });
      menu.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && menu.open) {
          menu.open = false;
          menu.querySelector("summary").focus();
        }
      });
      menu.addEventListener("focusout", function (event) {
        if (menu.open && event.relatedTarget && !menu.contains(event.relatedTarget)) {
          menu.open = false;
        }
      });
    });
    document.addEventListener("click", function (event) {
      var inside = event.target.closest ? event.target.closest("details.switcher") : null;
      closeAllExcept(inside);
    });
  }

  // Marks the "on this page" entry of the section being read.
  function tocHighlight() {
    var links = document.querySelectorAll(".toc a[href^='#']");
    if (links.length === 0 || !("IntersectionObserver" in window)) {
      return;
    }
    var byId = {};
    var headings = [];
    Array.prototype.forEach.call(links, function (link) {
      var id = decodeURIComponent(link.getAttribute("href").slice(1));
      var heading = document.getElementById(id);
      if (heading) {
        byId[id] = link;
        headings.push(heading);
      }
    });
    var visible = {};
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        visible[entry.target.id] = entry.isIntersecting;
      });
      var active = null;
      for (var i = 0; i < headings.length; i++) {
        if (visible[headings[i].id]) {
          active = headings[i].id;
          break;
        }
      }
      if (active) {
        Object.keys(byId).forEach(function (id) {
          byId[id].classList.toggle("is-active", id === active);
        });
      }
    }, { rootMargin: "0px 0px -60% 0px" });
    headings.forEach(function (heading) { observer.observe(heading); });
  }

  function start() {
    missingPageNotice();
    versionSwitcher();
    switcherMenus();
    tocHighlight();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
