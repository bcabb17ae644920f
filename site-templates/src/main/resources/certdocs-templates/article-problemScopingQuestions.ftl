<#ftl output_format="HTML">
<#--
  A problemScopingQuestions article: its body, then a read-only preview of the form the customer
  sees. Every control is disabled; labels, required marks, hints, watermarks (as placeholders)
  and options are shown. Elements are printed in the order of article.form.elements.
-->
<#import "layout.ftl" as layout>

<#assign controlNames = {
  "textbox": "Text box",
  "multilinetextbox": "Multi-line text box",
  "dropdown": "Drop-down list",
  "multiselectdropdown": "Multi-select drop-down list",
  "radiobuttongroup": "Radio buttons",
  "checkbox": "Check box",
  "datetimepicker": "Date and time picker",
  "infoblock": "Information block"
}>

<#macro requiredMark el><#if el.required> <span class="required-mark" aria-hidden="true">*</span><span class="visually-hidden"> (required)</span></#if></#macro>

<#macro field el>
<#local type = el.controlType?lower_case>
<#local id = "sq-" + el.id?replace("\\s+", "-", "r")>
<#local hint = el.hint!"">
<#local watermark = el.watermark!"">
<#local options = el.options![]>
<#local hintId = hint?has_content?then(id + "-hint", "")>
<div class="form-field form-field-${type}<#if el.required> is-required</#if>">
  <p class="control-type">${controlNames[type]!el.controlType}</p>
  <#if type == "infoblock">
  <div class="form-info"><p>${el.label}</p></div>
  <#elseif type == "radiobuttongroup" || (type == "checkbox" && options?has_content)>
  <fieldset class="form-choices"<#if hintId?has_content> aria-describedby="${hintId}"</#if>>
    <legend>${el.label}<@requiredMark el/></legend>
    <#list options as o>
    <div class="form-choice">
      <input type="${(type == "radiobuttongroup")?then("radio", "checkbox")}" id="${id}-${o?index?c}" name="${id}" value="${o.value}" disabled>
      <label for="${id}-${o?index?c}">${o.text}</label>
    </div>
    <#else>
    <p class="muted">No options.</p>
    </#list>
  </fieldset>
  <#elseif type == "checkbox">
  <div class="form-choice">
    <input type="checkbox" id="${id}" disabled<#if el.required> required</#if><#if hintId?has_content> aria-describedby="${hintId}"</#if>>
    <label for="${id}">${el.label}<@requiredMark el/></label>
  </div>
  <#else>
  <label class="form-label" for="${id}">${el.label}<@requiredMark el/></label>
  <#if type == "multilinetextbox">
  <textarea id="${id}" rows="3" disabled<#if el.required> required</#if><#if watermark?has_content> placeholder="${watermark}"</#if><#if hintId?has_content> aria-describedby="${hintId}"</#if>></textarea>
  <#elseif type == "dropdown" || type == "multiselectdropdown">
  <#local multiple = type == "multiselectdropdown">
  <select id="${id}" disabled<#if multiple> multiple size="${[[options?size, 2]?max, 8]?min?c}"</#if><#if el.required> required</#if><#if hintId?has_content> aria-describedby="${hintId}"</#if>>
    <#if !multiple><option value="">${watermark?has_content?then(watermark, "Select an option")}</option></#if>
    <#list options as o><option value="${o.value}">${o.text}</option></#list>
  </select>
  <#if !multiple && options?has_content>
  <ul class="form-options" aria-label="Options of ${el.label}">
    <#list options as o><li>${o.text}<#if o.value != o.text> <code>${o.value}</code></#if></li></#list>
  </ul>
  </#if>
  <#elseif type == "datetimepicker">
  <input type="datetime-local" id="${id}" disabled<#if el.required> required</#if><#if hintId?has_content> aria-describedby="${hintId}"</#if>>
  <#else>
  <input type="text" id="${id}" disabled<#if el.required> required</#if><#if watermark?has_content> placeholder="${watermark}"</#if><#if hintId?has_content> aria-describedby="${hintId}"</#if>>
  </#if>
  </#if>
  <#if hint?has_content><p class="form-hint" id="${hintId}">${hint}</p></#if>
</div>
</#macro>

<@layout.articlePage extraToc=[{"level": 2, "id": "form-preview", "text": "Form preview"}]>
<section class="form-preview" aria-labelledby="form-preview">
  <h2 id="form-preview">Form preview</h2>
  <p class="form-preview-note">A read-only preview of the questions as customers see them.
    Fields marked <span class="required-mark" aria-hidden="true">*</span><span class="visually-hidden">with an asterisk</span> are required.</p>
  <#if article.form.elements?has_content>
  <div class="form-preview-fields">
    <#list article.form.elements as el><@field el/></#list>
  </div>
  <#else>
  <p class="muted">This form has no questions.</p>
  </#if>
</section>
</@layout.articlePage>
