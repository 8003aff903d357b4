{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="{{P}}/consultations/{{ID}}"{{#TITLE_FALLBACK}} lang="{{TITLE_LANG}}"{{/TITLE_FALLBACK}} dir="{{TITLE_DIR}}">{{TITLE_HTML:none}}</a></p>
<h1>{{t_published_responses}}</h1>
<p>{{COUNT_LABEL}}</p>
<p>{{t_responses_download}} <a href="/api/v1/consultations/{{ID}}/responses.csv" download>CSV</a> · <a href="/api/v1/consultations/{{ID}}/responses.xlsx" download>XLSX</a> · <a href="/api/v1/consultations/{{ID}}/responses.json">JSON</a></p>
{{#ILLUSTRATIVE}}<p class="note">{{t_illustrative_note}}</p>{{/ILLUSTRATIVE}}
<form method="get" action="{{P}}/consultations/{{ID}}/responses" class="filters"><fieldset><legend>{{t_moderation_filter}}</legend>
<label for="f-type">{{t_field_stakeholder_type}}</label> <select id="f-type" name="stakeholder_type"><option value="">{{t_moderation_filter_any}}</option>{{#F_TYPE}}<option value="{{K}}"{{#SEL}} selected{{/SEL}}{{#L_FALLBACK}} lang="{{L_LANG}}"{{/L_FALLBACK}} dir="{{L_DIR}}">{{L}}</option>{{/F_TYPE}}</select>
<label for="f-country">{{t_field_country}}</label> <select id="f-country" name="country"><option value="">{{t_moderation_filter_any}}</option>{{#F_COUNTRY}}<option value="{{K}}"{{#SEL}} selected{{/SEL}}>{{L}}</option>{{/F_COUNTRY}}</select>
<label for="f-lang">{{t_moderation_language}}</label> <select id="f-lang" name="language"><option value="">{{t_moderation_filter_any}}</option>{{#F_LANG}}<option value="{{K}}" lang="{{K}}"{{#SEL}} selected{{/SEL}}>{{L}}</option>{{/F_LANG}}</select>
<button type="submit">{{t_moderation_filter}}</button></fieldset></form>
{{#HAS_MATCHES}}<p role="status">{{MATCHES}}</p>{{/HAS_MATCHES}}
{{#ITEMS}}<article class="response" lang="{{LANGUAGE}}" dir="auto" id="r-{{REFERENCE}}">
<h2>{{NAME}}{{#HAS_ORG}}{{t_punct_comma}}{{ORGANIZATION}}{{/HAS_ORG}}</h2>
<p class="meta" lang="{{PAGE_LANG}}" dir="{{PAGE_DIR}}"><span{{#TYPE_LABEL_FALLBACK}} lang="{{TYPE_LABEL_LANG}}"{{/TYPE_LABEL_FALLBACK}} dir="{{TYPE_LABEL_DIR}}">{{TYPE_LABEL_HTML:none}}</span> · {{COUNTRY}} · {{t_reference}} {{REFERENCE_HTML:none}}{{#REDACTED}} · {{t_redacted}}{{/REDACTED}}</p>
{{#ANSWER}}<h3 lang="{{PAGE_LANG}}" dir="{{PAGE_DIR}}">{{t_question}} {{NUMBER}}</h3><p class="question" lang="{{PAGE_LANG}}" dir="{{PAGE_DIR}}"><span{{#QUESTION_FALLBACK}} lang="{{QUESTION_LANG}}"{{/QUESTION_FALLBACK}} dir="{{QUESTION_DIR}}">{{QUESTION_HTML:none}}</span></p><p class="text" dir="auto">{{TEXT}}</p>{{/ANSWER}}
{{#GENERAL}}<h3 lang="{{PAGE_LANG}}" dir="{{PAGE_DIR}}">{{t_field_general}}</h3><p class="text" dir="auto">{{TEXT}}</p>{{/GENERAL}}
{{#FILES}}<p lang="{{PAGE_LANG}}" dir="{{PAGE_DIR}}"><a href="/attachments/{{FILE_ID}}">{{FILENAME}}</a> ({{FILE_SIZE}})</p>{{/FILES}}
</article>{{/ITEMS}}
<nav class="pager" aria-label="{{t_pagination}}">{{#PREV}}<a href="?page={{PAGE}}{{FILTER_QS}}" rel="prev">{{t_previous}}</a>{{/PREV}} {{#NEXT}}<a href="?page={{PAGE}}{{#HAS_AFTER}}&amp;after={{AFTER}}{{/HAS_AFTER}}{{FILTER_QS}}" rel="next">{{t_next}}</a>{{/NEXT}}</nav>
