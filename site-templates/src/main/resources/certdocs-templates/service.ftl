<#ftl output_format="HTML">
<#-- One service's page: every article of the service, in displayOrder then title order. -->
<#import "layout.ftl" as layout>
<@layout.shell crumbs=[{"title": "Home", "url": root + "index.html"}, {"title": service.name, "url": ""}]>
<header class="page-header">
  <h1>${service.name}</h1>
  <p class="page-header-meta">
    ${service.articles?size?c} article<#if service.articles?size != 1>s</#if>
    <#if service.id?has_content> · <code>${service.id}</code></#if>
  </p>
</header>
<@layout.articleList service.articles/>
</@layout.shell>
