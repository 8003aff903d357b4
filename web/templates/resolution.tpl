{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="{{P}}/resolutions">{{t_res_title}}</a> › <a href="{{P}}/resolutions?instrument={{INSTRUMENT}}">{{INSTRUMENT_LABEL}}</a></p>
<h1>{{FULL_NAME_HTML:none}}</h1>
<p class="description"{{#TITLE_FALLBACK}} lang="{{TITLE_LANG}}"{{/TITLE_FALLBACK}} dir="{{TITLE_DIR}}">{{TITLE_HTML:none}}</p>
<p><span class="status status-{{STATUS}}">{{STATUS_LABEL}}</span></p>
{{#MERGED}}<p class="notice"><a href="{{P}}/resolutions/{{MERGED_INSTRUMENT}}/{{MERGED_NUMBER}}">{{MERGED_SENTENCE}}</a></p>{{/MERGED}}
{{#ABROGATED}}<p class="notice">{{ABROGATED_SENTENCE}}</p>{{/ABROGATED}}
<dl class="facts">
<dt>{{t_res_adopted_by}}</dt><dd>{{INSTRUMENT_LABEL}}</dd>
</dl>
<section aria-labelledby="versions-h"><h2 id="versions-h">{{t_res_versions}}</h2>
<ul>{{#VERSIONS}}<li>{{VERSION_HTML:none}}</li>{{/VERSIONS}}</ul></section>
{{#MERGED_FROM}}<section aria-labelledby="mf-h"><h2 id="mf-h">{{t_res_merged_from}}</h2>
<ul>{{#MF}}<li><a href="{{P}}/resolutions/{{MF_INSTRUMENT}}/{{MF_NUMBER}}">{{MF_NAME}}</a></li>{{/MF}}</ul></section>{{/MERGED_FROM}}
<section aria-labelledby="cited-h"><h2 id="cited-h">{{t_res_cited_by}}</h2>
{{#NO_CITED_BY}}<p>{{t_res_cited_by_none}}</p>{{/NO_CITED_BY}}
<ul class="cited-by">
{{#CITED_BY}}<li><span class="meta">{{CB_KIND_LABEL}}</span> <a href="{{P}}{{CB_URL}}"{{#CB_LINK_FALLBACK}} lang="{{CB_LINK_LANG}}"{{/CB_LINK_FALLBACK}} dir="{{CB_LINK_DIR}}">{{CB_LINK_HTML:none}}</a>{{#CB_DETAIL}} <span{{#CB_TITLE_FALLBACK}} lang="{{CB_TITLE_LANG}}"{{/CB_TITLE_FALLBACK}} dir="{{CB_TITLE_DIR}}">{{CB_TITLE_HTML:none}}</span>{{/CB_DETAIL}} — <q{{#CB_TEXT_FALLBACK}} lang="{{CB_TEXT_LANG}}"{{/CB_TEXT_FALLBACK}} dir="{{CB_TEXT_DIR}}">{{CB_TEXT_HTML:none}}</q></li>{{/CITED_BY}}
</ul></section>
<p class="meta"><a href="/api/v1/resolutions/{{INSTRUMENT}}/{{NUMBER}}">JSON</a></p>
