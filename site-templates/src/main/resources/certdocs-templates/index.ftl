<#ftl output_format="HTML">
<#-- The home page of one cloud and version: a search box, then the articles by service. -->
<#import "layout.ftl" as layout>

<#-- How many articles each service card lists; the card links to the service page for the rest. -->
<#assign articlesPerService = 8>

<#assign articleTotal = 0>
<#list services as s><#assign articleTotal += s.articles?size></#list>

<@layout.shell headerSearch=false>
<section class="hero">
  <h1>${page.title?has_content?then(page.title, site.title)}</h1>
  <#if page.description?has_content><p class="lead">${page.description}</p></#if>
  <form class="search-form hero-search" role="search" action="${root}search.html" method="get">
    <label for="home-search-q">Search ${articleTotal?c} articles for ${cloud.name}</label>
    <div class="search-row">
      <input id="home-search-q" type="search" name="q" autocomplete="off" placeholder="For example: VM does not start">
      <button type="submit">Search</button>
    </div>
  </form>
</section>

<section class="services" aria-labelledby="services-heading">
  <h2 id="services-heading">Browse by service</h2>
  <#if services?has_content>
  <div class="service-grid">
    <#list services as s>
    <section class="service-card" aria-labelledby="service-${s?index?c}">
      <h3 id="service-${s?index?c}"><a href="${root}${s.url}">${s.name}</a></h3>
      <p class="service-card-count">${s.articles?size?c} article<#if s.articles?size != 1>s</#if></p>
      <ul class="service-card-list">
        <#list s.articles as a>
        <#if a?index == articlesPerService><#break></#if>
        <li><a href="${root}${a.url}">${a.title}</a></li>
        </#list>
      </ul>
      <#if s.articles?size gt articlesPerService>
      <p class="service-card-more"><a href="${root}${s.url}">All ${s.articles?size?c} ${s.name} articles</a></p>
      </#if>
    </section>
    </#list>
  </div>
  <#else>
  <p class="muted">No articles are published for ${cloud.name} in this version yet.</p>
  </#if>
</section>
</@layout.shell>
