/* certdocs default theme: client-side search over search-index.json.
   Index entries: {t: title, d: description, u: url from the version root, s: service name,
   k: kind label, b: body text}. The index is untrusted text: results are built with
   createElement and textContent only, and only relative result URLs are linked. */
(function () {
  "use strict";

  var MAX_RESULTS = 50;
  // Per query word: where it was found. A title hit outranks any number of body hits of the same word.
  var WEIGHT = { title: 100, titlePrefix: 60, description: 20, descriptionPrefix: 12, body: 5, bodyPrefix: 3 };

  var results = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var input = document.getElementById("search-q");
  var form = document.getElementById("search-form");
  if (!results || !status || !input) {
    return;
  }
  var root = results.getAttribute("data-root") || "";
  var documents = null;

  function words(text) {
    return String(text || "")
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(function (word) { return word.length > 0; });
  }

  function unique(list) {
    return Array.from(new Set(list));
  }

  // A result URL must stay inside the site: no scheme ("javascript:", "https:"), no absolute path.
  function isRelative(url) {
    return typeof url === "string" && url.length > 0 && !/^[a-z][a-z0-9+.-]*:/i.test(url) && !/^[\/\\]/.test(url);
  }

  function prepare(index) {
    return (Array.isArray(index) ? index : []).filter(function (entry) {
      return entry && isRelative(entry.u);
    }).map(function (entry) {
      var title = String(entry.t || "");
      return {
        title: title,
        description: String(entry.d || ""),
        url: entry.u,
        service: String(entry.s || ""),
        kind: String(entry.k || ""),
        titleLower: title.toLowerCase(),
        titleWords: unique(words(title)),
        descriptionWords: unique(words(entry.d)),
        bodyWords: unique(words(entry.b))
      };
    });
  }

  // 2 for the word itself, 1 for a word it begins (prefixes of two letters or more), else 0.
  function match(fieldWords, term) {
    var best = 0;
    for (var i = 0; i < fieldWords.length; i++) {
      var word = fieldWords[i];
      if (word === term) {
        return 2;
      }
      if (term.length > 1 && word.lastIndexOf(term, 0) === 0) {
        best = 1;
      }
    }
    return best;
  }

  function score(doc, terms, phrase) {
    var total = 0;
    for (var i = 0; i < terms.length; i++) {
      var term = terms[i];
      var points = 0;
      var inTitle = match(doc.titleWords, term);
      points += inTitle === 2 ? WEIGHT.title : inTitle === 1 ? WEIGHT.titlePrefix : 0;
      var inDescription = match(doc.descriptionWords, term);
      points += inDescription === 2 ? WEIGHT.description : inDescription === 1 ? WEIGHT.descriptionPrefix : 0;
      var inBody = match(doc.bodyWords, term);
      points += inBody === 2 ? WEIGHT.body : inBody === 1 ? WEIGHT.bodyPrefix : 0;
      if (points === 0) {
        return 0; // every word must be found somewhere
      }
      total += points;
    }
    if (terms.length > 1 && doc.titleLower.indexOf(phrase) >= 0) {
      total += WEIGHT.title;
    }
    return total;
  }

  function search(query) {
    var terms = unique(words(query));
    if (terms.length === 0) {
      return [];
    }
    var phrase = query.trim().toLowerCase();
    var found = [];
    documents.forEach(function (doc) {
      var points = score(doc, terms, phrase);
      if (points > 0) {
        found.push({ doc: doc, score: points });
      }
    });
    found.sort(function (a, b) {
      return b.score - a.score || a.doc.title.localeCompare(b.doc.title) || (a.doc.url < b.doc.url ? -1 : 1);
    });
    return found;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text) {
      node.textContent = text;
    }
    return node;
  }

  function resultItem(doc) {
    var item = element("li", "search-result");
    var link = element("a", "search-result-title", doc.title || doc.url);
    link.href = root + doc.url;
    item.appendChild(link);
    var meta = [doc.service, doc.kind].filter(function (part) { return part.length > 0; }).join(" · ");
    if (meta) {
      item.appendChild(element("p", "search-result-meta", meta));
    }
    if (doc.description) {
      item.appendChild(element("p", "search-result-description", doc.description));
    }
    return item;
  }

  function setStatus(text, linkText, linkHref) {
    var nodes = [document.createTextNode(text)];
    if (linkText) {
      var link = element("a", null, linkText);
      link.href = linkHref;
      nodes.push(document.createTextNode(" "), link, document.createTextNode("."));
    }
    status.replaceChildren.apply(status, nodes);
  }

  function show(query) {
    if (documents === null) {
      return;
    }
    var found = search(query);
    var list = document.createDocumentFragment();
    found.slice(0, MAX_RESULTS).forEach(function (hit) { list.appendChild(resultItem(hit.doc)); });
    results.replaceChildren(list);
    var quoted = "\u201c" + query.trim() + "\u201d";
    if (query.trim().length === 0) {
      setStatus("Type a word to search " + documents.length + " articles.");
    } else if (found.length === 0) {
      setStatus("No results for " + quoted + ". Check the spelling, try fewer words, or", "browse the articles by service",
        root + "index.html");
    } else if (found.length > MAX_RESULTS) {
      setStatus("The first " + MAX_RESULTS + " of " + found.length + " results for " + quoted + ".");
    } else {
      setStatus(found.length + (found.length === 1 ? " result" : " results") + " for " + quoted + ".");
    }
  }

  function remember(query) {
    try {
      history.replaceState(null, "", "?q=" + encodeURIComponent(query));
    } catch (ignored) {
      // Some browsers refuse history changes on file:// pages; the results are still shown.
    }
  }

  var initial = new URLSearchParams(location.search).get("q") || "";
  input.value = initial;

  var pending = null;
  input.addEventListener("input", function () {
    clearTimeout(pending);
    pending = setTimeout(function () {
      show(input.value);
      remember(input.value);
    }, 150);
  });
  if (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      show(input.value);
      remember(input.value);
    });
  }

  // Browsers refuse fetch() on file:// pages (and log it as an error): say so instead.
  if (location.protocol === "file:" || !window.fetch) {
    setStatus("Search works when the site is served over HTTP. You can", "browse the articles by service",
      root + "index.html");
    return;
  }
  setStatus("Loading the search index\u2026");
  fetch(results.getAttribute("data-index-url"), { credentials: "same-origin" })
    .then(function (response) {
      if (!response.ok) {
        throw new Error("HTTP " + response.status);
      }
      return response.json();
    })
    .then(function (index) {
      documents = prepare(index);
      show(input.value);
    })
    .catch(function () {
      setStatus("The search index could not be loaded. You can", "browse the articles by service", root + "index.html");
    });
})();
