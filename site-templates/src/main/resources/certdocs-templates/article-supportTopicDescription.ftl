<#ftl output_format="HTML">
<#-- A supportTopicDescription article: its body (if any), then article.json as a table. -->
<#import "layout.ftl" as layout>
<@layout.articlePage extraToc=[{"level": 2, "id": "support-topic-fields", "text": "Support topic fields"}]>
<section class="json-section" aria-labelledby="support-topic-fields">
  <h2 id="support-topic-fields">Support topic fields</h2>
  <p class="muted">The fields of this support topic description, as written in the article.</p>
  <@layout.jsonTable rows=article.json caption="Support topic description"/>
</section>
</@layout.articlePage>
