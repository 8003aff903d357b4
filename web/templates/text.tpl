{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="{{P}}/meetings/{{MID}}/agenda">{{t_proc_title}}</a> · <bdi>{{DOCUMENT}}</bdi></p>
<h1{{#TITLE_FALLBACK}} lang="{{TITLE_LANG}}"{{/TITLE_FALLBACK}} dir="auto">{{TITLE}}</h1>
{{#TITLE_FALLBACK}}<p class="note">{{TITLE_NOTE}}</p>{{/TITLE_FALLBACK}}
{{#ILLUSTRATIVE}}<p class="note">{{t_drafting_illustrative}}</p>{{/ILLUSTRATIVE}}
<p class="meta"><bdi>{{DOCUMENT}}</bdi> · {{STATUS_LABEL}} · {{t_drafting_version}} {{VERSION}}</p>
<nav class="tabs" aria-label="{{t_drafting_views}}">
<a href="{{P}}/texts/{{ID}}?lang={{CLANG}}"{{#V_BRACKETS}} aria-current="page"{{/V_BRACKETS}}>{{t_drafting_view_brackets}}</a>
· <a href="{{P}}/texts/{{ID}}/clean?lang={{CLANG}}"{{#V_CLEAN}} aria-current="page"{{/V_CLEAN}}>{{t_drafting_view_clean}}</a>
· <a href="{{P}}/texts/{{ID}}/status?lang={{CLANG}}"{{#V_STATUS}} aria-current="page"{{/V_STATUS}}>{{t_drafting_view_status}}</a>
</nav>
<p>{{t_drafting_text_language}}: {{#LANGS}}<a href="{{P}}/texts/{{ID}}{{SUFFIX}}?lang={{CODE}}"{{#CUR}} aria-current="true"{{/CUR}}>{{NAME}}</a>{{#LANGS_separator}} · {{/LANGS_separator}}{{/LANGS}}</p>
{{#TEXT}}<div class="draft" lang="{{CLANG}}" dir="{{CDIR}}">
{{#PROV}}{{#IS_SECTION}}<h2 class="provision section" id="p{{PID}}"><span class="label"><bdi>{{LABEL}}</bdi></span> {{#MISSING}}<span class="note">—</span>{{/MISSING}}{{BODY_HTML:none}}</h2>{{/IS_SECTION}}
{{#IS_PARAGRAPH}}<p class="provision paragraph" id="p{{PID}}"><span class="label"><bdi>{{LABEL}}</bdi></span> {{#MISSING}}<span class="note">—</span>{{/MISSING}}{{BODY_HTML:none}}</p>{{/IS_PARAGRAPH}}
{{#NOTE}}<div class="bracket-note"><p><span class="bracket">[<bdi>{{WORDS}}</bdi>]</span>{{#HAS_PROPOSED}} · {{t_drafting_proposed_by}} {{PROPOSED}}{{/HAS_PROPOSED}}{{#HAS_SUPPORTED}} · {{t_drafting_supported_by}} {{SUPPORTED}}{{/HAS_SUPPORTED}}{{#HAS_OBJECTED}} · {{t_drafting_objected_by}} {{OBJECTED}}{{/HAS_OBJECTED}}{{#HAS_NOTE}} · <bdi>{{NOTE_TEXT}}</bdi>{{/HAS_NOTE}}</p>
{{#ALT}}<p class="alternative">{{ALT_LABEL}}: <bdi>{{ALT_TEXT}}</bdi></p>{{/ALT}}</div>{{/NOTE}}
{{/PROV}}</div>{{/TEXT}}
{{#STATUS}}<p class="sentence" lang="{{CLANG}}" dir="{{CDIR}}">{{SENTENCE}}</p>
<table class="status">
<thead><tr><th scope="col">{{t_drafting_provision}}</th><th scope="col">{{t_drafting_open_brackets}}</th></tr></thead>
<tbody>{{#ROW}}<tr{{#HAS_OPEN}} class="open"{{/HAS_OPEN}}><td><a href="{{P}}/texts/{{ID}}?lang={{CLANG}}#p{{PID}}"><bdi>{{LABEL}}</bdi></a></td><td>{{OPEN}}</td></tr>{{/ROW}}</tbody>
</table>{{/STATUS}}
