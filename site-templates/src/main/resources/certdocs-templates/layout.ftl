<#-- Minimal placeholder theme; the full theme arrives with the generate goal. -->
<#macro page title>
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>
<body><main><#nested></main></body></html>
</#macro>
