<#ftl output_format="HTML">
<#--
  The not-found page. A server shows it for any missing path, so its relative links only work
  from the version root: with a baseUrl it sets <base href> to the version root's absolute URL.
-->
<#import "layout.ftl" as layout>
<#assign base = page.canonicalUrl?has_content?then(page.canonicalUrl?keep_before_last("/") + "/", "")>
<@layout.shell base=base>
<div class="not-found">
  <p class="not-found-code" aria-hidden="true">404</p>
  <h1>${page.title?has_content?then(page.title, "Page not found")}</h1>
  <p class="lead">We could not find that page in the ${cloud.name} articles (version ${version.name}).
    It may have moved, or it may not be published in this cloud.</p>
  <form class="search-form" role="search" action="${root}search.html" method="get">
    <label for="notfound-search-q">Search for an article</label>
    <div class="search-row">
      <input id="notfound-search-q" type="search" name="q" autocomplete="off">
      <button type="submit">Search</button>
    </div>
  </form>
  <h2>Browse by service</h2>
  <#if services?has_content>
  <ul class="service-links">
    <#list services as s><li><a href="${root}${s.url}">${s.name}</a> <span class="muted">(${s.articles?size?c})</span></li></#list>
  </ul>
  <#else>
  <p class="muted">No articles are published yet.</p>
  </#if>
  <p><a href="${root}index.html">Go to the home page</a></p>
</div>
</@layout.shell>
