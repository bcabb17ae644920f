<#ftl output_format="HTML">
<#--
  The search page. assets/search.js loads the sharded index in search/ (script files, so it works
  from file:// too) and lists the matches as you type; it reads the query from ?q=, so the header
  search box (a GET form) lands here.
-->
<#import "layout.ftl" as layout>
<@layout.shell headerSearch=false crumbs=[{"title": "Home", "url": root + "index.html"}, {"title": "Search", "url": ""}]>
<h1>Search</h1>
<form class="search-form" id="search-form" role="search" action="${root}search.html" method="get">
  <label for="search-q">Search the ${cloud.name} articles</label>
  <div class="search-row">
    <input id="search-q" type="search" name="q" autocomplete="off" placeholder="Words from a title or an article">
    <button type="submit">Search</button>
  </div>
</form>
<p class="search-status" id="search-status" role="status"></p>
<ol class="search-results" id="search-results" data-index-url="${root}search/index.js" data-root="${root}"></ol>
<noscript><p class="search-status">Search needs JavaScript. You can <a href="${root}index.html">browse the articles by service</a> instead.</p></noscript>
<script src="${root}assets/search.js" defer></script>
</@layout.shell>
