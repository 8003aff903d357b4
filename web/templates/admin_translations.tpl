{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="{{P}}/admin">{{t_admin_title}}</a></p>
<h1>{{t_translations_title}}</h1>
{{#HAS_MESSAGE}}<p class="notice" role="status">{{MESSAGE}}</p>{{/HAS_MESSAGE}}
<p class="notice">{{t_translations_covers}}</p>
<p role="status">{{COUNT}}</p>
{{#GROUP}}<h2>{{HEADING}}</h2>
{{#ROW}}<h3><a href="{{P}}{{HREF}}"{{#LABEL_FALLBACK}} lang="{{LABEL_LANG}}"{{/LABEL_FALLBACK}} dir="{{LABEL_DIR}}">{{LABEL_HTML:none}}</a></h3>
<ul>{{#LANG}}<li>{{LNAME}}{{t_punct_colon}}{{#MISSING}}<span class="state-missing">{{MISSING_TEXT}}</span>{{/MISSING}}{{#SEP}}{{t_punct_comma}}{{/SEP}}{{#DRAFT}}<span class="state-draft">{{DRAFT_TEXT}}</span>{{/DRAFT}}</li>{{/LANG}}</ul>{{/ROW}}{{/GROUP}}
