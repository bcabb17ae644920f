<#ftl output_format="HTML">
<#--
  certdocs default theme: the page shell and the pieces every page shares.
  Page templates import this file (<#import "layout.ftl" as layout>) and wrap their content in
  <@layout.shell> (not "page": a macro of that name would hide the page variable here). The data model is documented in site-templates/README.md. Every value is
  HTML-escaped by FreeMarker; only article.html (sanitized by the render stage) is printed raw.
-->

<#-- Above this many articles, the sidebar links to the service page instead of listing them,
     so that a large service does not make every one of its pages heavy. -->
<#assign sidebarArticleLimit = 40>

<#-- The other clouds' home pages, for pages that are not articles. -->
<#function cloudHomeLinks>
  <#local links = []>
  <#list clouds as c>
    <#if c.id != cloud.id>
      <#local links = links + [{"id": c.id, "name": c.name, "url": root + "../../" + c.id + "/" + version.name + "/index.html"}]>
    </#if>
  </#list>
  <#return links>
</#function>

<#--
  The page shell: head, skip link, header (title, cloud badge, search, switchers), main,
  services navigation and footer.
  - crumbs: breadcrumb entries ({title, url}, url already relative to this page); the last one is
    the current page and is not linked. Empty: no breadcrumb.
  - otherClouds: the cloud switcher's entries ({id, name, url}); articles pass article.otherClouds.
  - headerSearch: false on the search page, which has its own search box.
  - base: an absolute <base href> for pages served from any path (404.html).
  The cloud badge, the search icon, the version and cloud switchers and the breadcrumb are
  written out here as the macros of those names below write them (the
  macros stay, for templates that call them): a macro call costs FreeMarker a new scope on every
  page (docs/performance.md, item 23). Change both, or call the macro instead.
-->
<#macro shell crumbs=[] otherClouds=cloudHomeLinks() headerSearch=true base="">
<!DOCTYPE html>
<html lang="${site.language!"en"}" class="cloud-${cloud.id}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<#if base?has_content><base href="${base}"></#if>
<title><#if page.title?has_content && page.title != site.title>${page.title} · ${site.title}<#else>${site.title}</#if></title>
<#if page.description?has_content><meta name="description" content="${page.description}"></#if>
<#if page.canonicalUrl?has_content><link rel="canonical" href="${page.canonicalUrl}"></#if>
<meta name="generator" content="${site.generator}">
<link rel="icon" href="${root}assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="${root}assets/certdocs.css">
<script src="${root}assets/site.js" defer></script>
</head>
<body class="page-${page.kind}">
<a class="skip-link" href="#main">Skip to main content</a>
<header class="site-header">
  <div class="site-header-inner">
    <div class="site-brand">
      <a class="site-title" href="${root}index.html">${site.title}</a>
<span class="cloud-badge" title="Cloud environment<#if cloud.airGapped>: air-gapped</#if>"><#if cloud.airGapped><@icon "lock"/></#if>${cloud.name}</span>
    </div>
    <#if headerSearch>
    <form class="site-search" role="search" action="${root}search.html" method="get">
      <label class="visually-hidden" for="site-search-q">Search articles</label>
      <input id="site-search-q" type="search" name="q" placeholder="Search articles" autocomplete="off">
      <button type="submit"><svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false"><path fill="currentColor" d="M6.5 1a5.5 5.5 0 0 1 4.38 8.82l3.65 3.65-1.06 1.06-3.65-3.65A5.5 5.5 0 1 1 6.5 1Zm0 1.5a4 4 0 1 0 0 8 4 4 0 0 0 0-8Z"/></svg>
<span class="visually-hidden">Search</span></button>
    </form>
    </#if>
    <div class="switchers">
<details class="switcher version-switcher" id="version-switcher"
    data-versions-url="${root}../versions.json" data-root="${root}"
    data-page-path="${page.path}" data-current="${version.name}">
  <summary><span class="switcher-label">Version</span> <span class="switcher-value">${version.name}</span></summary>
  <div class="switcher-menu">
    <ul class="switcher-list" aria-label="Versions">
      <li><a href="${root}../${version.name}/${page.path}" aria-current="page">${version.name}</a></li>
    </ul>
  </div>
</details>
<#if otherClouds?has_content || page.kind == "article">
<details class="switcher cloud-switcher">
  <summary><span class="switcher-label">Cloud</span> <span class="switcher-value">${cloud.name}</span></summary>
  <div class="switcher-menu">
    <ul class="switcher-list" aria-label="Clouds">
      <li><a href="${root}${page.path}" aria-current="page"><span class="cloud-dot cloud-${cloud.id}" aria-hidden="true"></span>${cloud.name}</a></li>
      <#list otherClouds as c>
      <li><a href="${c.url}"><span class="cloud-dot cloud-${c.id}" aria-hidden="true"></span>${c.name}</a></li>
      </#list>
    </ul>
    <#if !otherClouds?has_content><p class="switcher-note">Only published in ${cloud.name}.</p></#if>
  </div>
</details>
</#if>
    </div>
  </div>
</header>
<div class="version-notice" id="version-notice" role="status" hidden></div>
<div class="page-layout">
  <main id="main" tabindex="-1">
<#if crumbs?has_content>
<nav class="breadcrumb" aria-label="Breadcrumb">
  <ol>
    <#list crumbs as c>
    <li><#if c?has_next><a href="${c.url}">${c.title}</a><#else><span aria-current="page">${c.title}</span></#if></li>
    </#list>
  </ol>
</nav>
</#if>
    <#nested>
  </main>
  <@servicesNav/>
</div>
<footer class="site-footer">
  <div class="site-footer-inner">
    <p>${site.title} · ${cloud.name} · Version ${version.name}</p>
    <#if cloud.portalUrl?has_content>
    <p><a class="external" href="${cloud.portalUrl}" rel="noopener">${cloud.name} portal</a></p>
    </#if>
    <p class="generator">Generated by ${site.generator}</p>
  </div>
</footer>
</body>
</html>
</#macro>

<#-- The cloud this site is for; its colour comes from the cloud-<id> class on <html>. -->
<#macro cloudBadge>
<span class="cloud-badge" title="Cloud environment<#if cloud.airGapped>: air-gapped</#if>"><#if cloud.airGapped><@icon "lock"/></#if>${cloud.name}</span>
</#macro>

<#-- Filled by assets/site.js from versions.json; without JavaScript it shows the current version. -->
<#macro versionSwitcher>
<details class="switcher version-switcher" id="version-switcher"
    data-versions-url="${root}../versions.json" data-root="${root}"
    data-page-path="${page.path}" data-current="${version.name}">
  <summary><span class="switcher-label">Version</span> <span class="switcher-value">${version.name}</span></summary>
  <div class="switcher-menu">
    <ul class="switcher-list" aria-label="Versions">
      <li><a href="${root}../${version.name}/${page.path}" aria-current="page">${version.name}</a></li>
    </ul>
  </div>
</details>
</#macro>

<#-- Plain links: the same article in the other clouds that publish it (or their home pages). -->
<#macro cloudSwitcher links>
<#if links?has_content || page.kind == "article">
<details class="switcher cloud-switcher">
  <summary><span class="switcher-label">Cloud</span> <span class="switcher-value">${cloud.name}</span></summary>
  <div class="switcher-menu">
    <ul class="switcher-list" aria-label="Clouds">
      <li><a href="${root}${page.path}" aria-current="page"><span class="cloud-dot cloud-${cloud.id}" aria-hidden="true"></span>${cloud.name}</a></li>
      <#list links as c>
      <li><a href="${c.url}"><span class="cloud-dot cloud-${c.id}" aria-hidden="true"></span>${c.name}</a></li>
      </#list>
    </ul>
    <#if !links?has_content><p class="switcher-note">Only published in ${cloud.name}.</p></#if>
  </div>
</details>
</#if>
</#macro>

<#macro breadcrumb crumbs>
<nav class="breadcrumb" aria-label="Breadcrumb">
  <ol>
    <#list crumbs as c>
    <li><#if c?has_next><a href="${c.url}">${c.title}</a><#else><span aria-current="page">${c.title}</span></#if></li>
    </#list>
  </ol>
</nav>
</#macro>

<#-- Services with their article counts; the current page's service is opened. The data model
     marks the entries: s.current (s.url is page.path), s.open (current, or the article's service). -->
<#macro servicesNav>
<nav class="site-nav" id="site-nav" aria-label="Services">
  <h2 class="site-nav-heading">Services</h2>
  <#if services?has_content>
  <ul class="site-nav-list">
    <#list services as s>
    <li<#if s.open> class="is-open"</#if>>
      <a href="${root}${s.url}"<#if s.current> aria-current="page"</#if>>${s.name}<span class="count"><span class="visually-hidden">, </span>${s.articleCount?c}<span class="visually-hidden"> articles</span></span></a>
      <#if s.open && page.kind == "article">
        <#if s.articles?size <= sidebarArticleLimit>
        <ul>
          <#list s.articles as a>
          <li><a href="${root}${a.url}"<#if a.url == page.path> aria-current="page"</#if>>${a.title}</a></li>
          </#list>
        </ul>
        <#else>
        <ul><li><a href="${root}${s.url}">All ${s.articles?size?c} articles</a></li></ul>
        </#if>
      </#if>
    </li>
    </#list>
  </ul>
  <#else>
  <p class="muted">No articles yet.</p>
  </#if>
</nav>
</#macro>

<#-- A list of article summaries (index, service, 404 pages). -->
<#macro articleList articles showService=false>
<#if articles?has_content>
<ul class="article-list">
  <#list articles as a>
  <li>
    <a class="article-list-title" href="${root}${a.url}">${a.title}</a>
    <#if a.description?has_content><p class="article-list-description">${a.description}</p></#if>
    <p class="article-list-meta"><span class="kind-label">${a.kindLabel}</span><#if showService && a.service?has_content> · ${a.service}</#if></p>
  </li>
  </#list>
</ul>
<#else>
<p class="muted">No articles.</p>
</#if>
</#macro>

<#-- "On this page": h2 entries with their h3 entries nested under them. -->
<#macro toc entries>
<#if entries?has_content>
<nav class="toc" aria-labelledby="toc-heading">
  <h2 class="toc-heading" id="toc-heading">On this page</h2>
  <ol>
  <#list entries as e>
    <#if e.level == 3 && (e?index == 0 || entries[e?index - 1].level != 3)><li class="toc-sub"><ol></#if>
    <li class="toc-level-${e.level?c}"><a href="#${e.id}">${e.text}</a></li>
    <#if e.level == 3 && (!e?has_next || entries[e?index + 1].level != 3)></ol></li></#if>
  </#list>
  </ol>
</nav>
</#if>
</#macro>

<#--
  The article page, shared by article.ftl and the article-<kind>.ftl templates. The nested
  content (a form preview, a metadata table) comes after the body. extraToc adds entries for
  headings in that nested content. The table of contents and the article footer are written out
  as the macros toc and articleFooter write them (see shell).
-->
<#macro articlePage extraToc=[]>
<#local crumbs = [{"title": "Home", "url": root + "index.html"}]>
<#if article.serviceName?has_content && article.serviceUrl?has_content>
  <#local crumbs = crumbs + [{"title": article.serviceName, "url": root + article.serviceUrl}]>
</#if>
<#local crumbs = crumbs + [{"title": article.title, "url": ""}]>
<@shell crumbs=crumbs otherClouds=article.otherClouds>
<article class="article<#if (article.toc?size + extraToc?size) gt 0> has-toc</#if>">
  <header class="article-header">
    <p class="article-kind"><span class="kind-label">${article.kindLabel}</span><#if article.serviceName?has_content> · ${article.serviceName}</#if></p>
    <h1>${article.title}</h1>
    <#if article.description?has_content><p class="lead">${article.description}</p></#if>
    <#if article.lastUpdated?has_content || article.authors?has_content>
    <p class="article-byline">
      <#if article.lastUpdated?has_content>Updated ${article.lastUpdated}</#if>
      <#if article.lastUpdated?has_content && article.authors?has_content> · </#if>
      <#if article.authors?has_content>By ${article.authors?join(", ")}</#if>
    </p>
    </#if>
  </header>
<#local entries = article.toc + extraToc>
<#if entries?has_content>
<nav class="toc" aria-labelledby="toc-heading">
  <h2 class="toc-heading" id="toc-heading">On this page</h2>
  <ol>
  <#list entries as e>
    <#if e.level == 3 && (e?index == 0 || entries[e?index - 1].level != 3)><li class="toc-sub"><ol></#if>
    <li class="toc-level-${e.level?c}"><a href="#${e.id}">${e.text}</a></li>
    <#if e.level == 3 && (!e?has_next || entries[e?index + 1].level != 3)></ol></li></#if>
  </#list>
  </ol>
</nav>
</#if>
  <div class="article-body">
    ${article.html?no_esc}
    <#nested>
  </div>
<footer class="article-footer">
  <#if article.tags?has_content>
  <ul class="tags" aria-label="Tags">
    <#list article.tags as t><li>${t}</li></#list>
  </ul>
  </#if>
  <#if article.otherClouds?has_content>
  <p>Also published in:
    <#list article.otherClouds as c><a href="${c.url}"><span class="cloud-dot cloud-${c.id}" aria-hidden="true"></span>${c.name}</a><#sep>, </#list>
  </p>
  </#if>
  <details class="article-details">
    <summary>Article details</summary>
    <dl class="details-list">
      <dt>Article id</dt><dd><code>${article.articleId}</code></dd>
      <dt>Kind</dt><dd>${article.kindLabel} (<code>${article.kind}</code>)</dd>
      <#if article.service?has_content><dt>Service</dt><dd><code>${article.service}</code></dd></#if>
      <#if article.resource?has_content><dt>Resource</dt><dd><code>${article.resource}</code></dd></#if>
      <#if article.owner?has_content><dt>Owner</dt><dd>${article.owner}</dd></#if>
      <dt>Source</dt><dd><code>${article.path}</code></dd>
    </dl>
    <#if article.attributes?has_content>
    <table class="attributes-table">
      <caption>Properties as written</caption>
      <thead><tr><th scope="col">Name</th><th scope="col">Value</th></tr></thead>
      <tbody>
      <#list article.attributes as attr>
        <tr><th scope="row"><code>${attr.name}</code></th><td>${attr.value}</td></tr>
      </#list>
      </tbody>
    </table>
    </#if>
  </details>
</footer>
</article>
</@shell>
</#macro>

<#macro articleFooter>
<footer class="article-footer">
  <#if article.tags?has_content>
  <ul class="tags" aria-label="Tags">
    <#list article.tags as t><li>${t}</li></#list>
  </ul>
  </#if>
  <#if article.otherClouds?has_content>
  <p>Also published in:
    <#list article.otherClouds as c><a href="${c.url}"><span class="cloud-dot cloud-${c.id}" aria-hidden="true"></span>${c.name}</a><#sep>, </#list>
  </p>
  </#if>
  <details class="article-details">
    <summary>Article details</summary>
    <dl class="details-list">
      <dt>Article id</dt><dd><code>${article.articleId}</code></dd>
      <dt>Kind</dt><dd>${article.kindLabel} (<code>${article.kind}</code>)</dd>
      <#if article.service?has_content><dt>Service</dt><dd><code>${article.service}</code></dd></#if>
      <#if article.resource?has_content><dt>Resource</dt><dd><code>${article.resource}</code></dd></#if>
      <#if article.owner?has_content><dt>Owner</dt><dd>${article.owner}</dd></#if>
      <dt>Source</dt><dd><code>${article.path}</code></dd>
    </dl>
    <#if article.attributes?has_content>
    <table class="attributes-table">
      <caption>Properties as written</caption>
      <thead><tr><th scope="col">Name</th><th scope="col">Value</th></tr></thead>
      <tbody>
      <#list article.attributes as attr>
        <tr><th scope="row"><code>${attr.name}</code></th><td>${attr.value}</td></tr>
      </#list>
      </tbody>
    </table>
    </#if>
  </details>
</footer>
</#macro>

<#-- A readable table of flattened JSON rows (key, value), grouped by the key's first segment. -->
<#macro jsonTable rows caption>
<#if rows?has_content>
<div class="table-scroll">
<table class="json-table">
  <caption>${caption}</caption>
  <thead><tr><th scope="col">Field</th><th scope="col">Value</th></tr></thead>
  <tbody>
  <#local group = "">
  <#list rows as row>
    <#local key = row.key>
    <#local rowGroup = key?contains(".")?then(key?keep_before("."), "")>
    <#if rowGroup != group && rowGroup?has_content>
    <tr class="json-group"><th colspan="2" scope="colgroup">${humanize(rowGroup)}</th></tr>
    </#if>
    <#local group = rowGroup>
    <tr>
      <th scope="row"><span class="json-label">${humanize(key?contains(".")?then(key?keep_after_last("."), key))}</span> <code class="json-key">${key}</code></th>
      <td><#local text = display(row.value!"")><#if text?has_content>${text}<#else><span class="muted">(empty)</span></#if></td>
    </tr>
  </#list>
  </tbody>
</table>
</div>
<#else>
<p class="muted">This article has no fields.</p>
</#if>
</#macro>

<#-- "recommendationTypeId" -> "Recommendation type id"; "tags[0]" stays readable. -->
<#function humanize key>
  <#local words = key?replace("([a-z0-9])([A-Z])", "$1 $2", "r")?replace("[_-]+", " ", "r")>
  <#return words?lower_case?cap_first>
</#function>

<#-- Values are normally strings; numbers and booleans print as JSON would, lists joined. -->
<#function display value>
  <#if value?is_boolean || value?is_number><#return value?c></#if>
  <#if value?is_sequence><#return value?join(", ")></#if>
  <#return value>
</#function>

<#-- Small inline icons (no external assets); decorative, hidden from assistive technology. -->
<#macro icon name>
<#if name == "search"><svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false"><path fill="currentColor" d="M6.5 1a5.5 5.5 0 0 1 4.38 8.82l3.65 3.65-1.06 1.06-3.65-3.65A5.5 5.5 0 1 1 6.5 1Zm0 1.5a4 4 0 1 0 0 8 4 4 0 0 0 0-8Z"/></svg><#elseif name == "lock"><svg class="icon" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false"><path fill="currentColor" d="M8 1a3.5 3.5 0 0 0-3.5 3.5V6H3.5A1.5 1.5 0 0 0 2 7.5v6A1.5 1.5 0 0 0 3.5 15h9a1.5 1.5 0 0 0 1.5-1.5v-6A1.5 1.5 0 0 0 12.5 6H11.5V4.5A3.5 3.5 0 0 0 8 1Zm2 5H6V4.5a2 2 0 1 1 4 0V6Z"/></svg></#if>
</#macro>
