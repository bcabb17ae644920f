<#ftl output_format="HTML">
<#-- An advisorRecommendationMetadata article: its body (if any), then article.json as a table. -->
<#import "layout.ftl" as layout>
<@layout.articlePage extraToc=[{"level": 2, "id": "recommendation-metadata", "text": "Recommendation metadata"}]>
<section class="json-section" aria-labelledby="recommendation-metadata">
  <h2 id="recommendation-metadata">Recommendation metadata</h2>
  <p class="muted">The fields of this Advisor recommendation, as written in the article.</p>
  <@layout.jsonTable rows=article.json caption="Advisor recommendation metadata"/>
</section>
</@layout.articlePage>
