{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="{{P}}/consultations/{{ID}}">{{TITLE}}</a></p>
<h1>{{t_published_responses}}</h1>
<p>{{COUNT_LABEL}}</p>
{{#ILLUSTRATIVE}}<p class="note">{{t_illustrative_note}}</p>{{/ILLUSTRATIVE}}
{{#ITEMS}}<article class="response" lang="{{LANGUAGE}}" dir="auto" id="r-{{REFERENCE}}">
<h2>{{NAME}}{{#HAS_ORG}}{{t_punct_comma}}{{ORGANIZATION}}{{/HAS_ORG}}</h2>
<p class="meta" lang="{{PAGE_LANG}}" dir="{{PAGE_DIR}}">{{TYPE_LABEL}} · {{COUNTRY}} · {{t_reference}} {{REFERENCE}}{{#REDACTED}} · {{t_redacted}}{{/REDACTED}}</p>
{{#ANSWER}}<h3 lang="{{PAGE_LANG}}" dir="{{PAGE_DIR}}">{{t_question}} {{NUMBER}}</h3><p class="text" dir="auto">{{TEXT}}</p>{{/ANSWER}}
{{#GENERAL}}<h3 lang="{{PAGE_LANG}}" dir="{{PAGE_DIR}}">{{t_field_general}}</h3><p class="text" dir="auto">{{TEXT}}</p>{{/GENERAL}}
{{#FILES}}<p lang="{{PAGE_LANG}}" dir="{{PAGE_DIR}}"><a href="/attachments/{{FILE_ID}}">{{FILENAME}}</a> ({{FILE_SIZE}})</p>{{/FILES}}
</article>{{/ITEMS}}
<nav class="pager" aria-label="{{t_pagination}}">{{#PREV}}<a href="?page={{PAGE}}" rel="prev">{{t_previous}}</a>{{/PREV}} {{#NEXT}}<a href="?page={{PAGE}}{{#HAS_AFTER}}&amp;after={{AFTER}}{{/HAS_AFTER}}" rel="next">{{t_next}}</a>{{/NEXT}}</nav>
