/* certdocs default theme: client-side search over the sharded index in search/.
   The index files are scripts that hand their data to window.certdocsSearch (loaded with <script>
   elements, so search works from file:// where browsers refuse fetch()):
     search/index.js   certdocsSearch.index({articles, pageSize, shards: [keys], stop: [words]})
     search/t/<k>.js   certdocsSearch.shard(key, {term: [doc delta, weight, doc delta, weight, ...]})
     search/m/<n>.js   certdocsSearch.page(n, [[title, service, kind, description, url, snippet source, (1: cut)], ...])
     search/s/<n>.js   certdocsSearch.texts(n, [body text or null, ...]): the whole texts of page n's cut ones,
                       loaded for a result matched by its body whose words are past its snippet source
   A query loads the shards of its words and the metadata pages of the results it shows. The index
   is untrusted text: results are built with createElement, textContent and text nodes only, and
   only relative result URLs are linked. Terms are folded as dev.certdocs.publish.SearchTerms
   folds them: the two must change together. */
(function () {
  "use strict";

  var SHOWN = 10; // results shown at first, and added by "More results"
  var PREFIX_FROM = 3; // the word being typed matches words it begins from this many letters
  var PREFIX_FACTOR = 0.8; // a word begun ranks below the same word whole
  var SNIPPET = 180; // characters of the snippet around the first marked word
  // A posting weight of this or more means the word is in the article's title: nothing else weighs as much
  // (dev.certdocs.publish.SearchIndex.TITLE_WEIGHT; the two must change together).
  var TITLE_WEIGHT = 15;

  var results = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var input = document.getElementById("search-q");
  var form = document.getElementById("search-form");
  if (!results || !status || !input) {
    return;
  }
  var root = results.getAttribute("data-root") || "";
  var base = results.getAttribute("data-index-url").replace(/index\.js$/, "");

  var head = null;
  var shardKeys = null;
  var stop = {};
  var shards = {}; // key -> {term: postings}
  var pages = {}; // page number -> rows
  var texts = {}; // page number -> body texts (null: the row's snippet source is all of it)
  var loading = {}; // url -> Promise
  var latest = 0; // the number of the latest query: older answers are dropped
  var found = [];
  var shown = 0;
  var more = null;

  window.certdocsSearch = {
    index: function (data) { head = data; },
    shard: function (key, data) { shards[key] = data; },
    page: function (n, rows) { pages[n] = rows; },
    texts: function (n, list) { texts[n] = list; }
  };

  // Resolves once the script ran (it registers its data as it runs, before "load").
  function load(url) {
    if (!loading[url]) {
      loading[url] = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = url;
        script.async = true;
        script.onload = function () { resolve(); };
        script.onerror = function () { delete loading[url]; reject(new Error("cannot load " + url)); };
        document.head.appendChild(script);
      });
    }
    return loading[url];
  }

  function fold(word) {
    var w = word;
    var n = w.length;
    if (n > 4 && /ies$/.test(w)) {
      w = w.slice(0, n - 3) + "y";
    } else if (n >= 3 && /s$/.test(w) && !/(ss|us|is)$/.test(w)) {
      w = w.slice(0, n - 1);
    }
    if (w.length > 3 && /(x|z|ch|sh|ss)e$/.test(w)) {
      w = w.slice(0, w.length - 1);
    }
    return w;
  }

  function plain(text) {
    return String(text || "").normalize("NFD").replace(/\p{M}+/gu, "").toLowerCase();
  }

  function terms(text) {
    return plain(text).split(/[^\p{L}\p{N}]+/u).filter(function (w) { return w.length > 0; }).map(fold);
  }

  function codePoints(text) {
    return Array.from(text).length;
  }

  function prefixOf(text, n) {
    return Array.from(text).slice(0, n).join("");
  }

  function fileName(key) {
    if (/^[a-z0-9]+$/.test(key)) {
      return key;
    }
    return "_" + Array.from(new TextEncoder().encode(key)).map(function (b) {
      return (b < 16 ? "0" : "") + b.toString(16);
    }).join("");
  }

  // The longest shard key that begins the word (its shard holds the word if anything does).
  function ownKey(word) {
    for (var n = codePoints(word); n > 0; n--) {
      var key = prefixOf(word, n);
      if (shardKeys[key]) {
        return key;
      }
    }
    return null;
  }

  // The shards a query word needs: its own, and for a word begun, every longer key it begins.
  function keysFor(word) {
    var keys = [];
    var own = ownKey(word.text);
    if (own !== null) {
      keys.push(own);
    }
    if (word.prefix) {
      head.shards.forEach(function (key) {
        if (key.length > word.text.length && key.lastIndexOf(word.text, 0) === 0) {
          keys.push(key);
        }
      });
    }
    return keys;
  }

  function parse(query) {
    var list = terms(query);
    var endsInWord = /[\p{L}\p{N}]$/u.test(query);
    var words = [];
    list.forEach(function (text, i) {
      var last = i === list.length - 1;
      var word = { text: text, prefix: last && endsInWord && codePoints(text) >= PREFIX_FROM };
      if (!words.some(function (w) { return w.text === word.text && w.prefix === word.prefix; })) {
        words.push(word);
      }
    });
    var useful = words.filter(function (w) { return !stop[w.text] || w.prefix; });
    return useful.length > 0 ? useful : [];
  }

  // Per document, the best weight of the word in it (times how rare the term is), and whether a term
  // the word matches is in the document's title.
  function scores(word) {
    var result = new Map();
    var n = head.articles;
    keysFor(word).forEach(function (key) {
      var shard = shards[key] || {};
      Object.keys(shard).forEach(function (term) {
        var exact = term === word.text;
        if (!exact && !(word.prefix && term.lastIndexOf(word.text, 0) === 0)) {
          return;
        }
        var postings = shard[term];
        var idf = Math.log(1 + n / (postings.length / 2));
        var factor = (exact ? 1 : PREFIX_FACTOR) * idf;
        var doc = 0;
        for (var i = 0; i < postings.length; i += 2) {
          doc += postings[i];
          var s = postings[i + 1] * factor;
          var title = postings[i + 1] >= TITLE_WEIGHT;
          var before = result.get(doc);
          if (before === undefined) {
            result.set(doc, { score: s, title: title });
          } else {
            before.score = Math.max(before.score, s);
            before.title = before.title || title;
          }
        }
      });
    });
    return result;
  }

  // Documents holding every word (AND): those with more of the words in their title first, then by score
  // (which favours shorter titles), then in article order.
  function rank(words) {
    var total = null;
    words.forEach(function (word) {
      var mine = scores(word);
      var both = new Map();
      (total || mine).forEach(function (s, doc) {
        var m = mine.get(doc);
        if (total === null) {
          both.set(doc, { score: m.score, titles: m.title ? 1 : 0 });
        } else if (m !== undefined) {
          both.set(doc, { score: s.score + m.score, titles: s.titles + (m.title ? 1 : 0) });
        }
      });
      total = both;
    });
    var list = [];
    (total || new Map()).forEach(function (s, doc) { list.push({ doc: doc, score: s.score, titles: s.titles }); });
    list.sort(function (a, b) { return b.titles - a.titles || b.score - a.score || a.doc - b.doc; });
    return list;
  }

  function row(doc) {
    var page = pages[Math.floor(doc / head.pageSize)];
    return page ? page[doc % head.pageSize] : null;
  }

  function pagesFor(hits) {
    var wanted = {};
    hits.forEach(function (hit) { wanted[Math.floor(hit.doc / head.pageSize)] = true; });
    return Promise.all(Object.keys(wanted).map(function (n) { return load(base + "m/" + n + ".js"); }));
  }

  // A result URL must stay inside the site: no scheme ("javascript:", "https:"), no absolute path.
  function isRelative(url) {
    return typeof url === "string" && url.length > 0 && !/^[a-z][a-z0-9+.-]*:/i.test(url) && !/^[\/\\]/.test(url);
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

  function matches(token, words) {
    var t = fold(plain(token));
    return words.some(function (w) { return t === w.text || (w.prefix && t.lastIndexOf(w.text, 0) === 0); });
  }

  // The text around the first matched word, matched words in <mark>: text nodes only.
  function snippet(text, words) {
    var source = String(text || "");
    var tokens = [];
    var re = /[\p{L}\p{N}\p{M}]+/gu;
    var m;
    while ((m = re.exec(source)) !== null) {
      tokens.push({ at: m.index, end: m.index + m[0].length, hit: matches(m[0], words) });
    }
    var first = tokens.filter(function (t) { return t.hit; })[0];
    if (!first) {
      return null;
    }
    var from = Math.max(0, first.at - 60);
    while (from > 0 && /[\p{L}\p{N}]/u.test(source.charAt(from - 1))) {
      from--;
    }
    var to = Math.min(source.length, from + SNIPPET);
    while (to < source.length && /[\p{L}\p{N}]/u.test(source.charAt(to))) {
      to++;
    }
    var p = element("p", "search-result-snippet");
    var at = from;
    if (from > 0) {
      p.appendChild(document.createTextNode("\u2026 "));
    }
    tokens.forEach(function (t) {
      if (!t.hit || t.at < from || t.end > to) {
        return;
      }
      p.appendChild(document.createTextNode(source.slice(at, t.at)));
      p.appendChild(element("mark", null, source.slice(t.at, t.end)));
      at = t.end;
    });
    p.appendChild(document.createTextNode(source.slice(at, to) + (to < source.length ? " \u2026" : "")));
    return p;
  }

  function resultItem(r, words, doc) {
    var item = element("li", "search-result");
    var title = String(r[0] || "");
    var url = String(r[4] || "");
    var link = element("a", "search-result-title", title || url);
    if (isRelative(url)) {
      link.href = root + url;
    }
    item.appendChild(link);
    var meta = [String(r[1] || ""), String(r[2] || "")].filter(function (part) { return part.length > 0; }).join(" \u00b7 ");
    if (meta) {
      item.appendChild(element("p", "search-result-meta", meta));
    }
    if (r[3]) {
      item.appendChild(element("p", "search-result-description", String(r[3])));
    }
    var s = snippet(r[5], words);
    if (s) {
      item.appendChild(s);
    } else if (r[6] === 1 && !snippet(r[0] + " " + r[3], words)) {
      // Found by its body, further in than the start the metadata holds: the page's texts, then the snippet.
      var n = Math.floor(doc / head.pageSize);
      load(base + "s/" + n + ".js").then(function () {
        var later = snippet((texts[n] || [])[doc % head.pageSize], words);
        if (later) {
          item.appendChild(later);
        }
      }).catch(function () { /* no snippet: the result is still shown */ });
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

  function failed() {
    setStatus("The search index could not be loaded. You can", "browse the articles by service", root + "index.html");
  }

  // Shows the next SHOWN results, once their metadata pages are loaded.
  function showMore(words, query, mine) {
    var next = found.slice(shown, shown + SHOWN);
    return pagesFor(next).then(function () {
      if (mine !== latest) {
        return;
      }
      var list = document.createDocumentFragment();
      next.forEach(function (hit) {
        var r = row(hit.doc);
        if (r) {
          list.appendChild(resultItem(r, words, hit.doc));
        }
      });
      if (shown === 0) {
        results.replaceChildren(list);
      } else {
        results.appendChild(list);
      }
      shown += next.length;
      var quoted = "\u201c" + query.trim() + "\u201d";
      var count = found.length + (found.length === 1 ? " result" : " results") + " for " + quoted + ".";
      setStatus(shown < found.length ? count + " Showing the first " + shown + "." : count);
      if (more) {
        more.hidden = shown >= found.length;
      }
    });
  }

  function show(query) {
    if (head === null) {
      return;
    }
    var mine = ++latest;
    var words = parse(query);
    if (query.trim().length === 0 || words.length === 0) {
      found = [];
      shown = 0;
      results.replaceChildren();
      if (more) {
        more.hidden = true;
      }
      setStatus(query.trim().length === 0 ? "Type a word to search " + head.articles + " articles."
        : "No results for \u201c" + query.trim() + "\u201d. Try other words, or", query.trim().length === 0 ? null
        : "browse the articles by service", root + "index.html");
      return;
    }
    var keys = {};
    words.forEach(function (w) { keysFor(w).forEach(function (k) { keys[k] = true; }); });
    Promise.all(Object.keys(keys).map(function (k) { return load(base + "t/" + fileName(k) + ".js"); }))
      .then(function () {
        if (mine !== latest) {
          return null;
        }
        found = rank(words);
        shown = 0;
        if (found.length === 0) {
          results.replaceChildren();
          if (more) {
            more.hidden = true;
          }
          setStatus("No results for \u201c" + query.trim() + "\u201d. Check the spelling, try fewer words, or",
            "browse the articles by service", root + "index.html");
          return null;
        }
        return showMore(words, query, mine);
      })
      .catch(failed);
  }

  function remember(query) {
    try {
      history.replaceState(null, "", "?q=" + encodeURIComponent(query));
    } catch (ignored) {
      // Some browsers refuse history changes on file:// pages; the results are still shown.
    }
  }

  // Arrow keys move between the search box and the result links; Tab works as everywhere.
  function links() {
    return Array.prototype.slice.call(results.querySelectorAll("a.search-result-title"));
  }
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown" && links().length > 0) {
      event.preventDefault();
      links()[0].focus();
    }
  });
  results.addEventListener("keydown", function (event) {
    var all = links();
    var at = all.indexOf(document.activeElement);
    if (at < 0 || (event.key !== "ArrowDown" && event.key !== "ArrowUp")) {
      return;
    }
    event.preventDefault();
    if (event.key === "ArrowDown" && at + 1 < all.length) {
      all[at + 1].focus();
    } else if (event.key === "ArrowUp") {
      (at === 0 ? input : all[at - 1]).focus();
    }
  });

  more = element("button", "search-more", "More results");
  more.type = "button";
  more.hidden = true;
  more.addEventListener("click", function () {
    var focusAt = shown;
    showMore(parse(input.value), input.value, latest).then(function () {
      var all = links();
      if (all[focusAt]) {
        all[focusAt].focus();
      }
    }).catch(failed);
  });
  results.parentNode.insertBefore(more, results.nextSibling);

  var initial = new URLSearchParams(location.search).get("q") || "";
  input.value = initial;

  var pending = null;
  input.addEventListener("input", function () {
    clearTimeout(pending);
    pending = setTimeout(function () {
      show(input.value);
      remember(input.value);
    }, 60);
  });
  if (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      show(input.value);
      remember(input.value);
    });
  }

  setStatus("Loading the search index\u2026");
  load(base + "index.js").then(function () {
    if (head === null) {
      throw new Error("no index");
    }
    shardKeys = {};
    head.shards.forEach(function (k) { shardKeys[k] = true; });
    (head.stop || []).forEach(function (w) { stop[w] = true; });
    show(input.value);
  }).catch(failed);
})();
