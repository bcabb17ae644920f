<#ftl output_format="HTML">
<#-- An article page: title, description, table of contents, the rendered body, details. -->
<#import "layout.ftl" as layout>
<@layout.articlePage/>
